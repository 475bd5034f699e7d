// setup(): the form, the five tabs with their seeded program, the calendar and its meetings, and the
// two triggers. Idempotent: a second run creates nothing and repairs whatever is missing.
import { DEFAULT_COMMUNITIES, DEFAULT_MEETINGS, DEFAULT_SETTINGS } from '../domain/program/defaults';
import { formSpec } from '../domain/intake/formSpec';
import { cellString } from '../domain/program/cells';
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
import type { Settings } from '../domain/program/model';
import { createLinkedForm_, finishForm_, linkedForm_, openBeyondDomain_, repairForm_ } from '../workspace/form';
import { isPublished_ } from '../workspace/platform';
import { setProperty_, getProperty_ } from '../workspace/properties';
import { ensureSpreadsheetTimeZone_, spreadsheet_, SPREADSHEET_ID_PROPERTY } from '../workspace/spreadsheet';
import { now } from '../workspace/clock';
import { formatLongDate } from '../domain/program/dates';
import { withScriptLock_ } from '../workspace/lock';
import { appendLog_ } from '../workspace/log';
import { readProgram_ } from '../workspace/programRepo';
import { runsOf } from '../workspace/table';
import { appendRows_, ensureTab_, readTable_, type Table } from '../workspace/table';
import { ensureTriggers_ } from '../workspace/triggers';
import { showSetupReport_ } from './installCheck';
import { ensureCalendarAndMeetings_ } from './meetings';
import { ensureTemplates_ } from './templates';

const DATE_TIME_FORMAT = 'yyyy-mm-dd hh:mm';
const DATE_FORMAT = 'yyyy-mm-dd';

function settingValue(key: keyof Settings): unknown {
  const v = DEFAULT_SETTINGS[key];
  if (Array.isArray(v)) return v.join(', ');
  return v;
}

/**
 * Applies a number format to the existing data rows of some columns, one call per contiguous run.
 * Rows added later get their formats when they are written (Applications: see appendApplications_),
 * so no empty rows are formatted ahead.
 */
function formatColumns(table: Table, headers: readonly string[], format: string): void {
  const rows = table.lastRow - 1;
  if (rows < 1) return;
  const cols = headers.map((h) => columnIndex(table, h)).filter((c) => c >= 0);
  for (const [c0, c1] of runsOf(cols)) table.sheet.getRange(2, c0 + 1, rows, c1 - c0 + 1).setNumberFormat(format);
}

