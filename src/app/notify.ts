// Delivering what is due: decision emails (MailApp) and meeting invitations (Calendar API).
//
// Shape of a run:
//   1. under the script lock: take the delivery lease (src/domain/lease.ts), read Settings,
//      Communities, Meetings, Applications and Templates (one getValues per tab);
//   2. plan in the domain (src/domain/due.ts): one email per applicant, one change per event;
//   3. outside the lock: each email, then each event; the sheet records each success right away
//      (`Notified` = the status emailed, `Invited` = the meetings the member is a guest of);
//   4. release the lease, append the run's Log rows.
// What does not fit (quota, time budget, a failure) stays due and goes out on the next run.
//
// Exactly-once, and the one window where it cannot be: MailApp cannot tell us afterwards whether
// a message left, and we may not hold the lock across the send. So an email is sent first and
// recorded second; a run cut off between the two forgets the send and the next run sends it
// again (at-least-once; the other order would lose emails). That window is made as small as the
// platform allows: the Lock and Range objects are fetched before the send, so after a successful
// MailApp.sendEmail the only calls before `Notified` is stored are Lock.waitLock and one
// Range.setValues (src/workspace/recordWrites.ts). A cut exactly there is the only way an email
// goes out twice, and then once more at most (the next run records it).
// Invitations have no such window: the attendee list of the event is the truth, re-read before
// each change, so a change made but not recorded is found already done next run and not resent.
import { createBudget, type Budget } from '../domain/budget';
import { isLeaseFree, LEASE_MS, parseLease, type Lease } from '../domain/lease';
import {
  formatInvited, mergeAttendees, parseInvited, pendingNotificationIds, planDelivery, type EmailPlan, type EventPlan,
} from '../domain/due';
import { composeDecisionEmail, type EmailContent } from '../domain/emails/compose';
import { formatDate } from '../domain/emails/when';
import type { Templates } from '../domain/emails/templates';
import type { Application, Program, Status } from '../domain/model';
import { getEvent_, setAttendees_ } from '../workspace/calendar';
import { now } from '../workspace/clock';
import { withScriptLock_ } from '../workspace/lock';
import { appendLog_, type LogEntry } from '../workspace/log';
import { remainingMailQuota_, sendMail_ } from '../workspace/mail';
import { loadProgram_ } from '../workspace/programRepo';
import { deleteProperty_, getJsonProperty_, setJsonProperty_ } from '../workspace/properties';
import { prepareColumnWrite_ } from '../workspace/recordWrites';
import { toast_ } from '../workspace/toast';
import { readApplications_, saveApplications_, type ApplicationsTable, type StoredApplication } from '../workspace/applicationsRepo';
import { readTemplates_ } from './templates';
import { MEET_LINKS_PROPERTY } from './meetings';

/** Stop starting new work after this much of the 6-minute execution limit. */
export const TIME_BUDGET_MS = 4.5 * 60 * 1000;
const LEASE_KEY = 'cop.delivery.lease';
const ACTOR = 'system';

export interface DeliverOptions {
  /** only these applications' applicants and events; undefined = everything due */
  applicationIds?: string[];
  /** epoch ms after which no new email or event is started (default: start + 4.5 min) */
  deadline?: number;
}

export interface DeliveryResult {
  /** emails sent by this run */
  sent: number;
  /** ids (of the request, or all) whose notification is still owed afterwards */
  pendingIds: string[];
  /** events whose attendees this run changed */
  eventsUpdated: number;
  /** why the run stopped early, if it did */
  stopped: '' | 'time' | 'quota' | 'busy';
  failures: number;
}

interface State {
  program: Program;
  apps: ApplicationsTable;
  templates: Templates;
  lease: Lease | null;
}

function readState(holder: string, startedAt: number): State {
  return withScriptLock_(() => {
    const { program } = loadProgram_();
    const apps = readApplications_(program.communities);
    const templates = readTemplates_();
    // taken last, so a read that throws leaves no lease behind
    const current = parseLease(getJsonProperty_(LEASE_KEY));
    let lease: Lease | null = null;
    if (isLeaseFree(current, startedAt)) {
      lease = { holder, until: startedAt + LEASE_MS };
      setJsonProperty_(LEASE_KEY, lease);
    }
    return { program, apps, templates, lease };
  });
}

