// Google Calendar: the program calendar (CalendarApp) and its meeting events (advanced Calendar
// service: only it can create a Meet link and send invitations; CalendarEvent.addGuest sends none).
// Never call these under the script lock: a slow Calendar call must not block the sheet's writers.
import type { Attendee } from '../domain/notify/due';
import { PROGRAM_PROPERTY, type MeetingEventResource } from '../domain/notify/meetingEvent';

type Event = GoogleAppsScript.Calendar.Schema.Event;

export interface CalendarEvent {
  id: string;
  start: Date | null;
  end: Date | null;
  attendees: Attendee[];
  meetLink: string;
  /** our meeting key from the event's private extended properties ('' when not ours) */
  meetingKey: string;
  /** the program the event was created for ('' for events created before programs were tagged) */
  program: string;
}

function api(): GoogleAppsScript.Calendar {
  if (typeof Calendar === 'undefined' || !Calendar) {
    throw new Error('The advanced Calendar service is not enabled for this script (appsscript.json: enabledAdvancedServices).');
  }
  return Calendar;
}

function toView(e: Event): CalendarEvent {
  const entry = (e.conferenceData?.entryPoints ?? []).find((p) => p.entryPointType === 'video');
  const when = (t?: GoogleAppsScript.Calendar.Schema.EventDateTime) => (t && t.dateTime ? new Date(t.dateTime) : null);
  return {
    id: String(e.id ?? ''),
    start: when(e.start),
    end: when(e.end),
    attendees: (e.attendees ?? []).map((a) => ({ ...a })),
    meetLink: String(e.hangoutLink || entry?.uri || ''),
    meetingKey: String(e.extendedProperties?.private?.[MEETING_KEY_PROPERTY] ?? ''),
    program: String(e.extendedProperties?.private?.[PROGRAM_PROPERTY] ?? ''),
  };
}

export const MEETING_KEY_PROPERTY = 'copMeeting';

/** Calendar API errors for an event that is not there (deleted, or never existed). */
function isGone(err: unknown): boolean {
  return /not ?found|404|410|deleted|gone/i.test(String((err as Error)?.message ?? err));
}

export function calendarExists_(calendarId: string): boolean {
  return CalendarApp.getCalendarById(calendarId) !== null;
}

/** The description our program calendars carry, so setup can recognise one it created. */
export const PROGRAM_CALENDAR_MARK = 'Program calendar of the Communities of Practice manager: the meetings of each community. Created by setup.';

export function createCalendar_(name: string, timeZone: string): string {
  return CalendarApp.createCalendar(name, { timeZone, summary: PROGRAM_CALENDAR_MARK }).getId();
}

/**
 * A program calendar this account owns with this name (created by a setup run that was cut off
 * before it stored the id), or null.
 */
export function findProgramCalendar_(name: string): string | null {
  const mine = CalendarApp.getCalendarsByName(name).filter((c) => c.isOwnedByMe() && c.getDescription() === PROGRAM_CALENDAR_MARK);
  return mine.length > 0 ? mine[0].getId() : null;
}

/** Every live (not cancelled) event of the calendar, following pages. */
export function listEvents_(calendarId: string): CalendarEvent[] {
  const out: CalendarEvent[] = [];
  let pageToken: string | undefined;
  do {
    const args: Record<string, unknown> = { maxResults: 2500, showDeleted: false };
    if (pageToken) args.pageToken = pageToken;
    const page = api().Events.list(calendarId, args);
    for (const e of page.items ?? []) if (e.status !== 'cancelled') out.push(toView(e));
    pageToken = page.nextPageToken || undefined;
  } while (pageToken);
  return out;
}

/** The event, or null when it was deleted. Other errors (quota, backend) are thrown. */
export function getEvent_(calendarId: string, eventId: string): CalendarEvent | null {
  try {
    const e = api().Events.get(calendarId, eventId);
    return e && e.status !== 'cancelled' ? toView(e) : null;
  } catch (err) {
    if (isGone(err)) return null;
    throw err;
  }
}

/** Creates a meeting with its Meet link (conferenceDataVersion 1); nobody is invited yet. */
export function insertMeetingEvent_(calendarId: string, resource: MeetingEventResource): CalendarEvent {
  const e = api().Events.insert(resource, calendarId, { conferenceDataVersion: 1, sendUpdates: 'none' });
  return toView(e);
}

/** Moves a meeting to the times of the Meetings tab; guests are told (sendUpdates 'all'). */
export function patchEventTimes_(calendarId: string, eventId: string, times: Pick<MeetingEventResource, 'start' | 'end'>): void {
  api().Events.patch({ start: times.start, end: times.end }, calendarId, eventId, { sendUpdates: 'all' });
}

/**
 * Replaces the event's attendee list (the API replaces the whole array: callers pass the full
 * merged list) and lets Google email the people added or removed (sendUpdates 'all').
 */
export function setAttendees_(calendarId: string, eventId: string, attendees: Attendee[]): void {
  api().Events.patch({ attendees }, calendarId, eventId, { sendUpdates: 'all' });
}

/**
 * Replaces the event's description (its agenda) and tells nobody: sendUpdates 'none', so a changed
 * agenda does not email every guest an "updated invitation" (members get the agenda email instead).
 */
export function setDescription_(calendarId: string, eventId: string, description: string): void {
  api().Events.patch({ description }, calendarId, eventId, { sendUpdates: 'none' });
}
