// The application form linked to this spreadsheet.
import type { FormSpec, ItemSpec } from '../domain/intake/formSpec';
import { getProperty_, setProperty_ } from './properties';
import { createPublishedForm_, publishForm_ } from './platform';
import { sheetByName_, spreadsheet_ } from './spreadsheet';

type Form = GoogleAppsScript.Forms.Form;

const FORM_ID = 'formId';
/** The id of the form whose questions setup finished adding (see finishForm_). */
const FORM_FILLED = 'formFilled';

/** The form whose responses land in this spreadsheet, or null. */
export function linkedForm_(): Form | null {
  const url = spreadsheet_().getFormUrl();
  if (url) {
    try {
      return FormApp.openByUrl(url);
    } catch {
      // The linked form was deleted or is not ours to open; fall through.
    }
  }
  const id = getProperty_(FORM_ID);
  if (id) {
    try {
      return FormApp.openById(id);
    } catch {
      return null;
    }
  }
  return null;
}

function addItem(form: Form, item: ItemSpec): void {
  switch (item.type) {
    case 'text': {
      const it = form.addTextItem().setTitle(item.title).setRequired(item.required);
      if (item.helpText) it.setHelpText(item.helpText);
      return;
    }
    case 'paragraph': {
      const it = form.addParagraphTextItem().setTitle(item.title).setRequired(item.required);
      if (item.helpText) it.setHelpText(item.helpText);
      return;
    }
    case 'choice': {
      const it = form.addMultipleChoiceItem().setTitle(item.title).setChoiceValues(item.choices).setRequired(item.required);
      if (item.helpText) it.setHelpText(item.helpText);
      return;
    }
    case 'list': {
      const it = form.addListItem().setTitle(item.title).setChoiceValues(item.choices).setRequired(item.required);
      if (item.helpText) it.setHelpText(item.helpText);
      return;
    }
    case 'checkbox': {
      const it = form.addCheckboxItem().setTitle(item.title).setChoiceValues(item.choices).setRequired(item.required);
      if (item.helpText) it.setHelpText(item.helpText);
      return;
    }
    case 'page': {
      const it = form.addPageBreakItem().setTitle(item.title);
      if (item.helpText) it.setHelpText(item.helpText);
      return;
    }
  }
}

/**
 * Creates the form, published, from the spec and links it to this spreadsheet (Google adds 'Form
 * Responses 1'). The form is linked and its id stored right after it exists, before any question is
 * added: a run cut off later finds it (linkedForm_) and repairs it instead of making a second one.
 * Only a cut between FormApp.create and setDestination can leave an unlinked empty form behind (no
 * Drive scope to find it by name).
 */
export function createLinkedForm_(spec: FormSpec): Form {
  const ssId = spreadsheet_().getId();
  const form = createPublishedForm_(spec.title);
  form.setDestination(FormApp.DestinationType.SPREADSHEET, ssId);
  const id = form.getId();
  setProperty_(FORM_ID, id);
  fillForm_(form, spec, id);
  return form;
}

/**
 * The settings and questions of a form setup created; marks it filled when done. Adds only the
 * questions it does not have yet, so a run cut off halfway finishes the job without duplicates.
 */
function fillForm_(form: Form, spec: FormSpec, id: string): void {
  form.setDescription(spec.description);
  form.setCollectEmail(true);
  form.setConfirmationMessage(spec.confirmationMessage);
  form.setProgressBar(true);
  const have = new Set(form.getItems().map((i) => i.getTitle()));
  for (const item of spec.items) if (!have.has(item.title)) addItem(form, item);
  setProperty_(FORM_FILLED, id);
}

/**
 * A form setup created but did not finish filling (a run cut off): fill it now. A form staff made or
 * edited is never touched. Returns whether it filled anything.
 */
export function finishForm_(form: Form, spec: FormSpec): boolean {
  const id = form.getId();
  if (getProperty_(FORM_ID) !== id || getProperty_(FORM_FILLED) === id) return false;
  fillForm_(form, spec, id);
  return true;
}

/**
 * Repairs an existing form without touching its questions (staff may have edited them): it must
 * collect the respondent's email and send responses here. Returns what it changed.
 */
export function repairForm_(form: Form): string[] {
  const changes: string[] = [];
  // Forms made through the API after 30 June 2026 start unpublished and take no responses.
  if (publishForm_(form)) changes.push('published it (it was unpublished and took no responses)');
  if (!form.collectsEmail()) {
    form.setCollectEmail(true);
    changes.push('now collects respondent emails');
  }
  const ssId = spreadsheet_().getId();
  let linked = false;
  try {
    linked = form.getDestinationId() === ssId;
  } catch {
    linked = false;
  }
  if (!linked) {
    form.setDestination(FormApp.DestinationType.SPREADSHEET, ssId);
    changes.push('linked to this spreadsheet');
  }
  if (getProperty_(FORM_ID) !== form.getId()) setProperty_(FORM_ID, form.getId());
  return changes;
}

/** Stops accepting responses with a closed message; never reopens. Returns false if it was already closed. */
export function closeForm_(form: Form, closedMessage: string): boolean {
  if (!form.isAcceptingResponses()) return false;
  form.setCustomClosedFormMessage(closedMessage);
  form.setAcceptingResponses(false);
  return true;
}

export function formTitles_(form: Form): string[] {
  return form.getItems().map((i) => i.getTitle());
}

/**
 * The name of the tab the form writes to: 'Form Responses 1' normally; if staff renamed it (or the
 * form was relinked to a new tab), the tab that reports a linked form.
 */
export function responsesTabName_(preferred: string): string | null {
  if (sheetByName_(preferred)) return preferred;
  for (const sheet of spreadsheet_().getSheets()) {
    if (sheet.getFormUrl()) return sheet.getName();
  }
  return null;
}
