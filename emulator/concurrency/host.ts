// Real interleaving of executions at the service-call level. Each execution runs in its own worker
// thread (./thread.ts) and blocks on every service call; this host, which owns the one Workspace
// state, serves the calls one at a time through the emulator's single dispatch point
// (runtime.ts `dispatch`: counting, the lock flag, faults, latency) and chooses which waiting
// execution proceeds next. A scheduler function makes that choice, so a seeded random scheduler
// explores interleavings reproducibly.
//
// Pairing: each request carries the thread's request number (seq); the host posts the reply with
// it, then publishes it in the shared signal; the thread waits until the signal shows its own seq
// and checks the reply's (protocol.ts, SHARED_BYTES). A wake-up for anything else (a late notify
// of the previous reply) only makes it wait again; a reply that does not match fails the whole run
// as a harness error, never as the script's (`spuriousWakeups` tests this).
//
// LockService across threads: a waitLock/tryLock on a lock another live execution holds is not
// served until that execution releases it (releaseLock or its end): the waiting execution is
// blocked, as in Apps Script. If the emulated clock passes its timeout while it waits (call latency
// advances the clock), it is served anyway and fails with the real message. A lock held by
// "another process" (faults.holdScriptLock) is the emulator's own business.
// Length: one class, the host's scheduling loop and its service-call dispatch, read as one protocol;
// the schedulers at its end are a few lines each.
import path from 'node:path';
import { MessageChannel, Worker } from 'node:worker_threads';
import type { Workspace } from '../workspace';
import type { Core } from '../core';
import type { Execution } from '../execution';
import { TIME_LIMIT_MESSAGE } from '../execution';
import { makeGlobals } from '../globals';
import { dispatch, Runtime, ServiceObject, unwrap } from '../runtime';
import { isDate, jsString } from '../realm';
import { mulberry32 } from '../random';
import { releaseAll } from '../services/lock';
import type { LockHolder } from '../state';
import {
  DATE_TAG,
  HANDLE_TAG,
  SHARED_BYTES,
  type DoneMessage,
  type HandleRef,
  type Reply,
  type RunCommand,
  type SeqReply,
  type ThreadMessage,
} from './protocol';

/** What to run in one thread: a bundle function, as `user`, with JSON args or host-built args. */
export interface ConcurrentExecution {
  fn: string;
  user?: string;
  /** JSON-safe args, as google.script.run passes them */
  args?: unknown[];
  /** args built on the host (may hold service objects, e.g. a form-submit event's range) */
  makeArgs?: (rt: Runtime) => unknown[];
  trigger?: Execution['trigger'];
}

/** One scheduling decision: which of the waiting executions (indices into the run) goes next. */
export type Scheduler = (ready: number[], step: number) => number;

export interface ServedCall {
  lane: number;
  method: string;
}

export interface ConcurrentResult {
  executions: Execution[];
  /** the order in which calls were served: lane index and method */
  schedule: ServedCall[];
  /** how many times an execution waited on a lock another execution held */
  lockWaits: number;
}

interface Lane {
  worker: Worker;
  port: MessageChannel['port1'];
  signal: Int32Array;
  clock: Float64Array;
  state: 'idle' | 'running' | 'waiting' | 'done';
  pending: ThreadMessage | null;
  rt: Runtime | null;
  exec: Execution | null;
  handles: Map<number, ServiceObject>;
  ids: Map<ServiceObject, number>;
  /** set while blocked on a lock: when it started waiting and its timeout (emulated ms) */
  lockWait: { since: number; timeout: number } | null;
}

const THREAD = path.join(__dirname, 'thread.cjs');
const GLOBAL_SERVICES = [
  'SpreadsheetApp',
  'FormApp',
  'MailApp',
  'GmailApp',
  'CalendarApp',
  'Calendar',
  'PropertiesService',
  'CacheService',
  'LockService',
  'ScriptApp',
  'HtmlService',
  'Session',
  'Utilities',
  'Logger',
];

function coreOf(ws: Workspace): Core {
  // The Workspace keeps its Core private; this module is part of the emulator and needs it to build
  // each execution's Runtime exactly as Workspace.execute does.
  return (ws as unknown as { core: Core }).core;
}

let execSeq = 0;

export interface HostOptions {
  /**
   * The harness's own test: wake a thread once, without a reply, as soon as it waits for each
   * request, as a notify of the previous reply that arrives late does on a loaded machine (the host
   * preempted between publishing a reply and notifying). A correct thread waits again.
   */
  spuriousWakeups?: boolean;
}

