// How Sheets stores what a script writes (setValue/setValues), and how it shows what is stored.
import { isDate, jsString } from '../realm';
import type { CellData, CellValue } from '../state';
import { zonedParts, zonedToUtc } from '../tz';
import { evaluate, parseExpression, type RefResolver, type Scalar } from './formula';

export const DATE_TIME_FORMAT = 'M/d/yyyy H:mm:ss';
const NUMERIC = /^[+-]?(\d{1,3}(,\d{3})+|\d+)?(\.\d+)?(e[+-]?\d+)?$/i;

/** The stored form of a value written by a script into a cell whose number format is `nf`. */
export function coerceInput(value: unknown, nf: string | undefined, tz: string): CellData {
  const keep = nf === undefined ? {} : { nf };
  if (value === null || value === undefined) return { v: '', ...keep };
  if (isDate(value)) {
    const ms = value.getTime();
    if (!Number.isFinite(ms)) return { v: '#NUM!', ...keep };
    return { v: new Date(ms), nf: nf && nf !== '@' && isDateFormat(nf) ? nf : DATE_TIME_FORMAT };
  }
  if (typeof value === 'number') return { v: Number.isFinite(value) ? value : '#NUM!', ...keep };
  if (typeof value === 'boolean') return { v: value, ...keep };
  const s = typeof value === 'string' ? value : jsString(value);
  if (nf === '@') return { v: s, ...keep };
  if (s.startsWith("'")) return { v: s.slice(1), ...keep };
  const formula = formulaOf(s);
  if (formula !== null) return { v: '', f: formula, ...keep };
  const parsed = parseUserEntered(s, tz);
  if (parsed === null) return { v: s, ...keep };
  return { v: parsed.v, nf: nf ?? parsed.nf };
}

/** '=…' is a formula; '+…', '-…' and '@…' are when what follows parses as one. */
export function formulaOf(s: string): string | null {
  if (s.length < 2) return null;
  const c = s[0];
  if (c === '=') return s;
  if (c === '+' || c === '-') return !NUMERIC.test(s.trim()) && parseExpression(s, false) ? `=${s}` : null;
  if (c === '@') return parseExpression(s.slice(1), true) ? `=${s.slice(1)}` : null;
  return null;
}

/** Sheets' parsing of typed text: numbers, percentages, booleans, dates. */
export function parseUserEntered(s: string, tz: string): { v: CellValue; nf?: string } | null {
  const t = s.trim();
  if (t === '') return null;
  if (NUMERIC.test(t) && /\d/.test(t)) return { v: Number(t.replace(/,/g, '')) };
  const pct = /^([+-]?\d+(\.\d+)?)%$/.exec(t);
  if (pct) return { v: Number(pct[1]) / 100, nf: '0%' };
  if (/^true$/i.test(t)) return { v: true };
  if (/^false$/i.test(t)) return { v: false };
  const iso = /^(\d{4})-(\d{1,2})-(\d{1,2})(?:[ T](\d{1,2}):(\d{2})(?::(\d{2}))?)?$/.exec(t);
  if (iso) {
    const d = dateIn(tz, +iso[1], +iso[2], +iso[3], iso[4], iso[5], iso[6]);
    return d ? { v: d, nf: iso[4] ? 'yyyy-mm-dd h:mm:ss' : 'yyyy-mm-dd' } : null;
  }
  const us = /^(\d{1,2})\/(\d{1,2})\/(\d{4})(?: (\d{1,2}):(\d{2})(?::(\d{2}))?)?$/.exec(t);
  if (us) {
    const d = dateIn(tz, +us[3], +us[1], +us[2], us[4], us[5], us[6]);
    return d ? { v: d, nf: us[4] ? 'm/d/yyyy h:mm:ss' : 'm/d/yyyy' } : null;
  }
  return null;
}

function dateIn(tz: string, y: number, m: number, d: number, hh?: string, mm?: string, ss?: string): Date | null {
  if (m < 1 || m > 12 || d < 1 || d > 31) return null;
  const h = hh === undefined ? 0 : Number(hh);
  if (h > 23) return null;
  const check = new Date(Date.UTC(y, m - 1, d));
  if (check.getUTCMonth() !== m - 1) return null;
  return new Date(zonedToUtc(tz, y, m, d, h, mm === undefined ? 0 : Number(mm), ss === undefined ? 0 : Number(ss)));
}

/** The value getValues() returns for a cell (formulas evaluated). */
export function cellValue(cell: CellData | undefined, resolve: RefResolver): CellValue {
  if (!cell) return '';
  if (cell.f === undefined) return cell.v;
  const ast = parseExpression(cell.f.slice(1), false);
  if (!ast) return '#ERROR!';
  return evaluate(ast, resolve);
}

