import { ALLOWED_FROM, DECISIONS, DECISION_STATUS, planDecisions, transitionRefusal, type DecisionRow } from '../../src/domain/review/decisions';
import { STATUSES, type Status } from '../../src/domain/program/model';
import { nextFromWaitlist } from '../../src/shared/clientRules';

const communities = [
  { key: 'lv', name: 'Learner Voice', capacity: 2 },
  { key: 'clna', name: 'Comprehensive Local Needs Assessment', capacity: null },
];
function row(id: string, status: Status, community = 'lv', r = 0): DecisionRow {
  return { id, row: r || Number(id.replace(/\D/g, '')) + 1, status, community, unknownCommunity: false };
}

describe('transitions', () => {
  it('reopen returns any decided status to Pending and nothing else', () => {
    for (const s of STATUSES) {
      expect(transitionRefusal('reopen', s) === null).toBe(s !== 'Pending');
    }
  });
  it('decisions start from Pending or Waitlisted; final decisions change only through Reopen', () => {
    expect(transitionRefusal('accept', 'Pending')).toBeNull();
    expect(transitionRefusal('accept', 'Waitlisted')).toBeNull();
    expect(transitionRefusal('decline', 'Waitlisted')).toBeNull();
    expect(transitionRefusal('accept', 'Declined')).toMatch(/cannot accept an application that is Declined; reopen it first/);
    expect(transitionRefusal('decline', 'Accepted')).toMatch(/reopen it first/);
    expect(transitionRefusal('withdraw', 'Accepted')).toBeNull();
    expect(transitionRefusal('withdraw', 'Declined')).toMatch(/cannot withdraw/);
  });
  it('a no-op decision is refused as "already"', () => {
    for (const d of DECISIONS) expect(transitionRefusal(d, DECISION_STATUS[d])).toBe(`already ${DECISION_STATUS[d]}`);
  });
  it('every decision has a target and at least one source status, never itself', () => {
    for (const d of DECISIONS) {
      expect(ALLOWED_FROM[d].length).toBeGreaterThan(0);
      expect(ALLOWED_FROM[d]).not.toContain(DECISION_STATUS[d]);
    }
  });
});

describe('planDecisions', () => {
  const base = { expected: undefined, overrideCapacity: false, communities };

  it('changes allowed rows and skips the rest with a reason each, in request order', () => {
    const rows = [row('a1', 'Pending'), row('a2', 'Accepted', 'clna'), row('a3', 'Declined', 'clna')];
    const plan = planDecisions({ ...base, ids: ['a3', 'a1', 'zz', 'a2'], decision: 'decline', rows });
    expect(plan.changes).toEqual([{ id: 'a1', row: 2, from: 'Pending', to: 'Declined' }]);
    expect(plan.skipped).toEqual([
      { id: 'a3', reason: 'already Declined' },
      { id: 'zz', reason: expect.stringMatching(/^not found/) },
      { id: 'a2', reason: expect.stringMatching(/cannot decline an application that is Accepted/) },
    ]);
  });

  it('refuses stale rows: the status the reviewer saw differs from the sheet', () => {
    const rows = [row('a1', 'Accepted'), row('a2', 'Pending')];
    const plan = planDecisions({ ...base, ids: ['a1', 'a2'], decision: 'decline', rows, expected: { a1: 'Pending', a2: 'Pending' } });
    expect(plan.changes.map((c) => c.id)).toEqual(['a2']);
    expect(plan.skipped[0]).toEqual({ id: 'a1', reason: expect.stringMatching(/changed since your view was loaded: it is Accepted now, you saw Pending/) });
  });

  it('counts seats as it goes: 3 accepts into 1 free seat accept the first and skip two', () => {
    const rows = [row('a1', 'Accepted'), row('a2', 'Pending'), row('a3', 'Pending'), row('a4', 'Waitlisted')];
    const plan = planDecisions({ ...base, ids: ['a2', 'a3', 'a4'], decision: 'accept', rows });
    expect(plan.changes.map((c) => c.id)).toEqual(['a2']);
    expect(plan.skipped.map((s) => s.id)).toEqual(['a3', 'a4']);
    expect(plan.skipped[0].reason).toMatch(/over capacity: Learner Voice has 2 of 2 seats taken/);
  });

  it('accepts past capacity when overridden, and says which', () => {
    const rows = [row('a1', 'Accepted'), row('a2', 'Accepted'), row('a3', 'Pending')];
    const plan = planDecisions({ ...base, overrideCapacity: true, ids: ['a3'], decision: 'accept', rows });
    expect(plan.changes.map((c) => c.id)).toEqual(['a3']);
    expect(plan.overCapacity).toEqual(['a3']);
  });

  it('has no limit when capacity is blank', () => {
    const rows = Array.from({ length: 50 }, (_, i) => row(`c${i}`, 'Pending', 'clna'));
    const plan = planDecisions({ ...base, ids: rows.map((r) => r.id), decision: 'accept', rows });
    expect(plan.changes).toHaveLength(50);
  });

  it('will not accept or waitlist into an unknown community, but may decline it', () => {
    const rows = [{ ...row('u1', 'Pending', 'Basket Weaving'), unknownCommunity: true }];
    expect(planDecisions({ ...base, ids: ['u1'], decision: 'accept', rows }).skipped[0].reason).toMatch(/unknown community "Basket Weaving"/);
    expect(planDecisions({ ...base, ids: ['u1'], decision: 'waitlist', rows }).changes).toEqual([]);
    expect(planDecisions({ ...base, ids: ['u1'], decision: 'decline', rows }).changes).toHaveLength(1);
  });
});

describe('nextFromWaitlist', () => {
  const r = (id: string, status: string, waitlistedAt: number, submittedAt = 0, order = 0) => ({
    id,
    status,
    community: 'lv',
    waitlistedAt,
    submittedAt,
    order,
  });
  it('offers the first waitlisted when a seat is free', () => {
    const rows = [r('a', 'Accepted', 0), r('b', 'Waitlisted', 300), r('c', 'Waitlisted', 100), r('d', 'Waitlisted', 100, 0, -1)];
    expect(nextFromWaitlist(rows, { key: 'lv', capacity: 2 })).toEqual({ next: rows[3], freeSeats: 1 });
  });
  it('offers nobody when the community is full, has no limit, or nobody waits', () => {
    const rows = [r('a', 'Accepted', 0), r('b', 'Accepted', 0), r('c', 'Waitlisted', 1)];
    expect(nextFromWaitlist(rows, { key: 'lv', capacity: 2 })).toBeNull();
    expect(nextFromWaitlist(rows, { key: 'lv', capacity: null })).toBeNull();
    expect(nextFromWaitlist(rows.slice(0, 1), { key: 'lv', capacity: 2 })).toBeNull();
  });
});