function ensureTabs(): string[] {
  const notes: string[] = [];
  const tab = (name: string, headers: readonly string[]): Table => {
    const ensured = ensureTab_(name, headers);
    if (ensured.created) notes.push(`created the ${name} tab`);
    else if (ensured.addedHeaders.length > 0) notes.push(`added ${ensured.addedHeaders.join(', ')} to ${name}`);
    return readTable_(name) as Table;
  };

  const settings = tab(TABS.settings, SETTINGS_HEADERS);
  const nameCol = columnIndex(settings, 'Setting');
  const present = new Set(settings.rows.map((r) => normalizeHeader(r[nameCol])));
  const missing = (Object.keys(SETTING_NAMES) as (keyof typeof SETTING_NAMES)[]).filter((k) => !present.has(normalizeHeader(SETTING_NAMES[k])));
  if (missing.length > 0) {
    const first = appendRows_(
      settings,
      missing.map((k) => ({ Setting: SETTING_NAMES[k], Value: settingValue(k) })),
    );
    const valueCol = columnIndex(settings, 'Value') + 1;
    missing.forEach((k, i) => {
      if (k === 'registrationDeadline' || k === 'notifyFrom') settings.sheet.getRange(first + i, valueCol).setNumberFormat(DATE_TIME_FORMAT);
    });
    notes.push(`seeded Settings: ${missing.map((k) => SETTING_NAMES[k]).join(', ')}`);
  }

  const communities = tab(TABS.communities, COMMUNITY_HEADERS);
  const hasCommunities = communities.rows.some((r) => r.some((v) => v !== ''));
  if (!hasCommunities) {
    appendRows_(
      communities,
      DEFAULT_COMMUNITIES.map((c) => ({
        Key: c.key,
        Community: c.name,
        Description: c.description,
        'Cohort Start': c.cohortStart,
        'Cohort End': c.cohortEnd,
        Capacity: c.capacity ?? '',
      })),
    );
    notes.push(`seeded ${DEFAULT_COMMUNITIES.length} communities`);
  }
  formatColumns(communities, ['Cohort Start', 'Cohort End'], DATE_FORMAT);

  const meetings = tab(TABS.meetings, MEETING_HEADERS);
  const hasMeetings = meetings.rows.some((r) => r.some((v) => v !== ''));
  if (!hasMeetings) {
    const keys = new Set(readProgram_().communities.map((c) => c.key));
    const rows = DEFAULT_MEETINGS.filter((m) => keys.has(m.community));
    if (rows.length > 0) {
      appendRows_(
        meetings,
        rows.map((m) => ({ Community: m.community, Meeting: m.number, Start: m.start, End: m.end, 'Event ID': '' })),
      );
      notes.push(`seeded ${rows.length} meetings`);
    }
  }
  formatColumns(meetings, ['Start', 'End'], DATE_TIME_FORMAT);

  const applications = tab(TABS.applications, APPLICATION_HEADERS);
  // Applicant text stays text through the apostrophe every write puts before a string Sheets would
  // parse (src/domain/program/escape.ts), not through a '@' format: the platform facts do not prove that a
  // plain-text format stops setValues from taking "=..." as a formula, while the apostrophe is
  // documented to, and in a '@' cell the apostrophe would show.
  formatColumns(applications, ['Submitted', 'Decided At'], DATE_TIME_FORMAT);

  // one row per member and meeting (written by recordAttendance and the sweep)
  const attendance = tab(TABS.attendance, ATTENDANCE_HEADERS);
  formatColumns(attendance, ['Recorded At'], DATE_TIME_FORMAT);

  tab(TABS.log, LOG_HEADERS);
  return notes;
}

/**
 * The program's time zone as the Settings tab has it (staff may have changed it), else the default.
 * Read before anything is written, because the spreadsheet's zone must be set first.
 */
function programTimeZone(): string {
  const settings = readTable_(TABS.settings);
  if (settings) {
    const name = columnIndex(settings, 'Setting');
    const value = columnIndex(settings, 'Value');
    if (name >= 0 && value >= 0) {
      const row = settings.rows.find((r) => normalizeHeader(r[name]) === normalizeHeader(SETTING_NAMES.timeZone));
      const tz = row ? cellString(row[value]).trim() : '';
      if (/^[A-Za-z]+(?:\/[A-Za-z0-9_+-]+)+$|^(?:UTC|GMT)$/.test(tz)) return tz;
    }
  }
  return DEFAULT_SETTINGS.timeZone;
}

/**
 * Date cells are typed and shown in the spreadsheet's own zone, which may differ from the script's
 * (a sheet made abroad): it must be the program's before setup writes a date.
 */
function ensureTimeZone(): string {
  const tz = programTimeZone();
  try {
    const was = ensureSpreadsheetTimeZone_(tz);
    return was === null ? `Time zone: the spreadsheet already uses ${tz}.` : `Time zone: set the spreadsheet's time zone to ${tz} (it was ${was}).`;
  } catch (err) {
    return `Time zone: FAILED to set the spreadsheet's time zone to ${tz} (${(err as Error)?.message ?? String(err)}): set it in File > Settings.`;
  }
}

/**
 * Published and, while registration is open, accepting responses. A program whose registration
 * deadline has passed is never opened to applicants (SPEC behaviour 7): the form stays published
 * but takes no responses until a new program year is set.
 */
