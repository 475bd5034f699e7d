// Dates and labels of the members view, in the program's time zone (the browser's own zone may
// differ from the program's).
import type { WireMembersMeeting, WireRsvp } from '../../shared/wire';

export function meetingDay(iso: string, timeZone: string): string {
  return new Intl.DateTimeFormat('en-US', { timeZone, weekday: 'short', month: 'short', day: 'numeric', year: 'numeric' }).format(new Date(iso));
}

/** "Aug 29": the overview's rows, where the year is the program's and space is short. */
export function meetingShortDay(iso: string, timeZone: string): string {
  return new Intl.DateTimeFormat('en-US', { timeZone, month: 'short', day: 'numeric' }).format(new Date(iso));
}

export function meetingTime(iso: string, timeZone: string): string {
  return new Intl.DateTimeFormat('en-US', { timeZone, hour: 'numeric', minute: '2-digit', timeZoneName: 'short' }).format(new Date(iso));
}

export function meetingLabel(m: Pick<WireMembersMeeting, 'number' | 'start' | 'held'>, timeZone: string): string {
  return `Meeting ${m.number}, ${meetingDay(m.start, timeZone)}${m.held ? ' (held)' : ''}`;
}

export const RSVP_LABEL: Record<WireRsvp, string> = {
  accepted: 'Yes',
  declined: 'No',
  tentative: 'Maybe',
  needsAction: 'No answer',
};

/** An https URL to show as a link; anything else is text. */
export function httpsUrl(s: string): string | null {
  const t = s.trim();
  return /^https:\/\/[^\s<>"']+$/i.test(t) ? t : null;
}
