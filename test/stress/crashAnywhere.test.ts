// Issue 7, must-have 1: a run cut off at any service call, then the hourly sweep run to completion,
// ends with the same Applications rows, outbox and calendar guests as the uninterrupted run.
//
// Two days are replayed:
// - a small day (6 submissions covering every trigger quirk and a resubmission, three reviewers'
//   decisions, the notify date passing, a decision after it, sweeps) cut at EVERY call of EVERY
//   execution (~1,100 cuts, about a minute; STRESS_EXHAUSTIVE=0 cuts only the calls at and right
//   after each email send plus a seeded random sample of the rest). Each cut is compared with the uninterrupted run at the same point followed by the same sweep (the rest of
//   the day is then the same by determinism), and a seeded sample is replayed to the end of the day
//   and compared with the whole uninterrupted day;
// - the realistic day (200 submissions with trigger quirks) run uninterrupted, then a seeded random
//   sample of (execution, call) pairs across it cut and compared the same way.
// Recovery is what the platform and people do: a trigger that was cut is not retried (the sweep
// catches up), a reviewer whose decide failed clicks again (same request), the sweep runs hourly.
//
// The only difference allowed by design is at-least-once email: a cut after a successful
// MailApp.sendEmail and before the write that records it (src/app/notify/deliver.ts). Such a duplicate is
// asserted to happen only at such a point (one copy at most), and the number of such points is
// printed. Defects found in other areas are matched by exact signature (support/crash.ts
// KNOWN_DEFECTS), printed with their counts, and anything else fails the suite.
import { planDay } from './support/day';
import {
  allCutPoints,
  cutAndCompareLocally,
  cutAndCompareToEndOfDay,
  describeFailures,
  KNOWN_DEFECTS,
  runReference,
  summarize,
  type CutPoint,
  type CutResult,
  type CutSummary,
} from './support/crash';
import { inSendRecordWindow } from './support/day';
import { mulberry32, sample, suiteSeed } from './support/rng';

jest.setTimeout(300_000);

function report(title: string, s: CutSummary, extra: string): string {
  const fns = Object.entries(s.byFn)
    .map(([fn, v]) => `${fn} ${v.identical}/${v.cuts}`)
    .join(', ');
  const known = Object.entries(s.known).map(
    ([id, n]) => `    KNOWN DEFECT (reported, not in this area) ${id}: ${n} cut(s) — ${KNOWN_DEFECTS.find((k) => k.id === id)?.text}`,
  );
  return [
    `${title}: ${extra}`,
    `  runs cut ${s.runsCut} (cut fired in ${s.cutsThatFired}; reviewer retried decide ${s.decideRetries}x), identical results ${s.identical}/${s.runsCut} [${fns}]`,
    `  lost: rows ${s.lostRows}, emails ${s.lostMail}; duplicated: rows ${s.extraRows}, emails ${s.duplicatedMail} (${s.duplicatesInWindow} at send→record points, ${s.duplicatesOutsideWindow} elsewhere); calendar differences ${s.calendarDiffs}`,
    `  cut points in the at-least-once window (after a successful send, before its record): ${s.inWindow}; unexplained differences: ${s.unexplained}`,
    ...known,
  ].join('\n');
}

function expectNothingLost(results: CutResult[], s: CutSummary): void {
  expect(describeFailures(results)).toBe('');
  expect(s.unexplained).toBe(0);
  expect(s.cutsThatFired).toBe(s.runsCut);
  expect(s.duplicatesOutsideWindow).toBe(0);
  // at most one extra copy per cut, and only of the email sent right before the cut
  for (const r of results) expect(r.diff.duplicatedMail.length).toBeLessThanOrEqual(r.inWindow ? 1 : 0);
}

