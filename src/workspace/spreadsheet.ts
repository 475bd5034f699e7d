// The program's spreadsheet and its tabs, looked up once per execution: every Apps Script call
// costs a round trip, and the same tab is needed by several adapters in one run.
//
// Which spreadsheet: from the sheet's own menus, sidebar and triggers it is the bound (active)
// spreadsheet. A web app has none ("these methods are not available" when a bound script runs as
// a web app: developers.google.com/apps-script/guides/bound), so doGet and the endpoints its page
// calls open the sheet by the ID setup stored in script properties (SpreadsheetApp.openById,
// which is why the manifest asks for `spreadsheets` rather than `spreadsheets.currentonly`).
import { getProperty_, setProperty_ } from './properties';

type Spreadsheet = GoogleAppsScript.Spreadsheet.Spreadsheet;
type Sheet = GoogleAppsScript.Spreadsheet.Sheet;

/** Script property holding the spreadsheet's ID (written by setup and the hourly sweep). */
export const SPREADSHEET_ID_PROPERTY = 'cop.spreadsheetId';

let active: Spreadsheet | null = null;
let webApp = false;
const sheets = new Map<string, Sheet | null>();

/**
 * Marks this execution as the web app's: the spreadsheet is then only ever opened by its stored
 * ID (getActiveSpreadsheet is not even tried: it may be null or throw there).
 */
export function enterWebApp_(): void {
  webApp = true;
}

export function inWebApp_(): boolean {
  return webApp;
}

/**
 * The bound spreadsheet, or null when there is none (the documented "null if there is none").
 * A service error is not "none": it propagates, so a failing run fails rather than quietly
 * switching to the stored ID.
 */
function activeOrNull(): Spreadsheet | null {
  return SpreadsheetApp.getActiveSpreadsheet() ?? null;
}

/** The program's spreadsheet: the active one, or the one whose ID setup stored when there is none. */
export function spreadsheet_(): Spreadsheet {
  if (active) return active;
  const bound = webApp ? null : activeOrNull();
  if (bound) {
    active = bound;
    return active;
  }
  const id = getProperty_(SPREADSHEET_ID_PROPERTY);
  if (!id) throw new Error('The spreadsheet is not known here yet: run Set up from the spreadsheet menu once.');
  active = SpreadsheetApp.openById(id);
  return active;
}

/**
 * Stores the bound spreadsheet's ID for the web app (setup, sweep). One property read; a write only
 * when it changed (a copied spreadsheet gets its own script and its own ID). Returns the ID.
 */
export function rememberSpreadsheetId_(): string | null {
  const bound = webApp ? null : activeOrNull();
  if (!bound) return null;
  active = bound;
  const id = bound.getId();
  if (getProperty_(SPREADSHEET_ID_PROPERTY) !== id) setProperty_(SPREADSHEET_ID_PROPERTY, id);
  return id;
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