/** Wakes the thread waiting on `signal` once, leaving the signal as it is (bounded: gives up after ~1 s). */
function wakeOnce(signal: Int32Array): void {
  const until = Date.now() + 1000;
  while (Atomics.notify(signal, 0, 1) === 0 && Date.now() < until);
}

export class ConcurrencyHost {
  private lanes: Lane[] = [];
  private wake: (() => void) | null = null;
  /** protocol faults seen during the current run: run() throws them instead of returning a result */
  private harnessErrors: string[] = [];
  private core!: Core;
  private ws!: Workspace;

  /** `threads` execution threads, each with `bundlePath` (default: the emulator's dist/Code.js) compiled once. */
  constructor(
    threads = 2,
    private readonly bundlePath = path.join(__dirname, '..', '..', 'dist', 'Code.js'),
    private readonly options: HostOptions = {},
  ) {
    for (let i = 0; i < threads; i++) this.lanes.push(this.spawn());
  }

  private spawn(): Lane {
    const shared = new SharedArrayBuffer(SHARED_BYTES);
    const channel = new MessageChannel();
    const worker = new Worker(THREAD, {
      workerData: { bundlePath: this.bundlePath, shared, replies: channel.port2 },
      transferList: [channel.port2],
    });
    const lane: Lane = {
      worker,
      port: channel.port1,
      signal: new Int32Array(shared, 0, 1),
      clock: new Float64Array(shared, 8, 1),
      state: 'idle',
      pending: null,
      rt: null,
      exec: null,
      handles: new Map(),
      ids: new Map(),
      lockWait: null,
    };
    worker.on('message', (m: ThreadMessage) => {
      if (m.type === 'ready') {
        lane.state = lane.state === 'idle' ? 'idle' : lane.state;
        (lane as { ready?: boolean }).ready = true;
      } else {
        // one request at a time per thread: another message while a call waits means the pairing broke
        if (lane.pending?.type === 'call') this.harnessErrors.push(`thread ${this.lanes.indexOf(lane)}: a ${m.type} while call ${lane.pending.seq} waits`);
        if (m.type !== 'done' && this.options.spuriousWakeups) wakeOnce(lane.signal);
        if (m.type === 'get') {
          // property reads are not service calls: answer at once, whoever is scheduled
          this.reply(lane, m.seq, this.serveGet(lane, m.handle, m.prop));
          return;
        }
        lane.pending = m;
        lane.state = m.type === 'done' ? 'done' : 'waiting';
      }
      this.wake?.();
    });
    worker.on('error', (e) => {
      lane.pending = { type: 'done', execId: lane.exec?.id ?? '', error: { message: `thread crashed: ${e.message}`, stack: e.stack ?? '' }, logs: [] };
      lane.state = 'done';
      this.wake?.();
    });
    return lane;
  }

  private tick(): Promise<void> {
    return new Promise((resolve) => {
      this.wake = () => {
        this.wake = null;
        resolve();
      };
    });
  }

  private async ready(): Promise<void> {
    while (this.lanes.some((l) => !(l as { ready?: boolean }).ready)) await this.tick();
  }

  async close(): Promise<void> {
    await Promise.all(this.lanes.map((l) => l.worker.terminate()));
  }

  private handleOf(lane: Lane, v: ServiceObject): HandleRef {
    let id = lane.ids.get(v);
    if (id === undefined) {
      id = lane.handles.size + 1;
      lane.handles.set(id, v);
      lane.ids.set(v, id);
    }
    return { [HANDLE_TAG]: id, cls: v.constructor.name };
  }

  /** Host value → plain data for the thread (service objects become handles, Dates tags). */
  private toThread(lane: Lane, v: unknown): unknown {
    if (v === null || typeof v !== 'object') return typeof v === 'function' ? undefined : v;
    const u = unwrap(v);
    if (u instanceof ServiceObject) return this.handleOf(lane, u);
    if (isDate(v)) return { [DATE_TAG]: v.getTime() };
    if (Array.isArray(v)) return v.map((x) => this.toThread(lane, x));
    const out: Record<string, unknown> = {};
    for (const k of Object.keys(v)) out[k] = this.toThread(lane, (v as Record<string, unknown>)[k]);
    return out;
  }

