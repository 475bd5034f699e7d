// Program years (SPEC behaviour 7): propose the next year from the current one, and apply an
// (edited) proposal: last year's Applications and Log are kept as tabs named with its years, its
// form stops accepting responses and stays as it is, a new form and responses tab serve the new
// year, Settings/Communities/Meetings hold it, its meetings are created on the program calendar.
// Nothing is emailed.
//
// Resumable: a progress record (src/domain/programYear/record.ts, one script property) is
// written before the first change; every step below looks at the state before acting, so a run
// cut off at any service call and run again ends in the same state, and applying the same year
// again changes nothing. The one thing no step can find again is a form created by
// FormApp.create whose id was not yet recorded (the run was cut off between the two calls):
// without the Drive scope nothing can list it, so the next run creates another; the first stays
// in the owner's Drive, unpublished, unlinked and empty of questions.
import { applicationsFromGrid } from '../domain/program/applicationRow';
import { isNotificationOwed } from '../domain/notify/due';
import { formSpec } from '../domain/intake/formSpec';
import { columnIndex, normalizeHeader } from '../domain/program/grid';
import {
  APPLICATION_HEADERS,
  ATTENDANCE_HEADERS,
  COMMUNITY_HEADERS,
  LOG_HEADERS,
  MEETING_HEADERS,
  SETTING_NAMES,
  SETTINGS_HEADERS,
  TABS,
} from '../domain/program/layout';
import type { Program } from '../domain/program/model';
import { dropConfirmationState_, waitingConfirmations_ } from './intake';
import { isoInZone } from '../domain/programYear/calendarMath';
import { proposeNextYear } from '../domain/programYear/propose';
import { parseRecord, stageAtLeast, SWITCH_PROPERTY, type Stage, type SwitchRecord } from '../domain/programYear/record';
import { summarizeProblems, validateProposal, type ValidProposal } from '../domain/programYear/validate';
import { archiveTabName, yearsLabel } from '../domain/programYear/years';
import type { ProgramYearProposal, ProposeResult, StartResult } from '../shared/programYear';
import { bumpApplicationsRevision_ } from '../workspace/applicationsRepo';
import { now } from '../workspace/clock';
import { buildForm_, FORM_ID, isLinkedHere_, openBeyondDomain_, RESPONSES_TAB, responsesTabOf_ } from '../workspace/form';
import { withScriptLock_ } from '../workspace/lock';
import { showModalDialogFile_ } from '../workspace/menuUi';
import { publishForm_ } from '../workspace/platform';
import { appendLog_ } from '../workspace/log';
import { loadProgram_ } from '../workspace/programRepo';
import { allProperties_, deleteProperty_, getProperty_, setProperties_, setProperty_ } from '../workspace/properties';
import { forgetSheets_, sheetByName_, spreadsheet_ } from '../workspace/spreadsheet';
import { appendRows_, ensureTab_, readEnsuredTable_, readTable_, writeRows_, type RowUpdate, type Table } from '../workspace/table';
import { FORM_CLOSED, SCAN_MARK } from './intake';
import { ensureCalendarAndMeetings_ } from './meetings';

type Form = GoogleAppsScript.Forms.Form;

/** Tabs of a year that the next year starts empty; the old ones are kept, renamed with the old years. */
const ARCHIVED_TABS = [TABS.applications, TABS.log, TABS.attendance] as const;

const DATE_TIME_FORMAT = 'yyyy-mm-dd hh:mm';
const DATE_FORMAT = 'yyyy-mm-dd';
const STARTED_ACTION = 'Program year started';

function isTimeLimit(err: unknown): boolean {
  return /exceeded maximum execution time/i.test(String((err as Error)?.message ?? err));
}

function actor(): string {
  try {
    return Session.getActiveUser().getEmail() || Session.getEffectiveUser().getEmail() || 'system';
  } catch {
    return 'system';
  }
}

function saveRecord(record: SwitchRecord, stage?: Stage): void {
  if (stage) record.stage = stage;
  setProperty_(SWITCH_PROPERTY, JSON.stringify(record));
}

/**
 * Copies the stored record's progress into `record` (two runs at once each hold a copy). Returns
 * false when the stored record is gone or is another switch's. Call under the lock.
 */
