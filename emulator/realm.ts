// Values crossing between the emulator (host realm) and the bundle (its own vm context).
import vm from 'node:vm';
import type { Clock } from './clock';
import { utcToWall, wallToUtc, zoneName } from './tz';

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
 * no-argument constructor and `Date.now()` read the emulated clock, and whose local-time methods use
 * the script's time zone, as Apps Script's V8 does. One per Workspace, so every Date the emulator hands
 * out is `instanceof Date` inside the bundle.
 */
export type EmuDateConstructor = DateConstructor;

const SHORT_DAYS = ['Sun', 'Mon', 'Tue', 'Wed', 'Thu', 'Fri', 'Sat'];
const SHORT_MONTHS = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];
/** Strings V8 parses as UTC or with an explicit zone; everything else it parses as local time. */
const EXPLICIT_ZONE = /(Z|[+-]\d{2}:?\d{2}|\b(GMT|UTC|UT)\b.*)\s*$|^\s*[+-]?\d{4,6}(-\d{2}(-\d{2})?)?\s*$/i;

export function makeEmuDate(clock: Clock, timeZone: () => string): EmuDateConstructor {
  const H = Date.prototype;
  /** Host parse, then reinterpret the wall clock in the script zone unless the string names its zone. */
  const parseLocal = (s: string): number => {
    const host = Date.parse(s);
    if (!Number.isFinite(host) || EXPLICIT_ZONE.test(s)) return host;
    const d = new Date(host);
    const wall = Date.UTC(d.getFullYear(), d.getMonth(), d.getDate(), d.getHours(), d.getMinutes(), d.getSeconds(), d.getMilliseconds());
    return wallToUtc(timeZone(), wall);
  };
  const fromFields = (f: number[]): number => {
    const [y, m, d = 1, h = 0, mi = 0, s = 0, ms = 0] = f.map(Number);
    if ([y, m, d, h, mi, s, ms].some((x) => !Number.isFinite(x))) return NaN;
    const year = y >= 0 && y <= 99 ? 1900 + Math.trunc(y) : y;
    const w = new Date(0);
    w.setUTCFullYear(year, m, d);
    w.setUTCHours(h, mi, s, ms);
    return wallToUtc(timeZone(), w.getTime());
  };

  const wallOf = (d: Date): Date => new Date(utcToWall(timeZone(), H.getTime.call(d)));
  const setWall = (d: Date, mutate: (w: Date) => void): number => {
    if (!Number.isFinite(H.getTime.call(d))) return NaN;
    const w = wallOf(d);
    mutate(w);
    return H.setTime.call(d, wallToUtc(timeZone(), w.getTime()));
  };

  class EmuDate extends Date {
    constructor(...args: unknown[]) {
      if (args.length === 0) super(clock.millis());
      else if (args.length === 1) {
        const a = args[0];
        if (typeof a === 'string') super(parseLocal(a));
        else if (isDate(a)) super(a.getTime());
        else super(a as number);
      } else super(fromFields(args as number[]));
    }
    static now(): number {
      return clock.millis();
    }
    static parse(s: string): number {
      return parseLocal(String(s));
    }
    getFullYear(): number {
      return wallOf(this).getUTCFullYear();
    }
    getYear(): number {
      return wallOf(this).getUTCFullYear() - 1900;
    }
    getMonth(): number {
      return wallOf(this).getUTCMonth();
    }
    getDate(): number {
      return wallOf(this).getUTCDate();
    }
    getDay(): number {
      return wallOf(this).getUTCDay();
    }
    getHours(): number {
      return wallOf(this).getUTCHours();
    }
    getMinutes(): number {
      return wallOf(this).getUTCMinutes();
    }
    getSeconds(): number {
      return wallOf(this).getUTCSeconds();
    }
    getMilliseconds(): number {
      return wallOf(this).getUTCMilliseconds();
    }
    getTimezoneOffset(): number {
      const t = H.getTime.call(this);
      if (!Number.isFinite(t)) return NaN;
      return Math.round((t - utcToWall(timeZone(), t)) / 60000);
    }
    setFullYear(y: number, m?: number, d?: number): number {
      return setWall(this, (w) => (m === undefined ? w.setUTCFullYear(y) : d === undefined ? w.setUTCFullYear(y, m) : w.setUTCFullYear(y, m, d)));
    }
    setMonth(m: number, d?: number): number {
      return setWall(this, (w) => (d === undefined ? w.setUTCMonth(m) : w.setUTCMonth(m, d)));
    }
    setDate(d: number): number {
      return setWall(this, (w) => w.setUTCDate(d));
    }
    setHours(h: number, mi?: number, s?: number, ms?: number): number {
      return setWall(this, (w) => w.setUTCHours(h, mi ?? w.getUTCMinutes(), s ?? w.getUTCSeconds(), ms ?? w.getUTCMilliseconds()));
    }
    setMinutes(mi: number, s?: number, ms?: number): number {
      return setWall(this, (w) => w.setUTCMinutes(mi, s ?? w.getUTCSeconds(), ms ?? w.getUTCMilliseconds()));
    }
    setSeconds(s: number, ms?: number): number {
      return setWall(this, (w) => w.setUTCSeconds(s, ms ?? w.getUTCMilliseconds()));
    }
    setMilliseconds(ms: number): number {
      return setWall(this, (w) => w.setUTCMilliseconds(ms));
    }
    toDateString(): string {
      if (!Number.isFinite(H.getTime.call(this))) return 'Invalid Date';
      const w = wallOf(this);
      return `${SHORT_DAYS[w.getUTCDay()]} ${SHORT_MONTHS[w.getUTCMonth()]} ${String(w.getUTCDate()).padStart(2, '0')} ${String(w.getUTCFullYear()).padStart(4, '0')}`;
    }
    toTimeString(): string {
      if (!Number.isFinite(H.getTime.call(this))) return 'Invalid Date';
      const t = H.getTime.call(this);
      const w = wallOf(this);
      const off = -this.getTimezoneOffset();
      const sign = off < 0 ? '-' : '+';
      const abs = Math.abs(off);
      const hhmm = `${String(Math.floor(abs / 60)).padStart(2, '0')}${String(abs % 60).padStart(2, '0')}`;
      const name = zoneName(t, timeZone(), 'long');
      const time = [w.getUTCHours(), w.getUTCMinutes(), w.getUTCSeconds()].map((n) => String(n).padStart(2, '0')).join(':');
      return `${time} GMT${sign}${hhmm} (${name})`;
    }
    toString(): string {
      if (!Number.isFinite(H.getTime.call(this))) return 'Invalid Date';
      return `${this.toDateString()} ${this.toTimeString()}`;
    }
    toLocaleString(locales?: string | string[], options?: Intl.DateTimeFormatOptions): string {
      return H.toLocaleString.call(this, locales, { timeZone: timeZone(), ...(options ?? {}) });
    }
    toLocaleDateString(locales?: string | string[], options?: Intl.DateTimeFormatOptions): string {
      return H.toLocaleDateString.call(this, locales, { timeZone: timeZone(), ...(options ?? {}) });
    }
    toLocaleTimeString(locales?: string | string[], options?: Intl.DateTimeFormatOptions): string {
      return H.toLocaleTimeString.call(this, locales, { timeZone: timeZone(), ...(options ?? {}) });
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
