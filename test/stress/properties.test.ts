// Issue 7, must-have 2: property-based tests (fast-check) with arbitrary input.
// - the response parser and the decision rules (src/domain, directly): no throw, invariants;
// - every sidebar endpoint on the built bundle in the emulator: decide with arbitrary JSON-ish
//   values, previewNotification with arbitrary ids and decisions, getReviewState: never throws,
//   a rejected input changes nothing (Applications and Log identical before/after), statuses only
//   move along allowed edges, one row per applicant per community, and after the notify date the
//   due rules agree with the sheet once due notifications are sent.
// The seed is printed (STRESS_SEED overrides it) and so is the number of inputs tried.
import fc from 'fast-check';
import { ALLOWED_FROM, DECISION_STATUS, planDecisions, type DecisionRow } from '../../src/domain/review/decisions';
import { parseResponses, splitChoices } from '../../src/domain/intake/responses';
import { STATUSES, type Status } from '../../src/domain/program/model';
import { DEFAULT_COMMUNITIES } from '../../src/domain/program/defaults';
import { DECISIONS, type Decision } from '../../src/shared/wire';
import type { Workspace } from '../../emulator';
import { AFTER_NOTIFY, STAFF, workspaceWith } from '../bench/fixture';
import { suiteSeed } from './support/rng';

jest.setTimeout(180_000);

const SEED = suiteSeed(777);
const RUNS = Number(process.env.STRESS_PROPERTY_RUNS ?? 0) || undefined;
const tried: Record<string, number> = {};

function check<T>(name: string, arb: fc.Arbitrary<T>, predicate: (t: T) => void, numRuns: number): void {
  let n = 0;
  fc.assert(
    fc.property(arb, (t) => {
      n++;
      predicate(t);
    }),
    { seed: SEED, numRuns: RUNS ?? numRuns },
  );
  tried[name] = n;
}

afterAll(() => {
  const total = Object.values(tried).reduce((a, b) => a + b, 0);
  console.log(
    `Property-based tests (fast-check seed ${SEED}): ${total} inputs tried, no failure\n${Object.entries(tried)
      .map(([k, v]) => `  ${k}: ${v}`)
      .join('\n')}`,
  );
});

const LABELS = DEFAULT_COMMUNITIES.map((c) => c.name);
const cellArb: fc.Arbitrary<unknown> = fc.oneof(
  fc.string(),
  fc.constantFrom(...LABELS, LABELS.join(', '), `${LABELS[0]}, ${LABELS[0]}`, ' , ,', '=1+1', "'quoted"),
  fc.integer(),
  fc.double(),
  fc.boolean(),
  fc.date({ noInvalidDate: false }),
  fc.constant(''),
  fc.constant(null),
  fc.constant(undefined),
);
const TITLES = [
  'Timestamp',
  'Email Address',
  'First name',
  'Last name',
  'Job title',
  'Agency or organization',
  'Agency type',
  'State',
  'Communities of Practice',
  'What do you hope to gain?',
  'Commitment',
];

