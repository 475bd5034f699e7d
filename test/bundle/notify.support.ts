// Shared fixture of the notify/invite/sweep bundle tests: a program set up by `setup`, with decided
// applications written straight into the Applications tab (as review's decide would leave them).
import { Workspace, type EventView } from '../../emulator';
import { APPLICATION_HEADERS } from '../../src/domain/program/layout';
import { DEFAULT_COMMUNITIES } from '../../src/domain/program/defaults';
import { appendRecords, runScript } from '../support/seed';

export const OWNER = 'owner@careertech.org';
export const BEFORE_NOTIFY = '2023-08-10T14:00:00Z';
/** Notify from is 2023-08-15 00:00 ET = 04:00Z */
export const NOTIFY_FROM = '2023-08-15T04:00:00Z';
export const AFTER_NOTIFY = '2023-08-15T14:00:00Z';

export const NAME: Record<string, string> = Object.fromEntries(DEFAULT_COMMUNITIES.map((c) => [c.key, c.name]));

export interface Applicant {
  id: string;
  email: string;
  community: string;
  status: string;
  firstName?: string;
  lastName?: string;
  notified?: string;
  invited?: string;
}

export function newProgram(now: string = BEFORE_NOTIFY, options: { latencyMs?: number; mailQuota?: number } = {}): Workspace {
  const ws = new Workspace({ now, owner: OWNER, editors: ['staff@careertech.org'], ...options });
  ws.run('setup');
  return ws;
}

export function addApplications(ws: Workspace, apps: Applicant[]): void {
  appendRecords(
    ws,
    'Applications',
    apps.map((a) => ({
      'Application ID': a.id,
      'Response Key': `key-${a.id}`,
      Submitted: new Date('2023-08-02T15:00:00Z'),
      Email: a.email,
      'First Name': a.firstName ?? a.id,
      'Last Name': a.lastName ?? 'Tester',
      'Job Title': 'Director',
      Agency: 'State CTE Agency',
      'Agency Type': 'Lead state CTE agency',
      State: 'Ohio',
      Community: NAME[a.community] ?? a.community,
      Cohort: '',
      Flags: '',
      Status: a.status,
      'Decided By': 'staff@careertech.org',
      'Decided At': new Date('2023-08-03T15:00:00Z'),
      Note: '',
      Notified: a.notified ?? '',
      Invited: a.invited ?? '',
    })),
    APPLICATION_HEADERS,
  );
}

export function calendarId(ws: Workspace): string {
  return ws.calendars[0].id;
}

export function meetingEvent(ws: Workspace, community: string, n: number): EventView {
  const row = ws.records('Meetings').find((r) => r.Community === community && Number(r.Meeting) === n);
  const ev = ws.events().find((e) => e.id === row?.['Event ID']);
  if (!ev) throw new Error(`no event for ${community} ${n}`);
  return ev;
}

export function app(ws: Workspace, id: string): Record<string, unknown> {
  const r = ws.records('Applications').find((x) => x['Application ID'] === id);
  if (!r) throw new Error(`no application ${id}`);
  return r;
}

/** Decision emails only (setup and intake send none here: applications are seeded directly). */
export function mailsTo(ws: Workspace, email: string) {
  return ws.outbox.filter((m) => m.to.toLowerCase() === email.toLowerCase());
}

/** invitation/cancellation emails Google Calendar sent, as "email event kind" strings. */
export function calendarMail(ws: Workspace): string[] {
  return ws.invitationsSent.map((i) => `${i.email} ${i.eventId} ${i.kind}`);
}

export function setCell(ws: Workspace, id: string, header: string, value: unknown): void {
  runScript(
    ws,
    `function set_(id, header, value) {
      var sh = SpreadsheetApp.getActiveSpreadsheet().getSheetByName('Applications');
      var v = sh.getDataRange().getValues();
      var c = v[0].indexOf(header), k = v[0].indexOf('Application ID');
      for (var r = 1; r < v.length; r++) if (v[r][k] === id) { sh.getRange(r + 1, c + 1).setValue(decode_(value)); return; }
      throw new Error('no row ' + id);
    }`,
    'set_',
    [id, header, value],
  );
}

/** What staff do by hand in Calendar: add a guest with CalendarApp (no invitation is sent). */
export function addGuestByHand(ws: Workspace, eventId: string, email: string): void {
  runScript(ws, `function add_(cal, id, email) { CalendarApp.getCalendarById(cal).getEventById(id).addGuest(email); }`, 'add_', [
    calendarId(ws),
    eventId,
    email,
  ]);
}

export function deleteEvent(ws: Workspace, eventId: string): void {
  runScript(ws, `function del_(cal, id) { Calendar.Events.remove(cal, id); }`, 'del_', [calendarId(ws), eventId]);
}
