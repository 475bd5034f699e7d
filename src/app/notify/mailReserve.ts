// Writes the mail reserve (src/domain/notify/mailReserve.ts) at the end of a delivery run: the
// agendas its last agenda pass left unsent. One property call, and none when the kept value still
// holds (reserveUpdate).
import { MAIL_RESERVE_PROPERTY, reserveUpdate } from '../../domain/notify/mailReserve';
import { now } from '../../workspace/clock';
import { deleteProperty_, setProperty_ } from '../../workspace/properties';
import type { Run } from './run';

/** Only a run over every applicant knows every agenda due; a run for one decision's applicants (`ids`) leaves it alone. */
export function keepAgendaReserve_(run: Run, ids?: string[]): void {
  if (ids || run.agendasUnsent === undefined) return;
  try {
    const update = reserveUpdate(run.state.props[MAIL_RESERVE_PROPERTY], run.agendasUnsent, now().getTime());
    if (update.kind === 'delete') deleteProperty_(MAIL_RESERVE_PROPERTY);
    else if (update.kind === 'write') setProperty_(MAIL_RESERVE_PROPERTY, update.value);
  } catch {
    // Advisory: without it confirmations may take the quota first, and the agendas still go out
    // first in the next delivery run. Nothing is lost, so the run goes on.
  }
}