describe('response parser (src/domain/intake/responses.ts)', () => {
  test('any grid: no throw, one response per non-blank row, deterministic keys, clean choices', () => {
    const gridArb = fc.tuple(fc.uniqueArray(fc.oneof(fc.constantFrom(...TITLES), fc.string()), { maxLength: 14 }), fc.nat({ max: 12 })).chain(([headers, n]) =>
      fc.record({
        headers: fc.constant(headers),
        rows: fc.array(fc.array(cellArb, { minLength: headers.length, maxLength: headers.length }), { minLength: n, maxLength: n }),
      }),
    );
    check(
      'parseResponses: arbitrary grids',
      gridArb,
      (grid) => {
        const a = parseResponses(grid, LABELS);
        const b = parseResponses(grid, LABELS);
        expect(a.map((r) => r.key)).toEqual(b.map((r) => r.key));
        expect(a.length).toBeLessThanOrEqual(grid.rows.length);
        const rows = new Set<number>();
        for (const r of a) {
          expect(r.row).toBeGreaterThanOrEqual(2);
          expect(r.row).toBeLessThanOrEqual(grid.rows.length + 1);
          expect(rows.has(r.row)).toBe(false);
          rows.add(r.row);
          expect(r.email).toBe(r.email.toLowerCase());
          expect(typeof r.key).toBe('string');
          expect(new Set(r.communities).size).toBe(r.communities.length);
          for (const c of r.communities) expect(c).toBe(c.trim());
          for (const c of r.communities) expect(c).not.toBe('');
        }
      },
      300,
    );
  });

  test('checkbox cells round-trip: labels joined by ", " split back into the same labels', () => {
    const labelArb = fc
      .string({ minLength: 1, maxLength: 20 })
      .map((s) => s.replace(/,/g, ';').trim())
      .filter((s) => s !== '');
    check(
      'splitChoices: join/split round trip',
      fc
        .uniqueArray(labelArb, { minLength: 1, maxLength: 6, selector: (s) => s.toLowerCase().replace(/\s+/g, ' ') })
        .chain((known) => fc.tuple(fc.constant(known), fc.subarray(known))),
      ([known, chosen]) => {
        expect(splitChoices(chosen.join(', '), known)).toEqual(chosen);
      },
      300,
    );
  });
});

describe('decision rules (src/domain/review/decisions.ts)', () => {
  test('any rows, request and capacities: every id answered once, only allowed edges, stale never changed, capacity held', () => {
    const ids = ['a', 'b', 'c', 'd', 'e', 'f', 'g'];
    const rowArb: fc.Arbitrary<DecisionRow[]> = fc.uniqueArray(fc.constantFrom(...ids), { maxLength: ids.length }).chain((present) =>
      fc.tuple(
        ...present.map((id, i) =>
          fc.record({
            id: fc.constant(id),
            row: fc.constant(i + 2),
            status: fc.constantFrom(...STATUSES),
            community: fc.constantFrom('c1', 'c2', 'unknown'),
            unknownCommunity: fc.boolean(),
          }),
        ),
      ),
    );
    const arb = fc.record({
      rows: rowArb,
      ids: fc.uniqueArray(fc.constantFrom(...ids, 'zz'), { minLength: 1, maxLength: 8 }),
      decision: fc.constantFrom(...DECISIONS),
      expected: fc.dictionary(fc.constantFrom(...ids), fc.constantFrom(...STATUSES)),
      overrideCapacity: fc.boolean(),
      cap1: fc.option(fc.nat({ max: 3 }), { nil: null }),
      cap2: fc.option(fc.nat({ max: 3 }), { nil: null }),
    });
    check(
      'planDecisions: arbitrary rows and requests',
      arb,
      (x) => {
        const communities = [
          { key: 'c1', name: 'One', capacity: x.cap1 },
          { key: 'c2', name: 'Two', capacity: x.cap2 },
        ];
        const plan = planDecisions({ ids: x.ids, decision: x.decision, expected: x.expected, overrideCapacity: x.overrideCapacity, rows: x.rows, communities });
        const answered = [...plan.changes.map((c) => c.id), ...plan.skipped.map((s) => s.id)];
        expect([...answered].sort()).toEqual([...x.ids].sort());
        const byId = new Map(x.rows.map((r) => [r.id, r]));
        for (const c of plan.changes) {
          const row = byId.get(c.id) as DecisionRow;
          expect(c.from).toBe(row.status);
          expect(c.to).toBe(DECISION_STATUS[x.decision]);
          expect(ALLOWED_FROM[x.decision]).toContain(c.from);
          expect(c.row).toBe(row.row);
          if (x.expected[c.id] !== undefined) expect(x.expected[c.id]).toBe(row.status);
        }
        for (const s of plan.skipped) expect(s.reason.length).toBeGreaterThan(0);
        expect(plan.overCapacity.every((id) => plan.changes.some((c) => c.id === id))).toBe(true);
        if (!x.overrideCapacity) {
          for (const com of communities) {
            if (com.capacity === null) continue;
            const before = x.rows.filter((r) => r.community === com.key && r.status === 'Accepted').length;
            const after =
              before +
              plan.changes.filter((c) => c.to === 'Accepted' && byId.get(c.id)?.community === com.key).length -
              plan.changes.filter((c) => c.from === 'Accepted' && byId.get(c.id)?.community === com.key).length;
            expect(after).toBeLessThanOrEqual(Math.max(com.capacity, before));
          }
        }
      },
      500,
    );
  });
});

