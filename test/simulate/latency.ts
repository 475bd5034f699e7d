// The per-call latency model of `npm run simulate`: how long one Apps Script service call takes on
// Google's servers, by method and (for value reads and writes) by cells. The emulator advances its
// clock by these figures after every call (Faults.setLatencyModel), so the bundle's own time budget
// and the 6-minute limit see a realistic clock; each execution's modeled duration is then computed
// from its ServiceCall list (modeledMs), never from this machine's wall time.
//
// Every figure is either SOURCED (a published measurement or Google's own statement, cited) or an
// ASSUMPTION (stated as such, chosen on the slow side so a limit is hit here before it is hit live).
import type { Execution, ServiceCall } from '../../emulator';

export interface Figure {
  what: string;
  ms: string;
  basis: 'sourced' | 'assumption';
  source: string;
}

const BEST_PRACTICES = 'https://developers.google.com/apps-script/guides/support/best-practices';
const ZIRITIONE = 'https://ziritione.org/post/apps_script_performance';

export const FIXED = {
  /** Spreadsheet calls that only name things (getSheetByName, getRange, getLastRow, ...). */
  sheetMeta: 7,
  /** one read or write of values, before its cells */
  sheetValuesBase: 50,
  /** per cell read or written */
  perCell: 0.1,
  /** SpreadsheetApp.flush, insertSheet, setFrozenRows and other structural calls */
  sheetStructural: 200,
  propertiesRead: 30,
  propertiesWrite: 62,
  cacheGet: 3,
  cachePut: 93,
  lock: 50,
  mailSend: 1200,
  mailQuota: 30,
  calendarRead: 300,
  calendarWrite: 700,
  calendarAppCall: 300,
  formCall: 300,
  scriptApp: 200,
  inProcess: 1,
  other: 50,
  /** an execution's own start (loading the project, building the event object) */
  executionStart: 500,
} as const;

export const FIGURES: Figure[] = [
  {
    what: 'Spreadsheet call that only names a sheet or range (getSheetByName, getRange, getLastRow, …)',
    ms: `${FIXED.sheetMeta}`,
    basis: 'sourced',
    source: `Google's best-practices page: 10,000 cell-by-cell calls in its 100×100 example take "about 70 seconds", i.e. ≈7 ms a call (${BEST_PRACTICES})`,
  },
  {
    what: 'Spreadsheet value read or write (getValues, getDisplayValues, setValues, …)',
    ms: `${FIXED.sheetValuesBase} + ${FIXED.perCell} per cell`,
    basis: 'sourced',
    source: `per cell: the same page's batched version of the 100×100 example "runs in just 1 second" (10,000 cells ⇒ 0.1 ms a cell); the ${FIXED.sheetValuesBase} ms base per call is an assumption (a read first commits the write cache, same page; tanaikech's benchmark gist d102c9600ba12a162c667287d2f20fe4 measures read/write costs by size)`,
  },
  {
    what: 'Spreadsheet structural call (insertSheet, flush, setFrozenRows, formats, …)',
    ms: `${FIXED.sheetStructural}`,
    basis: 'assumption',
    source: 'assumption (a flush costs ~600 ms in one published test of a 4,000-cell write; most structural calls happen once, in setup)',
  },
  {
    what: 'PropertiesService read (getProperty, getProperties, getKeys)',
    ms: `${FIXED.propertiesRead}`,
    basis: 'sourced',
    source: `mean of 100 runs of getScriptProperties().getProperty (${ZIRITIONE})`,
  },
  {
    what: 'PropertiesService write (setProperty, setProperties, deleteProperty)',
    ms: `${FIXED.propertiesWrite}`,
    basis: 'sourced',
    source: `mean of 100 runs of getScriptProperties().setProperty (${ZIRITIONE})`,
  },
  { what: 'CacheService get / put', ms: `${FIXED.cacheGet} / ${FIXED.cachePut}`, basis: 'sourced', source: `means of 100 runs (${ZIRITIONE})` },
  {
    what: 'LockService (getScriptLock, waitLock, tryLock, releaseLock) when free',
    ms: `${FIXED.lock}`,
    basis: 'assumption',
    source: 'assumption; waiting for a held lock advances the emulated clock by the wait itself',
  },
  {
    what: 'MailApp.sendEmail / GmailApp.sendEmail',
    ms: `${FIXED.mailSend}`,
    basis: 'sourced',
    source:
      'an email of 100 KB "will take about 1.2 seconds to send" (Small Outbox add-on FAQ, sites.google.com/quickfixters.com/add-onsuniverse/faq); ours are smaller, so this is on the slow side',
  },
  { what: 'MailApp.getRemainingDailyQuota', ms: `${FIXED.mailQuota}`, basis: 'assumption', source: 'assumption (a quota read, like a property read)' },
  {
    what: 'Calendar advanced service read (Events.get, Events.list, Calendars.get)',
    ms: `${FIXED.calendarRead}`,
    basis: 'assumption',
    source: 'assumption (one Calendar API round trip; the API allows 600 requests/min/user, developers.google.com/workspace/calendar/api/guides/quota)',
  },
  {
    what: 'Calendar advanced service write (Events.patch/insert/update/remove, sending invitations)',
    ms: `${FIXED.calendarWrite}`,
    basis: 'assumption',
    source: 'assumption (a write that also mails every new guest)',
  },
  { what: 'CalendarApp call', ms: `${FIXED.calendarAppCall}`, basis: 'assumption', source: 'assumption' },
  { what: 'FormApp call', ms: `${FIXED.formCall}`, basis: 'assumption', source: 'assumption (opening a form is a Drive round trip)' },
  { what: 'ScriptApp call (triggers, authorization info)', ms: `${FIXED.scriptApp}`, basis: 'assumption', source: 'assumption' },
  { what: 'Session, Utilities, Logger, HtmlService', ms: `${FIXED.inProcess}`, basis: 'assumption', source: 'assumption (in-process: no server round trip)' },
  { what: 'Start of an execution (trigger or menu)', ms: `${FIXED.executionStart}`, basis: 'assumption', source: 'assumption; counted in the trigger runtime' },
];

