// Due rules: what the applicants and the calendar are owed, decided from the sheet alone.
// Adapters carry the plan out; nothing here touches a service.
//
// Semantics (docs/ARCHITECTURE.md):
// - `Notified` records the status last emailed. A notification is due when the status is a
//   decision, differs from `Notified`, and the notify date has come.
// - `Invited` records the meeting numbers the member is a guest of. From the notify date on, an
//   Accepted member is owed a place on every meeting of their community that has not started; a
//   member no longer Accepted is owed removal from every such meeting they are still on. Meetings
//   that have started are history: nobody is added to or removed from them.
import type { Application, Meeting, Program, Settings, Status } from '../program/model';

export const NOTIFIABLE_STATUSES: readonly Status[] = ['Accepted', 'Waitlisted', 'Declined', 'Withdrawn'];

export function isNotifiable(status: Status): boolean {
  return NOTIFIABLE_STATUSES.indexOf(status) >= 0;
}

/** Owed an email, whatever the date (the notify date only says when it may go). */
export function isNotificationOwed(app: Application): boolean {
  return isNotifiable(app.status) && app.status !== app.notified;
}

export function isNotificationDue(app: Application, settings: Settings, now: Date): boolean {
  return isNotificationOwed(app) && now.getTime() >= settings.notifyFrom.getTime();
}

/** '1, 2, 3, 4' → [1, 2, 3, 4]; tolerant of staff typing ('1,2 ; 4'), ignores anything else. */
export function parseInvited(cell: string): number[] {
  const nums = String(cell)
    .split(/[^0-9]+/)
    .filter((s) => s !== '')
    .map((s) => Number(s))
    .filter((n) => Number.isInteger(n) && n > 0);
  return uniqueSorted(nums);
}

export function formatInvited(nums: readonly number[]): string {
  return uniqueSorted(nums).join(', ');
}

function uniqueSorted(nums: readonly number[]): number[] {
  return nums.filter((n, i) => nums.indexOf(n) === i).sort((a, b) => a - b);
}

/** A meeting is still open to guest changes until it starts. */
export function hasStarted(meeting: Meeting, now: Date): boolean {
  return now.getTime() >= meeting.start.getTime();
}

export function meetingsOf(program: Program, community: string): Meeting[] {
  return program.meetings.filter((m) => m.community === community).sort((a, b) => a.number - b.number);
}

export interface GuestChange {
  /** meeting numbers to add the member to */
  add: number[];
  /** meeting numbers to remove the member from */
  remove: number[];
}

/**
 * An address Calendar will take. One malformed address would make the whole event update fail and
 * hold back everyone else's invitation, so such a member is left out of the event changes (their
 * decision email fails and is logged every run until staff fix the address).
 */
