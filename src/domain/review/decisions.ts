// The review state machine: which decision may move an application from which status, and the
// plan one decide() request makes of the rows it read under the lock. Pure: the caller reads the
// sheet, hands the rows in, and writes back what the plan says.
import type { Status } from '../program/model';

/** What a reviewer can do to an application (the domain's word; the wire re-exports it). */
export const DECISIONS = ['accept', 'waitlist', 'decline', 'withdraw', 'reopen'] as const;
export type Decision = (typeof DECISIONS)[number];

/** The status each decision leads to. */
export const DECISION_STATUS: Record<Decision, Status> = {
  accept: 'Accepted',
  waitlist: 'Waitlisted',
  decline: 'Declined',
  withdraw: 'Withdrawn',
  reopen: 'Pending',
};

/**
 * Statuses each decision may start from. A final decision (Accepted, Declined, Withdrawn) is only
 * changed through Reopen first, so that turning an acceptance into a decline is always two
 * deliberate steps and never a mis-click on a mixed selection. A member can withdraw at any stage.
 */
export const ALLOWED_FROM: Record<Decision, readonly Status[]> = {
  accept: ['Pending', 'Waitlisted'],
  waitlist: ['Pending'],
  decline: ['Pending', 'Waitlisted'],
  withdraw: ['Pending', 'Waitlisted', 'Accepted'],
  reopen: ['Accepted', 'Waitlisted', 'Declined', 'Withdrawn'],
};

export const DECISION_VERB: Record<Decision, string> = {
  accept: 'accept',
  waitlist: 'waitlist',
  decline: 'decline',
  withdraw: 'withdraw',
  reopen: 'reopen',
};

/** Why a decision cannot apply to a row in `from`, or null when it can. */
export function transitionRefusal(decision: Decision, from: Status): string | null {
  const to = DECISION_STATUS[decision];
  if (from === to) return `already ${to}`;
  if (ALLOWED_FROM[decision].includes(from)) return null;
  const hint = decision === 'reopen' ? '' : '; reopen it first';
  return `cannot ${DECISION_VERB[decision]} an application that is ${from}${hint}`;
}

/** The part of an application row a decision looks at. */
export interface DecisionRow {
  id: string;
  /** 1-based sheet row, carried through to the write */
  row: number;
  status: Status;
  /** community key (or a raw label for unknown communities) */
  community: string;
  unknownCommunity: boolean;
}

export interface CommunityCapacity {
  key: string;
  name: string;
  /** null = no limit */
  capacity: number | null;
}

export interface DecisionPlanInput {
  ids: readonly string[];
  decision: Decision;
  expected?: Readonly<Record<string, Status>>;
  overrideCapacity: boolean;
  /** every application row of the sheet, read once under the lock */
  rows: readonly DecisionRow[];
  communities: readonly CommunityCapacity[];
}

export interface PlannedChange {
  id: string;
  row: number;
  from: Status;
  to: Status;
}

export interface DecisionPlan {
  changes: PlannedChange[];
  skipped: { id: string; reason: string }[];
  /** ids accepted past capacity because the request said to override */
  overCapacity: string[];
}

/** Seats taken per community key: the rows currently Accepted. */
export function acceptedCounts(rows: readonly { status: Status; community: string }[]): Map<string, number> {
  const counts = new Map<string, number>();
  for (const r of rows) if (r.status === 'Accepted') counts.set(r.community, (counts.get(r.community) ?? 0) + 1);
  return counts;
}

/**
 * Decides, row by row and in request order, what one request changes. Stale rows (the sidebar saw
 * another status), impossible transitions and accepts past capacity are skipped with a reason;
 * the rest are changes. Seats are counted as the plan goes, so accepting 3 into 2 free seats
 * accepts the first 2 and skips the third.
 */
export function planDecisions(input: DecisionPlanInput): DecisionPlan {
  const byId = new Map<string, DecisionRow>();
  for (const r of input.rows) if (!byId.has(r.id)) byId.set(r.id, r);
  const communities = new Map(input.communities.map((c) => [c.key, c]));
  const seats = acceptedCounts(input.rows);
  const to = DECISION_STATUS[input.decision];
  const plan: DecisionPlan = { changes: [], skipped: [], overCapacity: [] };

  for (const id of input.ids) {
    const row = byId.get(id);
    if (!row) {
      plan.skipped.push({ id, reason: 'not found: no application has this ID any more' });
      continue;
    }
    const seen = input.expected?.[id];
    if (seen !== undefined && seen !== row.status) {
      plan.skipped.push({ id, reason: `changed since your view was loaded: it is ${row.status} now, you saw ${seen}; refresh and decide again` });
      continue;
    }
    const refusal = transitionRefusal(input.decision, row.status);
    if (refusal) {
      plan.skipped.push({ id, reason: refusal });
      continue;
    }
    if ((to === 'Accepted' || to === 'Waitlisted') && (row.unknownCommunity || !communities.has(row.community))) {
      plan.skipped.push({ id, reason: `unknown community "${row.community}": fix the Community cell before deciding` });
      continue;
    }
    if (to === 'Accepted') {
      const community = communities.get(row.community) as CommunityCapacity;
      const taken = seats.get(row.community) ?? 0;
      if (community.capacity !== null && taken >= community.capacity) {
        if (!input.overrideCapacity) {
          plan.skipped.push({
            id,
            reason: `over capacity: ${community.name} has ${taken} of ${community.capacity} seats taken; choose "override capacity" to accept anyway`,
          });
          continue;
        }
        plan.overCapacity.push(id);
      }
      seats.set(row.community, taken + 1);
    }
    plan.changes.push({ id, row: row.row, from: row.status, to });
  }
  return plan;
}

/** Empty reviewer list = every editor may decide; otherwise only the listed emails (case-insensitive). */
export function mayDecide(reviewers: readonly string[], user: string): boolean {
  if (reviewers.length === 0) return true;
  const me = user.trim().toLowerCase();
  return me !== '' && reviewers.some((r) => r.trim().toLowerCase() === me);
}