function releaseLease(holder: string): void {
  const current = parseLease(getJsonProperty_(LEASE_KEY));
  if (current && current.holder === holder) deleteProperty_(LEASE_KEY);
}

function errorText(err: unknown): string {
  return String((err as Error)?.message ?? err);
}

function isQuotaError(err: unknown): boolean {
  return /too many times|quota|limit exceeded/i.test(errorText(err));
}

/** The Meet links setup stored (event id → link); {} when setup has not run. One property read. */
export function storedMeetLinks_(): Record<string, string> {
  const stored = getJsonProperty_<Record<string, unknown>>(MEET_LINKS_PROPERTY) ?? {};
  const links: Record<string, string> = {};
  for (const [id, link] of Object.entries(stored)) if (typeof link === 'string' && link) links[id] = link;
  return links;
}

/**
 * Meet links of the events the acceptance emails list: setup stored them (script property), so a
 * run makes no Calendar call for them and its only Events.get of an event is the one right before
 * its patch. An event setup has not seen (or a lost property) is fetched; a failure just leaves
 * the link out (the invitation carries it).
 */
function meetLinksFor(plans: EmailPlan[], program: Program, calendarId: string, budget?: Budget): Record<string, string> {
  const links = storedMeetLinks_();
  if (!calendarId) return links;
  const communities = new Set<string>();
  for (const p of plans) for (const a of p.applications) if (a.status === 'Accepted') communities.add(a.community);
  for (const m of program.meetings) {
    if (!communities.has(m.community) || !m.eventId || m.eventId in links) continue;
    if (budget && !budget.canStart()) break;
    try {
      links[m.eventId] = getEvent_(calendarId, m.eventId)?.meetLink ?? '';
    } catch {
      links[m.eventId] = '';
    }
  }
  return links;
}

/** The email one applicant is owed, as it would go out now. */
export function composeFor_(apps: readonly Application[], program: Program, templates: Templates, meetLinks: Record<string, string>): EmailContent {
  return composeDecisionEmail({ applications: apps, program, templates, meetLinks, formatDate, now: now() });
}

export function deliverDue_(options: DeliverOptions = {}): DeliveryResult {
  const startedAt = now().getTime();
  const deadline = options.deadline ?? startedAt + TIME_BUDGET_MS;
  const holder = `${startedAt}-${Math.random().toString(36).slice(2, 10)}`;
  const state = readState(holder, startedAt);
  const { program, apps } = state;
  const ids = options.applicationIds;
  const result: DeliveryResult = { sent: 0, pendingIds: [], eventsUpdated: 0, stopped: '', failures: 0 };
  if (!state.lease) {
    // another run is delivering; what it did not plan stays due for the next run
    result.stopped = 'busy';
    result.pendingIds = pendingNotificationIds(apps.applications, ids);
    return result;
  }

  const log: LogEntry[] = [];
  const unrecorded: Unrecorded[] = [];
  const byId = new Map<string, StoredApplication>(apps.applications.map((a) => [a.id, a]));
  try {
    const plan = planDelivery(apps.applications, program, new Date(startedAt), { applicationIds: ids });
    const budget = createBudget(deadline, () => now().getTime());
    if (plan.emails.length) sendEmails(plan.emails, state, budget, byId, log, result, unrecorded);
    if (result.stopped !== 'time') inviteAll(plan.events, state, budget, byId, log, result);
  } finally {
    withScriptLock_(() => {
      if (unrecorded.length) {
        saveApplications_(apps, unrecorded.map((u) => ({ ...u.app, notified: u.status })), ['notified']);
      }
      releaseLease(holder);
      if (result.sent) log.push({ actor: ACTOR, action: 'notifications-sent', details: `${result.sent} email(s)` });
      if (result.stopped === 'time' || result.stopped === 'quota') {
        log.push({ actor: ACTOR, action: 'delivery-paused', details: result.stopped === 'time' ? 'time budget reached; the rest goes out next run' : 'daily email quota reached; the rest goes out next run' });
      }
      appendLog_(log);
    });
  }
  result.pendingIds = pendingNotificationIds(apps.applications, ids);
  return result;
}