function ensureForm(): string {
  const program = readProgram_();
  const notes: string[] = [];
  let form = linkedForm_();
  let created = false;
  if (form) {
    notes.push(...repairForm_(form));
    if (finishForm_(form, formSpec(program))) notes.push('added the questions a cut-off run left out');
  } else {
    form = createLinkedForm_(formSpec(program));
    created = true;
  }
  const opened = openBeyondDomain_(form);
  if (opened) notes.push(opened);
  const s = program.settings;
  let closedLine = '';
  if (now().getTime() > s.registrationDeadline.getTime()) {
    if (form.isAcceptingResponses()) {
      form.setCustomClosedFormMessage(`Registration for the ${s.program} is closed. Questions? Contact ${s.contactName} at ${s.contactEmail}.`);
      form.setAcceptingResponses(false);
    }
    closedLine = ` The registration deadline (${formatLongDate(s.registrationDeadline, s.timeZone)}) has passed, so the form is published but NOT accepting responses: set the program year first (menu New program year…), then run Set up again.`;
  } else if (isPublished_(form) !== false && !form.isAcceptingResponses()) {
    closedLine = ' It is published but not accepting responses (closed by hand?): reopen it in the form if registration should be open.';
  }
  const head = created
    ? `Form: created "${form.getTitle()}" (published) and linked it to this spreadsheet`
    : notes.length > 0
      ? 'Form: kept the existing form'
      : 'Form: already in place';
  const rest = created ? (notes.length > 0 ? `; ${notes.join(', ')}` : '') : notes.length > 0 ? `, ${notes.join(', ')}` : '';
  return `${head}${rest}.${closedLine}`;
}

/** The spreadsheet's id, for code that runs without an active spreadsheet (the applicant web app). */
function storeSpreadsheetId(): void {
  const id = spreadsheet_().getId();
  if (getProperty_(SPREADSHEET_ID_PROPERTY) !== id) setProperty_(SPREADSHEET_ID_PROPERTY, id);
}

function describe(result: unknown): string {
  if (typeof result === 'string') return result;
  if (result && typeof result === 'object' && 'summary' in result) return String(result.summary);
  return 'Calendar: done.';
}

export function runSetup_(): string {
  const lines: string[] = [];
  storeSpreadsheetId();
  // before any date is written (the Settings, Communities and Meetings tabs seed dates)
  lines.push(ensureTimeZone());
  const tabNotes = withScriptLock_(ensureTabs);
  lines.push(tabNotes.length > 0 ? `Tabs: ${tabNotes.join('; ')}.` : 'Tabs: already in place.');
  lines.push(ensureTemplates_());
  lines.push(ensureForm());
  // A calendar failure (e.g. a Calendar ID this account cannot open) must not stop the triggers
  // from being installed; the summary says what failed and a second run repairs it.
  try {
    lines.push(describe(ensureCalendarAndMeetings_()));
  } catch (err) {
    if (/exceeded maximum execution time/i.test(String((err as Error)?.message))) throw err;
    lines.push(`Calendar: FAILED: ${(err as Error)?.message ?? String(err)}`);
  }
  const triggers = ensureTriggers_();
  const triggerNotes = [
    ...triggers.created.map((h) => `installed ${h === 'sweep' ? 'the hourly sweep' : 'the form-submit trigger'}`),
    ...(triggers.removed > 0 ? [`removed ${triggers.removed} duplicate trigger(s)`] : []),
  ];
  lines.push(triggerNotes.length > 0 ? `Triggers: ${triggerNotes.join(', ')}.` : 'Triggers: already in place.');
  const summary = lines.join('\n');
  withScriptLock_(() => appendLog_([{ actor: actor(), action: 'Setup', details: summary }]));
  showSetupReport_(summary);
  return summary;
}

function actor(): string {
  try {
    return Session.getActiveUser().getEmail() || Session.getEffectiveUser().getEmail() || 'system';
  } catch {
    return 'system';
  }
}
