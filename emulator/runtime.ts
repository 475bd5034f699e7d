// One execution's view of the Workspace, and THE dispatch point every service call goes through.
import type { Core } from './core';
import { EXECUTION_LIMIT_MS, TIME_LIMIT_MESSAGE, type Execution, type ServiceName } from './execution';
import { isDate, type Realm } from './realm';
import { grantedScopes, scopesFor, triggerBudget, triggerRuntimeUsed, TRIGGER_BUDGET_MESSAGE, AUTHORIZATION_REQUIRED_MESSAGE } from './platform';

/** Base of every object the bundle can call methods on (services, Range, Form, CalendarEvent, ...). */
export abstract class ServiceObject {
  constructor(readonly _rt: Runtime) {}
  /** [service used for counting, class name used in the method key]. */
  abstract _kind(): [ServiceName, string];
}

/** An error the emulator raises as Apps Script would (its message is what the bundle sees). */
export class ScriptError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'Exception';
  }
}

export class TimeLimitError extends ScriptError {
  constructor(message: string = TIME_LIMIT_MESSAGE) {
    super(message);
  }
}

const targets = new WeakMap<object, ServiceObject>();

export function unwrap<T>(v: T): T {
  if (v !== null && typeof v === 'object') {
    const t = targets.get(v);
    if (t) return t as unknown as T;
  }
  return v;
}

export type AuthModeName = 'FULL' | 'LIMITED' | 'NONE';

/** Services a simple trigger (LIMITED) cannot call: they need the user's authorization. */
const NEEDS_AUTH = new Set<ServiceName>(['MailApp', 'GmailApp', 'CalendarApp', 'Calendar', 'FormApp', 'ScriptApp']);
/** In NONE (an add-on's onOpen before it is used in the document) only menus and plain helpers work. */
const NONE_ALLOWED = new Set(['SpreadsheetApp.getUi', 'Ui.createAddonMenu', 'Ui.createMenu']);

export class Runtime {
  realm: Realm | null = null;
  /** How Apps Script started this execution: FULL (menus, sidebar, installable triggers) or a simple trigger's mode. */
  authMode: AuthModeName = 'FULL';
  /**
   * Running as the web app (doGet, or google.script.run from its page): bound-script methods
   * (getActiveSpreadsheet, getActive, getUi, ...) are unavailable, as Google documents.
   */
  webApp = false;
  /** The web app's visitor ('' = anonymous); `user` is then who the app executes as (the deployer). */
  visitor = '';
  private proxies = new WeakMap<ServiceObject, object>();
  /** Calls made by this execution, for cutAtCall. */
  private callCount = 0;
  private readonly cutAt: number | null;

  constructor(
    readonly core: Core,
    readonly exec: Execution,
    readonly user: string,
  ) {
    this.cutAt = core.faults.cutAt;
    core.faults.cutAt = null;
  }

  get state() {
    return this.core.state;
  }

  now(): Date {
    return this.core.clock.now();
  }

  holdsScriptLock(): boolean {
    return this.core.state.locks.script?.executionId === this.exec.id;
  }

  /** The bundle-facing proxy of a service object: every method call goes through `dispatch`. */
  wrap<T extends ServiceObject>(target: T): T {
    const cached = this.proxies.get(target);
    if (cached) return cached as T;
    const proxy = new Proxy(target, {
      get: (t, prop, _receiver) => {
        if (typeof prop === 'symbol') return Reflect.get(t, prop);
        if (prop.startsWith('_')) return undefined;
        const v: unknown = Reflect.get(t, prop, t);
        if (typeof v !== 'function') return v === undefined ? undefined : this.toBundle(v);
        if (prop === 'toString' || prop === 'valueOf' || prop === 'constructor') return (v as () => unknown).bind(t);
        return (...args: unknown[]) => dispatch(this, t, prop, args);
      },
      set: (t, prop, value) => Reflect.set(t, prop, value),
      has: (t, prop) => typeof prop === 'string' && !prop.startsWith('_') && prop in t,
      ownKeys: (t) => Reflect.ownKeys(t).filter((k) => typeof k !== 'string' || !k.startsWith('_')),
    });
    this.proxies.set(target, proxy);
    targets.set(proxy, target);
    return proxy;
  }

  /** A Date as the bundle's `Date`. */
  newDate(ms: number): Date {
    return this.core.newDate(ms);
  }

  toBundle(value: unknown): unknown {
    if (value instanceof ServiceObject) return this.wrap(value);
    if (!this.realm) return value;
    return this.realm.toBundle(value, (v) => (v instanceof ServiceObject ? this.wrap(v) : v));
  }