function refresh(record: SwitchRecord): boolean {
  const stored = parseRecord(getProperty_(SWITCH_PROPERTY));
  if (!stored || stored.to !== record.to || stored.at !== record.at) return false;
  Object.assign(record, stored);
  return true;
}

/** refresh(), or stop this run: another run changed the switch (another proposal took over). */
function mustRefresh(record: SwitchRecord): void {
  if (!refresh(record)) throw new Error('another run changed this program-year switch meanwhile; open New program year… again to see where it stands');
}

/** The id of the form now in place, without a Forms call (this runs under the lock). */
function currentFormId(props: Record<string, string>): string {
  if (props[FORM_ID]) return props[FORM_ID];
  const url = spreadsheet_().getFormUrl() || '';
  const m = /\/forms\/d\/([\w-]+)/.exec(url);
  return m && m[1] !== 'e' ? m[1] : '';
}

/** [tab, archived name] for each year tab present, names not yet taken (one getSheets). */
function archivePlan(label: string): [string, string][] {
  const names = new Set(
    spreadsheet_()
      .getSheets()
      .map((s) => s.getName()),
  );
  const plan: [string, string][] = [];
  for (const tab of ARCHIVED_TABS) {
    if (!names.has(tab)) continue;
    const archived = archiveTabName(tab, label, names);
    names.add(archived);
    plan.push([tab, archived]);
  }
  return plan;
}

/** The program as a proposal with no move (a switch that already wrote the new year to the tabs). */
function asProposal(program: Program): ProgramYearProposal {
  const tz = program.settings.timeZone;
  const iso = (d: Date): string => isoInZone(d, tz);
  return {
    program: program.settings.program,
    settings: { timeZone: tz, registrationDeadline: iso(program.settings.registrationDeadline), notifyFrom: iso(program.settings.notifyFrom) },
    communities: program.communities.map((c) => ({
      key: c.key,
      name: c.name,
      description: c.description,
      cohortStart: iso(c.cohortStart),
      cohortEnd: iso(c.cohortEnd),
      capacity: c.capacity,
    })),
    meetings: program.meetings.map((m) => ({ community: m.community, number: m.number, start: iso(m.start), end: iso(m.end) })),
  };
}

/** Decisions of the current year never emailed (the switch leaves them in the archived tab). */
function unsentDecisions(program: Program): number {
  const table = readTable_(TABS.applications);
  if (!table || APPLICATION_HEADERS.some((h) => columnIndex(table, h) < 0)) return 0;
  return applicationsFromGrid(table, program.communities).filter(({ app }) => isNotificationOwed(app)).length;
}

// ---------------------------------------------------------------------------------------------
// proposeProgramYear

export function proposeProgramYear_(): ProposeResult {
  try {
    const { program } = loadProgram_();
    const props = allProperties_();
    const record = parseRecord(props[SWITCH_PROPERTY]);
    const tz = program.settings.timeZone;
    if (record && record.stage !== 'done' && stageAtLeast(record, 'sheet')) {
      // The tabs already hold the new year: propose exactly that, so applying it finishes the switch.
      return {
        ok: true,
        ...asProposal(program),
        current: { program: record.from, years: record.fromLabel },
        years: yearsLabel(program.settings.program, program.communities, tz),
        shiftWeeks: 0,
        archive: record.archives.map(([tab, name]) => `${tab} → ${name}`),
        resume: true,
        notes: [
          `A switch to ${record.to} was started on ${record.at.slice(0, 10)} and did not finish. Apply to finish it; the dates are those already written to the Settings and Meetings tabs.`,
        ],
      };
    }
    const next = proposeNextYear(program, now());
    const notes: string[] = [];
    const unsent = unsentDecisions(program);
    if (unsent > 0) {
      notes.push(
        `${unsent} decision${unsent === 1 ? ' has' : 's have'} not been emailed yet. After the switch they stay in the archived Applications tab and are never sent: send due notifications first if they should go out.`,
      );
    }
    const waiting = waitingConfirmations_();
    if (waiting > 0) {
      notes.push(
        `${waiting} confirmation email${waiting === 1 ? ' is' : 's are'} still waiting to be sent (mail quota). The switch drops them: run Sync responses now first if they should go out.`,
      );
    }
    const plan = record && record.stage !== 'done' ? record.archives : archivePlan(next.fromLabel);
    return {
      ok: true,
      ...next.proposal,
      current: { program: program.settings.program, years: next.fromLabel },
      years: next.toLabel,
      shiftWeeks: next.weeks,
      archive: plan.map(([tab, name]) => `${tab} → ${name}`),
      resume: !!record && record.stage !== 'done',
      notes,
    };
  } catch (err) {
    if (isTimeLimit(err)) throw err;
    return { ok: false, error: `Could not propose the next program year: ${(err as Error)?.message ?? String(err)}` };
  }
}

