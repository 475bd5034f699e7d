// An accepted member's meetings as an iCalendar file (RFC 5545) a calendar app imports: CRLF line
// endings, lines folded at 75 octets, TEXT escaped, local times with TZID and a VTIMEZONE built
// from the browser's own time-zone data (Intl), so any program zone works, not only New York.
// The VTIMEZONE lists the zone's actual offset changes over the years the meetings span (found by
// stepping a day at a time and bisecting to the minute), each as a one-off observance.

export interface IcsMeeting {
  uid: string;
  summary: string;
  description: string;
  /** the Google Meet link, or '' */
  url: string;
  start: string;
  end: string;
}

const CRLF = '\r\n';

interface Parts {
  year: number;
  month: number;
  day: number;
  hour: number;
  minute: number;
  second: number;
}

const formatters = new Map<string, Intl.DateTimeFormat>();

function wall(ms: number, timeZone: string): Parts {
  let f = formatters.get(timeZone);
  if (!f) {
    f = new Intl.DateTimeFormat('en-US', {
      timeZone,
      hour12: false,
      year: 'numeric',
      month: '2-digit',
      day: '2-digit',
      hour: '2-digit',
      minute: '2-digit',
      second: '2-digit',
    });
    formatters.set(timeZone, f);
  }
  const out: Record<string, number> = {};
  for (const p of f.formatToParts(new Date(ms))) if (p.type !== 'literal') out[p.type] = Number(p.value);
  return { year: out.year, month: out.month, day: out.day, hour: out.hour % 24, minute: out.minute, second: out.second };
}

/** The zone's UTC offset at an instant, in minutes (east positive). */
export function offsetMinutes(ms: number, timeZone: string): number {
  const w = wall(ms, timeZone);
  const asUtc = Date.UTC(w.year, w.month - 1, w.day, w.hour, w.minute, w.second);
  return Math.round((asUtc - Math.floor(ms / 1000) * 1000) / 60000);
}

const two = (n: number): string => String(n).padStart(2, '0');

function stamp(p: Parts): string {
  return `${String(p.year).padStart(4, '0')}${two(p.month)}${two(p.day)}T${two(p.hour)}${two(p.minute)}${two(p.second)}`;
}

function utcStamp(ms: number): string {
  const d = new Date(ms);
  return `${stamp({ year: d.getUTCFullYear(), month: d.getUTCMonth() + 1, day: d.getUTCDate(), hour: d.getUTCHours(), minute: d.getUTCMinutes(), second: d.getUTCSeconds() })}Z`;
}

/** Local wall time at `ms` written with a given offset (for an observance's DTSTART). */
function stampAtOffset(ms: number, offsetMin: number): string {
  const d = new Date(ms + offsetMin * 60000);
  return stamp({
    year: d.getUTCFullYear(),
    month: d.getUTCMonth() + 1,
    day: d.getUTCDate(),
    hour: d.getUTCHours(),
    minute: d.getUTCMinutes(),
    second: d.getUTCSeconds(),
  });
}

function offsetText(min: number): string {
  const sign = min < 0 ? '-' : '+';
  const a = Math.abs(min);
  return `${sign}${two(Math.floor(a / 60))}${two(a % 60)}`;
}

export interface Transition {
  at: number;
  from: number;
  to: number;
}

/** Every change of the zone's offset in [fromMs, toMs). */
export function transitions(timeZone: string, fromMs: number, toMs: number): Transition[] {
  const DAY = 86400000;
  const out: Transition[] = [];
  let prev = offsetMinutes(fromMs, timeZone);
  for (let t = fromMs; t < toMs; t += DAY) {
    const next = Math.min(t + DAY, toMs);
    const off = offsetMinutes(next, timeZone);
    if (off === prev) continue;
    let lo = t;
    let hi = next;
    while (hi - lo > 60000) {
      const mid = lo + Math.floor((hi - lo) / 120000) * 60000 || lo + 60000;
      if (offsetMinutes(mid, timeZone) === prev) lo = mid;
      else hi = mid;
    }
    out.push({ at: hi, from: prev, to: off });
    prev = off;
  }
  return out;
}

