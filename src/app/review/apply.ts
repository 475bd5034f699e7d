// The one path every status change takes, whoever asks: a reviewer in the sidebar (decide) or an
// applicant on their personal page (withdraw). Under the script lock: one read of the
// Applications tab, the plan (src/domain/decisions.ts), one write block, one Log row. Then, outside
// the lock, the due emails and invitations for the request's applications (notify), which is also
// where a withdrawn member leaves the remaining meetings.
import { planDecisions, type DecisionPlan } from '../../domain/review/decisions';
import type { Decision, WireStatus } from '../../shared/wire';
import { readApplications_, saveApplications_, type StoredApplication } from '../../workspace/applicationsRepo';
import { now } from '../../workspace/clock';
import { withScriptLock_ } from '../../workspace/lock';
import { appendLog_ } from '../../workspace/log';
import type { Program } from '../../domain/program/model';
import { deliverDue_ } from '../notify';

export interface ApplyRequest {
  applicationIds: string[];
  decision: Decision;
  note: string;
  expected?: Record<string, WireStatus>;
  overrideCapacity: boolean;
}

export interface Actor {
  /** who decides: the reviewer's or the applicant's email ('' when unknown) */
  email: string;
  /** how, for the Log's Action (e.g. 'self-service'); '' for the sidebar */
  via: string;
  /**
   * Which rows this actor may touch (read under the lock with the rest): a row it may not is
   * treated as not found. Default: every row.
   */
  mayTouch?: (app: StoredApplication) => boolean;
  /** Log a request that changed nothing (the sidebar does: a refused click is worth a trace). */
  logUnchanged: boolean;
}

export interface Applied {
  plan: DecisionPlan;
  /** the rows as they were before the change, for the changed ids */
  before: StoredApplication[];
  sent: number;
  pending: number;
  /** set when the change was saved but sending failed (the hourly sweep retries) */
  deliveryError?: string;
}

export function applyDecision_(request: ApplyRequest, actor: Actor, program: Program): Applied {
  const { plan, before } = withScriptLock_(() => {
    const at = readApplications_(program.communities);
    // Capacity counts every row; an id this actor may not touch is not found, as if absent.
    const touchable = actor.mayTouch ? new Set(at.applications.filter(actor.mayTouch).map((a) => a.id)) : null;
    const ids = touchable ? request.applicationIds.filter((id) => touchable.has(id)) : request.applicationIds;
    const result = planDecisions({
      ids,
      decision: request.decision,
      expected: request.expected,
      overrideCapacity: request.overrideCapacity,
      rows: at.applications.map((a) => ({
        id: a.id,
        row: a.row,
        status: a.status,
        community: a.community,
        unknownCommunity: a.flags.includes('unknown-community'),
      })),
      communities: program.communities,
    });
    if (touchable) {
      for (const id of request.applicationIds) if (!touchable.has(id)) result.skipped.push({ id, reason: 'not found: no application has this ID any more' });
    }
    const byRow = new Map<number, StoredApplication>(at.applications.map((a) => [a.row, a]));
    const decidedAt = now();
    const prior = result.changes.map((c) => byRow.get(c.row) as StoredApplication);
    const updated = prior.map((app, i) => ({ ...app, status: result.changes[i].to, decidedBy: actor.email, decidedAt, note: request.note || app.note }));
    saveApplications_(at, updated, ['status', 'decidedBy', 'decidedAt', 'note']);
    if (updated.length > 0 || actor.logUnchanged) {
      appendLog_([
        {
          time: decidedAt,
          actor: actor.email || 'unknown user',
          action: `decide ${request.decision}${actor.via ? ` (${actor.via})` : ''}`,
          applicationIds: result.changes.map((c) => c.id),
          details: logDetails(request.note, result),
        },
      ]);
    }
    return { plan: result, before: prior.map((a) => ({ ...a })) };
  });

  // Emails and invitations go out after the lock is released (they are slow and may fail).
  const requested = new Set(request.applicationIds);
  try {
    const delivery = deliverDue_({ applicationIds: request.applicationIds });
    return { plan, before, sent: delivery.sent, pending: delivery.pendingIds.filter((id) => requested.has(id)).length };
  } catch (e) {
    // The decisions are saved; the hourly sweep will send what is due.
    return {
      plan,
      before,
      sent: 0,
      pending: plan.changes.filter((c) => c.to !== 'Pending').length,
      deliveryError: e instanceof Error ? e.message : String(e),
    };
  }
}

function logDetails(note: string, plan: DecisionPlan): string {
  const parts: string[] = [];
  if (note) parts.push(`note: ${note}`);
  if (plan.overCapacity.length) parts.push(`accepted over capacity (override): ${plan.overCapacity.join(', ')}`);
  if (plan.skipped.length) parts.push(`skipped: ${plan.skipped.map((s) => `${s.id} (${s.reason})`).join('; ')}`);
  return parts.join(' | ');
}