// --- the endpoints on the bundle ------------------------------------------------------------------

type Rec = Record<string, unknown>;
function sheetState(ws: Workspace): string {
  return JSON.stringify([ws.sheet('Applications')?.values, ws.sheet('Log')?.values]);
}
function rowKeyCounts(ws: Workspace): number[] {
  const m = new Map<string, number>();
  for (const r of ws.records('Applications')) {
    const k = `${String(r.Email).toLowerCase()}|${String(r.Community)}`;
    m.set(k, (m.get(k) ?? 0) + 1);
  }
  return [...m.values()];
}

describe('sidebar endpoints with arbitrary input (bundle in the emulator)', () => {
  let ws: Workspace;
  let ids: string[];
  beforeAll(() => {
    ws = workspaceWith(28);
    ids = ws.records('Applications').map((r) => String(r['Application ID']));
  });

  const idArb = (): fc.Arbitrary<unknown> =>
    fc.oneof(
      { weight: 5, arbitrary: fc.constantFrom(...ids) },
      { weight: 1, arbitrary: fc.string() },
      { weight: 1, arbitrary: fc.constantFrom('', ' ', 'APP-NOPE', '<script>alert(1)</script>', '=IMPORTXML("x")', 'x'.repeat(201)) },
      { weight: 1, arbitrary: fc.anything() },
    );

  test('decide(anything): never throws; rejected input changes nothing; statuses move only along allowed edges; one row per applicant per community', () => {
    const structured = fc.record(
      {
        applicationIds: fc.oneof(
          { weight: 6, arbitrary: fc.uniqueArray(idArb(), { minLength: 1, maxLength: 6 }) },
          { weight: 1, arbitrary: fc.array(idArb(), { maxLength: 4 }) },
          { weight: 1, arbitrary: fc.anything() },
        ),
        decision: fc.oneof(
          { weight: 6, arbitrary: fc.constantFrom(...DECISIONS) },
          { weight: 1, arbitrary: fc.anything() },
          { weight: 1, arbitrary: fc.constantFrom('ACCEPT', 'approve', '') },
        ),
        note: fc.oneof(fc.string(), fc.constant('x'.repeat(2001)), fc.constant('=HYPERLINK("http://evil")'), fc.anything()),
        expected: fc.oneof(fc.dictionary(fc.constantFrom(...ids), fc.oneof(fc.constantFrom(...STATUSES), fc.string())), fc.anything()),
        overrideCapacity: fc.oneof(fc.boolean(), fc.anything()),
        extra: fc.anything(),
      },
      { requiredKeys: ['applicationIds', 'decision'] },
    );
    // well-typed requests (real ids, any decision, stale or fresh expectations): these get applied
    const wellTyped = fc
      .record(
        {
          applicationIds: fc.uniqueArray(fc.constantFrom(...ids), { minLength: 1, maxLength: 6 }),
          decision: fc.constantFrom(...DECISIONS),
          note: fc.string({ maxLength: 40 }),
          expected: fc.dictionary(fc.constantFrom(...ids), fc.constantFrom(...STATUSES), { maxKeys: 3 }),
          overrideCapacity: fc.boolean(),
        },
        { requiredKeys: ['applicationIds', 'decision'] },
      )
      .map((r) => (r.expected ? { ...r, expected: Object.fromEntries(Object.entries(r.expected).filter(([k]) => r.applicationIds.includes(k))) } : r));
    const input = fc.oneof(
      { weight: 1, arbitrary: fc.anything() },
      { weight: 1, arbitrary: fc.jsonValue() },
      { weight: 3, arbitrary: structured },
      { weight: 4, arbitrary: wellTyped },
    );
    let accepted = 0;
    let rejected = 0;
    check(
      'decide: arbitrary requests',
      input,
      (req) => {
        const before = sheetState(ws);
        const rowsBefore = new Map(ws.records('Applications').map((r) => [String(r['Application ID']), r]));
        const out = ws.run('decide', [req], { user: STAFF, catch: true }) as Rec;
        const exec = ws.lastExecution!;
        expect(exec.error).toBeUndefined();
        expect(typeof out.ok).toBe('boolean');
        if (out.ok !== true) {
          rejected++;
          expect(typeof out.error).toBe('string');
          expect(sheetState(ws)).toBe(before);
          return;
        }
        accepted++;
        const changed = out.changed as string[];
        const request = JSON.parse(JSON.stringify(req)) as { applicationIds: string[]; decision: Decision };
        for (const id of changed) expect(request.applicationIds).toContain(id);
        const after = ws.records('Applications');
        expect(after.length).toBe(rowsBefore.size);
        for (const r of after) {
          const id = String(r['Application ID']);
          const was = rowsBefore.get(id) as Rec;
          if (changed.includes(id)) {
            expect(r.Status).toBe(DECISION_STATUS[request.decision]);
            expect(ALLOWED_FROM[request.decision]).toContain(was.Status as Status);
            expect(r['Decided By']).toBe(STAFF);
          } else {
            expect(r.Status).toBe(was.Status);
          }
        }
        expect(rowKeyCounts(ws).every((n) => n === 1)).toBe(true);
      },
      200,
    );
    console.log(`decide: ${accepted} requests accepted, ${rejected} refused whole (sheet unchanged each time)`);
    expect(accepted).toBeGreaterThan(10);
    expect(rejected).toBeGreaterThan(10);
  });

  test('previewNotification(anything, anything): never throws, never writes', () => {
    check(
      'previewNotification: arbitrary ids and decisions',
      fc.tuple(idArb(), fc.oneof(fc.constant(undefined), fc.constantFrom(...DECISIONS), fc.anything())),
      ([id, decision]) => {
        const before = sheetState(ws);
        const outbox = ws.outbox.length;
        const out = ws.run('previewNotification', decision === undefined ? [id] : [id, decision], { user: STAFF, catch: true }) as Rec;
        expect(ws.lastExecution!.error).toBeUndefined();
        if ('ok' in out && out.ok === false) expect(typeof out.error).toBe('string');
        else for (const k of ['subject', 'text', 'html']) expect(typeof out[k]).toBe('string');
        expect(sheetState(ws)).toBe(before);
        expect(ws.outbox.length).toBe(outbox);
      },
      80,
    );
  });

  test('getReviewState agrees with the sheet; after the notify date the due rules agree with the sheet once due notifications are sent', () => {
    const state = ws.run('getReviewState', [], { user: STAFF }) as {
      ok: boolean;
      applications: { id: string; status: string; notified: string }[];
      communities: { key: string; counts: Record<string, number> }[];
    };
    expect(state.ok).toBe(true);
    const rows = ws.records('Applications');
    expect(state.applications.length).toBe(rows.length);
    const byId = new Map(rows.map((r) => [String(r['Application ID']), r]));
    for (const a of state.applications) expect(a.status).toBe(byId.get(a.id)?.Status);
    const total = state.communities.reduce((n, c) => n + Object.values(c.counts).reduce((x, y) => x + y, 0), 0);
    expect(total).toBe(rows.length);

    ws.clock.set(AFTER_NOTIFY);
    ws.run('sendDueNotifications');
    const after = ws.records('Applications');
    for (const r of after) {
      const status = String(r.Status);
      if (status === 'Pending') continue;
      // every decided row has been told its current status; accepted members are guests of every meeting
      expect(r.Notified).toBe(status);
      if (status === 'Accepted') expect(String(r.Invited)).toMatch(/^\d(, \d)*$/);
      else expect(String(r.Invited)).toBe('');
    }
    const again = ws.outbox.length;
    ws.run('sendDueNotifications');
    expect(ws.outbox.length).toBe(again);
    tried['getReviewState + due rules after the walk'] = 1;
  });
});
