// decide(request): validate, check the reviewer, apply under the script lock (one read of the
// Applications tab, one write block, one Log row), then hand the due emails and invitations to the
// notify step outside the lock. The number of Spreadsheet calls does not depend on how many rows
// are selected or in the sheet.
import { parseDecideRequest } from '../../domain/review/decideRequest';
import { mayDecide, planDecisions, type DecisionPlan } from '../../domain/review/decisions';
import type { DecideResult } from '../../shared/wire';
import { readApplications_, saveApplications_, type StoredApplication } from '../../workspace/applicationsRepo';
import { now } from '../../workspace/clock';
import { withScriptLock_ } from '../../workspace/lock';
import { appendLog_ } from '../../workspace/log';
import { readProgram_ } from '../../workspace/programRepo';
import { activeUserEmail_ } from '../../workspace/session';
import { deliverDue_ } from '../notify';
import { failure } from './failure';

export function decide_(input: unknown): DecideResult {
  let saved = false;
  try {
    const parsed = parseDecideRequest(input);
    if (!parsed.ok) return parsed;
    const request = parsed.value;

    const user = activeUserEmail_();
    const program = readProgram_();
    if (!mayDecide(program.settings.reviewers, user)) {
      return {
        ok: false,
        error: user
          ? `${user} is not one of the reviewers listed in Settings, so cannot decide. Nothing was changed.`
          : 'Apps Script could not tell who you are, and Settings lists the reviewers who may decide. Nothing was changed.',
      };
    }

    const plan: DecisionPlan = withScriptLock_(() => {
      const at = readApplications_(program.communities);
      const result = planDecisions({
        ids: request.applicationIds,
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
      const byRow = new Map<number, StoredApplication>(at.applications.map((a) => [a.row, a]));
      const decidedAt = now();
      const updated = result.changes.map((c) => {
        const app = byRow.get(c.row) as StoredApplication;
        return { ...app, status: c.to, decidedBy: user, decidedAt, note: request.note || app.note };
      });
      saved = updated.length > 0;
      saveApplications_(at, updated, ['status', 'decidedBy', 'decidedAt', 'note']);
      appendLog_([
        {
          time: decidedAt,
          actor: user || 'unknown user',
          action: `decide ${request.decision}`,
          applicationIds: result.changes.map((c) => c.id),
          details: logDetails(request.note, result),
        },
      ]);
      return result;
    });

    // Emails and invitations go out after the lock is released (they are slow and may fail).
    const requested = new Set(request.applicationIds);
    let sent = 0;
    let pending = 0;
    try {
      const delivery = deliverDue_({ applicationIds: request.applicationIds });
      sent = delivery.sent;
      pending = delivery.pendingIds.filter((id) => requested.has(id)).length;
    } catch (e) {
      // The decisions are saved; the hourly sweep will send what is due.
      pending = plan.changes.filter((c) => c.to !== 'Pending').length;
      return {
        ok: true,
        changed: plan.changes.map((c) => c.id),
        skipped: plan.skipped,
        sent,
        pending,
        warning: `Saved, but the emails could not be sent now (${e instanceof Error ? e.message : String(e)}); the hourly sync will retry.`,
      };
    }
    return { ok: true, changed: plan.changes.map((c) => c.id), skipped: plan.skipped, sent, pending };
  } catch (e) {
    return failure(saved ? 'The decision was saved but did not finish; refresh to see the result' : 'Nothing was changed', e);
  }
}

function logDetails(note: string, plan: DecisionPlan): string {
  const parts: string[] = [];
  if (note) parts.push(`note: ${note}`);
  if (plan.overCapacity.length) parts.push(`accepted over capacity (override): ${plan.overCapacity.join(', ')}`);
  if (plan.skipped.length) parts.push(`skipped: ${plan.skipped.map((s) => `${s.id} (${s.reason})`).join('; ')}`);
  return parts.join(' | ');
}
