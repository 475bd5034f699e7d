// CalendarApp over the shared store. addGuest and createEvent (by default) send no invitation.
import type { ServiceName } from '../execution';
import { isDate, isPlainObject } from '../realm';
import { ScriptError, ServiceObject, type Runtime } from '../runtime';
import type { CalendarState, EventState } from '../state';
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

export class EventGuest extends ServiceObject {
  constructor(
    rt: Runtime,
    private readonly email: string,
    private readonly status: string,
    private readonly name: string,
  ) {
    super(rt);
  }
  _kind(): [ServiceName, string] {
    return ['CalendarApp', 'EventGuest'];
  }
  getEmail(): string {
    return this.email;
  }
  getGuestStatus(): string {
    return { needsAction: 'INVITED', accepted: 'YES', declined: 'NO', tentative: 'MAYBE' }[this.status] ?? 'INVITED';
  }
  getName(): string {
    return this.name;
  }
  getAdditionalGuests(): number {
    return 0;
  }
  toString(): string {
    return 'EventGuest';
  }
}

export class CalendarEvent extends ServiceObject {
  constructor(
    rt: Runtime,
    private readonly calendarId: string,
    readonly _eventId: string,
  ) {
    super(rt);
  }
  _kind(): [ServiceName, string] {
    return ['CalendarApp', 'CalendarEvent'];
  }
  private st(): EventState {
    const ev = this._rt.state.events.find((e) => e.calendarId === this.calendarId && e.id === this._eventId && e.status !== 'cancelled');
    if (!ev) throw new ScriptError('Event not found. It may have been deleted.');
    return ev;
  }
  private cal(): CalendarState {
    const cal = this._rt.state.calendars.find((c) => c.id === this.calendarId);
    if (!cal) throw new ScriptError('Calendar not found.');
    return cal;
  }
  private touch(ev: EventState): void {
    ev.updated = this._rt.now().toISOString();
  }
  /** The iCalUID, as CalendarApp reports it ('<api id>@google.com'). */
  getId(): string {
    return this.st().iCalUID;
  }
  getOriginalCalendarId(): string {
    return this.calendarId;
  }
  getTitle(): string {
    return this.st().summary;
  }
  setTitle(title: string): CalendarEvent {
    const ev = this.st();
    ev.summary = String(title);
    this.touch(ev);
    return this;
  }
  getDescription(): string {
    return this.st().description;
  }
  setDescription(description: string): CalendarEvent {
    const ev = this.st();
    ev.description = String(description);
    this.touch(ev);
    return this;
  }
  getLocation(): string {
    return this.st().location;
  }
  setLocation(location: string): CalendarEvent {
    const ev = this.st();
    ev.location = String(location);
    this.touch(ev);
    return this;
  }
  getStartTime(): Date {
    return new Date(startMs(this.st()));
  }
  getEndTime(): Date {
    return new Date(endMs(this.st()));
  }
  setTime(startTime: Date | GoogleAppsScript.Base.Date, endTime: Date | GoogleAppsScript.Base.Date): CalendarEvent {
    if (!isDate(startTime) || !isDate(endTime)) throw new ScriptError("The parameters don't match the method signature for CalendarApp.CalendarEvent.setTime.");
    const ev = this.st();
    const tz = ev.start.timeZone ?? this.cal().timeZone;
    ev.start = { ...ev.start, dateTime: rfc3339(startTime.getTime(), tz) };
    ev.end = { ...ev.end, dateTime: rfc3339(endTime.getTime(), tz) };
    this.touch(ev);
    return this;
  }
  getGuestList(includeOwner?: boolean): EventGuest[] {
    const ev = this.st();
    const guests = ev.attendees.map((a) => new EventGuest(this._rt, a.email, a.responseStatus, a.displayName ?? ''));
    if (includeOwner) guests.unshift(new EventGuest(this._rt, this.cal().owner, 'accepted', ''));
    return guests;
  }
  getGuestByEmail(email: string): EventGuest | null {
    const a = this.st().attendees.find((x) => x.email.toLowerCase() === String(email).toLowerCase());
    return a ? new EventGuest(this._rt, a.email, a.responseStatus, a.displayName ?? '') : null;
  }
  /** Adds a guest. Google sends NO invitation for this (a long-standing CalendarApp limitation). */
  addGuest(email: string): CalendarEvent {
    const ev = this.st();
    const [a] = normalizeAttendees([{ email: String(email) }], 'CalendarEvent.addGuest');
    if (!ev.attendees.some((x) => x.email.toLowerCase() === a.email.toLowerCase())) ev.attendees.push(a);
    this.touch(ev);
    return this;
  }
  removeGuest(email: string): CalendarEvent {
    const ev = this.st();
    ev.attendees = ev.attendees.filter((x) => x.email.toLowerCase() !== String(email).toLowerCase());
    this.touch(ev);
    return this;
  }
  deleteEvent(): void {
    const ev = this.st();
    ev.status = 'cancelled';
    this.touch(ev);
  }
  getCreators(): string[] {
    return [this.st().creator.email];
  }
  isOwnedByMe(): boolean {
    return this.cal().owner === this._rt.user;
  }
  getDateCreated(): Date {
    return new Date(this.st().created);
  }
  getLastUpdated(): Date {
    return new Date(this.st().updated);
  }
  getTag(key: string): string | null {
    const priv = (this.st().extendedProperties?.private ?? {}) as Record<string, unknown>;
    return typeof priv[key] === 'string' ? priv[key] : null;
  }
  setTag(key: string, value: string): CalendarEvent {
    const ev = this.st();
    const ext = (ev.extendedProperties ??= {});
    const priv = (ext.private as Record<string, unknown> | undefined) ?? {};
    priv[String(key)] = String(value);
    ext.private = priv;
    this.touch(ev);
    return this;
  }
  getAllTagKeys(): string[] {
    return Object.keys(this.st().extendedProperties?.private ?? {});
  }
  setGuestsCanSeeGuests(v: boolean): CalendarEvent {
    this.st().guestsCanSeeOtherGuests = Boolean(v);
    return this;
  }
  setGuestsCanInviteOthers(v: boolean): CalendarEvent {
    this.st().guestsCanInviteOthers = Boolean(v);
    return this;
  }
  addPopupReminder(minutesBefore: number): CalendarEvent {
    return this.addReminder('popup', minutesBefore);
  }
  addEmailReminder(minutesBefore: number): CalendarEvent {
    return this.addReminder('email', minutesBefore);
  }
  private addReminder(method: string, minutes: number): CalendarEvent {
    const ev = this.st();
    const overrides = Array.isArray(ev.reminders.overrides) ? (ev.reminders.overrides as unknown[]) : [];
    ev.reminders = { useDefault: false, overrides: [...overrides, { method, minutes }] };
    return this;
  }
  removeAllReminders(): CalendarEvent {
    this.st().reminders = { useDefault: false };
    return this;
  }
  toString(): string {
    return 'CalendarEvent';
  }
}

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