export function isDateFormat(nf: string): boolean {
  const stripped = nf.replace(/"[^"]*"|\\./g, '');
  return /[dy]|h|s/i.test(stripped) && !/^[#0.,%$@ ]*$/.test(stripped);
}

/** What the sheet shows for a value under number format `nf`, in the spreadsheet time zone. */
export function displayValue(v: CellValue | Scalar, nf: string | undefined, tz: string): string {
  if (typeof v === 'string') return v;
  if (typeof v === 'boolean') return v ? 'TRUE' : 'FALSE';
  if (isDate(v)) return formatSheetDate(v.getTime(), nf && isDateFormat(nf) ? nf : DATE_TIME_FORMAT, tz);
  return formatNumber(v, nf);
}

export function formatNumber(n: number, nf: string | undefined): string {
  if (!nf || nf === '@' || /^general$/i.test(nf) || isDateFormat(nf)) return generalNumber(n);
  const section = nf.split(';')[0];
  const percent = section.includes('%');
  const value = percent ? n * 100 : n;
  const m = /([#0,]+)(?:\.([0#]+))?/.exec(section);
  if (!m) return generalNumber(n);
  const decimals = m[2] ? m[2].length : 0;
  const minDecimals = m[2] ? (m[2].match(/0/g) ?? []).length : 0;
  let body = Math.abs(value).toFixed(decimals);
  if (decimals > minDecimals) body = body.replace(new RegExp(`0{1,${decimals - minDecimals}}$`), '').replace(/\.$/, '');
  if (m[1].includes(',')) {
    const [int, frac] = body.split('.');
    body = int.replace(/\B(?=(\d{3})+(?!\d))/g, ',') + (frac !== undefined ? `.${frac}` : '');
  }
  const prefix = section.slice(0, m.index).replace(/["\\]/g, '');
  const suffix = section.slice(m.index + m[0].length).replace(/["\\]/g, '');
  return `${value < 0 ? '-' : ''}${prefix}${body}${suffix}`;
}

function generalNumber(n: number): string {
  if (Number.isInteger(n)) return String(n);
  return String(Number(n.toPrecision(10)));
}

const MONTHS = ['January', 'February', 'March', 'April', 'May', 'June', 'July', 'August', 'September', 'October', 'November', 'December'];
const DAYS = ['Sunday', 'Monday', 'Tuesday', 'Wednesday', 'Thursday', 'Friday', 'Saturday'];

/** Sheets date-time format patterns ('m/d/yyyy h:mm:ss', 'yyyy-mm-dd', 'mmm d, yyyy h:mm am/pm'). */
export function formatSheetDate(ms: number, nf: string, tz: string): string {
  const p = zonedParts(ms, tz);
  const tokens = nf.match(/"[^"]*"|\\.|am\/pm|a\/p|y+|m+|d+|h+|s+|\.0+|[^ymdhsa"\\.]+|./gi) ?? [];
  const ampm = tokens.some((t) => /^(am\/pm|a\/p)$/i.test(t));
  let out = '';
  tokens.forEach((tok, i) => {
    const lower = tok.toLowerCase();
    if (tok.startsWith('"')) out += tok.slice(1, -1);
    else if (tok.startsWith('\\')) out += tok.slice(1);
    else if (lower === 'am/pm') out += p.hour < 12 ? 'AM' : 'PM';
    else if (lower === 'a/p') out += p.hour < 12 ? 'A' : 'P';
    else if (lower[0] === 'y') out += lower.length <= 2 ? String(p.year % 100).padStart(2, '0') : String(p.year);
    else if (lower[0] === 'd') {
      if (lower.length === 1) out += p.day;
      else if (lower.length === 2) out += String(p.day).padStart(2, '0');
      else if (lower.length === 3) out += DAYS[p.weekday].slice(0, 3);
      else out += DAYS[p.weekday];
    } else if (lower[0] === 'h') {
      const h = ampm ? (p.hour % 12 === 0 ? 12 : p.hour % 12) : p.hour;
      out += lower.length >= 2 ? String(h).padStart(2, '0') : String(h);
    } else if (lower[0] === 's') out += lower.length >= 2 ? String(p.second).padStart(2, '0') : String(p.second);
    else if (lower[0] === 'm') {
      if (isMinute(tokens, i)) out += lower.length >= 2 ? String(p.minute).padStart(2, '0') : String(p.minute);
      else if (lower.length === 1) out += p.month;
      else if (lower.length === 2) out += String(p.month).padStart(2, '0');
      else if (lower.length === 3) out += MONTHS[p.month - 1].slice(0, 3);
      else if (lower.length === 5) out += MONTHS[p.month - 1][0];
      else out += MONTHS[p.month - 1];
    } else if (/^\.0+$/.test(tok))
      out += `.${String(p.millisecond)
        .padStart(3, '0')
        .slice(0, tok.length - 1)}`;
    else out += tok;
  });
  return out;
}

/** 'm' means minutes right after an hour token or right before a seconds token. */
function isMinute(tokens: string[], i: number): boolean {
  if (tokens[i].length > 2) return false;
  for (let j = i - 1; j >= 0; j--) {
    const t = tokens[j].toLowerCase();
    if (/^[hdmys]/.test(t) && !/^am|^a\//.test(t)) {
      if (t[0] === 'h') return true;
      break;
    }
  }
  for (let j = i + 1; j < tokens.length; j++) {
    const t = tokens[j].toLowerCase();
    if (/^[hdmys]/.test(t) && !/^am|^a\//.test(t)) return t[0] === 's';
  }
  return false;
}
