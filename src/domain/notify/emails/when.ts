// How meeting times read in an email: 'Tuesday, August 29, 2023, 2:00–3:30 pm ET (America/New_York)'.
// The formatter has Utilities.formatDate's contract (SimpleDateFormat patterns, any IANA zone), so
// either can be passed; the default is computed here from the tz data V8 carries (Intl), like the
// rest of the domain's date handling (src/domain/dates.ts), with no call into the platform.
import { wallClock, zoneAbbreviation } from '../../program/dates';

export type FormatDate = (date: Date, timeZone: string, pattern: string) => string;

const MONTHS = ['January', 'February', 'March', 'April', 'May', 'June', 'July', 'August', 'September', 'October', 'November', 'December'];
const WEEKDAYS = ['Sunday', 'Monday', 'Tuesday', 'Wednesday', 'Thursday', 'Friday', 'Saturday'];

/** The SimpleDateFormat letters the emails use: EEEE MMMM MM dd d yyyy HH h mm a z. */
export const formatDate: FormatDate = (date, timeZone, pattern) => {
  const w = wallClock(date, timeZone);
  const h12 = w.hour % 12 === 0 ? 12 : w.hour % 12;
  const two = (n: number) => String(n).padStart(2, '0');
  return pattern.replace(/EEEE|MMMM|MM|dd|d|yyyy|HH|h|mm|a|z/g, (t) => {
    switch (t) {
      case 'EEEE':
        return WEEKDAYS[w.weekday];
      case 'MMMM':
        return MONTHS[w.month - 1];
      case 'MM':
        return two(w.month);
      case 'dd':
        return two(w.day);
      case 'd':
        return String(w.day);
      case 'yyyy':
        return String(w.year);
      case 'HH':
        return two(w.hour);
      case 'h':
        return String(h12);
      case 'mm':
        return two(w.minute);
      case 'a':
        return w.hour < 12 ? 'AM' : 'PM';
      default:
        return zoneAbbreviation(date, timeZone);
    }
  });
};

/** Generic (daylight-saving-neutral) names readers know; other zones use the formatter's `z`. */
const GENERIC_ZONE_NAMES: Record<string, string> = {
  'America/New_York': 'ET',
  'America/Detroit': 'ET',
  'America/Indiana/Indianapolis': 'ET',
  'America/Kentucky/Louisville': 'ET',
  'America/Chicago': 'CT',
  'America/Denver': 'MT',
  'America/Boise': 'MT',
  'America/Phoenix': 'MST',
  'America/Los_Angeles': 'PT',
  'America/Anchorage': 'AKT',
  'Pacific/Honolulu': 'HT',
  'America/Puerto_Rico': 'AST',
};

export function zoneLabel(date: Date, timeZone: string, fmt: FormatDate): string {
  return GENERIC_ZONE_NAMES[timeZone] ?? fmt(date, timeZone, 'z');
}

function clock(date: Date, timeZone: string, fmt: FormatDate): { hm: string; ampm: string } {
  return { hm: fmt(date, timeZone, 'h:mm'), ampm: fmt(date, timeZone, 'a').toLowerCase() };
}

export function formatMeetingWhen(start: Date, end: Date, timeZone: string, fmt: FormatDate): string {
  const day = fmt(start, timeZone, 'EEEE, MMMM d, yyyy');
  const s = clock(start, timeZone, fmt);
  const e = clock(end, timeZone, fmt);
  const sameDay = fmt(start, timeZone, 'yyyy-MM-dd') === fmt(end, timeZone, 'yyyy-MM-dd');
  const endPart = sameDay ? `${e.hm} ${e.ampm}` : `${fmt(end, timeZone, 'EEEE, MMMM d, yyyy')}, ${e.hm} ${e.ampm}`;
  const range = s.ampm === e.ampm && sameDay ? `${s.hm}–${endPart}` : `${s.hm} ${s.ampm}–${endPart}`;
  return `${day}, ${range} ${zoneLabel(start, timeZone, fmt)} (${timeZone})`;
}

/** 'August 2023 – February 2024' */
export function formatCohort(start: Date, end: Date, timeZone: string, fmt: FormatDate): string {
  return `${fmt(start, timeZone, 'MMMM yyyy')} – ${fmt(end, timeZone, 'MMMM yyyy')}`;
}

/** 'Tuesday, August 15, 2023' */
export function formatDay(date: Date, timeZone: string, fmt: FormatDate): string {
  return fmt(date, timeZone, 'EEEE, MMMM d, yyyy');
}
