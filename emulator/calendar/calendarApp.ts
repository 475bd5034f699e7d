// CalendarApp over the shared store. addGuest and createEvent (by default) send no invitation.
// The events and their guests: calendarEvent.ts.
import type { ServiceName } from '../execution';
import { isDate, isPlainObject } from '../realm';
import { ScriptError, ServiceObject, type Runtime } from '../runtime';
import type { CalendarState } from '../state';
import {
  createCalendar,
  defaultCalendarFor,
  endMs,
  findCalendar,
  newEvent,
  newEventId,
  normalizeAttendees,
  notify,
  rfc3339,
  startMs,
  USAGE_LIMITS_REASON,
  wouldNotify,
} from './store';
import { CalendarEvent } from './calendarEvent';

export { CalendarEvent, EventGuest } from './calendarEvent';

interface EventOptions {
  description?: string;
  location?: string;
  guests?: string;
  sendInvites?: boolean;
}

export class Calendar extends ServiceObject {
  constructor(
    rt: Runtime,
    readonly _calendarId: string,
  ) {
    super(rt);
  }
  _kind(): [ServiceName, string] {
    return ['CalendarApp', 'Calendar'];
  }
  private st(): CalendarState {
    const c = this._rt.state.calendars.find((x) => x.id === this._calendarId && !x.deleted);
    if (!c) throw new ScriptError('Calendar not found.');
    return c;
  }
  getId(): string {
    return this._calendarId;
  }
  getName(): string {
    return this.st().name;
  }
  setName(name: string): Calendar {
    this.st().name = String(name);
    return this;
  }
  getDescription(): string {
    return this.st().description;
  }
  setDescription(description: string): Calendar {
    this.st().description = String(description);
    return this;
  }
  getTimeZone(): string {
    return this.st().timeZone;
  }
  setTimeZone(timeZone: string): Calendar {
    this.st().timeZone = String(timeZone);
    return this;
  }
  isOwnedByMe(): boolean {
    return this.st().owner === this._rt.user;
  }
  isMyPrimaryCalendar(): boolean {
    return this._calendarId === this._rt.user;
  }
  setHidden(_hidden?: boolean): Calendar {
    return this;
  }
  setSelected(_selected?: boolean): Calendar {
    return this;
  }
  setColor(_color?: string): Calendar {
    return this;
  }
  deleteCalendar(): void {
    this.st().deleted = true;
  }
  createEvent(title: string, startTime: Date, endTime: Date, options?: EventOptions): CalendarEvent {
    if (!isDate(startTime) || !isDate(endTime)) throw new ScriptError("The parameters don't match the method signature for CalendarApp.Calendar.createEvent.");
    if (endTime.getTime() < startTime.getTime()) throw new ScriptError('Event start date must be before event end date.');
    const opts: EventOptions = isPlainObject(options) ? options : {};
    const rt = this._rt;
    const cal = this.st();
    const id = newEventId(rt.core);
    const now = rt.now().toISOString();
    const guests =
      typeof opts.guests === 'string'
        ? opts.guests
            .split(',')
            .map((s) => s.trim())
            .filter(Boolean)
        : [];
    const ev = newEvent(cal, id, rt.user, now, {
      summary: String(title),
      description: opts.description ?? '',
      location: opts.location ?? '',
      start: { dateTime: rfc3339(startTime.getTime(), cal.timeZone) },
      end: { dateTime: rfc3339(endTime.getTime(), cal.timeZone) },
      attendees: normalizeAttendees(
        guests.map((email) => ({ email })),
        'Calendar.createEvent',
      ),
    });
    // The usage-limits fault refuses an event whose creation would email its guests.
    if (rt.core.faults.calendarUsageLimited && opts.sendInvites === true && wouldNotify(cal, [], ev.attendees, false, 'all'))
      throw new ScriptError(USAGE_LIMITS_REASON);
    rt.state.events.push(ev);
    if (opts.sendInvites === true) notify(rt.core, cal, ev, [], ev.attendees, false, 'all', 'CalendarApp');
    return new CalendarEvent(rt, cal.id, id);
  }
  createAllDayEvent(title: string, date: Date, options?: EventOptions): CalendarEvent {
    const start = new Date(date.getTime());
    const end = new Date(date.getTime() + 24 * 60 * 60 * 1000);
    return this.createEvent(title, start, end, options);
  }
  getEvents(
    startTime: Date | GoogleAppsScript.Base.Date,
    endTime: Date | GoogleAppsScript.Base.Date,
    options?: { search?: string; max?: number; start?: number },
  ): CalendarEvent[] {
    if (!isDate(startTime) || !isDate(endTime)) throw new ScriptError("The parameters don't match the method signature for CalendarApp.Calendar.getEvents.");
    const from = startTime.getTime();
    const to = endTime.getTime();
    const q = options?.search?.toLowerCase();
    let evs = this._rt.state.events
      .filter((e) => e.calendarId === this._calendarId && e.status !== 'cancelled' && endMs(e) > from && startMs(e) < to)
      .filter((e) => !q || `${e.summary} ${e.description} ${e.location}`.toLowerCase().includes(q))
      .sort((a, b) => startMs(a) - startMs(b));
    if (options?.start) evs = evs.slice(options.start);
    if (options?.max !== undefined) evs = evs.slice(0, options.max);
    return evs.map((e) => new CalendarEvent(this._rt, this._calendarId, e.id));
  }
  getEventsForDay(date: Date | GoogleAppsScript.Base.Date, _options?: object): CalendarEvent[] {
    if (!isDate(date)) throw new ScriptError("The parameters don't match the method signature for CalendarApp.Calendar.getEventsForDay.");
    const start = new Date(date.getTime());
    return this.getEvents(start, new Date(start.getTime() + 86400000));
  }
  getEventById(iCalId: string): CalendarEvent | null {
    const id = String(iCalId);
    const ev = this._rt.state.events.find((e) => e.calendarId === this._calendarId && e.status !== 'cancelled' && (e.iCalUID === id || e.id === id));
    return ev ? new CalendarEvent(this._rt, this._calendarId, ev.id) : null;
  }
  toString(): string {
    return 'Calendar';
  }
}

