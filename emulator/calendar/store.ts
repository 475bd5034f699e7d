// The one calendar store behind CalendarApp and the advanced Calendar service, and who gets emailed.
import { formatDate } from '../formatDate';
import { isDate, isPlainObject } from '../realm';
import type { Core } from '../core';
import { ScriptError } from '../runtime';
import type { AttendeeState, CalendarState, EventState, InvitationState, WorkspaceState } from '../state';

export type SendUpdates = 'all' | 'externalOnly' | 'none' | undefined;
const BASE32HEX = '0123456789abcdefghijklmnopqrstuv';
const EMAIL = /^[^\s@,;<>]+@[^\s@,;<>]+\.[^\s@,;<>]+$/;

/** An advanced-service failure: the message and name Apps Script gives a failed API call. */
export class ApiError extends ScriptError {
  constructor(
    method: string,
    readonly code: number,
    reason: string,
  ) {
    super(`API call to calendar.${method} failed with error: ${reason}`);
    this.name = 'GoogleJsonResponseException';
  }
}

export function rfc3339(ms: number, tz: string): string {
  return formatDate(ms, tz, "yyyy-MM-dd'T'HH:mm:ssXXX");
}

export function parseTime(t: unknown, method: string): number {
  if (isDate(t)) return t.getTime();
  if (isPlainObject(t)) {
    if (typeof t.dateTime === 'string') {
      const ms = Date.parse(t.dateTime);
      if (Number.isFinite(ms)) return ms;
    }
    if (typeof t.date === 'string') {
      const ms = Date.parse(`${t.date}T00:00:00Z`);
      if (Number.isFinite(ms)) return ms;
    }
  }
  throw new ApiError(method, 400, 'Invalid start time.');
}

export function defaultCalendarFor(state: WorkspaceState, email: string): CalendarState {
  let cal = state.calendars.find((c) => c.id === email);
  if (!cal) {
    cal = { id: email, name: email, description: '', timeZone: state.scriptTimeZone, owner: email, deleted: false };
    state.calendars.push(cal);
  }
  return cal;
}

export function resolveCalendarId(id: string, user: string): string {
  return id === 'primary' ? user : id;
}

export function findCalendar(state: WorkspaceState, id: string, user: string): CalendarState | null {
  const real = resolveCalendarId(id, user);
  if (real === user) return defaultCalendarFor(state, user);
  return state.calendars.find((c) => c.id === real && !c.deleted) ?? null;
}

export function createCalendar(core: Core, name: string, owner: string, timeZone?: string, description = ''): CalendarState {
  const cal: CalendarState = {
    id: `${core.mint(26, BASE32HEX)}@group.calendar.google.com`,
    name,
    description,
    timeZone: timeZone ?? core.state.scriptTimeZone,
    owner,
    deleted: false,
  };
  core.state.calendars.push(cal);
  return cal;
}

export function findEvent(state: WorkspaceState, calendarId: string, eventId: string): EventState | null {
  return state.events.find((e) => e.calendarId === calendarId && e.id === eventId) ?? null;
}

const domainOf = (email: string): string => email.slice(email.lastIndexOf('@') + 1).toLowerCase();

/** Records the emails Google sends for an attendee change, per sendUpdates. */
/**
 * Whether a change would email anyone (the same rule as notify). Used by the 'Calendar usage limits
 * exceeded.' fault: Calendar refuses the call before changing anything.
 */
export function wouldNotify(cal: CalendarState, before: AttendeeState[], after: AttendeeState[], contentChanged: boolean, sendUpdates: SendUpdates): boolean {
  if (sendUpdates !== 'all' && sendUpdates !== 'externalOnly') return false;
  const ownerDomain = domainOf(cal.owner);
  const wants = (email: string): boolean => email.toLowerCase() !== cal.owner.toLowerCase() && (sendUpdates === 'all' || domainOf(email) !== ownerDomain);
  const had = new Set(before.map((a) => a.email.toLowerCase()));
  const has = new Set(after.map((a) => a.email.toLowerCase()));
  return (
    after.some((a) => !had.has(a.email.toLowerCase()) && wants(a.email)) ||
    before.some((a) => !has.has(a.email.toLowerCase()) && wants(a.email)) ||
    (contentChanged && after.some((a) => had.has(a.email.toLowerCase()) && wants(a.email)))
  );
}

export const USAGE_LIMITS_REASON = 'Calendar usage limits exceeded.';

export function notify(
  core: Core,
  cal: CalendarState,
  ev: EventState,
  before: AttendeeState[],
  after: AttendeeState[],
  contentChanged: boolean,
  sendUpdates: SendUpdates,
  via: InvitationState['via'],
): void {
  if (sendUpdates !== 'all' && sendUpdates !== 'externalOnly') return;
  const ownerDomain = domainOf(cal.owner);
  const wants = (email: string): boolean => email.toLowerCase() !== cal.owner.toLowerCase() && (sendUpdates === 'all' || domainOf(email) !== ownerDomain);
  const had = new Set(before.map((a) => a.email.toLowerCase()));
  const has = new Set(after.map((a) => a.email.toLowerCase()));
  const at = core.now();
  const push = (email: string, kind: InvitationState['kind']): void => {
    if (wants(email)) core.state.invitations.push({ eventId: ev.id, calendarId: ev.calendarId, email, kind, at, via });
  };
  for (const a of after) if (!had.has(a.email.toLowerCase())) push(a.email, 'invitation');
  for (const a of before) if (!has.has(a.email.toLowerCase())) push(a.email, 'cancellation');
  if (contentChanged) for (const a of after) if (had.has(a.email.toLowerCase())) push(a.email, 'update');
}