  /** Thread data → host values (handles back to their service objects, date tags to Dates). */
  private fromThread(lane: Lane, v: unknown): unknown {
    if (v === null || typeof v !== 'object') return v;
    if (Array.isArray(v)) return v.map((x) => this.fromThread(lane, x));
    if (HANDLE_TAG in v) return lane.handles.get((v as HandleRef)[HANDLE_TAG]);
    if (DATE_TAG in v) return new Date((v as Record<string, number>)[DATE_TAG]);
    const out: Record<string, unknown> = {};
    for (const k of Object.keys(v)) out[k] = this.fromThread(lane, (v as Record<string, unknown>)[k]);
    return out;
  }

  /** Posts the reply to request `seq`, then publishes `seq` in the signal (see SHARED_BYTES) and wakes the thread. */
  private reply(lane: Lane, seq: number, r: Reply): void {
    lane.clock[0] = this.core.clock.millis();
    const message: SeqReply = { ...r, seq };
    lane.port.postMessage(message);
    Atomics.store(lane.signal, 0, seq);
    Atomics.notify(lane.signal, 0);
  }

  private serveGet(lane: Lane, handle: number, prop: string): Reply {
    const target = lane.handles.get(handle);
    if (!target || prop.startsWith('_')) return { ok: true, value: undefined };
    const v: unknown = Reflect.get(target, prop, target);
    if (typeof v === 'function') return { ok: true, value: undefined, method: true };
    return { ok: true, value: this.toThread(lane, v) };
  }

  /** Serves one waiting call through the emulator's dispatch point. */
  private serveCall(lane: Lane, handle: number, prop: string, args: unknown[]): Reply {
    const target = lane.handles.get(handle);
    if (!target || !lane.rt) return { ok: false, error: { message: `unknown service object ${handle}`, name: 'Error' } };
    try {
      const hostArgs = args.map((a) => this.fromThread(lane, a));
      const value = dispatch(lane.rt, target, prop, hostArgs);
      return { ok: true, value: this.toThread(lane, value) };
    } catch (e) {
      const err = e as { message?: unknown; name?: unknown };
      return { ok: false, error: { message: jsString(err?.message ?? e), name: jsString(err?.name ?? 'Error') } };
    }
  }

  /** The holder of the lock a waiting lock call targets, when another live execution holds it. */
  private blockingHolder(lane: Lane): LockHolder | null {
    const m = lane.pending;
    if (!m || m.type !== 'call' || (m.prop !== 'waitLock' && m.prop !== 'tryLock')) return null;
    const target = lane.handles.get(m.handle);
    if (!target || target.constructor.name !== 'Lock') return null;
    const slot = Reflect.get(target, 'slot') as { get(): LockHolder | null } | undefined;
    const holder = slot?.get() ?? null;
    if (!holder || holder.executionId === lane.exec?.id) return null;
    const live = this.lanes.some((l) => l !== lane && l.exec?.id === holder.executionId && l.state !== 'done');
    return live ? holder : null;
  }