export class CalendarApp extends ServiceObject {
  readonly GuestStatus = { INVITED: 'INVITED', MAYBE: 'MAYBE', NO: 'NO', OWNER: 'OWNER', YES: 'YES' };
  readonly Color = { BLUE: '#2952A3' };
  readonly Visibility = { CONFIDENTIAL: 'CONFIDENTIAL', DEFAULT: 'DEFAULT', PRIVATE: 'PRIVATE', PUBLIC: 'PUBLIC' };
  _kind(): [ServiceName, string] {
    return ['CalendarApp', 'CalendarApp'];
  }
  createCalendar(name: string, options?: { timeZone?: string; summary?: string }): Calendar {
    const cal = createCalendar(this._rt.core, String(name), this._rt.user, options?.timeZone, options?.summary ?? '');
    return new Calendar(this._rt, cal.id);
  }
  getCalendarById(id: string): Calendar | null {
    const cal = findCalendar(this._rt.state, String(id), this._rt.user);
    return cal ? new Calendar(this._rt, cal.id) : null;
  }
  getCalendarsByName(name: string): Calendar[] {
    return this._rt.state.calendars.filter((c) => !c.deleted && c.name === name).map((c) => new Calendar(this._rt, c.id));
  }
  getDefaultCalendar(): Calendar {
    return new Calendar(this._rt, defaultCalendarFor(this._rt.state, this._rt.user).id);
  }
  getOwnedCalendarById(id: string): Calendar | null {
    const cal = findCalendar(this._rt.state, String(id), this._rt.user);
    return cal && cal.owner === this._rt.user ? new Calendar(this._rt, cal.id) : null;
  }
  getAllOwnedCalendars(): Calendar[] {
    defaultCalendarFor(this._rt.state, this._rt.user);
    return this._rt.state.calendars.filter((c) => !c.deleted && c.owner === this._rt.user).map((c) => new Calendar(this._rt, c.id));
  }
  getEvents(
    startTime: Date | GoogleAppsScript.Base.Date,
    endTime: Date | GoogleAppsScript.Base.Date,
    options?: { search?: string; max?: number },
  ): CalendarEvent[] {
    return this.getDefaultCalendar().getEvents(startTime, endTime, options);
  }
  getEventById(iCalId: string): CalendarEvent | null {
    return this.getDefaultCalendar().getEventById(iCalId);
  }
  createEvent(title: string, startTime: Date, endTime: Date, options?: EventOptions): CalendarEvent {
    return this.getDefaultCalendar().createEvent(title, startTime, endTime, options);
  }
  toString(): string {
    return 'CalendarApp';
  }
}
