// Parsing sheet cells (typed by staff, or by Sheets' own type guessing) into typed values.
import { zonedToInstant } from './dates';

/** Dates from another realm (the sheet service) fail `instanceof Date`; check the tag instead. */
export function isDate(v: unknown): v is Date {
  // Cells hold only primitives and Dates, so a duck check is enough (and far cheaper than
  // instanceof across realms or a toString tag).
  if (typeof v !== 'object' || v === null) return false;
  const d = v as Date;
  return typeof d.getTime === 'function' && typeof d.toISOString === 'function' && !Number.isNaN(d.getTime());
}

/** A cell as trimmed text ('' for blank). Dates become ISO strings. */
export function text(v: unknown): string {
  if (typeof v === 'string') return v.trim();
  if (v === null || v === undefined) return '';
  if (isDate(v)) return new Date(v.getTime()).toISOString();
  return cellString(v).trim();
}

/**
 * A value as String() prints it, for what a cell can hold (string, number, boolean, Date); '' for
 * blank and for anything a cell cannot hold (an object would print as "[object Object]").
 */
export function cellString(v: unknown): string {
  if (typeof v === 'string') return v;
  if (typeof v === 'number' || typeof v === 'boolean') return String(v);
  if (isDate(v)) return String(v);
  return '';
}

/** TRUE/FALSE cells (booleans, or text such as "yes"/"no"); `fallback` when blank or unreadable. */
export function parseBoolean(v: unknown, fallback: boolean): boolean {
  if (typeof v === 'boolean') return v;
  if (typeof v === 'number') return v !== 0;
  const s = text(v).toLowerCase();
  if (['true', 'yes', 'y', '1', 'on'].includes(s)) return true;
  if (['false', 'no', 'n', '0', 'off'].includes(s)) return false;
  return fallback;
}

/**
 * A date-time cell: a Date cell as is; text as ISO-8601 (an offset or Z is honoured, otherwise it
 * is wall-clock time in `timeZone`), or "M/D/YYYY[ h:mm[ am|pm]]". null when blank or unreadable.
 */
export function parseDateTime(v: unknown, timeZone: string): Date | null {
  if (isDate(v)) return new Date(v.getTime());
  const s = text(v);
  if (!s) return null;
  let m = /^(\d{4})-(\d{1,2})-(\d{1,2})(?:[T ](\d{1,2}):(\d{2})(?::(\d{2})(?:\.\d+)?)?)?\s*(Z|[+-]\d{2}:?\d{2})?$/i.exec(s);
  if (m) {
    const [, y, mo, d, h = '0', mi = '0', sec = '0', zone] = m;
    if (zone) {
      const iso = `${y}-${mo.padStart(2, '0')}-${d.padStart(2, '0')}T${h.padStart(2, '0')}:${mi}:${sec.padStart(2, '0')}${zone.toUpperCase() === 'Z' ? 'Z' : zone.length === 5 ? `${zone.slice(0, 3)}:${zone.slice(3)}` : zone}`;
      const t = new Date(iso);
      return Number.isNaN(t.getTime()) ? null : t;
    }
    return zonedToInstant(+y, +mo, +d, +h, +mi, +sec, timeZone);
  }
  m = /^(\d{1,2})\/(\d{1,2})\/(\d{4})(?:\s+(\d{1,2}):(\d{2})(?::(\d{2}))?\s*(am|pm)?)?$/i.exec(s);
  if (m) {
    const [, mo, d, y, h = '0', mi = '0', sec = '0', ampm] = m;
    let hour = +h;
    if (ampm) hour = (hour % 12) + (ampm.toLowerCase() === 'pm' ? 12 : 0);
    return zonedToInstant(+y, +mo, +d, hour, +mi, +sec, timeZone);
  }
  return null;
}

/** A non-negative whole number, or null for blank / not a number (= no limit). */
export function parseCapacity(v: unknown): number | null {
  if (typeof v === 'number') return Number.isFinite(v) && v >= 0 ? Math.floor(v) : null;
  const s = text(v);
  if (!/^\d+(\.\d+)?$/.test(s)) return null;
  return Math.floor(Number(s));
}

/** A comma/semicolon/space separated list of emails, lower-cased, without blanks or duplicates. */
export function parseEmailList(v: unknown): string[] {
  const out: string[] = [];
  for (const part of text(v).split(/[\s,;]+/)) {
    const e = part.trim().toLowerCase();
    if (e && !out.includes(e)) out.push(e);
  }
  return out;
}
