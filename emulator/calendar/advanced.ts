// The advanced `Calendar` service (Calendar API v3 resources) over the shared store.
// Length: mirrors one advanced service (Calendar API v3: Events, Calendars, CalendarList) over one store.
import type { ServiceName } from '../execution';
import { isPlainObject } from '../realm';
import { ServiceObject, type Runtime } from '../runtime';
import type { CalendarState, EventState } from '../state';
import {
  ApiError,
  createCalendar,
  endMs,
  findCalendar,
  findEvent,
  meetData,
  newEvent,
  newEventId,
  normalizeAttendees,
  notify,
  parseTime,
  rfc3339,
  startMs,
  toResource,
  USAGE_LIMITS_REASON,
  wouldNotify,
  type SendUpdates,
} from './store';

type Resource = Record<string, unknown>;
interface EventArgs {
  sendUpdates?: SendUpdates;
  sendNotifications?: boolean;
  conferenceDataVersion?: number;
  [k: string]: unknown;
}
const EXTRA_FIELDS = ['colorId', 'transparency', 'visibility', 'source', 'anyoneCanAddSelf', 'guestsCanModify', 'eventType'];
const CONTENT_FIELDS: (keyof EventState)[] = ['summary', 'description', 'location', 'start', 'end', 'recurrence', 'conferenceData', 'status'];

function args(optionalArgs: unknown): EventArgs {
  return isPlainObject(optionalArgs) ? optionalArgs : {};
}
function sendUpdatesOf(a: EventArgs): SendUpdates {
  if (a.sendUpdates !== undefined) return a.sendUpdates;
  if (a.sendNotifications === true) return 'all';
  return undefined;
}

function timeField(value: unknown, cal: CalendarState, method: string, which: 'start' | 'end'): { dateTime: string; timeZone?: string } {
  if (!isPlainObject(value)) throw new ApiError(method, 400, which === 'end' ? 'Missing end time.' : 'Missing start time.');
  const ms = parseTime(value, method);
  const tz = typeof value.timeZone === 'string' ? value.timeZone : undefined;
  return tz ? { dateTime: rfc3339(ms, tz), timeZone: tz } : { dateTime: rfc3339(ms, cal.timeZone) };
}

function contentSnapshot(ev: EventState): string {
  return JSON.stringify(CONTENT_FIELDS.map((f) => ev[f]));
}

function deepMerge(target: Resource, patch: Resource): Resource {
  const out: Resource = { ...target };
  for (const [k, v] of Object.entries(patch)) {
    if (isPlainObject(v) && isPlainObject(out[k])) out[k] = deepMerge(out[k], v);
    else out[k] = v;
  }
  return out;
}

export class Events extends ServiceObject {
  _kind(): [ServiceName, string] {
    return ['Calendar', 'Events'];
  }
  private cal(calendarId: string, method: string): CalendarState {
    const cal = findCalendar(this._rt.state, String(calendarId), this._rt.user);
    if (!cal) throw new ApiError(method, 404, 'Not Found');
    return cal;
  }
  private ev(cal: CalendarState, eventId: string, method: string): EventState {
    const ev = findEvent(this._rt.state, cal.id, String(eventId));
    if (!ev) throw new ApiError(method, 404, 'Not Found');
    return ev;
  }

  /** The usage-limits fault: a call that would email guests is refused (403) and changes nothing. */
  private checkUsageLimits(
    cal: CalendarState,
    before: EventState['attendees'],
    after: EventState['attendees'],
    changed: boolean,
    a: EventArgs,
    method: string,
  ): void {
    if (this._rt.core.faults.calendarUsageLimited && wouldNotify(cal, before, after, changed, sendUpdatesOf(a)))
      throw new ApiError(method, 403, USAGE_LIMITS_REASON);
  }

