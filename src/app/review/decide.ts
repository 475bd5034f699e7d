// decide(request): validate, check the reviewer, then the shared decision path (./apply.ts):
// under the script lock one read of the Applications tab, one write block, one Log row; the due
// emails and invitations outside the lock. The number of Spreadsheet calls does not depend on how
// many rows are selected or in the sheet.
import { parseDecideRequest } from '../../domain/review/decideRequest';
import { mayDecide } from '../../domain/review/decisions';
import type { DecideResult } from '../../shared/wire';
import { readProgram_ } from '../../workspace/programRepo';
import { activeUserEmail_ } from '../../workspace/session';
import { applyDecision_ } from './apply';
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

    const applied = applyDecision_(
      {
        applicationIds: request.applicationIds,
        decision: request.decision,
        note: request.note,
        expected: request.expected,
        overrideCapacity: request.overrideCapacity,
      },
      { email: user, via: '', logUnchanged: true },
      program,
    );
    saved = applied.plan.changes.length > 0;
    const base = {
      ok: true as const,
      changed: applied.plan.changes.map((c) => c.id),
      skipped: applied.plan.skipped,
      sent: applied.sent,
      pending: applied.pending,
    };
    if (applied.deliveryError !== undefined) {
      return { ...base, warning: `Saved, but the emails could not be sent now (${applied.deliveryError}); the hourly sync will retry.` };
    }
    return base;
  } catch (e) {
    return failure(saved ? 'The decision was saved but did not finish; refresh to see the result' : 'Nothing was changed', e);
  }
}
