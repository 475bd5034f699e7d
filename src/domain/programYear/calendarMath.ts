// Wall-clock arithmetic in the program's zone for the program-year proposal. Pure (Intl only).
// A meeting "moved by whole weeks" keeps its weekday AND its local time: 2:00 pm ET stays
// 2:00 pm ET whether the new date is in EDT (18:00Z) or EST (19:00Z), so we move the local
// calendar date and then find the instant, never add 7 × 24 h to the instant.
import { wallClock, zonedToInstant, offsetMinutes } from '../program/dates';

const DAY_MS = 24 * 3600 * 1000;

/** The instant `weeks` weeks later at the same local wall-clock time in `timeZone`. */
export function addWeeksLocal(instant: Date, weeks: number, timeZone: string): Date {
  const w = wallClock(instant, timeZone);
  const day = new Date(Date.UTC(w.year, w.month - 1, w.day) + weeks * 7 * DAY_MS);
  return zonedToInstant(day.getUTCFullYear(), day.getUTCMonth() + 1, day.getUTCDate(), w.hour, w.minute, w.second, timeZone);
}

function daysInMonth(year: number, month: number): number {
  return new Date(Date.UTC(year, month, 0)).getUTCDate();
}

/**
 * The same local date `years` years later (same time of day). A last day of a month stays the
 * last day ("Feb 29, 2024" + 3 → "Feb 28, 2027"; "Feb 28, 2027" + 1 → "Feb 29, 2028"), so a cohort
 * that ends with its month keeps doing so.
 */
export function addYearsLocal(instant: Date, years: number, timeZone: string): Date {
  const w = wallClock(instant, timeZone);
  const y = w.year + years;
  const last = w.day === daysInMonth(w.year, w.month);
  const day = last ? daysInMonth(y, w.month) : Math.min(w.day, daysInMonth(y, w.month));
  return zonedToInstant(y, w.month, day, w.hour, w.minute, w.second, timeZone);
}

/** Days from one local date to the same date `years` later (365 or 366 per year). */
export function daysInYears(instant: Date, years: number, timeZone: string): number {
  const w = wallClock(instant, timeZone);
  const from = Date.UTC(w.year, w.month - 1, w.day);
  const y = w.year + years;
  const to = Date.UTC(y, w.month - 1, Math.min(w.day, daysInMonth(y, w.month)));
  return Math.round((to - from) / DAY_MS);
}

const two = (n: number): string => String(n).padStart(2, '0');

/** "2027-08-24T14:00:00-04:00": the instant as local time in `timeZone` with that zone's offset. */
export function isoInZone(instant: Date, timeZone: string): string {
  const w = wallClock(instant, timeZone);
  const off = offsetMinutes(instant, timeZone);
  const sign = off < 0 ? '-' : '+';
  const a = Math.abs(off);
  return `${w.year}-${two(w.month)}-${two(w.day)}T${two(w.hour)}:${two(w.minute)}:${two(w.second)}${sign}${two(Math.floor(a / 60))}:${two(a % 60)}`;
}

/** The local calendar day of an instant as a comparable number (yyyymmdd). */
export function localDayNumber(instant: Date, timeZone: string): number {
  const w = wallClock(instant, timeZone);
  return w.year * 10000 + w.month * 100 + w.day;
}

/**
 * Strict ISO-8601 date or date-time: "2027-08-24", "2027-08-24T14:00", "2027-08-24T14:00:00",
 * optionally with ".sss" and "Z" or "±hh:mm". Without an offset the text is wall-clock time in
 * `timeZone`. Impossible dates ("2027-02-30", "25:00") and a local time that does not exist
 * (skipped by a daylight-saving change) are refused: null.
 */
export function parseIsoStrict(text: string, timeZone: string): Date | null {
  const m = /^(\d{4})-(\d{2})-(\d{2})(?:T(\d{2}):(\d{2})(?::(\d{2})(?:\.\d{1,3})?)?(Z|[+-]\d{2}:\d{2})?)?$/.exec(text.trim());
  if (!m) return null;
  const [, ys, mos, ds, hs = '00', mis = '00', ss = '00', zone] = m;
  const [y, mo, d, h, mi, s] = [ys, mos, ds, hs, mis, ss].map(Number);
  if (mo < 1 || mo > 12 || d < 1 || d > daysInMonth(y, mo) || h > 23 || mi > 59 || s > 59) return null;
  if (zone) {
    let off = 0;
    if (zone !== 'Z') {
      const oh = Number(zone.slice(1, 3));
      const om = Number(zone.slice(4, 6));
      if (oh > 14 || om > 59) return null;
      off = (zone[0] === '-' ? -1 : 1) * (oh * 60 + om);
    }
    return new Date(Date.UTC(y, mo - 1, d, h, mi, s) - off * 60000);
  }
  const t = zonedToInstant(y, mo, d, h, mi, s, timeZone);
  const back = wallClock(t, timeZone);
  if (back.year !== y || back.month !== mo || back.day !== d || back.hour !== h || back.minute !== mi) return null;
  return t;
}
