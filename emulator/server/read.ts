// Reading the emulator's state, which arrives as `unknown`, field by field: a missing field becomes
// '' or null; instants are shown in the program zone (views.ts builds the wire shapes from these).

export const TIME_ZONE = 'America/New_York';

type Rec = Record<string, unknown>;

export function isRec(x: unknown): x is Rec {
  return typeof x === 'object' && x !== null && !Array.isArray(x);
}

export function rec(x: unknown): Rec {
  return isRec(x) ? x : {};
}

export function str(x: unknown): string {
  if (typeof x === 'string') return x;
  if (typeof x === 'number' || typeof x === 'boolean') return String(x);
  if (x instanceof Date) return x.toISOString();
  return '';
}

export function arr(x: unknown): unknown[] {
  return Array.isArray(x) ? x : [];
}

/** A Date from a Date, an ISO string, epoch ms, or a Calendar API `{dateTime}` / `{date}`. */
export function asDate(x: unknown): Date | null {
  if (x instanceof Date) return Number.isNaN(x.getTime()) ? null : x;
  if (Object.prototype.toString.call(x) === '[object Date]') {
    const d = new Date((x as Date).getTime());
    return Number.isNaN(d.getTime()) ? null : d;
  }
  if (typeof x === 'string' || typeof x === 'number') {
    if (x === '') return null;
    const d = new Date(x);
    return Number.isNaN(d.getTime()) ? null : d;
  }
  if (isRec(x)) {
    if (x.dateTime !== undefined) return asDate(x.dateTime);
    if (typeof x.date === 'string') return asDate(`${x.date}T00:00:00Z`);
  }
  return null;
}

export function iso(x: unknown): string {
  const d = asDate(x);
  return d ? d.toISOString() : '';
}

const LOCAL_FMT = new Intl.DateTimeFormat('en-US', {
  timeZone: TIME_ZONE,
  weekday: 'short',
  year: 'numeric',
  month: 'short',
  day: 'numeric',
  hour: 'numeric',
  minute: '2-digit',
  timeZoneName: 'short',
});
const TIME_FMT = new Intl.DateTimeFormat('en-US', {
  timeZone: TIME_ZONE,
  hour: 'numeric',
  minute: '2-digit',
  timeZoneName: 'short',
});

/** `Tue, Aug 29, 2023, 2:00 PM EDT` */
export function local(x: unknown): string {
  const d = asDate(x);
  return d ? LOCAL_FMT.format(d) : '';
}

export function localRange(start: Date | null, end: Date | null): string {
  if (!start) return '';
  if (!end) return LOCAL_FMT.format(start);
  const sameDay =
    start.getTime() - end.getTime() < 24 * 3600e3 &&
    LOCAL_FMT.format(start).split(',').slice(0, 3).join() === LOCAL_FMT.format(end).split(',').slice(0, 3).join();
  const head = LOCAL_FMT.format(start).replace(/ [A-Z]{2,5}$/, '');
  return sameDay ? `${head} – ${TIME_FMT.format(end)}` : `${LOCAL_FMT.format(start)} – ${LOCAL_FMT.format(end)}`;
}
