// The hourly trigger (and menu "Sync responses now"): catch up on responses a trigger missed,
// close the form once the deadline has passed, then deliver what is due. Each step is
// idempotent, so running it again right away finds nothing new to do. A step that throws does not
// stop the next one (a broken form link must not hold back decided emails); failures are rethrown
// at the end so the trigger's failure shows in the executions list. The time limit is rethrown at
// once: nothing more can run.
import { catchUpResponses_ } from './intake';
import { closeFormIfDue_ } from './closeForm';
import { deliverDue_, summarize, TIME_BUDGET_MS } from './notify';
import { now } from '../workspace/clock';
import { syncAttendance_ } from './members';
import { REPORT_RESERVE_MS, startedByTrigger_ } from '../workspace/dialog';
import { showReport_ } from './installCheck';
import { SWITCH_PROPERTY, switchInProgress } from '../domain/programYear/record';
import { getProperty_ } from '../workspace/properties';
import { rememberSpreadsheetId_ } from '../workspace/spreadsheet';

/** `e`: the trigger's event (none from the menu); only a menu run shows its report in a dialog. */
export function runSweep_(e?: unknown): string {
  // the budget counts from the start of the execution, not of the delivery step
  const deadline = now().getTime() + TIME_BUDGET_MS - (startedByTrigger_(e) ? 0 : REPORT_RESERVE_MS);
  // Half-way through a new program year the tabs are between two years: wait for it to finish.
  const record = getProperty_(SWITCH_PROPERTY);
  if (record && switchInProgress({ [SWITCH_PROPERTY]: record })) {
    return 'A new program year is being started and has not finished: nothing was done. Open New program year… and apply it again to finish.';
  }
  const lines: string[] = [];
  const errors: string[] = [];
  const step = (name: string, fn: () => string): void => {
    try {
      const line = fn();
      if (line) lines.push(line);
    } catch (err) {
      if (/exceeded maximum execution time/i.test(String((err as Error)?.message))) throw err;
      errors.push(`${name}: ${(err as Error)?.message ?? String(err)}`);
    }
  };
  step('Responses', () => {
    const s = catchUpResponses_();
    return `Responses: ${s.processed} processed, ${s.rejected} rejected, ${s.added} rows added, ${s.updated} updated; ${s.confirmationsSent} confirmations sent, ${s.confirmationsWaiting} waiting.`;
  });
  step('Form', closeFormIfDue_);
  // Installs set up before the web app existed get the spreadsheet ID it needs (one property read).
  step('Web app', () => (rememberSpreadsheetId_() ? '' : 'Web app: the spreadsheet ID could not be stored.'));
  step('Notifications', () => `Notifications: ${summarize(deliverDue_({ deadline }))}`);
  // the members' RSVPs into the Attendance tab (one Events.list); after the invitations went out
  step('Attendance', syncAttendance_);
  if (!startedByTrigger_(e)) {
    showReport_({
      title: 'Sync responses now',
      headline:
        errors.length > 0 ? `Sync finished with ${errors.length === 1 ? 'an error' : `${errors.length} errors`}; what it could do is done.` : 'Sync finished.',
      lines: [...errors.map((x) => `Error: ${x}`), ...lines],
      failed: errors.length > 0,
    });
  }
  if (errors.length > 0) throw new Error(`Sweep finished with errors. ${errors.join(' ')} Done: ${lines.join(' ')}`);
  return lines.join('\n');
}
