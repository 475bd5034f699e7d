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
