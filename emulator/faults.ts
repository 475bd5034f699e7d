// Fault injection: quota, failing calls, time-limit cut-offs, latency, a lock held elsewhere.
import type { ServiceCall } from './execution';
import type { WorkspaceState } from './state';

/** Emulated milliseconds one finished service call took (a latency model; see `setLatencyModel`). */
export type LatencyModel = (call: ServiceCall) => number;

interface NthCallFault {
  method: string;
  remaining: number;
  error: Error | null;
  /** Only calls made by an execution of this function count (another run's calls pass untouched). */
  inFunction: string | null;
}

export class Faults {
  private nth: NthCallFault[] = [];
  /** Cut the next execution before its n-th service call. */
  cutAt: number | null = null;
  /** Simulated latency of every service call, in ms of the emulated clock. */
  latencyMs: number;
  /** Runtime counted against the daily trigger budget for every trigger execution, on top of its emulated duration. */
  triggerOverheadMs = 0;
  /** Calendar refuses calls that would email guests: 'Calendar usage limits exceeded.' */
  calendarUsageLimited = false;
  /** Per-call latency (by method and cells), added to the clock after each call; null = none. */
  latencyModel: LatencyModel | null = null;

  constructor(
    private readonly state: () => WorkspaceState,
    private readonly nowMs: () => number,
    latencyMs = 0,
  ) {
    this.latencyMs = latencyMs;
  }

  /** Remaining email recipients today for `user` (default: every user, including ones not seen yet). */
  setMailQuota(remaining: number, user?: string): void {
    const q = this.state().mailQuota;
    if (user) {
      q.used[user] = { count: q.limit - remaining, since: this.nowMs() };
      return;
    }
    q.remainingOverride = { remaining, since: this.nowMs() };
    for (const u of Object.keys(q.used)) q.used[u] = { count: q.limit - remaining, since: this.nowMs() };
  }

  /**
   * The n-th call of `method` (counted from now, across executions) throws `error`. With
   * `inFunction`, only calls made by executions of that function count, so a page polling in the
   * background cannot take the fault meant for the run under test.
   */
  failNthCall(method: string, n: number, error?: Error, inFunction?: string): void {
    if (!Number.isInteger(n) || n < 1) throw new Error('failNthCall: n must be a positive integer');
    this.nth.push({ method, remaining: n, error: error ?? null, inFunction: inFunction ?? null });
  }

  cutAtCall(n: number): void {
    if (!Number.isInteger(n) || n < 1) throw new Error('cutAtCall: n must be a positive integer');
    this.cutAt = n;
  }

  /**
   * Calendar's abuse limit: while on, every advanced-service call that would send guests an email
   * (Events.insert/patch/update/remove with sendUpdates 'all', or 'externalOnly' with an external
   * guest) fails with 'Calendar usage limits exceeded.' and changes nothing. Calls that email no one
   * still work.
   */
  setCalendarUsageLimited(on: boolean): void {
    this.calendarUsageLimited = on;
  }

  /** Counts `ms` of runtime against the daily trigger budget of every trigger execution from now on. */
  setTriggerOverhead(ms: number): void {
    this.triggerOverheadMs = ms;
  }

  /** `user` (default: the owner) has already used `ms` of installable-trigger runtime today. */
  setTriggerRuntimeUsed(ms: number, user?: string): void {
    const all = (this.state().triggerRuntime ??= {});
    all[user ?? this.state().spreadsheet.owner] = { since: this.nowMs(), usedMs: ms };
  }

  setLatency(ms: number): void {
    this.latencyMs = ms;
  }

  /**
   * Advance the clock after every call by what `model` says that call took (its method and, for
   * value reads and writes, its cells), so a run's own time budget and the 6-minute limit see a
   * realistic clock (npm run simulate). Adds to `latencyMs`; null removes it.
   */
  setLatencyModel(model: LatencyModel | null): void {
    this.latencyModel = model;
  }

  /** Another process holds the script lock (until the emulated clock reaches `forMs` from now, or forever). */
  holdScriptLock(forMs?: number): void {
    this.state().locks.script = { executionId: 'another-process', until: forMs === undefined ? undefined : this.nowMs() + forMs };
  }

  releaseScriptLock(): void {
    this.state().locks.script = null;
  }

  clear(): void {
    this.nth = [];
    this.cutAt = null;
    this.latencyMs = 0;
    this.triggerOverheadMs = 0;
    this.calendarUsageLimited = false;
    this.latencyModel = null;
    this.state().mailQuota.remainingOverride = null;
  }

  /** Counts a call against the armed faults; returns the error to throw, if one fires now. */
  takeFailure(service: string, method: string, fn?: string): Error | null {
    let fire: Error | null = null;
    for (const f of this.nth) {
      if (f.remaining <= 0) continue;
      if (f.inFunction !== null && f.inFunction !== fn) continue;
      if (f.method !== method && f.method !== `${service}.${method}` && f.method !== `${service}.${method.slice(method.indexOf('.') + 1)}`) continue;
      f.remaining--;
      if (f.remaining === 0 && !fire) fire = f.error ?? new Error(`Service error: ${f.method} failed (injected fault)`);
    }
    this.nth = this.nth.filter((f) => f.remaining > 0);
    return fire;
  }
}
