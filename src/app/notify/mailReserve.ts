// Writes the mail reserve (src/domain/notify/mailReserve.ts) after a delivery run planned the
// agendas: one property call, and none when there is nothing to keep and nothing was kept.
import { formatReserve, MAIL_RESERVE_PROPERTY } from '../../domain/notify/mailReserve';
import { now } from '../../workspace/clock';
import { deleteProperty_, setProperty_ } from '../../workspace/properties';

/** `previous`: the value the run read with its lease (undefined when there was none). */
export function keepReserve_(agendasStillDue: number, previous: string | undefined): void {
  try {
    if (agendasStillDue > 0) setProperty_(MAIL_RESERVE_PROPERTY, formatReserve(agendasStillDue, now().getTime()));
    else if (previous !== undefined) deleteProperty_(MAIL_RESERVE_PROPERTY);
  } catch {
    // Advisory: without it confirmations may take the quota first, and the agendas still go out
    // first in the next delivery run. Nothing is lost, so the run goes on.
  }
}
