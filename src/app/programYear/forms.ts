// The switch's form steps: the old year's form closed, the new one created once, built and linked,
// the pointers (form id, responses tab) moved to it, and at last published and opened.
import { formSpec } from '../../domain/intake/formSpec';
import { dropConfirmationState_ } from '../intake';
import type { SwitchRecord } from '../../domain/programYear/record';
import { buildForm_, FORM_ID, isLinkedHere_, openBeyondDomain_, RESPONSES_TAB, responsesTabOf_ } from '../../workspace/form';
import { withScriptLock_ } from '../../workspace/lock';
import { publishForm_ } from '../../workspace/platform';
import { loadProgram_ } from '../../workspace/programRepo';
import { deleteProperty_, getProperty_, setProperties_ } from '../../workspace/properties';
import { forgetSheets_, sheetByName_, spreadsheet_ } from '../../workspace/spreadsheet';
import { SCAN_MARK } from '../intake';
import { FORM_CLOSED } from '../closeForm';
import { mustRefresh_, saveRecord_ } from './progress';

type Form = GoogleAppsScript.Forms.Form;

/** The old year's form stops accepting responses; otherwise it stays exactly as it is. */
export function closeOldForm_(record: SwitchRecord, contact: { name: string; email: string }): void {
  if (!record.oldFormId) return;
  let form: Form;
  try {
    form = FormApp.openById(record.oldFormId);
  } catch {
    return; // deleted: nothing to close
  }
  if (!form.isAcceptingResponses()) return;
  form.setCustomClosedFormMessage(`Registration for the ${record.from} is closed. Questions? Contact ${contact.name} at ${contact.email}.`);
  form.setAcceptingResponses(false);
}

/** The new year's form: created once (its id recorded at once), built, linked here, not yet open. */
export function ensureNewForm_(record: SwitchRecord): Form {
  // Under the lock (Forms calls, no mail or Calendar): a second run at the same moment finds the
  // form this one created in the stored record instead of creating another.
  return withScriptLock_(() => {
    mustRefresh_(record);
    return ensureNewFormLocked(record);
  });
}

function ensureNewFormLocked(record: SwitchRecord): Form {
  let form: Form | null = null;
  if (record.newFormId) {
    try {
      form = FormApp.openById(record.newFormId);
    } catch {
      form = null;
    }
  }
  const { program } = loadProgram_();
  const spec = formSpec(program);
  let fresh = false;
  if (!form) {
    // unpublished on today's platform: nobody can answer it until openNewForm publishes it last
    form = FormApp.create(spec.title);
    record.newFormId = form.getId();
    record.built = false;
    saveRecord_(record);
    fresh = true;
  }
  if (!record.built) {
    // Closed until the switch is complete (an older runtime's FormApp.create makes it accepting).
    if (form.isAcceptingResponses()) form.setAcceptingResponses(false);
    // a run cut off while adding questions left the first few: finished in place, the rest added
    buildForm_(form, spec, fresh);
    record.built = true;
    saveRecord_(record);
  }
  if (!isLinkedHere_(form)) form.setDestination(FormApp.DestinationType.SPREADSHEET, spreadsheet_().getId());
  if (!record.responsesTab || !sheetByName_(record.responsesTab)) {
    forgetSheets_();
    const tab = responsesTabOf_(form);
    if (!tab) throw new Error('The new form is linked, but its responses tab was not found. Apply the proposal again.');
    record.responsesTab = tab;
    saveRecord_(record);
  }
  return form;
}

/** From here on the new form and its responses tab are the current ones (intake may run). Under the lock. */
export function switchPointers_(record: SwitchRecord): void {
  setProperties_({ [FORM_ID]: record.newFormId, [RESPONSES_TAB]: record.responsesTab });
  // the new year's form is closed at ITS deadline, and its tab is read from the top
  if (getProperty_(FORM_CLOSED) !== null) deleteProperty_(FORM_CLOSED);
  if (getProperty_(SCAN_MARK) !== null) deleteProperty_(SCAN_MARK);
  // Confirmations still queued belong to last year's responses (the new form is not open yet):
  // they stay in last year's archived Log, which intake no longer reads. The dialog warned about
  // them before the switch. The sending journal goes too.
  dropConfirmationState_();
  saveRecord_(record, 'switched');
}

/** Publishes the new form (today's platform creates forms unpublished) and opens it to responses. */
export function openNewForm_(form: Form): void {
  // a Workspace domain's new form may be domain-only: open it to other agencies, as setup does
  openBeyondDomain_(form);
  publishForm_(form);
  if (!form.isAcceptingResponses()) form.setAcceptingResponses(true);
}
