// How meeting times read in an email: 'Tuesday, August 29, 2023, 2:00–3:30 pm ET (America/New_York)'.
// Formatting in a time zone needs tz data the domain does not carry, so the caller passes a
// formatter with Utilities.formatDate's contract (SimpleDateFormat patterns, any IANA zone).

export type FormatDate = (date: Date, timeZone: string, pattern: string) => string;

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