// ---------------------------------------------------------------------------------------------
// startProgramYear

interface Begun {
  record: SwitchRecord;
  valid: ValidProposal;
}

type BeginResult = { begun: Begun } | { result: StartResult };

function begin(input: unknown): BeginResult {
  return withScriptLock_((): BeginResult => {
    const { program } = loadProgram_();
    const props = allProperties_();
    let record = parseRecord(props[SWITCH_PROPERTY]);
    const name =
      input && typeof input === 'object' && typeof (input as { program?: unknown }).program === 'string'
        ? String((input as { program: string }).program).trim()
        : '';

    if (record && record.stage === 'done' && record.to === name && program.settings.program === name) {
      return {
        result: {
          ok: true,
          program: name,
          alreadyApplied: true,
          archived: record.archives.map(([, a]) => a),
          formUrl: '',
          responsesTab: record.responsesTab,
          events: program.meetings.filter((m) => m.eventId).length,
          summary: `${name} is already the current program year: nothing was changed.`,
        },
      };
    }
    const resuming = !!record && record.stage !== 'done';
    if (resuming && stageAtLeast(record as SwitchRecord, 'sheet') && name !== (record as SwitchRecord).to) {
      return {
        result: {
          ok: false,
          error: `A switch to "${(record as SwitchRecord).to}" was started and has not finished. Open New program year… again: it shows that year; apply it to finish, then start another year if needed.`,
          problems: [{ field: 'program', message: `Finish the switch to "${(record as SwitchRecord).to}" first.` }],
        },
      };
    }
    const checked = validateProposal(input, {
      timeZone: program.settings.timeZone,
      currentProgram: resuming ? (record as SwitchRecord).from : program.settings.program,
      now: now(),
    });
    if (!checked.ok) return { result: { ok: false, error: summarizeProblems(checked.problems), problems: checked.problems } };

    if (!resuming) {
      const label = yearsLabel(program.settings.program, program.communities, program.settings.timeZone);
      record = {
        v: 1,
        from: program.settings.program,
        fromLabel: label,
        to: checked.value.program,
        archives: archivePlan(label),
        oldFormId: currentFormId(props),
        newFormId: '',
        built: false,
        responsesTab: '',
        stage: 'start',
        at: now().toISOString(),
      };
      saveRecord(record);
    } else if ((record as SwitchRecord).to !== checked.value.program) {
      // still at 'start': nothing of the new year is written yet, so another name may take over
      (record as SwitchRecord).to = checked.value.program;
      saveRecord(record as SwitchRecord);
    }
    return { begun: { record: record as SwitchRecord, valid: checked.value } };
  });
}

