/** Wall-clock parts of an instant in an IANA zone (or a fixed 'GMT+hh:mm' offset), via Intl. */
export interface ZonedParts {
  year: number;
  month: number; // 1-12
  day: number;
  hour: number;
  minute: number;
  second: number;
  millisecond: number;
  weekday: number; // 0 = Sunday
  offsetMinutes: number; // local - UTC
}

const formatters = new Map<string, Intl.DateTimeFormat>();
const WEEKDAYS = ['Sun', 'Mon', 'Tue', 'Wed', 'Thu', 'Fri', 'Sat'];

/** A Java-style custom id ('GMT-5', 'UTC+05:30') as minutes east of UTC, or null. */
export function fixedOffset(tz: string): number | null {
  const m = /^(?:GMT|UTC)(?:([+-])(\d{1,2})(?::?(\d{2}))?)?$/i.exec(tz.trim());
  if (!m) return null;
  if (!m[1]) return 0;
  const minutes = Number(m[2]) * 60 + Number(m[3] ?? 0);
  return m[1] === '-' ? -minutes : minutes;
}

function formatter(tz: string): Intl.DateTimeFormat | null {
  let f = formatters.get(tz);
  if (f) return f;
  try {
    f = new Intl.DateTimeFormat('en-US', {
      timeZone: tz,
      hourCycle: 'h23',
      year: 'numeric',
      month: 'numeric',
      day: 'numeric',
      hour: 'numeric',
      minute: 'numeric',
      second: 'numeric',
      weekday: 'short',
    });
  } catch {
    return null;
  }
  formatters.set(tz, f);
  return f;
}

/** True when Intl (or the fixed-offset syntax) knows the zone. */
export function isKnownZone(tz: string): boolean {
  return fixedOffset(tz) !== null || formatter(tz) !== null;
}

export function zonedParts(ms: number, tz: string): ZonedParts {
  const fixed = fixedOffset(tz);
  const f = fixed === null ? formatter(tz) : null;
  if (!f) {
    // Java's TimeZone.getTimeZone falls back to GMT for ids it does not know.
    return fromShifted(ms, fixed ?? 0);
  }
  const parts: Record<string, string> = {};
  for (const p of f.formatToParts(new Date(ms))) parts[p.type] = p.value;
  const wall = Date.UTC(+parts.year, +parts.month - 1, +parts.day, +parts.hour, +parts.minute, +parts.second);
  const secondFloor = Math.floor(ms / 1000) * 1000;
  return {
    year: +parts.year,
    month: +parts.month,
    day: +parts.day,
    hour: +parts.hour,
    minute: +parts.minute,
    second: +parts.second,
    millisecond: ms - secondFloor,
    weekday: WEEKDAYS.indexOf(parts.weekday),
    offsetMinutes: Math.round((wall - secondFloor) / 60000),
  };
}

function fromShifted(ms: number, offsetMinutes: number): ZonedParts {
  const d = new Date(ms + offsetMinutes * 60000);
  return {
    year: d.getUTCFullYear(),
    month: d.getUTCMonth() + 1,
    day: d.getUTCDate(),
    hour: d.getUTCHours(),
    minute: d.getUTCMinutes(),
    second: d.getUTCSeconds(),
    millisecond: d.getUTCMilliseconds(),
    weekday: d.getUTCDay(),
    offsetMinutes,
  };
}

/** The instant at which the wall clock in `tz` shows the given time (earlier one on DST overlap). */
export function zonedToUtc(tz: string, year: number, month: number, day: number, hour = 0, minute = 0, second = 0, ms = 0): number {
  const w = new Date(Date.UTC(2000, 0, 1));
  w.setUTCFullYear(year, month - 1, day);
  w.setUTCHours(hour, minute, second, ms);
  const wall = w.getTime();
  let guess = wall - zonedParts(wall, tz).offsetMinutes * 60000;
  const second1 = wall - zonedParts(guess, tz).offsetMinutes * 60000;
  if (second1 !== guess) guess = Math.min(guess, second1);
  return guess;
}

/** Short ('EDT') or long ('Eastern Daylight Time') zone name, as Intl knows it. */
export function zoneName(ms: number, tz: string, style: 'short' | 'long'): string {
  const fixed = fixedOffset(tz);
  if (fixed !== null || !formatter(tz)) {
    const off = fixed ?? 0;
    if (off === 0) return /^UTC/i.test(tz) ? 'UTC' : 'GMT';
    return `GMT${formatOffset(off, true)}`;
  }
  const part = new Intl.DateTimeFormat('en-US', { timeZone: tz, timeZoneName: style }).formatToParts(new Date(ms)).find((p) => p.type === 'timeZoneName');
  return part ? part.value : 'GMT';
}

export function formatOffset(offsetMinutes: number, colon: boolean): string {
  const sign = offsetMinutes < 0 ? '-' : '+';
  const abs = Math.abs(offsetMinutes);
  const hh = String(Math.floor(abs / 60)).padStart(2, '0');
  const mm = String(abs % 60).padStart(2, '0');
  return colon ? `${sign}${hh}:${mm}` : `${sign}${hh}${mm}`;
}

/** The instant whose wall clock in `tz` reads `wall` (wall-clock fields encoded as a UTC epoch). */
export function wallToUtc(tz: string, wall: number): number {
  if (!Number.isFinite(wall)) return NaN;
  const d = new Date(wall);
  return zonedToUtc(tz, d.getUTCFullYear(), d.getUTCMonth() + 1, d.getUTCDate(), d.getUTCHours(), d.getUTCMinutes(), d.getUTCSeconds(), d.getUTCMilliseconds());
}

/** Wall-clock fields of an instant in `tz`, encoded as a UTC epoch (for Date.UTC-style arithmetic). */
export function utcToWall(tz: string, ms: number): number {
  const p = zonedParts(ms, tz);
  return Date.UTC(p.year, p.month - 1, p.day, p.hour, p.minute, p.second, p.millisecond);
}