  /** Writes every writable field of `r` onto `ev` (update semantics: absent fields are cleared). */
  private apply(ev: EventState, r: Resource, cal: CalendarState, a: EventArgs, method: string): void {
    const rt = this._rt;
    ev.summary = typeof r.summary === 'string' ? r.summary : '';
    ev.description = typeof r.description === 'string' ? r.description : '';
    ev.location = typeof r.location === 'string' ? r.location : '';
    ev.start = timeField(r.start, cal, method, 'start');
    ev.end = timeField(r.end, cal, method, 'end');
    if (endMs(ev) < startMs(ev)) throw new ApiError(method, 400, 'The specified time range is empty.');
    ev.attendees = normalizeAttendees(r.attendees, method);
    ev.reminders = isPlainObject(r.reminders) ? (JSON.parse(JSON.stringify(r.reminders)) as Resource) : { useDefault: true };
    ev.recurrence = Array.isArray(r.recurrence) ? r.recurrence.map(String) : undefined;
    ev.extendedProperties = isPlainObject(r.extendedProperties) ? (JSON.parse(JSON.stringify(r.extendedProperties)) as Resource) : undefined;
    ev.guestsCanSeeOtherGuests = typeof r.guestsCanSeeOtherGuests === 'boolean' ? r.guestsCanSeeOtherGuests : undefined;
    ev.guestsCanInviteOthers = typeof r.guestsCanInviteOthers === 'boolean' ? r.guestsCanInviteOthers : undefined;
    if (typeof r.status === 'string' && ['confirmed', 'tentative', 'cancelled'].includes(r.status)) ev.status = r.status as EventState['status'];
    ev.extra = {};
    for (const f of EXTRA_FIELDS) if (r[f] !== undefined) ev.extra[f] = JSON.parse(JSON.stringify(r[f])) as unknown;
    // conferenceDataVersion 0 (the default) ignores conference data in the body.
    if (Number(a.conferenceDataVersion ?? 0) >= 1) {
      const cd = r.conferenceData;
      if (isPlainObject(cd) && isPlainObject(cd.createRequest) && !ev.conferenceData) {
        const meet = meetData(rt.core, cd.createRequest.requestId);
        ev.conferenceData = meet.conferenceData;
        ev.hangoutLink = meet.hangoutLink;
      } else if (isPlainObject(cd) && !isPlainObject(cd.createRequest)) {
        ev.conferenceData = JSON.parse(JSON.stringify(cd)) as Resource;
      } else if (cd === null || cd === undefined) {
        delete ev.conferenceData;
        delete ev.hangoutLink;
      }
    }
  }

  insert(resource: Resource, calendarId: string, optionalArgs?: Resource, _headers?: object): Resource {
    const method = 'events.insert';
    const rt = this._rt;
    const cal = this.cal(calendarId, method);
    if (!isPlainObject(resource)) throw new ApiError(method, 400, 'Invalid resource.');
    const a = args(optionalArgs);
    const id = typeof resource.id === 'string' ? resource.id : newEventId(rt.core);
    if (!/^[a-v0-9]{5,1024}$/.test(id)) throw new ApiError(method, 400, 'Invalid resource id value.');
    if (findEvent(rt.state, cal.id, id)) throw new ApiError(method, 409, 'The requested identifier already exists.');
    const now = rt.now().toISOString();
    const ev = newEvent(cal, id, rt.user, now, typeof resource.iCalUID === 'string' ? { iCalUID: resource.iCalUID } : {});
    this.apply(ev, resource, cal, a, method);
    this.checkUsageLimits(cal, [], ev.attendees, false, a, method);
    rt.state.events.push(ev);
    notify(rt.core, cal, ev, [], ev.attendees, false, sendUpdatesOf(a), 'Calendar');
    return toResource(ev);
  }

  get(calendarId: string, eventId: string, _optionalArgs?: object, _headers?: object): Resource {
    const cal = this.cal(calendarId, 'events.get');
    return toResource(this.ev(cal, eventId, 'events.get'));
  }

