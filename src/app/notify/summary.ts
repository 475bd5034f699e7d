// A delivery run's summary: the menu's "Send due notifications" report and the sweep's line.
import { now } from '../../workspace/clock';
import { REPORT_RESERVE_MS } from '../../workspace/dialog';
import { showReport_ } from '../installCheck';
import { deliverDue_ } from './deliver';
import { TIME_BUDGET_MS, type DeliveryResult } from './run';

/** Menu "Send due notifications". */
export function runDueNotifications_(): string {
  const summary = summarize(deliverDue_({ deadline: now().getTime() + TIME_BUDGET_MS - REPORT_RESERVE_MS }));
  showReport_({
    title: 'Send due notifications',
    headline: 'Due notifications: done.',
    lines: summary
      .replace(/\.$/, '')
      .split('; ')
      .map((p) => `${p.charAt(0).toUpperCase()}${p.slice(1)}.`),
  });
  return summary;
}

export function summarize(r: DeliveryResult): string {
  const parts = [`${r.sent} email${r.sent === 1 ? '' : 's'} sent`, `${r.eventsUpdated} meeting event${r.eventsUpdated === 1 ? '' : 's'} updated`];
  if (r.agendasSent) parts.push(`${r.agendasSent} of them agenda email${r.agendasSent === 1 ? '' : 's'}`);
  if (r.followUpsSent) parts.push(`${r.followUpsSent} of them attendance follow-up${r.followUpsSent === 1 ? '' : 's'}`);
  if (r.descriptionsUpdated) parts.push(`${r.descriptionsUpdated} agenda${r.descriptionsUpdated === 1 ? '' : 's'} put on the meeting events`);
  if (r.failures) parts.push(`${r.failures} failed (see Log; retried next run)`);
  if (r.stopped === 'time') parts.push('paused at the time limit; the rest goes out on the next sweep');
  if (r.stopped === 'quota') parts.push('daily email quota reached; the rest goes out on the next sweep');
  if (r.stopped === 'busy') parts.push('another run is delivering right now; nothing sent by this one');
  if (r.calendarLimited) parts.push('Calendar usage limits exceeded: the remaining invitations wait for a later sweep');
  if (r.pendingIds.length) parts.push(`${r.pendingIds.length} notification${r.pendingIds.length === 1 ? '' : 's'} still waiting`);
  return `${parts.join('; ')}.`;
}
