// One execution thread: runs bundle functions in its own vm context, and makes every service call a
// synchronous request to the host (post the request, Atomics.wait until the host has served it).
// Apps Script code is synchronous, so this is how two executions really interleave: the host decides
// which thread's call is served next.
import { readFileSync } from 'node:fs';
import vm from 'node:vm';
import { parentPort, receiveMessageOnPort, workerData, type MessagePort } from 'node:worker_threads';
import { Clock } from '../clock';
import { makeEmuDate, Realm, isDate, jsString } from '../realm';
import {
  DATE_TAG,
  HANDLE_TAG,
  type CallRequest,
  type DoneMessage,
  type GetRequest,
  type HandleRef,
  type Reply,
  type RunCommand,
  type SeqReply,
} from './protocol';

interface ThreadData {
  bundlePath: string;
  shared: SharedArrayBuffer;
  replies: MessagePort;
}

const data = workerData as ThreadData;
const signal = new Int32Array(data.shared, 0, 1);
const clockView = new Float64Array(data.shared, 8, 1);
const script = new vm.Script(readFileSync(data.bundlePath, 'utf8'), { filename: data.bundlePath });

/** The emulated clock as the host last published it. */
class SharedClock extends Clock {
  millis(): number {
    return clockView[0];
  }
  now(): Date {
    return new Date(clockView[0]);
  }
}

/** This thread's last request number (never reused, across executions). */
let seq = 0;
/** Set when the request/reply pairing broke in the current execution: reported to the host with its end. */
let harnessError: string | undefined;

/**
 * One request to the host and its reply. The wait ends only when the signal carries this request's
 * seq: a wake-up for anything else (a late notify of the previous reply, a spurious one) waits again.
 * A reply that is missing or carries another seq is a harness fault, not a service error: the
 * execution's script sees an error it cannot do anything sensible with, and the host fails the whole
 * run (a script may catch the error, so it must not pass for one of its own).
 */
function request(msg: Omit<CallRequest, 'seq'> | Omit<GetRequest, 'seq'>): Reply {
  if (harnessError) throw new Error(`concurrency harness: ${harnessError}`);
  const mine = ++seq;
  parentPort!.postMessage({ ...msg, seq: mine });
  for (;;) {
    const current = Atomics.load(signal, 0);
    if (current === mine) break;
    Atomics.wait(signal, 0, current);
  }
  const got = receiveMessageOnPort(data.replies);
  const reply = got?.message as SeqReply | undefined;
  if (!reply || reply.seq !== mine) {
    harnessError = `request ${mine} (${msg.type} ${msg.prop}) answered ${reply ? `by the reply to request ${reply.seq}` : 'with no reply'}`;
    throw new Error(`concurrency harness: ${harnessError}`);
  }
  return reply;
}

function isHandle(v: unknown): v is HandleRef {
  return v !== null && typeof v === 'object' && HANDLE_TAG in v;
}

function run(cmd: RunCommand): DoneMessage {
  // Nothing is outstanding between executions: a reply left over is a harness fault, already
  // reported if the execution before ended on one; otherwise this execution reports it.
  let leftover = false;
  while (receiveMessageOnPort(data.replies)) leftover = true;
  harnessError = leftover && !harnessError ? 'a reply was waiting before the execution made any request' : undefined;
  let timeZone = cmd.timeZone;
  const EmuDate = makeEmuDate(new SharedClock(0), () => timeZone);
  const logs: string[] = [];
  const log = (...a: unknown[]): void => void logs.push(a.map((x) => (typeof x === 'string' ? x : JSON.stringify(x))).join(' '));
  const globals: Record<string, unknown> = { console: { log, info: log, warn: log, error: log }, Date: EmuDate };
  const context = vm.createContext(globals);
  const realm = new Realm(context, EmuDate);
  const proxies = new Map<number, object>();
  const methods = new Map<string, Set<string>>();

  /** Host value (tags) → bundle value (its realm's arrays, objects, Dates; proxies for handles). */
  const fromHost = (v: unknown): unknown => {
    if (v === null || typeof v !== 'object') return v;
    if (Array.isArray(v)) {
      const out = new realm.array(v.length);
      for (let i = 0; i < v.length; i++) out[i] = fromHost(v[i]);
      return out;
    }
    if (isHandle(v)) return proxyFor(v);
    if (DATE_TAG in v) return new EmuDate((v as Record<string, number>)[DATE_TAG]);
    const out = new realm.object() as Record<string, unknown>;
    for (const k of Object.keys(v)) out[k] = fromHost((v as Record<string, unknown>)[k]);
    return out;
  };
  const refs = new WeakMap<object, HandleRef>();
  /** Bundle value → host (tags). */
  const toHost = (v: unknown): unknown => {
    if (v === null || typeof v !== 'object') return typeof v === 'function' ? undefined : v;
    const ref = refs.get(v);
    if (ref) return ref;
    if (isDate(v)) return { [DATE_TAG]: v.getTime() };
    if (Array.isArray(v)) return v.map(toHost);
    const out: Record<string, unknown> = {};
    for (const k of Object.keys(v)) out[k] = toHost((v as Record<string, unknown>)[k]);
    return out;
  };
  const settle = (r: Reply): unknown => {
    if (!r.ok) throw realm.makeError(r.error.message, r.error.name);
    return fromHost(r.value);
  };
  function proxyFor(ref: HandleRef): object {
    const id = ref[HANDLE_TAG];
    const cached = proxies.get(id);
    if (cached) return cached;
    const known = methods.get(ref.cls) ?? new Set<string>();
    methods.set(ref.cls, known);
    const method =
      (prop: string) =>
      (...args: unknown[]) =>
        settle(request({ type: 'call', handle: id, prop, args: args.map(toHost) }));
    const proxy = new Proxy(
      {},
      {
        get: (_t, prop) => {
          if (typeof prop === 'symbol') return undefined;
          if (known.has(prop)) return method(prop);
          const r = request({ type: 'get', handle: id, prop });
          if (r.ok && r.method) {
            known.add(prop);
            return method(prop);
          }
          return settle(r);
        },
      },
    );
    proxies.set(id, proxy);
    refs.set(proxy, ref);
    return proxy;
  }

  for (const [name, ref] of Object.entries(cmd.roots)) globals[name] = proxyFor(ref);
  try {
    script.runInContext(context);
    const target = (context as Record<string, unknown>)[cmd.fn];
    if (typeof target !== 'function') throw realm.makeError(`Script function not found: ${cmd.fn}`, 'Exception');
    const args = cmd.json ? cmd.args.map((a) => realm.jsonIn(a)) : cmd.args.map(fromHost);
    const result: unknown = (target as (...a: unknown[]) => unknown)(...args);
    return {
      type: 'done',
      execId: cmd.execId,
      result: result === undefined ? undefined : (JSON.parse(JSON.stringify(result)) as unknown),
      logs,
      harnessError,
    };
  } catch (e) {
    const err = e as { message?: unknown; stack?: unknown };
    return { type: 'done', execId: cmd.execId, error: { message: jsString(err?.message ?? e), stack: jsString(err?.stack ?? '') }, logs, harnessError };
  } finally {
    timeZone = cmd.timeZone;
  }
}

parentPort!.on('message', (cmd: RunCommand) => {
  if (cmd.type === 'run') parentPort!.postMessage(run(cmd));
});
parentPort!.postMessage({ type: 'ready' });