/** The old year's form stops accepting responses; otherwise it stays exactly as it is. */
function closeOldForm(record: SwitchRecord, contact: { name: string; email: string }): void {
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

/** Renames the old year's tabs and writes the new year to Settings, Communities and Meetings. Under the lock. */
function archiveAndWrite(record: SwitchRecord, valid: ValidProposal): void {
  for (const [tab, archived] of record.archives) {
    const live = sheetByName_(tab);
    // A resumed run finds the archive already there (and maybe the new, empty tab): leave both.
    if (live && !sheetByName_(archived)) live.setName(archived);
    forgetSheets_();
  }
  ensureTab_(TABS.applications, APPLICATION_HEADERS);
  // open review pages reload: last year's applications moved to the archive tab
  bumpApplicationsRevision_();
  ensureTab_(TABS.log, LOG_HEADERS);
  // the new year's (empty) Attendance tab, when the old year had one (the members view adds it otherwise)
  if (record.archives.some(([tab]) => tab === TABS.attendance)) ensureTab_(TABS.attendance, ATTENDANCE_HEADERS);

  // Settings: only the rows a year changes; contact, reviewers, calendar and switches carry over.
  let settings = readTable_(TABS.settings);
  if (!settings) {
    ensureTab_(TABS.settings, SETTINGS_HEADERS);
    settings = readEnsuredTable_(TABS.settings);
  }
  const values: [string, unknown][] = [
    [SETTING_NAMES.program, valid.program],
    [SETTING_NAMES.registrationDeadline, valid.registrationDeadline],
    [SETTING_NAMES.notifyFrom, valid.notifyFrom],
  ];
  const nameCol = columnIndex(settings, 'Setting');
  const updates: RowUpdate[] = [];
  const missing: Record<string, unknown>[] = [];
  for (const [n, v] of values) {
    const i = nameCol < 0 ? -1 : settings.rows.findIndex((r) => normalizeHeader(r[nameCol]) === normalizeHeader(n));
    if (i >= 0) updates.push({ row: i + 2, values: { Value: v } });
    else missing.push({ Setting: n, Value: v });
  }
  writeRows_(settings, updates);
  if (missing.length) appendRows_(settings, missing);

  replaceRows(
    TABS.communities,
    COMMUNITY_HEADERS,
    valid.communities.map((c) => ({
      Key: c.key,
      Community: c.name,
      Description: c.description,
      'Cohort Start': c.cohortStart,
      'Cohort End': c.cohortEnd,
      Capacity: c.capacity ?? '',
    })),
    ['Cohort Start', 'Cohort End'],
    DATE_FORMAT,
  );
  replaceRows(
    TABS.meetings,
    MEETING_HEADERS,
    valid.meetings.map((m) => ({ Community: m.community, Meeting: m.number, Start: m.start, End: m.end, 'Event ID': '' })),
    ['Start', 'End'],
    DATE_TIME_FORMAT,
  );
}

/** Clears a tab's data rows (every column: a new year's rows share nothing with the old) and writes `records`. */
function replaceRows(name: string, headers: readonly string[], records: Record<string, unknown>[], dateHeaders: string[], format: string): void {
  let table = readTable_(name);
  if (!table || headers.some((h) => columnIndex(table as Table, h) < 0)) {
    ensureTab_(name, headers);
    table = readEnsuredTable_(name);
  }
  const width = Math.max(table.headers.length, 1);
  if (table.lastRow >= 2) table.sheet.getRange(2, 1, table.lastRow - 1, width).clearContent();
  const head = { name: table.name, sheet: table.sheet, headers: table.headers, lastRow: 1 };
  const first = appendRows_(head, records);
  for (const h of dateHeaders) {
    const c = columnIndex(table, h);
    if (c >= 0 && records.length > 0) table.sheet.getRange(first, c + 1, records.length, 1).setNumberFormat(format);
  }
}

/** The new year's form: created once (its id recorded at once), built, linked here, not yet open. */
function ensureNewForm(record: SwitchRecord): Form {
  // Under the lock (Forms calls, no mail or Calendar): a second run at the same moment finds the
  // form this one created in the stored record instead of creating another.
  return withScriptLock_(() => {
    mustRefresh(record);
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
    saveRecord(record);
    fresh = true;
  }
  if (!record.built) {
    // Closed until the switch is complete (an older runtime's FormApp.create makes it accepting).
    if (form.isAcceptingResponses()) form.setAcceptingResponses(false);
    // a run cut off while adding questions left the first few: finished in place, the rest added
    buildForm_(form, spec, fresh);
    record.built = true;
    saveRecord(record);
  }
  if (!isLinkedHere_(form)) form.setDestination(FormApp.DestinationType.SPREADSHEET, spreadsheet_().getId());
  if (!record.responsesTab || !sheetByName_(record.responsesTab)) {
    forgetSheets_();
    const tab = responsesTabOf_(form);
    if (!tab) throw new Error('The new form is linked, but its responses tab was not found. Apply the proposal again.');
    record.responsesTab = tab;
    saveRecord(record);
  }
  return form;
}

/** From here on the new form and its responses tab are the current ones (intake may run). Under the lock. */
function switchPointers(record: SwitchRecord): void {
  setProperties_({ [FORM_ID]: record.newFormId, [RESPONSES_TAB]: record.responsesTab });
  // the new year's form is closed at ITS deadline, and its tab is read from the top
  if (getProperty_(FORM_CLOSED) !== null) deleteProperty_(FORM_CLOSED);
  if (getProperty_(SCAN_MARK) !== null) deleteProperty_(SCAN_MARK);
  // Confirmations still queued belong to last year's responses (the new form is not open yet):
  // they stay in last year's archived Log, which intake no longer reads. The dialog warned about
  // them before the switch. The sending journal goes too.
  dropConfirmationState_();
  saveRecord(record, 'switched');
}

/** Publishes the new form (today's platform creates forms unpublished) and opens it to responses. */
function openNewForm(form: Form): void {
  // a Workspace domain's new form may be domain-only: open it to other agencies, as setup does
  openBeyondDomain_(form);
  publishForm_(form);
  if (!form.isAcceptingResponses()) form.setAcceptingResponses(true);
}

function finish(record: SwitchRecord, who: string): number {
  return withScriptLock_(() => {
    mustRefresh(record);
    const log = readTable_(TABS.log);
    const actionCol = log ? columnIndex(log, 'Action') : -1;
    const detailsCol = log ? columnIndex(log, 'Details') : -1;
    const logged = !!log && log.rows.some((r) => r[actionCol] === STARTED_ACTION && String(r[detailsCol]).includes(record.to));
    if (!logged) {
      appendLog_([
        {
          actor: who,
          action: STARTED_ACTION,
          details: `${record.to} replaces ${record.from}. Archived: ${record.archives.map(([t, a]) => `${t} → ${a}`).join(', ') || 'nothing'}. New form ${record.newFormId}, responses in "${record.responsesTab}". The old form stopped accepting responses.`,
        },
      ]);
    }
    saveRecord(record, 'done');
    return loadProgram_().program.meetings.filter((m) => m.eventId).length;
  });
}

function apply(input: unknown): StartResult {
  const started = begin(input);
  if ('result' in started) return started.result;
  const { record, valid } = started.begun;
  const who = actor();
  const settings = withScriptLock_(() => loadProgram_().program.settings);

  closeOldForm(record, { name: settings.contactName, email: settings.contactEmail });
  if (record.stage === 'start') {
    withScriptLock_(() => {
      // another run (a second dialog) may have done this step meanwhile: the stored record says
      mustRefresh(record);
      if (record.stage !== 'start') return;
      archiveAndWrite(record, valid);
      saveRecord(record, 'sheet');
    });
  }
  const form = ensureNewForm(record);
  withScriptLock_(() => {
    mustRefresh(record);
    if (record.stage === 'sheet') switchPointers(record);
  });

  const calendar = ensureCalendarAndMeetings_();
  if (/failed/i.test(calendar)) {
    return {
      ok: false,
      error: `The new year is in place but some meetings could not be created on the calendar (${calendar}). Apply again to finish; nothing is sent twice.`,
    };
  }
  openNewForm(form);
  const events = finish(record, who);
  let formUrl: string;
  try {
    formUrl = form.getPublishedUrl();
  } catch {
    formUrl = '';
  }
  const archived = record.archives.map(([, a]) => a);
  return {
    ok: true,
    program: record.to,
    alreadyApplied: false,
    archived,
    formUrl,
    responsesTab: record.responsesTab,
    events,
    summary: [
      `${record.to} is the current program year.`,
      archived.length ? `Kept last year's tabs as ${archived.join(', ')}.` : '',
      `The ${record.from} form no longer accepts responses; the new form does, with its responses in "${record.responsesTab}".`,
      `${events} meeting${events === 1 ? '' : 's'} on the program calendar. Nothing was emailed.`,
    ]
      .filter(Boolean)
      .join(' '),
  };
}

export function startProgramYear_(input: unknown): StartResult {
  try {
    return apply(input);
  } catch (err) {
    if (isTimeLimit(err)) throw err;
    return {
      ok: false,
      error: `The new program year was not finished: ${(err as Error)?.message ?? String(err)}. Apply the same proposal again to resume where it stopped.`,
    };
  }
}

export function openProgramYearDialog_(): void {
  showModalDialogFile_('ProgramYear', 'New program year', 1000, 700);
}
