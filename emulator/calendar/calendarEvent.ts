// CalendarApp's CalendarEvent and EventGuest over the shared store (the calendars: calendarApp.ts).
import type { ServiceName } from '../execution';
import { isDate } from '../realm';
import { ScriptError, ServiceObject, type Runtime } from '../runtime';
import type { CalendarState, EventState } from '../state';
import { endMs, normalizeAttendees, rfc3339, startMs } from './store';

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