export function normalizeAttendees(list: unknown, method: string): AttendeeState[] {
  if (list === undefined || list === null) return [];
  if (!Array.isArray(list)) throw new ApiError(method, 400, 'Invalid attendees.');
  const seen = new Set<string>();
  const out: AttendeeState[] = [];
  for (const a of list) {
    if (!isPlainObject(a) || typeof a.email !== 'string' || !EMAIL.test(a.email.trim())) throw new ApiError(method, 400, 'Invalid attendee email.');
    const email = a.email.trim();
    if (seen.has(email.toLowerCase())) continue;
    seen.add(email.toLowerCase());
    const att: AttendeeState = { email, responseStatus: typeof a.responseStatus === 'string' ? a.responseStatus : 'needsAction' };
    if (typeof a.displayName === 'string') att.displayName = a.displayName;
    if (typeof a.optional === 'boolean') att.optional = a.optional;
    out.push(att);
  }
  return out;
}

export function newEventId(core: Core): string {
  return core.mint(26, BASE32HEX);
}

/** A new event on `cal` as both CalendarApp and the advanced service create it, before their own fields. */
export function newEvent(cal: CalendarState, id: string, creator: string, nowIso: string, fields: Partial<EventState> = {}): EventState {
  return {
    id,
    calendarId: cal.id,
    iCalUID: `${id}@google.com`,
    status: 'confirmed',
    summary: '',
    description: '',
    location: '',
    start: { dateTime: '' },
    end: { dateTime: '' },
    attendees: [],
    reminders: { useDefault: true },
    created: nowIso,
    updated: nowIso,
    sequence: 0,
    organizer: { email: cal.id, self: true },
    creator: { email: creator },
    extra: {},
    ...fields,
  };
}

export function meetData(core: Core, requestId: unknown): { conferenceData: Record<string, unknown>; hangoutLink: string } {
  const l = core.mint(10, 'abcdefghijklmnopqrstuvwxyz');
  const code = `${l.slice(0, 3)}-${l.slice(3, 7)}-${l.slice(7, 10)}`;
  const uri = `https://meet.google.com/${code}`;
  return {
    hangoutLink: uri,
    conferenceData: {
      createRequest: {
        requestId: typeof requestId === 'string' ? requestId : '',
        conferenceSolutionKey: { type: 'hangoutsMeet' },
        status: { statusCode: 'success' },
      },
      entryPoints: [{ entryPointType: 'video', uri, label: `meet.google.com/${code}` }],
      conferenceSolution: {
        key: { type: 'hangoutsMeet' },
        name: 'Google Meet',
        iconUri: 'https://fonts.gstatic.com/s/i/productlogos/meet_2020q4/v6/web-512dp/logo_meet_2020q4_color_2x_web_512dp.png',
      },
      conferenceId: code,
    },
  };
}

/** The Calendar API resource for a stored event. */
export function toResource(ev: EventState): Record<string, unknown> {
  const r: Record<string, unknown> = {
    kind: 'calendar#event',
    etag: `"${ev.sequence}${Date.parse(ev.updated)}"`,
    id: ev.id,
    status: ev.status,
    htmlLink: `https://www.google.com/calendar/event?eid=${Buffer.from(`${ev.id} ${ev.calendarId}`).toString('base64url')}`,
    created: ev.created,
    updated: ev.updated,
    summary: ev.summary,
    description: ev.description,
    location: ev.location,
    creator: { ...ev.creator },
    organizer: { ...ev.organizer },
    start: { ...ev.start },
    end: { ...ev.end },
    iCalUID: ev.iCalUID,
    sequence: ev.sequence,
    reminders: JSON.parse(JSON.stringify(ev.reminders)) as unknown,
    ...(JSON.parse(JSON.stringify(ev.extra)) as Record<string, unknown>),
  };
  if (ev.attendees.length) r.attendees = ev.attendees.map((a) => ({ ...a }));
  if (ev.conferenceData) r.conferenceData = JSON.parse(JSON.stringify(ev.conferenceData)) as unknown;
  if (ev.hangoutLink) r.hangoutLink = ev.hangoutLink;
  if (ev.recurrence) r.recurrence = [...ev.recurrence];
  if (ev.extendedProperties) r.extendedProperties = JSON.parse(JSON.stringify(ev.extendedProperties)) as unknown;
  if (ev.guestsCanSeeOtherGuests !== undefined) r.guestsCanSeeOtherGuests = ev.guestsCanSeeOtherGuests;
  if (ev.guestsCanInviteOthers !== undefined) r.guestsCanInviteOthers = ev.guestsCanInviteOthers;
  if (!r.description) delete r.description;
  if (!r.location) delete r.location;
  return r;
}

export function startMs(ev: EventState): number {
  return Date.parse(ev.start.dateTime);
}
export function endMs(ev: EventState): number {
  return Date.parse(ev.end.dateTime);
}
