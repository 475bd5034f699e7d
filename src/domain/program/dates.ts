// Wall-clock time in an IANA zone ⇄ instants, without Apps Script's Utilities (the domain is pure).

const formatters = new Map<string, Intl.DateTimeFormat>();

function partsFormatter(timeZone: string): Intl.DateTimeFormat {
  let f = formatters.get(timeZone);
  if (!f) {
    f = new Intl.DateTimeFormat('en-US', {
      timeZone,
      hour12: false,
      year: 'numeric',
      month: 'numeric',
      day: 'numeric',
      hour: 'numeric',
      minute: 'numeric',
      second: 'numeric',
    });
    formatters.set(timeZone, f);
  }
  return f;
}

export interface WallClock {
  year: number;
  month: number;
  day: number;
  hour: number;
  minute: number;
  second: number;
  /** 0 = Sunday */
  weekday: number;
}

/** The wall-clock fields of an instant in `timeZone`. */
export function wallClock(instant: Date, timeZone: string): WallClock {
  const parts: Record<string, number> = {};
  for (const p of partsFormatter(timeZone).formatToParts(instant)) {
    if (p.type !== 'literal') parts[p.type] = Number(p.value);
  }
  const hour = parts.hour === 24 ? 0 : parts.hour;
  const weekday = new Date(Date.UTC(parts.year, parts.month - 1, parts.day)).getUTCDay();
  return { year: parts.year, month: parts.month, day: parts.day, hour, minute: parts.minute, second: parts.second, weekday };
}

/** Offset of `timeZone` from UTC at `instant`, in minutes (e.g. -240 for EDT). */
export function offsetMinutes(instant: Date, timeZone: string): number {
  const w = wallClock(instant, timeZone);
  const asUtc = Date.UTC(w.year, w.month - 1, w.day, w.hour, w.minute, w.second);
  return Math.round((asUtc - Math.floor(instant.getTime() / 1000) * 1000) / 60000);
}

/** The instant at which the wall clock in `timeZone` shows the given fields (month 1-12). */
export function zonedToInstant(year: number, month: number, day: number, hour: number, minute: number, second: number, timeZone: string): Date {
  const guess = Date.UTC(year, month - 1, day, hour, minute, second);
  const first = offsetMinutes(new Date(guess), timeZone);
  let t = guess - first * 60000;
  const second2 = offsetMinutes(new Date(t), timeZone);
  if (second2 !== first) t = guess - second2 * 60000;
  return new Date(t);
}

const MONTHS = ['January', 'February', 'March', 'April', 'May', 'June', 'July', 'August', 'September', 'October', 'November', 'December'];
const WEEKDAYS = ['Sunday', 'Monday', 'Tuesday', 'Wednesday', 'Thursday', 'Friday', 'Saturday'];

/** "September 15, 2023" */
export function formatLongDate(instant: Date, timeZone: string): string {
  const w = wallClock(instant, timeZone);
  return `${MONTHS[w.month - 1]} ${w.day}, ${w.year}`;
}

/** "Friday, September 15, 2023" */
export function formatWeekdayDate(instant: Date, timeZone: string): string {
  return `${WEEKDAYS[wallClock(instant, timeZone).weekday]}, ${formatLongDate(instant, timeZone)}`;
}

/** "August 2023" */
export function formatMonthYear(instant: Date, timeZone: string): string {
  const w = wallClock(instant, timeZone);
  return `${MONTHS[w.month - 1]} ${w.year}`;
}

/** "11:59 pm" */
export function formatTime(instant: Date, timeZone: string): string {
  const w = wallClock(instant, timeZone);
  const h12 = w.hour % 12 === 0 ? 12 : w.hour % 12;
  return `${h12}:${String(w.minute).padStart(2, '0')} ${w.hour < 12 ? 'am' : 'pm'}`;
}

/** A short zone label for the instant, e.g. "EDT"/"EST" (falls back to the IANA name). */
const zoneFormatters = new Map<string, Intl.DateTimeFormat>();

export function zoneAbbreviation(instant: Date, timeZone: string): string {
  try {
    let f = zoneFormatters.get(timeZone);
    if (!f) {
      f = new Intl.DateTimeFormat('en-US', { timeZone, timeZoneName: 'short' });
      zoneFormatters.set(timeZone, f);
    }
    const part = f.formatToParts(instant).find((p) => p.type === 'timeZoneName');
    return part ? part.value : timeZone;
  } catch {
    return timeZone;
  }
}
