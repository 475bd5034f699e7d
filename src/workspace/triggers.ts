// Installable triggers: exactly one spreadsheet form-submit trigger and one hourly sweep.
// getProjectTriggers() lists only the current user's triggers.
import { spreadsheet_ } from './spreadsheet';

export interface TriggerReport {
  created: string[];
  removed: number;
}

function ensureOne(handler: string, type: GoogleAppsScript.Script.EventType, create: () => void, report: TriggerReport, all: GoogleAppsScript.Script.Trigger[]): void {
  const mine = all.filter((t) => t.getHandlerFunction() === handler && t.getEventType() === type);
  // Two triggers on one handler make every submission run twice: keep one.
  for (const extra of mine.slice(1)) {
    ScriptApp.deleteTrigger(extra);
    report.removed++;
  }
  if (mine.length === 0) {
    create();
    report.created.push(handler);
  }
}

export function ensureTriggers_(): TriggerReport {
  const report: TriggerReport = { created: [], removed: 0 };
  const all = ScriptApp.getProjectTriggers();
  ensureOne(
    'onFormSubmit',
    ScriptApp.EventType.ON_FORM_SUBMIT,
    () => ScriptApp.newTrigger('onFormSubmit').forSpreadsheet(spreadsheet_()).onFormSubmit().create(),
    report,
    all,
  );
  ensureOne('sweep', ScriptApp.EventType.CLOCK, () => ScriptApp.newTrigger('sweep').timeBased().everyHours(1).create(), report, all);
  return report;
}
