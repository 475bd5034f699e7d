// The bound spreadsheet and its tabs, looked up once per execution: every Apps Script call costs
// a round trip, and the same tab is needed by several adapters in one run.
type Spreadsheet = GoogleAppsScript.Spreadsheet.Spreadsheet;
type Sheet = GoogleAppsScript.Spreadsheet.Sheet;

let active: Spreadsheet | null = null;
const sheets = new Map<string, Sheet | null>();

export function spreadsheet_(): Spreadsheet {
  if (!active) active = SpreadsheetApp.getActiveSpreadsheet();
  return active;
}

/** The tab, or null when it does not exist. */
export function sheetByName_(name: string): Sheet | null {
  if (!sheets.has(name)) sheets.set(name, spreadsheet_().getSheetByName(name));
  return sheets.get(name) ?? null;
}

export function insertSheet_(name: string): Sheet {
  const sheet = spreadsheet_().insertSheet(name);
  sheets.set(name, sheet);
  return sheet;
}

/** Forgets cached tabs (after a tab was deleted or renamed by this execution). */
export function forgetSheets_(): void {
  sheets.clear();
}

export function flush_(): void {
  SpreadsheetApp.flush();
}

/** Script property: this spreadsheet's id, stored by setup for code that has no active spreadsheet (the web app). */
export const SPREADSHEET_ID_PROPERTY = 'cop.spreadsheetId';

/**
 * Makes the spreadsheet's own time zone `timeZone` (date cells are typed and shown in it, not in the
 * script's). Returns the zone it had when it changed it, null when it already matched.
 */
export function ensureSpreadsheetTimeZone_(timeZone: string): string | null {
  const ss = spreadsheet_();
  const was = ss.getSpreadsheetTimeZone();
  if (was === timeZone) return null;
  ss.setSpreadsheetTimeZone(timeZone);
  return was;
}