  /**
   * Runs the executions concurrently over `ws` (one per thread) until all have ended. `scheduler`
   * picks which waiting execution's call is served next. The threads run the host's bundle, whatever
   * bundle `ws` was made with.
   */
  async run(ws: Workspace, executions: ConcurrentExecution[], scheduler: Scheduler): Promise<ConcurrentResult> {
    if (executions.length > this.lanes.length) throw new Error(`ConcurrencyHost: ${executions.length} executions, ${this.lanes.length} threads`);
    this.ws = ws;
    this.core = coreOf(ws);
    await this.ready();
    const lanes = this.lanes.slice(0, executions.length);
    const schedule: ServedCall[] = [];
    let lockWaits = 0;
    executions.forEach((x, i) => {
      const lane = lanes[i];
      const user = x.user ?? this.ws.owner;
      const exec: Execution = {
        id: `conc-${++execSeq}`,
        fn: x.fn,
        user,
        trigger: x.trigger ?? null,
        calls: [],
        logs: [],
        startedAt: this.core.clock.now(),
        endedAt: null,
        cutOff: false,
      };
      const rt = new Runtime(this.core, exec, user);
      lane.rt = rt;
      lane.exec = exec;
      lane.handles = new Map();
      lane.ids = new Map();
      lane.pending = null;
      lane.lockWait = null;
      lane.state = 'running';
      const globals = makeGlobals(rt, false);
      const roots: Record<string, HandleRef> = {};
      for (const name of GLOBAL_SERVICES) roots[name] = this.handleOf(lane, unwrap(globals[name]) as ServiceObject);
      const json = !x.makeArgs;
      const args = x.makeArgs ? x.makeArgs(rt).map((a) => this.toThread(lane, a)) : (x.args ?? []);
      lane.clock[0] = this.core.clock.millis();
      const cmd: RunCommand = { type: 'run', execId: exec.id, fn: x.fn, args, roots, timeZone: this.core.state.scriptTimeZone, json };
      lane.worker.postMessage(cmd);
    });

    for (;;) {
      while (lanes.some((l) => l.state === 'running')) await this.tick();
      for (const lane of lanes) {
        if (lane.state === 'done' && lane.exec && lane.exec.endedAt === null) this.finish(lane);
      }
      const waiting = lanes.map((l, i) => ({ l, i })).filter(({ l }) => l.state === 'waiting');
      if (waiting.length === 0) break;
      const now = this.core.clock.millis();
      const ready: number[] = [];
      for (const { l, i } of waiting) {
        const holder = this.blockingHolder(l);
        if (!holder) {
          l.lockWait = null;
          ready.push(i);
          continue;
        }
        const m = l.pending as { args: unknown[] };
        if (!l.lockWait) {
          l.lockWait = { since: now, timeout: Number(m.args[0]) || 0 };
          lockWaits++;
        }
        if (now - l.lockWait.since >= l.lockWait.timeout) ready.push(i); // timed out: served, and fails as in Apps Script
      }
      if (ready.length === 0) throw new Error('ConcurrencyHost: every execution is waiting for a lock another holds (deadlock)');
      const pick = ready.length === 1 ? ready[0] : scheduler(ready, schedule.length);
      if (!ready.includes(pick)) throw new Error(`scheduler picked ${pick}, not one of ${ready.join(',')}`);
      const lane = lanes[pick];
      const m = lane.pending;
      if (!m || m.type !== 'call') throw new Error('ConcurrencyHost: lane has no call');
      lane.pending = null;
      lane.state = 'running';
      lane.lockWait = null;
      const target = lane.handles.get(m.handle);
      schedule.push({ lane: pick, method: `${target?.constructor.name ?? '?'}.${m.prop}` });
      this.reply(lane, m.seq, this.serveCall(lane, m.handle, m.prop, m.args));
    }
    if (this.harnessErrors.length) {
      const errors = this.harnessErrors.splice(0);
      throw new Error(`ConcurrencyHost: the harness broke (not the script): ${errors.join('; ')}`);
    }
    return { executions: lanes.map((l) => l.exec as Execution), schedule, lockWaits };
  }

  /** An execution ended: record its outcome and release its locks, as Workspace.execute does. */
  private finish(lane: Lane): void {
    const exec = lane.exec as Execution;
    const done = lane.pending as DoneMessage;
    if (done.harnessError) this.harnessErrors.push(`thread ${this.lanes.indexOf(lane)}, ${exec.fn}: ${done.harnessError}`);
    if (done.error) exec.error = { message: exec.cutOff ? (exec.endReason ?? TIME_LIMIT_MESSAGE) : done.error.message, stack: done.error.stack };
    else if (exec.cutOff) exec.error = { message: exec.endReason ?? TIME_LIMIT_MESSAGE, stack: '' };
    else exec.result = done.result;
    exec.logs.push(...done.logs);
    releaseAll(this.core.state.locks, exec.id);
    exec.endedAt = this.core.clock.now();
    this.ws.executions.push(exec);
  }
}

/** A seeded random scheduler (mulberry32): the same seed gives the same interleaving. */
export function randomScheduler(seed: number): Scheduler {
  const rnd = mulberry32(seed);
  return (ready) => ready[Math.floor(rnd() * ready.length)];
}

/**
 * A scheduler that runs one execution until it has made `switchAfter` calls, then the other, and so
 * on: with switchAfter = k, the k-th call of the first execution is where the second one starts.
 */
export function switchingScheduler(switchAfter: number): Scheduler {
  let current = -1;
  let run = 0;
  return (ready) => {
    if (!ready.includes(current) || run >= switchAfter) {
      const others = ready.filter((r) => r !== current);
      current = others.length ? others[0] : ready[0];
      run = 0;
    }
    run++;
    return current;
  };
}
