// Values crossing between the emulator (host realm) and the bundle (its own vm context).
import vm from 'node:vm';
import type { Clock } from './clock';
import { utcToWall, wallToUtc, zoneName } from './tz';

/** Values the emulator built for the bundle already (fresh copies, Dates converted): no second copy. */
const ready = new WeakSet<object>();
export function markReady<T extends object>(value: T): T {
  ready.add(value);
  return value;
}

export const isDate = (v: unknown): v is Date => Object.prototype.toString.call(v) === '[object Date]';

/**
 * String(v) for any value a script hands the platform, "[object Object]" included: the emulator
 * prints what Apps Script prints. Typed `unknown` on purpose (see no-base-to-string).
 */
export function jsString(v: unknown): string {
  return String(v);
}

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
  const fromFields = (n: number, ...f: unknown[]): number => {
    const [y, m, d, h, mi, s, ms] = f.map((x, i) => (i < n ? Number(x) : i === 2 ? 1 : 0));
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

  // A function constructor (not a class): `Date()` without `new` must work, and a Proxy or a derived
  // class constructor makes `new Date(...)`, which app code calls constantly, several times slower.
  function EmuDate(this: unknown, a?: unknown, b?: unknown, c?: unknown, d?: unknown, e?: unknown, f?: unknown, g?: unknown): Date | string {
    const n = arguments.length;
    if (!new.target) return new Methods(clock.millis()).toString();
    let ms: number;
    if (n === 0) ms = clock.millis();
    else if (n === 1) {
      if (typeof a === 'number') ms = a;
      else if (typeof a === 'string') ms = parseLocal(a);
      else if (isDate(a)) ms = a.getTime();
      else ms = new Date(a as number).getTime();
    } else ms = fromFields(n, a, b, c, d, e, f, g);
    // A subclass defined in the bundle (class X extends Date) still gets its own prototype.
    return new.target === EmuDate ? new Methods(ms) : (Reflect.construct(Date, [ms], new.target) as Date);
  }
  /** Instances are made by this class (a trivial derived constructor is what V8 optimises best). */
  class Methods extends Date {
    constructor(ms: number) {
      super(ms);
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
  Object.defineProperty(Methods.prototype, 'constructor', { value: EmuDate, writable: true, configurable: true });
  EmuDate.prototype = Methods.prototype;
  Object.setPrototypeOf(EmuDate, Date);
  Object.defineProperty(EmuDate, 'name', { value: 'Date' });
  Object.defineProperty(EmuDate, 'length', { value: 7 });
  Object.assign(EmuDate, {
    now: (): number => clock.millis(),
    parse: (str: string): number => parseLocal(String(str)),
  });
  const ctor = EmuDate as unknown as EmuDateConstructor;
  fastDates.set(ctor, (ms: number) => new Methods(ms));
  return ctor;
}

const fastDates = new WeakMap<object, (ms: number) => Date>();

/** `new EmuDate(ms)` without the Proxy's construct path (hot: every Date cell read). */
export function dateFactory(ctor: EmuDateConstructor): (ms: number) => Date {
  const f = fastDates.get(ctor);
  return f ?? ((ms: number) => new ctor(ms));
}

/** Intrinsics of one execution's vm context: values handed to the bundle are made of these. */
export class Realm {
  readonly array: ArrayConstructor;
  readonly object: ObjectConstructor;
  readonly error: ErrorConstructor;
  readonly json: JSON;

  private readonly newDate: (ms: number) => Date;

  constructor(
    readonly context: vm.Context,
    readonly EmuDate: EmuDateConstructor,
  ) {
    this.newDate = dateFactory(EmuDate);
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
   * Prepares a host value for the bundle: Dates become the bundle's Date (EmuDate), service objects
   * are wrapped, arrays and plain objects are copied. Arrays and objects stay host-realm objects
   * (Array.isArray works, `instanceof Array` does not): building them in each execution's realm
   * makes the emulator's hot paths megamorphic (every context has its own array maps) and slow.
   */
  toBundle(value: unknown, wrap: (v: object) => unknown): unknown {
    if (value === null || typeof value !== 'object') return value;
    if (Array.isArray(value)) {
      if (ready.has(value)) return value;
      const out = new Array<unknown>(value.length);
      for (let i = 0; i < value.length; i++) out[i] = this.toBundle(value[i], wrap);
      return out;
    }
    if (isDate(value)) {
      const ms = value.getTime();
      return (value as object) instanceof this.EmuDate ? value : this.newDate(ms);
    }
    if (isPlainObject(value)) {
      const out: Record<string, unknown> = {};
      for (const k of Object.keys(value)) out[k] = this.toBundle(value[k], wrap);
      return out;
    }
    return wrap(value);
  }
}
