// Crash-anywhere: replay a day, cut one execution off before one of its service calls, recover the
// way the platform and people do (a reviewer whose decide failed clicks again; the hourly sweep runs
// until it completes) and compare what the program promises with the uninterrupted run.
import type { Workspace } from '../../../emulator';
import {
  armCut,
  diffOutcomes,
  inSendRecordWindow,
  isIdentical,
  outcome,
  restore,
  runStep,
  snapshot,
  sweepToCompletion,
  newDayWorkspace,
  type DayPlan,
  type Outcome,
  type OutcomeDiff,
  type Snapshot,
  type Step,
} from './day';

export interface ExecInfo {
  fn: string;
  /** method of every service call, in order */
  calls: { service: string; method: string }[];
}

export interface StepRecord {
  index: number;
  step: Step;
  before: Snapshot | null;
  after: Snapshot | null;
  executions: ExecInfo[];
  request?: Record<string, unknown>;
}

export interface Reference {
  steps: StepRecord[];
  /** outcome after the whole day and a sweep run to completion */
  final: Outcome;
  /** the day's workspace at its end (before that last sweep) */
  end: Snapshot;
  millis: number;
}

/** Runs the day once, uninterrupted; keeps snapshots around the steps `keep` says to. */
export function runReference(plan: DayPlan, keep: (i: number, step: Step) => boolean = () => true): Reference {
  const t0 = Date.now();
  const ws = newDayWorkspace();
  const steps: StepRecord[] = [];
  plan.steps.forEach((step, index) => {
    const k = keep(index, step) && step.kind !== 'clock';
    const before = k ? snapshot(ws) : null;
    const run = runStep(ws, step);
    for (const e of run.executions) if (e.error) throw new Error(`uninterrupted day: step ${index} (${step.kind}) ${e.fn} failed: ${e.error.message}`);
    steps.push({
      index,
      step,
      before,
      after: k ? snapshot(ws) : null,
      executions: run.executions.map((e) => ({ fn: e.fn, calls: e.calls.map((c) => ({ service: c.service, method: c.method })) })),
      ...(run.request ? { request: run.request } : {}),
    });
  });
  const end = snapshot(ws);
  sweepToCompletion(ws);
  return { steps, final: outcome(ws), end, millis: Date.now() - t0 };
}

export interface CutPoint {
  step: number;
  /** 1-based: which execution of the step is cut */
  ordinal: number;
  /** cut before this (1-based) service call */
  call: number;
}

export interface CutResult extends CutPoint {
  fn: string;
  /** the call that never happened */
  method: string;
  inWindow: boolean;
  cutFired: boolean;
  retried: boolean;
  sweeps: number;
  diff: OutcomeDiff;
  identical: boolean;
}

/** Every (execution, call) pair of the recorded steps. */
export function allCutPoints(ref: Reference, steps?: (r: StepRecord) => boolean): CutPoint[] {
  const out: CutPoint[] = [];
  for (const r of ref.steps) {
    if (!r.before || (steps && !steps(r))) continue;
    r.executions.forEach((e, i) => {
      for (let n = 1; n <= e.calls.length; n++) out.push({ step: r.index, ordinal: i + 1, call: n });
    });
  }
  return out;
}

/** The recovery after a cut: the reviewer retries a decide that failed. */
function runCutStep(ws: Workspace, rec: StepRecord, p: CutPoint): { cutFired: boolean; retried: boolean } {
  const disarm = armCut(ws, p.ordinal, p.call);
  let run;
  try {
    run = runStep(ws, rec.step);
  } finally {
    disarm();
  }
  const cut = run.executions.find((e) => e.cutOff);
  let retried = false;
  if (cut && rec.step.kind === 'decide' && rec.request) {
    ws.run('decide', [rec.request], { user: rec.step.user, catch: true });
    retried = true;
  }
  return { cutFired: cut !== undefined, retried };
}

const localReference = new Map<string, Outcome>();

/**
 * The cut compared locally: (state before the step, the step with the cut, recovery, sweep until it
 * completes) against (state after the uninterrupted step, the same sweep).
 */
export function cutAndCompareLocally(ref: Reference, p: CutPoint, refKey: string): CutResult {
  const rec = ref.steps[p.step];
  if (!rec.before || !rec.after) throw new Error(`step ${p.step} has no snapshots`);
  const key = `${refKey}:${p.step}`;
  let expected = localReference.get(key);
  if (!expected) {
    const r = restore(rec.after);
    sweepToCompletion(r);
    expected = outcome(r);
    localReference.set(key, expected);
  }
  const ws = restore(rec.before);
  const { cutFired, retried } = runCutStep(ws, rec, p);
  const sweeps = sweepToCompletion(ws);
  const diff = diffOutcomes(expected, outcome(ws));
  const exec = rec.executions[p.ordinal - 1];
  return {
    ...p,
    fn: exec.fn,
    method: exec.calls[p.call - 1].method,
    inWindow: inSendRecordWindow(exec.calls as never, p.call),
    cutFired,
    retried,
    sweeps,
    diff,
    identical: isIdentical(diff),
  };
}