function sendEmails(
  plans: EmailPlan[], state: State, budget: Budget, byId: Map<string, StoredApplication>, log: LogEntry[], result: DeliveryResult,
  unrecorded: Unrecorded[],
): void {
  let quota = remainingMailQuota_();
  const links = meetLinksFor(plans, state.program, state.program.settings.calendarId, budget);
  for (const plan of plans) {
    if (!budget.canStart()) {
      result.stopped = 'time';
      return;
    }
    // one email = one recipient of the daily quota
    if (quota < 1) {
      result.stopped = 'quota';
      return;
    }
    const outcome = budget.time(() => sendOne(plan, state, links, byId, log, result, unrecorded));
    if (outcome === 'sent') quota -= 1;
    if (outcome === 'stop') return;
  }
}

type Unrecorded = { app: StoredApplication; status: Status };

/** One applicant's email and its record. 'stop': the run must not start another email (quota, lock). */
function sendOne(
  plan: EmailPlan, state: State, links: Record<string, string>, byId: Map<string, StoredApplication>, log: LogEntry[], result: DeliveryResult,
  unrecorded: Unrecorded[],
): 'sent' | 'failed' | 'stop' {
  const { program, apps, templates } = state;
  const s = program.settings;
  const told = plan.applications.map((a) => ({ app: byId.get(a.id) as StoredApplication, status: a.status as Status }));
  const ids = told.map((t) => t.app.id);
  const fail = (err: unknown) => {
    result.failures += 1;
    log.push({ actor: ACTOR, action: 'notification-failed', applicationIds: ids, details: `${plan.to}: ${errorText(err)}` });
  };
  let content: EmailContent;
  try {
    content = composeFor_(plan.applications, program, templates, links);
  } catch (err) {
    fail(err);
    return 'failed';
  }
  // Prepared before the send, so the record after it is as short as it can be (see the top).
  const record = prepareColumnWrite_(apps.table, 'Notified', told.map((t) => ({ row: t.app.row, value: t.status })));
  try {
    sendMail_({ to: plan.to, replyTo: s.contactEmail, name: s.senderName, subject: content.subject, text: content.text, html: content.html });
  } catch (err) {
    fail(err);
    if (isQuotaError(err)) {
      result.stopped = 'quota';
      return 'stop';
    }
    return 'failed';
  }
  result.sent += 1;
  for (const t of told) t.app.notified = t.status;
  try {
    record.commit();
  } catch (err) {
    // The lock could not be had (another execution held it for 30 s). The email is out: keep
    // the record for the end of the run (deliverDue_'s finally) and start nothing new.
    unrecorded.push(...told);
    log.push({ actor: ACTOR, action: 'record-delayed', applicationIds: ids, details: errorText(err) });
    result.stopped = 'time';
    return 'stop';
  }
  log.push({ actor: ACTOR, action: 'notified', applicationIds: ids, details: `${plan.to}: ${told.map((t) => t.status).join(', ')}` });
  return 'sent';
}

function inviteAll(events: EventPlan[], state: State, budget: Budget, byId: Map<string, StoredApplication>, log: LogEntry[], result: DeliveryResult): void {
  for (const ev of events) {
    if (!budget.canStart()) {
      result.stopped = 'time';
      return;
    }
    budget.time(() => inviteOne(ev, state, byId, log, result));
  }
}

