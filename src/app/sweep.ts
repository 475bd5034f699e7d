// Hourly trigger (and menu "Sync responses now"): responses the trigger missed, then form closing.
// Each step runs even if an earlier one failed; failures are rethrown at the end so the trigger's
// failure is visible. (Intake's minimal version: the notify work adds due notifications here.)
import { catchUpResponses_, closeFormIfDue_ } from './intake';

export function runSweep_(): string {
  const lines: string[] = [];
  const errors: string[] = [];
  const step = (name: string, fn: () => string): void => {
    try {
      lines.push(fn());
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
  if (errors.length > 0) throw new Error(`Sweep finished with errors. ${errors.join(' ')} Done: ${lines.join(' ')}`);
  return lines.join('\n');
}