  /** Patch semantics: given fields replace, nested objects merge, arrays (attendees!) are replaced whole. */
  patch(resource: Resource, calendarId: string, eventId: string, optionalArgs?: Resource, _headers?: object): Resource {
    const method = 'events.patch';
    const cal = this.cal(calendarId, method);
    const ev = this.ev(cal, eventId, method);
    if (!isPlainObject(resource)) throw new ApiError(method, 400, 'Invalid resource.');
    const merged = deepMerge(toResource(ev), resource);
    return this.replace(cal, ev, merged, args(optionalArgs), method);
  }

  update(resource: Resource, calendarId: string, eventId: string, optionalArgs?: Resource, _headers?: object): Resource {
    const method = 'events.update';
    const cal = this.cal(calendarId, method);
    const ev = this.ev(cal, eventId, method);
    if (!isPlainObject(resource)) throw new ApiError(method, 400, 'Invalid resource.');
    return this.replace(cal, ev, resource, args(optionalArgs), method);
  }

  private replace(cal: CalendarState, ev: EventState, r: Resource, a: EventArgs, method: string): Resource {
    const rt = this._rt;
    const before = ev.attendees.map((x) => ({ ...x }));
    const snapshot = contentSnapshot(ev);
    const draft: EventState = JSON.parse(JSON.stringify(ev)) as EventState;
    this.apply(draft, r, cal, a, method);
    const changed = contentSnapshot(draft) !== snapshot;
    this.checkUsageLimits(cal, before, draft.attendees, changed, a, method);
    Object.assign(ev, draft);
    if (!draft.conferenceData) delete ev.conferenceData;
    if (!draft.hangoutLink) delete ev.hangoutLink;
    ev.updated = rt.now().toISOString();
    ev.sequence += changed ? 1 : 0;
    notify(rt.core, cal, ev, before, ev.attendees, changed, sendUpdatesOf(a), 'Calendar');
    return toResource(ev);
  }

  remove(calendarId: string, eventId: string, optionalArgs?: Resource, _headers?: object): void {
    const method = 'events.delete';
    const rt = this._rt;
    const cal = this.cal(calendarId, method);
    const ev = this.ev(cal, eventId, method);
    if (ev.status === 'cancelled') throw new ApiError(method, 410, 'Resource has been deleted');
    const before = ev.attendees.map((x) => ({ ...x }));
    this.checkUsageLimits(cal, before, [], false, args(optionalArgs), method);
    ev.status = 'cancelled';
    ev.updated = rt.now().toISOString();
    notify(rt.core, cal, ev, before, [], false, sendUpdatesOf(args(optionalArgs)), 'Calendar');
  }

  list(calendarId: string, optionalArgs?: Resource, _headers?: object): Resource {
    const method = 'events.list';
    const cal = this.cal(calendarId, method);
    const a = args(optionalArgs);
    const timeMin = typeof a.timeMin === 'string' ? Date.parse(a.timeMin) : -Infinity;
    const timeMax = typeof a.timeMax === 'string' ? Date.parse(a.timeMax) : Infinity;
    const q = typeof a.q === 'string' ? a.q.toLowerCase() : null;
    const prop = typeof a.privateExtendedProperty === 'string' ? a.privateExtendedProperty.split('=') : null;
    let items = this._rt.state.events.filter((ev) => {
      if (ev.calendarId !== cal.id) return false;
      if (ev.status === 'cancelled' && a.showDeleted !== true) return false;
      if (typeof a.iCalUID === 'string' && ev.iCalUID !== a.iCalUID) return false;
      if (endMs(ev) <= timeMin || startMs(ev) >= timeMax) return false;
      if (q && !`${ev.summary} ${ev.description} ${ev.location}`.toLowerCase().includes(q)) return false;
      if (prop) {
        const priv = (ev.extendedProperties?.private ?? {}) as Record<string, unknown>;
        if (priv[prop[0]] !== prop[1]) return false;
      }
      return true;
    });
    if (a.orderBy === 'startTime') items = [...items].sort((x, y) => startMs(x) - startMs(y));
    else if (a.orderBy === 'updated') items = [...items].sort((x, y) => Date.parse(x.updated) - Date.parse(y.updated));
    const max = Math.min(typeof a.maxResults === 'number' ? a.maxResults : 250, 2500);
    const offset = typeof a.pageToken === 'string' ? Number(a.pageToken) || 0 : 0;
    const page = items.slice(offset, offset + max);
    const out: Resource = {
      kind: 'calendar#events',
      summary: cal.name,
      timeZone: cal.timeZone,
      updated: this._rt.now().toISOString(),
      items: page.map(toResource),
    };
    if (offset + max < items.length) out.nextPageToken = String(offset + max);
    return out;
  }
}