describe('crash anywhere', () => {
  test('small day: cut at every service call of every execution, then sweep to completion', () => {
    const seed = suiteSeed(20231);
    const plan = planDay(seed, 6, { everyQuirk: true, hourlyEvery: 3 });
    const ref = runReference(plan);
    const all = allCutPoints(ref);
    const calls = (p: CutPoint) => ref.steps[p.step].executions[p.ordinal - 1].calls;
    const critical = all.filter((p) => /sendEmail$/.test(calls(p)[p.call - 1].method) || inSendRecordWindow(calls(p) as never, p.call));
    const rng = mulberry32(seed);
    const exhaustive = process.env.STRESS_EXHAUSTIVE !== '0';
    const rest = all.filter((p) => !critical.includes(p));
    const points = exhaustive ? all : [...critical, ...sample(rng, rest, Number(process.env.STRESS_SAMPLES ?? 60))];
    const t0 = Date.now();
    const results = points.map((p) => cutAndCompareLocally(ref, p, `small-${seed}`));
    const local = summarize(results);
    const chosen = sample(rng, all, Number(process.env.STRESS_END_OF_DAY ?? 20));
    const t1 = Date.now();
    const whole = chosen.map((p) => cutAndCompareToEndOfDay(ref, p));
    const end = summarize(whole);
    console.log(
      [
        report(
          'Crash-anywhere, small day',
          local,
          `seed ${seed}; ${plan.submissions} submissions (firings ${JSON.stringify(plan.firings)}), ${plan.steps.length} steps, ${ref.steps.reduce((n, r) => n + r.executions.length, 0)} executions, ${all.length} cut points in all; cut: ${exhaustive ? 'every point' : `all ${critical.length} at/after sends + ${points.length - critical.length} random`}; ${((t1 - t0) / 1000).toFixed(1)} s`,
        ),
        report('Crash-anywhere, small day, random cuts replayed to the end of the day', end, `seed ${seed}; ${((Date.now() - t1) / 1000).toFixed(1)} s`),
      ].join('\n'),
    );
    expectNothingLost(results, local);
    expectNothingLost(whole, end);
    expect(critical.length).toBeGreaterThan(10);
    if (exhaustive) expect(local.runsCut).toBe(all.length);
  });

  test('realistic day: 200 submissions with trigger quirks, 3 reviewers, notify date, sweep; random sample of cuts', () => {
    const seed = suiteSeed(7);
    const samples = Number(process.env.STRESS_DAY_SAMPLES ?? 60);
    const plan = planDay(seed, 200);
    const rng = mulberry32(seed ^ 0x5eed);
    // the steps to snapshot are drawn before the run (a snapshot of a 200-applicant sheet is not
    // free): every decision and sweep and a sample of submissions; the calls are drawn after it
    const byKind = new Map<string, number[]>();
    plan.steps.forEach((s, i) => {
      if (s.kind !== 'clock') byKind.set(s.kind, [...(byKind.get(s.kind) ?? []), i]);
    });
    const chosenSteps = new Set<number>([...sample(rng, byKind.get('submit') ?? [], 15), ...(byKind.get('decide') ?? []), ...(byKind.get('hourly') ?? [])]);
    const ref = runReference(plan, (i) => chosenSteps.has(i));
    const pool = ref.steps
      .filter((r) => r.before)
      .flatMap((r) => r.executions.map((e, j) => ({ step: r.index, ordinal: j + 1, calls: e.calls.length })))
      .filter((e) => e.calls > 0);
    const points: CutPoint[] = Array.from({ length: samples }, () => {
      const e = pool[Math.floor(rng() * pool.length)];
      return { step: e.step, ordinal: e.ordinal, call: 1 + Math.floor(rng() * e.calls) };
    });
    const t0 = Date.now();
    const results = points.map((p) => cutAndCompareLocally(ref, p, `day-${seed}`));
    const s = summarize(results);
    console.log(
      report(
        'Crash-anywhere, realistic day, random sample',
        s,
        `seed ${seed}; ${plan.submissions} submissions (firings ${JSON.stringify(plan.firings)}), ${ref.final.applications.length} applications, ${[...ref.final.outbox.values()].reduce((a, b) => a + b, 0)} emails; uninterrupted day ${(ref.millis / 1000).toFixed(1)} s; ${samples} (execution, call) pairs drawn from ${pool.length} executions, ${((Date.now() - t0) / 1000).toFixed(1)} s`,
      ),
    );
    expectNothingLost(results, s);
  });
});