function escapeText(s: string): string {
  return s
    .replace(/\\/g, '\\\\')
    .replace(/;/g, '\\;')
    .replace(/,/g, '\\,')
    .replace(/\r\n|\r|\n/g, '\\n');
}

/** Folds a content line at 75 octets (UTF-8), never inside a character. */
export function fold(line: string): string {
  const out: string[] = [];
  let current = '';
  let octets = 0;
  for (const ch of Array.from(line)) {
    const n = new TextEncoder().encode(ch).length;
    const limit = out.length === 0 ? 75 : 74;
    if (octets + n > limit) {
      out.push(current);
      current = '';
      octets = 0;
    }
    current += ch;
    octets += n;
  }
  out.push(current);
  return out.join(`${CRLF} `);
}

function vtimezone(timeZone: string, firstMs: number, lastMs: number): string[] {
  const startYear = new Date(firstMs).getUTCFullYear() - 1;
  const endYear = new Date(lastMs).getUTCFullYear() + 1;
  const from = Date.UTC(startYear, 0, 1);
  const to = Date.UTC(endYear, 11, 31);
  const changes = transitions(timeZone, from, to);
  const lines = ['BEGIN:VTIMEZONE', `TZID:${timeZone}`];
  const first = offsetMinutes(from, timeZone);
  const observance = (at: number, off: number, to: number, daylight: boolean): string[] => [
    `BEGIN:${daylight ? 'DAYLIGHT' : 'STANDARD'}`,
    `DTSTART:${stampAtOffset(at, off)}`,
    `TZOFFSETFROM:${offsetText(off)}`,
    `TZOFFSETTO:${offsetText(to)}`,
    `END:${daylight ? 'DAYLIGHT' : 'STANDARD'}`,
  ];
  const standard = changes.length ? Math.min(first, ...changes.map((c) => c.to)) : first;
  lines.push(...observance(from, first, first, first > standard));
  for (const c of changes) lines.push(...observance(c.at, c.from, c.to, c.to > c.from));
  lines.push('END:VTIMEZONE');
  return lines;
}

/** The .ics text. `now` is the DTSTAMP. */
export function buildIcs(calendarName: string, timeZone: string, meetings: readonly IcsMeeting[], now: Date): string {
  const instants = meetings.flatMap((m) => [Date.parse(m.start), Date.parse(m.end)]).filter((n) => !Number.isNaN(n));
  const lines = [
    'BEGIN:VCALENDAR',
    'VERSION:2.0',
    'PRODID:-//Communities of Practice manager//Applicant page//EN',
    'CALSCALE:GREGORIAN',
    'METHOD:PUBLISH',
    `X-WR-CALNAME:${escapeText(calendarName)}`,
  ];
  if (instants.length) lines.push(...vtimezone(timeZone, Math.min(...instants), Math.max(...instants)));
  for (const m of meetings) {
    const start = Date.parse(m.start);
    const end = Date.parse(m.end);
    if (Number.isNaN(start) || Number.isNaN(end)) continue;
    lines.push(
      'BEGIN:VEVENT',
      `UID:${escapeText(m.uid)}`,
      `DTSTAMP:${utcStamp(now.getTime())}`,
      `DTSTART;TZID=${timeZone}:${stamp(wall(start, timeZone))}`,
      `DTEND;TZID=${timeZone}:${stamp(wall(end, timeZone))}`,
      `SUMMARY:${escapeText(m.summary)}`,
    );
    if (m.description) lines.push(`DESCRIPTION:${escapeText(m.description)}`);
    if (m.url) lines.push(`LOCATION:${escapeText(m.url)}`, `URL:${m.url}`);
    lines.push('END:VEVENT');
  }
  lines.push('END:VCALENDAR');
  return lines.map(fold).join(CRLF) + CRLF;
}
