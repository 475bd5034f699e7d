// Utilities.formatDate: java.text.SimpleDateFormat patterns (en-US symbols) in any IANA zone.
import { formatOffset, zonedParts, zoneName, type ZonedParts } from './tz';

const MONTHS = ['January', 'February', 'March', 'April', 'May', 'June', 'July', 'August', 'September', 'October', 'November', 'December'];
const DAYS = ['Sunday', 'Monday', 'Tuesday', 'Wednesday', 'Thursday', 'Friday', 'Saturday'];

type Token = { kind: 'literal'; text: string } | { kind: 'field'; letter: string; count: number };

const tokenCache = new Map<string, Token[]>();

function tokenize(pattern: string): Token[] {
  const cached = tokenCache.get(pattern);
  if (cached) return cached;
  const tokens: Token[] = [];
  let i = 0;
  while (i < pattern.length) {
    const c = pattern[i];
    if (c === "'") {
      if (pattern[i + 1] === "'") {
        tokens.push({ kind: 'literal', text: "'" });
        i += 2;
        continue;
      }
      let text = '';
      i++;
      while (i < pattern.length) {
        if (pattern[i] === "'") {
          if (pattern[i + 1] === "'") {
            text += "'";
            i += 2;
            continue;
          }
          break;
        }
        text += pattern[i++];
      }
      if (i >= pattern.length) throw new Error(`Unterminated quote in date pattern: ${pattern}`);
      i++;
      tokens.push({ kind: 'literal', text });
      continue;
    }
    if (/[a-zA-Z]/.test(c)) {
      let count = 1;
      while (pattern[i + count] === c) count++;
      if (!'GyYMLwWDdFEuaHkKhmsSzZX'.includes(c)) throw new Error(`Illegal pattern character '${c}'`);
      tokens.push({ kind: 'field', letter: c, count });
      i += count;
      continue;
    }
    tokens.push({ kind: 'literal', text: c });
    i++;
  }
  tokenCache.set(pattern, tokens);
  return tokens;
}

const pad = (n: number, width: number): string => String(n).padStart(width, '0');

function dayOfYear(p: ZonedParts): number {
  return Math.round((Date.UTC(p.year, p.month - 1, p.day) - Date.UTC(p.year, 0, 1)) / 86400000) + 1;
}

/** US week numbering (weeks start Sunday, week 1 contains Jan 1), as en-US SimpleDateFormat does. */
function weekOfYear(p: ZonedParts): number {
  const jan1Weekday = new Date(Date.UTC(p.year, 0, 1)).getUTCDay();
  const week = Math.floor((dayOfYear(p) - 1 + jan1Weekday) / 7) + 1;
  const dec31 = Date.UTC(p.year, 11, 31);
  const dec31Weekday = new Date(dec31).getUTCDay();
  // The days of the last partial week belong to week 1 of next year.
  if (p.month === 12 && p.day > 31 - (dec31Weekday + 1) && dec31Weekday < 6) return 1;
  return week;
}

function weekOfMonth(p: ZonedParts): number {
  const firstWeekday = new Date(Date.UTC(p.year, p.month - 1, 1)).getUTCDay();
  return Math.floor((p.day - 1 + firstWeekday) / 7) + 1;
}

function field(letter: string, count: number, p: ZonedParts, ms: number, tz: string): string {
  switch (letter) {
    case 'G':
      return p.year > 0 ? 'AD' : 'BC';
    case 'y':
    case 'Y':
      return count === 2 ? pad(p.year % 100, 2) : pad(p.year, count);
    case 'M':
    case 'L':
      if (count >= 4) return MONTHS[p.month - 1];
      if (count === 3) return MONTHS[p.month - 1].slice(0, 3);
      return pad(p.month, count);
    case 'w':
      return pad(weekOfYear(p), count);
    case 'W':
      return pad(weekOfMonth(p), count);
    case 'D':
      return pad(dayOfYear(p), count);
    case 'd':
      return pad(p.day, count);
    case 'F':
      return pad(Math.floor((p.day - 1) / 7) + 1, count);
    case 'E':
      return count >= 4 ? DAYS[p.weekday] : DAYS[p.weekday].slice(0, 3);
    case 'u':
      return pad(p.weekday === 0 ? 7 : p.weekday, count);
    case 'a':
      return p.hour < 12 ? 'AM' : 'PM';
    case 'H':
      return pad(p.hour, count);
    case 'k':
      return pad(p.hour === 0 ? 24 : p.hour, count);
    case 'K':
      return pad(p.hour % 12, count);
    case 'h':
      return pad(p.hour % 12 === 0 ? 12 : p.hour % 12, count);
    case 'm':
      return pad(p.minute, count);
    case 's':
      return pad(p.second, count);
    case 'S':
      return pad(p.millisecond, count);
    case 'z':
      return zoneName(ms, tz, count >= 4 ? 'long' : 'short');
    case 'Z':
      return formatOffset(p.offsetMinutes, false);
    case 'X':
      if (p.offsetMinutes === 0) return 'Z';
      if (count === 1) return formatOffset(p.offsetMinutes, false).slice(0, 3);
      return formatOffset(p.offsetMinutes, count >= 3);
    default:
      throw new Error(`Illegal pattern character '${letter}'`);
  }
}

/** Formats an instant like Apps Script's Utilities.formatDate(date, timeZone, format). */
export function formatDate(date: Date | number, timeZone: string, pattern: string): string {
  const ms = typeof date === 'number' ? date : date.getTime();
  if (!Number.isFinite(ms)) throw new Error('Invalid argument: date');
  const p = zonedParts(ms, timeZone);
  let out = '';
  for (const t of tokenize(pattern)) out += t.kind === 'literal' ? t.text : field(t.letter, t.count, p, ms, timeZone);
  return out;
}
