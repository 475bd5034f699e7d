// Values crossing between the emulator (host realm) and the bundle (its own vm context).
import vm from 'node:vm';
import type { Clock } from './clock';

export const isDate = (v: unknown): v is Date => Object.prototype.toString.call(v) === '[object Date]';

export function isPlainObject(v: unknown): v is Record<string, unknown> {
  if (v === null || typeof v !== 'object' || Object.prototype.toString.call(v) !== '[object Object]') return false;
  const proto: unknown = Object.getPrototypeOf(v);
  if (proto === null) return true;
  // An Object.prototype of any realm: its own prototype is null and it has its own `hasOwnProperty`.
  return Object.getPrototypeOf(proto) === null && Object.prototype.hasOwnProperty.call(proto, 'hasOwnProperty');
}

/**
 * The bundle's `Date`: a subclass of the host Date (so host code sees ordinary Dates) whose
 * no-argument constructor and `Date.now()` read the emulated clock. One per Workspace, so every Date
 * the emulator hands out is `instanceof Date` inside the bundle.
 */
export type EmuDateConstructor = DateConstructor;

export function makeEmuDate(clock: Clock): EmuDateConstructor {
  class EmuDate extends Date {
    constructor(...args: unknown[]) {
      if (args.length === 0) super(clock.millis());
      else super(...(args as [string]));
    }
    static now(): number {
      return clock.millis();
    }
  }
  Object.defineProperty(EmuDate, 'name', { value: 'Date' });
  // Calling Date() without `new` returns a string in JS; keep that shape.
  const callable = new Proxy(EmuDate, {
    apply: () => new EmuDate().toString(),
  });
  return callable as unknown as EmuDateConstructor;
}

/** Intrinsics of one execution's vm context: values handed to the bundle are made of these. */
export class Realm {
  readonly array: ArrayConstructor;
  readonly object: ObjectConstructor;
  readonly error: ErrorConstructor;
  readonly json: JSON;

  constructor(
    readonly context: vm.Context,
    readonly EmuDate: EmuDateConstructor,
  ) {
    const intrinsics = vm.runInContext('[Array, Object, Error, JSON]', context) as [ArrayConstructor, ObjectConstructor, ErrorConstructor, JSON];
    [this.array, this.object, this.error, this.json] = intrinsics;
  }

  /** An Error of the bundle's realm (so `e instanceof Error` holds in the bundle's catch blocks). */
  makeError(message: string, name?: string): Error {
    const e = new this.error(message);
    if (name && name !== 'Error') e.name = name;
    return e;
  }

  /** Like google.script.run: arguments reach the bundle as JSON copies made in its realm. */
  jsonIn(value: unknown): unknown {
    if (value === undefined) return undefined;
    return this.json.parse(JSON.stringify(value));
  }

  /**
   * Copies a host value into the bundle's realm: arrays and plain objects become the realm's own,
   * Dates become EmuDates, anything else (service objects are handled by `wrap`) passes through.
   */
  toBundle(value: unknown, wrap: (v: object) => unknown): unknown {
    if (value === null || typeof value !== 'object') return value;
    if (Array.isArray(value)) {
      const out = new this.array(value.length);
      for (let i = 0; i < value.length; i++) out[i] = this.toBundle(value[i], wrap);
      return out;
    }
    if (isDate(value)) {
      const ms = value.getTime();
      return (value as object) instanceof this.EmuDate ? value : new this.EmuDate(ms);
    }
    if (isPlainObject(value)) {
      const out = new this.object() as Record<string, unknown>;
      for (const k of Object.keys(value)) out[k] = this.toBundle(value[k], wrap);
      return out;
    }
    return wrap(value);
  }
}