export function isPlausibleEmail(email: string): boolean {
  return /^[^\s@<>(),;:"[\]]+@[^\s@<>(),;:"[\]]+\.[^\s@<>(),;:"[\]]+$/.test(String(email).trim());
}

/** The guest changes one application is owed now (empty lists = nothing due). */
export function guestChangeFor(app: Application, program: Program, now: Date): GuestChange {
  const none: GuestChange = { add: [], remove: [] };
  if (!isPlausibleEmail(app.email)) return none;
  const invited = parseInvited(app.invited);
  const open = meetingsOf(program, app.community).filter((m) => !hasStarted(m, now));
  if (app.status === 'Accepted') {
    if (now.getTime() < program.settings.notifyFrom.getTime()) return none;
    return { add: open.filter((m) => invited.indexOf(m.number) < 0).map((m) => m.number), remove: [] };
  }
  return { add: [], remove: open.filter((m) => invited.indexOf(m.number) >= 0).map((m) => m.number) };
}

export function isInvitationDue(app: Application, program: Program, now: Date): boolean {
  const change = guestChangeFor(app, program, now);
  return change.add.length + change.remove.length > 0;
}

/** Lower-cased, trimmed: Gmail and Calendar treat addresses case-insensitively. */
export function emailKey(email: string): string {
  return String(email).trim().toLowerCase();
}

export interface EmailPlan {
  /** the address as the applicant typed it (first row's) */
  to: string;
  key: string;
  /** every application of this applicant whose decision is due, sheet order */
  applications: Application[];
}

export interface EventPlan {
  meeting: Meeting;
  add: { applicationId: string; email: string }[];
  remove: { applicationId: string; email: string }[];
}

export interface DeliveryPlan {
  emails: EmailPlan[];
  events: EventPlan[];
}

export interface PlanOptions {
  /** limit to these applications' applicants (emails) and meetings; undefined = everything due */
  applicationIds?: readonly string[];
}

/**
 * One email per applicant covering all their due decisions, and one change per meeting event
 * covering every member owed an add or removal there. When ids are given (a decision just made),
 * the plan covers those applicants' emails in full, so no second email follows for a community
 * decided earlier, and the events those applications touch, with every change due on them.
 */
export function planDelivery(apps: readonly Application[], program: Program, now: Date, options: PlanOptions = {}): DeliveryPlan {
  const ids = options.applicationIds ? new Set(options.applicationIds) : null;
  const selectedKeys = ids ? new Set(apps.filter((a) => ids.has(a.id)).map((a) => emailKey(a.email))) : null;

  const emails: EmailPlan[] = [];
  const byKey = new Map<string, EmailPlan>();
  for (const app of apps) {
    const key = emailKey(app.email);
    if (!key || !isNotificationDue(app, program.settings, now)) continue;
    if (selectedKeys && !selectedKeys.has(key)) continue;
    let plan = byKey.get(key);
    if (!plan) {
      plan = { to: app.email.trim(), key, applications: [] };
      byKey.set(key, plan);
      emails.push(plan);
    }
    plan.applications.push(app);
  }

  const changes = new Map<string, EventPlan>();
  const touched = new Set<string>();
  const eventKey = (community: string, n: number) => `${community}#${n}`;
  for (const app of apps) {
    const change = guestChangeFor(app, program, now);
    if (change.add.length + change.remove.length === 0) continue;
    const selected = !ids || ids.has(app.id);
    for (const [n, kind] of [...change.add.map((n) => [n, 'add'] as const), ...change.remove.map((n) => [n, 'remove'] as const)]) {
      const meeting = program.meetings.find((m) => m.community === app.community && m.number === n);
      if (!meeting) continue;
      const k = eventKey(meeting.community, meeting.number);
      if (selected) touched.add(k);
      let plan = changes.get(k);
      if (!plan) {
        plan = { meeting, add: [], remove: [] };
        changes.set(k, plan);
      }
      plan[kind].push({ applicationId: app.id, email: app.email.trim() });
    }
  }
  const events = program.meetings
    .map((m) => changes.get(eventKey(m.community, m.number)))
    .filter((p): p is EventPlan => !!p && touched.has(eventKey(p.meeting.community, p.meeting.number)));
  return { emails, events };
}

/** Ids (among `ids`, or all) whose notification is still owed: decided, not yet emailed. */
export function pendingNotificationIds(apps: readonly Application[], ids?: readonly string[]): string[] {
  const wanted = ids ? new Set(ids) : null;
  return apps.filter((a) => (!wanted || wanted.has(a.id)) && isNotificationOwed(a)).map((a) => a.id);
}

export interface Attendee {
  email?: string;
  [field: string]: unknown;
}

/**
 * The event's attendee list after adding and removing members: everyone else (staff's own
 * guests, their response statuses, any field we do not know) is kept as it is; nobody appears
 * twice. Returns null when nothing would change, so no update (and no email) is sent.
 */
export function mergeAttendees<T extends Attendee>(current: readonly T[], add: readonly string[], remove: readonly string[]): T[] | null {
  const removeKeys = new Set(remove.map(emailKey));
  const seen = new Set<string>();
  const next: T[] = [];
  let changed = false;
  for (const a of current) {
    const k = emailKey(a.email || '');
    if (k && removeKeys.has(k)) {
      changed = true;
      continue;
    }
    if (k && seen.has(k)) {
      // a duplicate already on the event (typed twice by hand) is left as staff made it
      next.push(a);
      continue;
    }
    if (k) seen.add(k);
    next.push(a);
  }
  for (const email of add) {
    const k = emailKey(email);
    if (!k || removeKeys.has(k) || seen.has(k)) continue;
    seen.add(k);
    next.push({ email: email.trim() } as T);
    changed = true;
  }
  return changed ? next : null;
}