/**
 * The cut compared end to end: the day goes on after the cut as it would (its own hourly sweeps
 * catch up), then a sweep runs to completion, against the uninterrupted day and the same sweep.
 */
export function cutAndCompareToEndOfDay(ref: Reference, p: CutPoint): CutResult {
  const rec = ref.steps[p.step];
  if (!rec.before) throw new Error(`step ${p.step} has no snapshot`);
  const ws = restore(rec.before);
  const { cutFired, retried } = runCutStep(ws, rec, p);
  for (const later of ref.steps.slice(p.step + 1)) runStep(ws, later.step);
  const sweeps = sweepToCompletion(ws);
  const diff = diffOutcomes(ref.final, outcome(ws));
  const exec = rec.executions[p.ordinal - 1];
  return {
    ...p,
    fn: exec.fn,
    method: exec.calls[p.call - 1].method,
    inWindow: inSendRecordWindow(exec.calls as never, p.call),
    cutFired,
    retried,
    sweeps,
    diff,
    identical: isIdentical(diff),
  };
}

export interface CutSummary {
  runsCut: number;
  identical: number;
  cutsThatFired: number;
  decideRetries: number;
  lostRows: number;
  extraRows: number;
  lostMail: number;
  duplicatedMail: number;
  calendarDiffs: number;
  inWindow: number;
  duplicatesInWindow: number;
  duplicatesOutsideWindow: number;
  /** by execution function: cuts and identical */
  byFn: Record<string, { cuts: number; identical: number }>;
  /** cuts whose difference is a known, reported defect, by defect id */
  known: Record<string, number>;
  /** cuts with a difference that is neither allowed (send→record window) nor known */
  unexplained: number;
}

export function summarize(results: CutResult[]): CutSummary {
  const s: CutSummary = {
    runsCut: results.length,
    identical: 0,
    cutsThatFired: 0,
    decideRetries: 0,
    lostRows: 0,
    extraRows: 0,
    lostMail: 0,
    duplicatedMail: 0,
    calendarDiffs: 0,
    inWindow: 0,
    duplicatesInWindow: 0,
    duplicatesOutsideWindow: 0,
    byFn: {},
    known: {},
    unexplained: 0,
  };
  for (const r of results) {
    if (r.identical) s.identical++;
    if (r.cutFired) s.cutsThatFired++;
    if (r.retried) s.decideRetries++;
    if (r.inWindow) s.inWindow++;
    s.lostRows += r.diff.lostRows.length;
    s.extraRows += r.diff.extraRows.length;
    s.lostMail += r.diff.lostMail.length;
    s.duplicatedMail += r.diff.duplicatedMail.length;
    s.calendarDiffs += r.diff.calendar.length;
    if (r.diff.duplicatedMail.length) {
      if (r.inWindow) s.duplicatesInWindow += r.diff.duplicatedMail.length;
      else s.duplicatesOutsideWindow += r.diff.duplicatedMail.length;
    }
    const k = knownDefect(r);
    if (k) s.known[k] = (s.known[k] ?? 0) + 1;
    else if (!r.identical && !(r.inWindow && r.diff.duplicatedMail.length === 1 && isIdentical({ ...r.diff, duplicatedMail: [] }))) s.unexplained++;
    const f = (s.byFn[r.fn] ??= { cuts: 0, identical: 0 });
    f.cuts++;
    if (r.identical) f.identical++;
  }
  return s;
}

/**
 * Defects this suite found in code outside its area, reported to the lead; each is recognised by
 * its exact signature so that anything else still fails the suite, and each is printed with its
 * count. Remove an entry once its fix lands.
 */
export const KNOWN_DEFECTS: { id: string; text: string; matches(r: CutResult): boolean }[] = [
  // Empty: both defects this suite found (intake losing a confirmation cut right before its send,
  // and a resubmission's update half-written by a cut) were fixed on main; any difference now fails.
];

export function knownDefect(r: CutResult): string | null {
  if (isIdentical(r.diff) || (r.inWindow && r.diff.duplicatedMail.length === 1 && isIdentical({ ...r.diff, duplicatedMail: [] }))) return null;
  return KNOWN_DEFECTS.find((k) => k.matches(r))?.id ?? null;
}

export function describeFailures(results: CutResult[], max = 5): string {
  return results
    .filter((r) => !knownDefect(r))
    .filter(
      (r) =>
        r.diff.lostRows.length || r.diff.extraRows.length || r.diff.lostMail.length || r.diff.calendar.length || (r.diff.duplicatedMail.length && !r.inWindow),
    )
    .slice(0, max)
    .map((r) => `step ${r.step} exec ${r.ordinal} (${r.fn}) cut before call ${r.call} ${r.method}: ${JSON.stringify(r.diff).slice(0, 1500)}`)
    .join('\n');
}
