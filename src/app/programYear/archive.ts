// The old year's tabs kept under names with its years, and the new year written to Settings,
// Communities and Meetings (stage 'start' → 'sheet' of the switch).
import { columnIndex, normalizeHeader } from '../../domain/program/grid';
import {
  APPLICATION_HEADERS,
  ATTENDANCE_HEADERS,
  COMMUNITY_HEADERS,
  LOG_HEADERS,
  MEETING_HEADERS,
  SETTING_NAMES,
  SETTINGS_HEADERS,
  TABS,
} from '../../domain/program/layout';
import type { SwitchRecord } from '../../domain/programYear/record';
import type { ValidProposal } from '../../domain/programYear/validate';
import { archiveTabName } from '../../domain/programYear/years';
import { bumpApplicationsRevision_ } from '../../workspace/applicationsRepo';
import { forgetSheets_, sheetByName_, spreadsheet_ } from '../../workspace/spreadsheet';
import { appendRows_, ensureTab_, readEnsuredTable_, readTable_, writeRows_, type RowUpdate, type Table } from '../../workspace/table';

/** Tabs of a year that the next year starts empty; the old ones are kept, renamed with the old years. */
const ARCHIVED_TABS = [TABS.applications, TABS.log, TABS.attendance] as const;

const DATE_TIME_FORMAT = 'yyyy-mm-dd hh:mm';
const DATE_FORMAT = 'yyyy-mm-dd';

/** [tab, archived name] for each year tab present, names not yet taken (one getSheets). */
export function archivePlan_(label: string): [string, string][] {
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

/** Renames the old year's tabs and writes the new year to Settings, Communities and Meetings. Under the lock. */
export function archiveAndWrite_(record: SwitchRecord, valid: ValidProposal): void {
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
