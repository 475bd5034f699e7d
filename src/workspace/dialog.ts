// Shows a run's full report in a modal dialog over the spreadsheet (HtmlService). Shared by Set up,
// Sync responses now, Send due notifications and Check installation.
//
// A trigger run has no one to show it to: SpreadsheetApp.getUi() throws there ("Cannot call
// SpreadsheetApp.getUi() from this context"), so callers that know they run from a trigger skip the
// call, and any other context without a UI is caught here. The report text is escaped by the
// renderer (src/domain/report.ts), never here.
import { renderReportHtml, reportHeight, type Report } from '../domain/install/report';

export const REPORT_DIALOG_WIDTH = 720;

/**
 * Time a run that ends with a report keeps back from its work budget: showing it is five service
 * calls (getUi, createHtmlOutput, setWidth, setHeight, showModalDialog), and a slow day must not
 * push them past the 6-minute limit, which would lose the report of work already done.
 */
export const REPORT_RESERVE_MS = 20_000;

/** Shows the report; returns false when there is no UI to show it in. Never throws. */
export function showReportDialog_(report: Report): boolean {
  let ui: GoogleAppsScript.Base.Ui;
  try {
    ui = SpreadsheetApp.getUi();
  } catch {
    return false;
  }
  try {
    const output = HtmlService.createHtmlOutput(renderReportHtml(report)).setWidth(REPORT_DIALOG_WIDTH).setHeight(reportHeight(report));
    ui.showModalDialog(output, report.title);
    return true;
  } catch {
    // e.g. the spreadsheet was closed while the run went on: the return value still carries the text
    return false;
  }
}

/**
 * Whether a top-level function was started by an installable trigger: Apps Script passes those an
 * event object with a triggerUid; a menu item passes nothing.
 */
export function startedByTrigger_(e: unknown): boolean {
  return typeof e === 'object' && e !== null && 'triggerUid' in e && Boolean((e as { triggerUid?: unknown }).triggerUid);
}