/** One event: get, merge, patch (only when something changes), then record `Invited`. */
function inviteOne(ev: EventPlan, state: State, byId: Map<string, StoredApplication>, log: LogEntry[], result: DeliveryResult): void {
  const { program, apps } = state;
  const calendarId = program.settings.calendarId;
  const m = ev.meeting;
  const label = `${m.community} meeting ${m.number}`;
  const allIds = [...ev.add, ...ev.remove].map((x) => x.applicationId);
  const fail = (why: string) => {
    result.failures += 1;
    log.push({ actor: ACTOR, action: 'invitation-failed', applicationIds: allIds, details: `${label}: ${why}` });
  };
  if (!calendarId || !m.eventId) {
    fail('no calendar event yet; run setup');
    return;
  }
  try {
    // Get and patch back to back: the list we send is the event's own list plus our changes, so
    // guests staff added by hand stay (the API replaces the whole attendees array).
    const event = getEvent_(calendarId, m.eventId);
    if (!event) throw new Error('the event was deleted; run setup to recreate it');
    const next = mergeAttendees(event.attendees, ev.add.map((x) => x.email), ev.remove.map((x) => x.email));
    if (next) {
      setAttendees_(calendarId, m.eventId, next);
      result.eventsUpdated += 1;
    }
  } catch (err) {
    fail(errorText(err));
    return;
  }
  const cells: { row: number; value: string }[] = [];
  const change = (id: string, f: (nums: number[]) => number[]) => {
    const app = byId.get(id);
    if (!app) return;
    app.invited = formatInvited(f(parseInvited(app.invited)));
    cells.push({ row: app.row, value: app.invited });
  };
  for (const x of ev.add) change(x.applicationId, (nums) => [...nums, m.number]);
  for (const x of ev.remove) change(x.applicationId, (nums) => nums.filter((n) => n !== m.number));
  prepareColumnWrite_(apps.table, 'Invited', cells).commit();
  log.push({ actor: ACTOR, action: 'invitations-updated', applicationIds: allIds, details: `${label}: ${ev.add.length} added, ${ev.remove.length} removed` });
}

/**
 * The email an applicant would get now if `applicationId` carried `status` (default: its current
 * status): it covers that application plus the applicant's other decisions due by then, exactly
 * as a delivery run would group them. null when the id is unknown or the status is Pending.
 * For review's previewNotification; reads the sheet (no lock needed: nothing is written).
 */
export function previewEmail_(applicationId: string, status?: Status): EmailContent | null {
  const { program } = loadProgram_();
  const { applications } = readApplications_(program.communities);
  const target = applications.find((a) => a.id === applicationId);
  if (!target) return null;
  const decided: Application = { ...target, status: status ?? target.status };
  if (decided.status === 'Pending') return null;
  const others = applications.filter(
    (a) => a.id !== target.id && a.email === target.email && a.status !== 'Pending' && a.status !== a.notified,
  );
  const group = applications.filter((a) => a.id === target.id || others.indexOf(a) >= 0).map((a) => (a.id === target.id ? decided : a));
  const plan: EmailPlan = { to: target.email, key: target.email, applications: group };
  const links = meetLinksFor([plan], program, program.settings.calendarId);
  return composeFor_(group, program, readTemplates_(), links);
}

/** Menu "Send due notifications". */
export function runDueNotifications_(): string {
  const summary = summarize(deliverDue_());
  toast_(summary, 'Due notifications', 10);
  return summary;
}

export function summarize(r: DeliveryResult): string {
  const parts = [`${r.sent} email${r.sent === 1 ? '' : 's'} sent`, `${r.eventsUpdated} meeting event${r.eventsUpdated === 1 ? '' : 's'} updated`];
  if (r.failures) parts.push(`${r.failures} failed (see Log; retried next run)`);
  if (r.stopped === 'time') parts.push('paused at the time limit; the rest goes out on the next sweep');
  if (r.stopped === 'quota') parts.push('daily email quota reached; the rest goes out on the next sweep');
  if (r.stopped === 'busy') parts.push('another run is delivering right now; nothing sent by this one');
  if (r.pendingIds.length) parts.push(`${r.pendingIds.length} notification${r.pendingIds.length === 1 ? '' : 's'} still waiting`);
  return `${parts.join('; ')}.`;
}