const SHEET_META =
  /^(Spreadsheet|Sheet|Range|RangeList)\.(get(?!Values|DisplayValues|Formulas|RichTextValues|Backgrounds|NumberFormats|Notes)\w*|is\w+|has\w+)$/;
const SHEET_VALUES =
  /^Range\.(getValues|getDisplayValues|getFormulas|getRichTextValues|getBackgrounds|getNumberFormats|getNotes|setValues|setFormulas|setRichTextValues|setBackgrounds|setNumberFormats|setNotes|getValue|setValue|getDisplayValue|setFormula)$/;
const CAL_READ = /^(Events|Calendars|CalendarList)\.(get|list)$/;

/** Emulated milliseconds one finished call took. */
export function callMs(c: ServiceCall): number {
  switch (c.service) {
    case 'SpreadsheetApp':
      if (SHEET_VALUES.test(c.method)) return FIXED.sheetValuesBase + FIXED.perCell * (c.cells ?? 1);
      if (SHEET_META.test(c.method) || c.method.startsWith('SpreadsheetApp.get') || c.method === 'SpreadsheetApp.getActive') return FIXED.sheetMeta;
      return c.method.startsWith('Sheet.appendRow') ? FIXED.sheetValuesBase : FIXED.sheetStructural;
    case 'PropertiesService':
      return /\.(get\w*|getKeys)$/.test(c.method) ? FIXED.propertiesRead : FIXED.propertiesWrite;
    case 'CacheService':
      return /\.put/.test(c.method) ? FIXED.cachePut : FIXED.cacheGet;
    case 'LockService':
      return FIXED.lock;
    case 'MailApp':
    case 'GmailApp':
      return /sendEmail$/.test(c.method) ? FIXED.mailSend : FIXED.mailQuota;
    case 'Calendar':
      return CAL_READ.test(c.method) ? FIXED.calendarRead : FIXED.calendarWrite;
    case 'CalendarApp':
      return FIXED.calendarAppCall;
    case 'FormApp':
      return FIXED.formCall;
    case 'ScriptApp':
      return FIXED.scriptApp;
    case 'Session':
    case 'Utilities':
    case 'Logger':
    case 'HtmlService':
      return FIXED.inProcess;
    default:
      return FIXED.other;
  }
}

/** The modeled duration of an execution, from its ServiceCall list (plus its start). */
export function modeledMs(e: Execution): number {
  let ms = FIXED.executionStart;
  for (const c of e.calls) ms += callMs(c);
  return ms;
}
