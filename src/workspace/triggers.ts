// Installable triggers: exactly one spreadsheet form-submit trigger and one hourly sweep.
// getProjectTriggers() lists only the current user's triggers.
import { getProperty_, setProperty_ } from './properties';
import { spreadsheet_ } from './spreadsheet';

/**
 * Script property: the email of whoever owns the triggers. getProjectTriggers() shows each person
 * only their own, so Check installation run by anyone else names this person instead.
 */
export const INSTALLER_PROPERTY = 'cop.installer';

export interface TriggerReport {
  created: string[];
  removed: number;
}

type Trigger = GoogleAppsScript.Script.Trigger;

export function ensureTriggers_(): TriggerReport {
  const report: TriggerReport = { created: [], removed: 0 };
  // Read every trigger's identity before deleting any: a deleted trigger's getters throw.
  const all = ScriptApp.getProjectTriggers().map((t) => ({ t, handler: t.getHandlerFunction(), type: t.getEventType() }));
  const wanted: { handler: string; type: GoogleAppsScript.Script.EventType; create: () => void }[] = [
    {
      handler: 'onFormSubmit',
      type: ScriptApp.EventType.ON_FORM_SUBMIT,
      create: () => ScriptApp.newTrigger('onFormSubmit').forSpreadsheet(spreadsheet_()).onFormSubmit().create(),
    },
    { handler: 'sweep', type: ScriptApp.EventType.CLOCK, create: () => ScriptApp.newTrigger('sweep').timeBased().everyHours(1).create() },
  ];
  for (const w of wanted) {
    const mine: Trigger[] = all.filter((x) => x.handler === w.handler && x.type === w.type).map((x) => x.t);
    // Two triggers on one handler make every submission run twice: keep one.
    for (const extra of mine.slice(1)) {
      ScriptApp.deleteTrigger(extra);
      report.removed++;
    }
    if (mine.length === 0) {
      w.create();
      report.created.push(w.handler);
    }
  }
  recordInstaller();
  return report;
}

function recordInstaller(): void {
  let me: string;
  try {
    me = String(Session.getEffectiveUser().getEmail() ?? '');
  } catch {
    me = '';
  }
  if (me && getProperty_(INSTALLER_PROPERTY) !== me) setProperty_(INSTALLER_PROPERTY, me);
}
