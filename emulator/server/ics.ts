// Calendar events as an RFC 5545 iCalendar file a real calendar imports: CRLF line endings, lines
// folded at 75 octets, TEXT escaped, times in America/New_York with its VTIMEZONE (UTC otherwise).
import { zonedParts } from './eml';

export interface IcsAttendee {
  email: string;
  responseStatus?: string;
  displayName?: string;
}

export interface IcsEvent {
  uid: string;
  summary: string;
  description: string;
  location: string;
  start: Date;
  end: Date;
  /** true when start/end are whole days (DATE values) */
  allDay: boolean;
  attendees: IcsAttendee[];
  meetLink: string | null;
  organizer: string | null;
}

export interface IcsCalendar {
  name: string;
  timeZone: string;
  events: IcsEvent[];
  /** the DTSTAMP: when this file was made (the emulated clock) */
  stamp: Date;
}

const CRLF = '\r\n';
const NY = 'America/New_York';

const NY_VTIMEZONE = [
  'BEGIN:VTIMEZONE',
  'TZID:America/New_York',
  'X-LIC-LOCATION:America/New_York',
  'BEGIN:DAYLIGHT',
  'TZOFFSETFROM:-0500',
  'TZOFFSETTO:-0400',
  'TZNAME:EDT',
  'DTSTART:19700308T020000',
  'RRULE:FREQ=YEARLY;BYMONTH=3;BYDAY=2SU',
  'END:DAYLIGHT',
  'BEGIN:STANDARD',
  'TZOFFSETFROM:-0400',
  'TZOFFSETTO:-0500',
  'TZNAME:EST',
  'DTSTART:19701101T020000',
  'RRULE:FREQ=YEARLY;BYMONTH=11;BYDAY=1SU',
  'END:STANDARD',
  'END:VTIMEZONE',
];

export function toIcs(cal: IcsCalendar): string {
  const local = cal.timeZone === NY;
  const lines: string[] = [
    'BEGIN:VCALENDAR',
    'VERSION:2.0',
    'PRODID:-//Communities of Practice manager//dev server//EN',
    'CALSCALE:GREGORIAN',
    'METHOD:PUBLISH',
    `X-WR-CALNAME:${escapeText(cal.name)}`,
  ];
  if (local) lines.push(`X-WR-TIMEZONE:${NY}`, ...NY_VTIMEZONE);
  for (const ev of cal.events) lines.push(...eventLines(ev, local, cal.stamp));
  lines.push('END:VCALENDAR');
  return lines.map(fold).join(CRLF) + CRLF;
}

function eventLines(ev: IcsEvent, local: boolean, stamp: Date): string[] {
  const out = ['BEGIN:VEVENT', `UID:${escapeText(ev.uid)}`, `DTSTAMP:${utc(stamp)}`];
  if (ev.allDay) {
    out.push(`DTSTART;VALUE=DATE:${dateOnly(ev.start)}`, `DTEND;VALUE=DATE:${dateOnly(ev.end)}`);
  } else if (local) {
    out.push(`DTSTART;TZID=${NY}:${localTime(ev.start)}`, `DTEND;TZID=${NY}:${localTime(ev.end)}`);
  } else {
    out.push(`DTSTART:${utc(ev.start)}`, `DTEND:${utc(ev.end)}`);
  }
  out.push(`SUMMARY:${escapeText(ev.summary)}`);
  const description =
    ev.meetLink && !ev.description.includes(ev.meetLink)
      ? `${ev.description}${ev.description ? '\n\n' : ''}Join with Google Meet: ${ev.meetLink}`
      : ev.description;
  if (description) out.push(`DESCRIPTION:${escapeText(description)}`);
  if (ev.location) out.push(`LOCATION:${escapeText(ev.location)}`);
  if (ev.meetLink) {
    out.push(`URL:${uriValue(ev.meetLink)}`);
    out.push(`CONFERENCE;VALUE=URI;FEATURE=VIDEO;LABEL=Google Meet:${uriValue(ev.meetLink)}`);
    out.push(`X-GOOGLE-CONFERENCE:${uriValue(ev.meetLink)}`);
  }
  if (ev.organizer) out.push(`ORGANIZER:mailto:${mailto(ev.organizer)}`);
  for (const a of ev.attendees) {
    const params = ['CUTYPE=INDIVIDUAL', 'ROLE=REQ-PARTICIPANT', `PARTSTAT=${partstat(a.responseStatus)}`, 'RSVP=TRUE'];
    const cn = paramValue(a.displayName || a.email);
    out.push(`ATTENDEE;${params.join(';')};CN=${cn}:mailto:${mailto(a.email)}`);
  }
  out.push('SEQUENCE:0', 'STATUS:CONFIRMED', 'TRANSP:OPAQUE', 'END:VEVENT');
  return out;
}

/** RFC 5545 3.3.11: backslash, semicolon, comma and newlines escaped. */
export function escapeText(s: string): string {
  return s
    .replace(/\\/g, '\\\\')
    .replace(/;/g, '\\;')
    .replace(/,/g, '\\,')
    .replace(/\r\n|\r|\n/g, '\\n');
}

/** A parameter value: DQUOTE-quoted when it holds : ; or , (DQUOTE itself is not allowed). */
function paramValue(s: string): string {
  // eslint-disable-next-line no-control-regex -- RFC 5545 forbids CONTROL characters in a parameter value: matching them is the point
  const clean = s.replace(/[\r\n"\x00-\x1f]/g, '');
  return /[:;,]/.test(clean) ? `"${clean}"` : clean;
}

function mailto(email: string): string {
  return email.replace(/[\s<>"\\;,:]/g, '');
}

function uriValue(uri: string): string {
  return uri.replace(/[\s"<>\\]/g, '');
}

function partstat(status: string | undefined): string {
  switch (status) {
    case 'accepted':
      return 'ACCEPTED';
    case 'declined':
      return 'DECLINED';
    case 'tentative':
      return 'TENTATIVE';
    default:
      return 'NEEDS-ACTION';
  }
}

function utc(d: Date): string {
  return d
    .toISOString()
    .replace(/[-:]/g, '')
    .replace(/\.\d{3}/, '');
}

function dateOnly(d: Date): string {
  return d.toISOString().slice(0, 10).replace(/-/g, '');
}

function localTime(d: Date): string {
  const p = zonedParts(d, NY);
  const two = (n: number): string => String(n).padStart(2, '0');
  return `${p.year}${two(p.month)}${two(p.day)}T${two(p.hour)}${two(p.minute)}${two(p.second)}`;
}

/** RFC 5545 3.1: lines longer than 75 octets are split, continuations start with one space. */
export function fold(line: string): string {
  if (Buffer.byteLength(line, 'utf8') <= 75) return line;
  const out: string[] = [];
  let current = '';
  let bytes = 0;
  let limit = 75;
  for (const ch of line) {
    const n = Buffer.byteLength(ch, 'utf8');
    if (bytes + n > limit) {
      out.push(current);
      current = ' ';
      bytes = 1;
      limit = 75;
    }
    current += ch;
    bytes += n;
  }
  out.push(current);
  return out.join(CRLF);
}