  /** An error the bundle can catch as its own (`instanceof Error` in its realm). */
  bundleError(e: unknown): unknown {
    if (!this.realm) return e;
    if (e instanceof Error && !((e as object) instanceof this.realm.error)) {
      const out = this.realm.makeError(e.message, e.name);
      Object.defineProperty(out, 'hostStack', { value: e.stack, enumerable: false });
      return out;
    }
    return e;
  }

  /** requireScopes/requireAllScopes found a missing scope: the execution ends (and would prompt). */
  endForAuthorization(missing: string[]): never {
    this.exec.cutOff = true;
    this.exec.endReason = AUTHORIZATION_REQUIRED_MESSAGE;
    this.exec.authorizationRequired = missing;
    throw new TimeLimitError(AUTHORIZATION_REQUIRED_MESSAGE);
  }

  /** Everything that happens before a service call runs: limits, counting, faults, latency. */
  beforeCall(service: ServiceName, method: string): void {
    const exec = this.exec;
    if (exec.cutOff) throw new TimeLimitError(exec.endReason);
    this.callCount++;
    if (this.cutAt !== null && this.callCount >= this.cutAt) {
      exec.cutOff = true;
      throw new TimeLimitError();
    }
    const elapsed = this.core.clock.millis() - exec.startedAt.getTime();
    if (elapsed > EXECUTION_LIMIT_MS) {
      exec.cutOff = true;
      throw new TimeLimitError();
    }
    // An installable trigger's run ends when the user's daily trigger runtime runs out mid-run.
    if (exec.trigger && triggerRuntimeUsed(this.state, this.user, exec.startedAt.getTime()) + elapsed > triggerBudget(this.state)) {
      exec.cutOff = true;
      exec.endReason = TRIGGER_BUDGET_MESSAGE;
      throw new TimeLimitError(TRIGGER_BUDGET_MESSAGE);
    }
    exec.calls.push({ service, method, lockHeld: this.holdsScriptLock() });
    if (this.authMode === 'FULL') {
      // Granular consent: a call into a service whose scope the user did not grant fails mid-run.
      const needs = scopesFor(service, method);
      if (needs) {
        const granted = grantedScopes(this.state, this.user);
        if (!needs.some((sc) => granted.includes(sc))) {
          throw new ScriptError(
            `You do not have permission to call ${method.startsWith(service) ? method : `${service}.${method}`}. Required permissions: ${needs[0]}`,
          );
        }
      }
    } else {
      const denied =
        this.authMode === 'NONE'
          ? !NONE_ALLOWED.has(method) && service !== 'Utilities' && service !== 'Logger' && !method.startsWith('Menu.')
          : NEEDS_AUTH.has(service);
      if (denied) throw new ScriptError(`You do not have permission to call ${method.startsWith(service) ? method : `${service}.${method}`}.`);
    }
    const failure = this.core.faults.takeFailure(service, method, exec.fn);
    if (this.core.faults.latencyMs > 0) this.core.clock.advance(this.core.faults.latencyMs);
    if (failure) throw failure;
  }
}

/**
 * The single dispatch point: every call the bundle makes on any service object comes here.
 * (A concurrency harness can replace the call below with a message to another thread.)
 */
export function dispatch(rt: Runtime, target: ServiceObject, prop: string, args: unknown[]): unknown {
  try {
    const [service, type] = target._kind();
    rt.beforeCall(service, `${type}.${prop}`);
    const fn = Reflect.get(target, prop) as (...a: unknown[]) => unknown;
    const hostArgs = args.map((a) => (Array.isArray(a) ? a.map(unwrap) : unwrap(a)));
    const model = rt.core.faults.latencyModel;
    if (!model) return rt.toBundle(fn.apply(target, hostArgs));
    const call = rt.exec.calls[rt.exec.calls.length - 1];
    let result: unknown;
    try {
      result = fn.apply(target, hostArgs);
    } finally {
      const cells = cellCount(hostArgs[0]) + cellCount(result);
      if (cells > 0) call.cells = cells;
      rt.core.clock.advance(Math.max(0, model(call)));
    }
    return rt.toBundle(result);
  } catch (e) {
    throw rt.bundleError(e);
  }
}

/** Cells of a 2-D array of values (a getValues result or a setValues argument); 0 for anything else. */
function cellCount(v: unknown): number {
  if (!Array.isArray(v) || v.length === 0 || !Array.isArray(v[0])) return 0;
  let n = 0;
  for (const row of v as unknown[]) n += Array.isArray(row) ? row.length : 0;
  return n;
}

/** Dates from either realm, as host Dates. */
export function toHostDate(v: unknown): Date | null {
  return isDate(v) ? new Date(v.getTime()) : null;
}