function calendarResource(cal: CalendarState): Resource {
  return { kind: 'calendar#calendar', etag: `"${cal.id.length}"`, id: cal.id, summary: cal.name, description: cal.description, timeZone: cal.timeZone };
}

export class Calendars extends ServiceObject {
  _kind(): [ServiceName, string] {
    return ['Calendar', 'Calendars'];
  }
  insert(resource: Resource, _optionalArgs?: object, _headers?: object): Resource {
    if (!isPlainObject(resource) || typeof resource.summary !== 'string' || !resource.summary) throw new ApiError('calendars.insert', 400, 'Missing title.');
    const cal = createCalendar(
      this._rt.core,
      resource.summary,
      this._rt.user,
      typeof resource.timeZone === 'string' ? resource.timeZone : undefined,
      typeof resource.description === 'string' ? resource.description : '',
    );
    return calendarResource(cal);
  }
  get(calendarId: string, _optionalArgs?: object, _headers?: object): Resource {
    const cal = findCalendar(this._rt.state, String(calendarId), this._rt.user);
    if (!cal) throw new ApiError('calendars.get', 404, 'Not Found');
    return calendarResource(cal);
  }
  patch(resource: Resource, calendarId: string, _optionalArgs?: object, _headers?: object): Resource {
    const cal = findCalendar(this._rt.state, String(calendarId), this._rt.user);
    if (!cal) throw new ApiError('calendars.patch', 404, 'Not Found');
    if (typeof resource.summary === 'string') cal.name = resource.summary;
    if (typeof resource.description === 'string') cal.description = resource.description;
    if (typeof resource.timeZone === 'string') cal.timeZone = resource.timeZone;
    return calendarResource(cal);
  }
  remove(calendarId: string, _optionalArgs?: object, _headers?: object): void {
    const cal = findCalendar(this._rt.state, String(calendarId), this._rt.user);
    if (!cal) throw new ApiError('calendars.delete', 404, 'Not Found');
    cal.deleted = true;
  }
}

export class CalendarList extends ServiceObject {
  _kind(): [ServiceName, string] {
    return ['Calendar', 'CalendarList'];
  }
  list(): Resource {
    const mine = this._rt.state.calendars.filter((c) => !c.deleted && c.owner === this._rt.user);
    return { kind: 'calendar#calendarList', items: mine.map((c) => ({ ...calendarResource(c), accessRole: 'owner', primary: c.id === this._rt.user })) };
  }
}

export class AdvancedCalendar extends ServiceObject {
  readonly Events: Events;
  readonly Calendars: Calendars;
  readonly CalendarList: CalendarList;
  constructor(rt: Runtime) {
    super(rt);
    this.Events = new Events(rt);
    this.Calendars = new Calendars(rt);
    this.CalendarList = new CalendarList(rt);
  }
  _kind(): [ServiceName, string] {
    return ['Calendar', 'Calendar'];
  }
  /** Advanced services expose typed constructors (Calendar.newEvent()); plain objects work just as well. */
  newEvent(): Resource {
    return {};
  }
  newEventAttendee(): Resource {
    return {};
  }
  newEventDateTime(): Resource {
    return {};
  }
  newConferenceData(): Resource {
    return {};
  }
  newCreateConferenceRequest(): Resource {
    return {};
  }
  newConferenceSolutionKey(): Resource {
    return {};
  }
  toString(): string {
    return 'Calendar';
  }
}
