// Delivering what is due: decision emails (MailApp) and meeting invitations (Calendar API).
//
// Shape of a run:
//   1. under the script lock: read the script properties once, take the delivery lease
//      (src/domain/notify/lease.ts) and pick up any journal a cut-off run left behind; read Settings,
//      Communities, Meetings, Applications and Templates (one getValues per tab); then, outside
//      the lock, apply the leftover journal to the applications read (its emails as `Notified`,
//      its marked events' attendee lists as `Invited`), so nothing it records is planned again;
//   2. plan in the domain (src/domain/notify/due.ts): one email per applicant, one change per event;
//   3. outside the lock: each email, then each event, journalled in a script property with one
//      call each (src/domain/notify/journal.ts): an email right after it is sent (`Notified` = the status
//      emailed), an event right before it is changed (its mark); `Notified`/`Invited` change in
//      memory;
//   4. under the lock: write every change of the run (its own and the leftover journal's) to the
//      Applications tab in one block (a constant number of Spreadsheet calls, however many emails
//      went out), delete the journal keys, release the lease, append the run's Log rows.
// What does not fit (quota, time budget, a failure) stays due and goes out on the next run.
//
// Exactly-once, and the one window where it cannot be: MailApp cannot tell us afterwards whether
// a message left, and we may not hold the lock across the send. So an email is sent first and
// recorded second; a run cut off between the two forgets the send and the next run sends it
// again (at-least-once; the other order would lose emails). That window is one service call: after
// a successful MailApp.sendEmail the next call is the Properties.setProperty that journals it (the
// store object is fetched before the loop). A cut exactly there is the only way an email goes out
// twice, and then once more at most (the next run records it). A cut anywhere later leaves the
// journal, which the next run applies before planning. The journal needs no lock: only the lease
// holder writes it, and the lease admits one delivery run at a time.
// Invitations have no such window: the event is marked in the journal before it is read and
// patched, and a run that finds a leftover mark reads that event's attendees (the truth) back into
// `Invited`. (A lost `Invited` would make a wrong plan: a member added to a meeting and then
// declined would not be owed a removal. And the patch itself cannot be doubled: the attendee list
// is re-read before each change, so a change already made is found done and not patched again.)
//
// Members (SPEC behaviour 8) ride on the same run, lease, journal and quota, after the decisions
// and invitations: (5) each meeting whose Agenda changed gets its event description rewritten
// (one Events.patch per changed event, sendUpdates 'none': no guest is emailed; a fingerprint per
// event in one script property, bounded by the number of meetings, says which are current), then
// (6) the agenda emails and (7) the attendance follow-ups (off by default), one email per member
// per kind and run covering every meeting due, each journalled right after its send exactly like
// a decision email (`a` / `f` entries), and written to `Agenda Sent` / `Follow-up Sent` with
// `Notified`/`Invited` in the same end-of-run block. See src/domain/members/plan.ts.
//
// The sheet shows a run's `Notified`/`Invited` when the run ends (at most the 4.5-minute budget
// later). Rows between the first and last written row that belong to other applicants are written
// back with the values this run read: only a delivery run writes these two columns, and only one
// runs at a time.
import { createBudget, type Budget } from '../domain/notify/budget';
import { isLeaseFree, LEASE_MS, parseLease, type Lease } from '../domain/notify/lease';
import { formatInvited, mergeAttendees, parseInvited, pendingNotificationIds, planDelivery, type EmailPlan, type EventPlan } from '../domain/notify/due';
import { acceptedCountsOf, composeDecisionEmail, type EmailContent } from '../domain/notify/emails/compose';
import { formatDate } from '../domain/notify/emails/when';
import type { Templates } from '../domain/notify/emails/templates';
import { applicationRecord } from '../domain/program/applicationRow';
import {
  emptyEntries,
  entryCount,
  invitedFromAttendees,
  JOURNAL_ENTRIES_PER_KEY,
  journalKey,
  journalKeys,
  meetingKey,
  mergeEntries,
  type JournalEntries,
} from '../domain/notify/journal';
import type { Application, Program, Status } from '../domain/program/model';
import { meetingCount, meetingDescription } from '../domain/notify/meetingEvent';
import { agendaOf, planAgendaEmails, planFollowUps, type Absence, type MemberEmailPlan } from '../domain/members/plan';
import { composeMemberEmail } from '../domain/members/memberEmails';
import { addNumbers } from '../domain/notify/journal';
import { getEvent_, setAttendees_, setDescription_ } from '../workspace/calendar';
import { peekAttendance_ } from '../workspace/attendanceRepo';
import { now } from '../workspace/clock';
import { withScriptLock_ } from '../workspace/lock';
import { appendLog_, type LogEntry } from '../workspace/log';
import { remainingMailQuota_, sendMail_ } from '../workspace/mail';
import { loadProgram_ } from '../workspace/programRepo';
import { allProperties_, deleteProperty_, getJsonProperty_, setJsonProperty_, setProperty_ } from '../workspace/properties';
import { writeRows_ } from '../workspace/table';
import { showReport_ } from './installCheck';
import { REPORT_RESERVE_MS } from '../workspace/dialog';
import { bumpApplicationsRevision_, readApplications_, type ApplicationsTable, type StoredApplication } from '../workspace/applicationsRepo';
import { readTemplates_ } from './templates';
import { MEET_LINKS_PROPERTY } from './meetings';
import { personalLinks_, type PersonalLinks } from './selfService/links';

/** Stop starting new work after this much of the 6-minute execution limit. */
export const TIME_BUDGET_MS = 4.5 * 60 * 1000;
const LEASE_KEY = 'cop.delivery.lease';
/** Script property: event id → fingerprint of the description last written (agenda sync). */
export const AGENDA_SYNC_PROPERTY = 'cop.agendaSynced';
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
  /** agenda emails sent by this run (also counted in `sent`) */
  agendasSent?: number;
  /** attendance follow-ups sent by this run (also counted in `sent`) */
  followUpsSent?: number;
  /** event descriptions this run rewrote (agenda changed) */
  descriptionsUpdated?: number;
  /** why the run stopped early, if it did */
  stopped: '' | 'time' | 'quota' | 'busy';
  /** Calendar refused with 'usage limits exceeded': the invitations of this run stopped there (the rest wait) */
  calendarLimited?: boolean;
  failures: number;
}

interface State {
  program: Program;
  apps: ApplicationsTable;
  templates: Templates;
  lease: Lease | null;
  /** what runs cut off before their end left in the journal (empty unless this run has the lease) */
  leftover: { keys: string[]; entries: JournalEntries };
  /** the script properties read with the lease */
  props: Record<string, string>;
  /** members recorded absent (read only when follow-ups are on) */
  absences: Absence[];
}

function parseJson(raw: string | undefined): unknown {
  if (raw === undefined) return null;
  try {
    return JSON.parse(raw);
  } catch {
    return null;
  }
}

function readState(holder: string, startedAt: number): State {
  return withScriptLock_(() => {
    const { program } = loadProgram_();
    const apps = readApplications_(program.communities);
    const templates = readTemplates_();
    const absences: Absence[] = program.settings.sendAttendanceFollowUp
      ? peekAttendance_(program.communities)
          .filter((r) => r.attended === false)
          .map((r) => ({ applicationId: r.applicationId, meeting: r.meeting }))
      : [];
    // taken last, so a read that throws leaves no lease behind. One read serves the lease and the
    // journal: a holder of the lease is the only writer of both.
    const props = allProperties_();
    const current = parseLease(parseJson(props[LEASE_KEY]));
    let lease: Lease | null = null;
    let leftover: State['leftover'] = { keys: [], entries: emptyEntries() };
    if (isLeaseFree(current, startedAt)) {
      lease = { holder, until: startedAt + LEASE_MS };
      setJsonProperty_(LEASE_KEY, lease);
      // a free lease means no run is live, so every journal key left is a cut-off run's
      const keys = journalKeys(Object.keys(props));
      leftover = { keys, entries: mergeEntries(keys.map((k) => props[k])) };
    }
    return { program, apps, templates, lease, leftover, props, absences };
  });
}

/**
 * This run's journal (see the top): one property per ~100 entries, rewritten whole after each
 * success, so recording one email or event is one call.
 */
class RunJournal {
  private seq = 0;
  private chunk: JournalEntries = emptyEntries();
  /** keys this run has written (or tried to) */
  readonly keys: string[] = [];

  constructor(private readonly holder: string) {}

  /** An email sent: one Properties.setProperty. Throws what the service throws (the change is then only in memory). */
  recordEmail(notified: { id: string; status: Status }[]): void {
    this.next();
    for (const x of notified) this.chunk.n[x.id] = x.status;
    this.write();
  }

  /** A member email sent (agenda `a` or follow-up `f`): one Properties.setProperty. */
  recordMember(kind: 'a' | 'f', items: { id: string; meeting: number }[]): void {
    this.next();
    for (const x of items) addNumbers(this.chunk[kind], x.id, [x.meeting]);
    this.write();
  }

  /** An event about to be changed (written ahead): one Properties.setProperty. */
  markEvent(key: string): void {
    this.next();
    if (this.chunk.e.indexOf(key) < 0) this.chunk.e.push(key);
    this.write();
  }

  private next(): void {
    if (entryCount(this.chunk) >= JOURNAL_ENTRIES_PER_KEY) {
      this.seq += 1;
      this.chunk = emptyEntries();
    }
  }

  private write(): void {
    const key = journalKey(this.holder, this.seq);
    if (this.keys[this.keys.length - 1] !== key) this.keys.push(key);
    // member-email maps only when used: a value stays as small as it can be
    const { n, e, a, f } = this.chunk;
    setProperty_(key, JSON.stringify({ n, e, ...(Object.keys(a).length ? { a } : {}), ...(Object.keys(f).length ? { f } : {}) }));
  }
}

/** What a run changed in `Notified`/`Invited` (its own deliveries and the leftover journal), by id. */
type Changed = Map<string, StoredApplication>;

/** The leftover journal applied to the applications read: an email journalled was sent, whatever the Status is now. */
function applyLeftover(leftover: JournalEntries, byId: Map<string, StoredApplication>, changed: Changed): void {
  for (const [id, status] of Object.entries(leftover.n)) {
    const app = byId.get(id);
    if (!app) continue;
    app.notified = status;
    changed.set(id, app);
  }
  for (const [kind, field] of [
    ['a', 'agendaSent'],
    ['f', 'followUpSent'],
  ] as const) {
    for (const [id, nums] of Object.entries(leftover[kind])) {
      const app = byId.get(id);
      if (!app) continue;
      app[field] = formatInvited([...parseInvited(app[field] ?? ''), ...nums]);
      changed.set(id, app);
    }
  }
}

/**
 * Events a cut-off run was about to change: `Invited` is set from their attendee lists (one
 * Events.get each). false when one could not be read: the leftover journal is then kept for the
 * next run, which tries again.
 */
function reconcileLeftoverEvents(state: State, byId: Map<string, StoredApplication>, changed: Changed): boolean {
  const calendarId = state.program.settings.calendarId;
  let ok = true;
  for (const key of state.leftover.entries.e) {
    const m = state.program.meetings.find((x) => meetingKey(x) === key);
    if (!m || !m.eventId || !calendarId) continue;
    try {
      const event = getEvent_(calendarId, m.eventId);
      if (!event) continue;
      const emails = event.attendees.map((a) => a.email || '');
      for (const x of invitedFromAttendees(state.apps.applications, m, emails)) {
        const app = byId.get(x.id) as StoredApplication;
        app.invited = x.invited;
        changed.set(x.id, app);
      }
    } catch {
      ok = false;
    }
  }
  return ok;
}

/**
 * Every change of the run in one block per contiguous column run (Notified and Invited are
 * adjacent in our layout: one getRange, one setValues). Only these two columns are
 * written: another column between them (staff reordered) is left alone, since the run's copy of,
 * say, Status may be stale by now.
 */
function writeChanges(apps: ApplicationsTable, changed: Changed): void {
  if (changed.size === 0) return;
  writeRows_(
    apps.table,
    [...changed.values()].map((a) => ({ row: a.row, values: applicationRecord(a, apps.communities, ['notified', 'invited', 'agendaSent', 'followUpSent']) })),
    { fill: ['Notified', 'Invited', 'Agenda Sent', 'Follow-up Sent'] },
  );
  // open review pages show Last emailed / Invited as they change (see applicationsRepo)
  bumpApplicationsRevision_();
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

/**
 * Calendar's abuse limit ("Calendar usage limits exceeded."): every further call that emails guests
 * would fail the same way for hours, so the run stops inviting and the rest waits for a later run.
 */
function isCalendarLimit(err: unknown): boolean {
  return /usage limits exceeded|rate ?limit|too many invitations/i.test(errorText(err));
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
  const communities = new Set<string>();
  for (const p of plans) for (const a of p.applications) if (a.status === 'Accepted') communities.add(a.community);
  return meetLinksOf(communities, program, calendarId, budget);
}

function meetLinksOf(communities: Set<string>, program: Program, calendarId: string, budget?: Budget): Record<string, string> {
  const links = storedMeetLinks_();
  if (!calendarId) return links;
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
export function composeFor_(
  apps: readonly Application[],
  program: Program,
  templates: Templates,
  meetLinks: Record<string, string>,
  acceptedCounts?: Readonly<Record<string, number>>,
  personalLink?: string,
): EmailContent {
  return composeDecisionEmail({ applications: apps, program, templates, meetLinks, formatDate, now: now(), acceptedCounts, personalLink });
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
  const journal = new RunJournal(holder);
  const changed: Changed = new Map();
  const byId = new Map<string, StoredApplication>(apps.applications.map((a) => [a.id, a]));
  const run: Run = { state, byId, log, result, journal, changed, quota: null, acceptedCounts: acceptedCountsOf(apps.applications) };
  let leftoverDone = true;
  try {
    applyLeftover(state.leftover.entries, byId, changed);
    leftoverDone = reconcileLeftoverEvents(state, byId, changed);
    if (!leftoverDone)
      log.push({ actor: ACTOR, action: 'journal-kept', details: 'an event a cut-off run was changing could not be read; its mark is kept for the next run' });
    const plan = planDelivery(apps.applications, program, new Date(startedAt), { applicationIds: ids });
    const budget = createBudget(deadline, () => now().getTime());
    if (plan.emails.length) sendEmails(plan.emails, run, budget);
    if (result.stopped !== 'time') inviteAll(plan.events, run, budget);
    if (result.stopped !== 'time') syncDescriptions(run, budget);
    deliverMemberEmails(run, budget, ids);
  } finally {
    withScriptLock_(() => {
      let written = false;
      try {
        writeChanges(apps, changed);
        written = true;
      } catch (err) {
        // what was journalled stays in the journal; the next run applies and writes it
        log.push({ actor: ACTOR, action: 'record-delayed', details: `kept in the journal for the next run: ${errorText(err)}` });
      }
      if (written) {
        try {
          for (const key of [...(leftoverDone ? state.leftover.keys : []), ...journal.keys]) deleteProperty_(key);
        } catch (err) {
          // harmless: the next run applies the same entries again (the sheet already says so)
          log.push({ actor: ACTOR, action: 'journal-kept', details: errorText(err) });
        }
      }
      releaseLease(holder);
      if (result.sent) log.push({ actor: ACTOR, action: 'notifications-sent', details: `${result.sent} email(s)` });
      if (result.agendasSent || result.followUpsSent) {
        log.push({
          actor: ACTOR,
          action: 'member-emails-sent',
          details: `${result.agendasSent ?? 0} agenda email(s), ${result.followUpsSent ?? 0} follow-up(s)`,
        });
      }
      if (result.stopped === 'time' || result.stopped === 'quota') {
        log.push({
          actor: ACTOR,
          action: 'delivery-paused',
          details: result.stopped === 'time' ? 'time budget reached; the rest goes out next run' : 'daily email quota reached; the rest goes out next run',
        });
      }
      appendLog_(log);
    });
  }
  result.pendingIds = pendingNotificationIds(apps.applications, ids);
  return result;
}

/** What the steps of one run share. */
interface Run {
  state: State;
  byId: Map<string, StoredApplication>;
  log: LogEntry[];
  result: DeliveryResult;
  journal: RunJournal;
  changed: Changed;
  /** the daily mail quota left (read once, on the first email) */
  quota: number | null;
  /** accepted applications per community, for wording that depends on a full community */
  acceptedCounts: Record<string, number>;
}

/** The journal write after a success; false (logged) when the store refused it: the change then lives only in memory, so the run starts nothing new. */
function journalled(run: Run, ids: string[], write: () => void): boolean {
  try {
    write();
    return true;
  } catch (err) {
    run.log.push({ actor: ACTOR, action: 'record-delayed', applicationIds: ids, details: `recorded at the end of the run: ${errorText(err)}` });
    run.result.stopped = 'time';
    return false;
  }
}

function sendEmails(plans: EmailPlan[], run: Run, budget: Budget): void {
  const { state } = run;
  if (run.quota === null) run.quota = remainingMailQuota_();
  const links = meetLinksFor(plans, state.program, state.program.settings.calendarId, budget);
  const personal = personalLinks_();
  sendEach(plans, run, budget, (plan) => sendOne(plan, run, links, personal));
}

/** Sends one email per plan while the run has time and mail quota; shared by decision and member emails. */
function sendEach<P>(plans: readonly P[], run: Run, budget: Budget, send: (plan: P) => 'sent' | 'failed' | 'stop'): void {
  for (const plan of plans) {
    if (!budget.canStart()) {
      run.result.stopped = 'time';
      return;
    }
    // one email = one recipient of the daily quota
    if ((run.quota ?? 0) < 1) {
      run.result.stopped = 'quota';
      return;
    }
    const outcome = budget.time(() => send(plan));
    if (outcome === 'sent') run.quota = (run.quota ?? 0) - 1;
    if (outcome === 'stop') return;
  }
}

/** One applicant's email and its journal entry. 'stop': the run must not start another email (quota, journal refused). */
function sendOne(plan: EmailPlan, run: Run, links: Record<string, string>, personal: PersonalLinks): 'sent' | 'failed' | 'stop' {
  const { state, byId, log, result } = run;
  const { program, templates } = state;
  const s = program.settings;
  const told = plan.applications.map((a) => ({ app: byId.get(a.id) as StoredApplication, status: a.status }));
  const ids = told.map((t) => t.app.id);
  const fail = (err: unknown) => {
    result.failures += 1;
    log.push({ actor: ACTOR, action: 'notification-failed', applicationIds: ids, details: `${plan.to}: ${errorText(err)}` });
  };
  let content: EmailContent;
  try {
    // the personal link (HMAC calls) is made here, before the send: see the window at the top
    content = composeFor_(plan.applications, program, templates, links, run.acceptedCounts, personal(plan.to));
  } catch (err) {
    fail(err);
    return 'failed';
  }
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
  // The one call of the send→record window (see the top): nothing may come before it.
  const ok = journalled(run, ids, () => run.journal.recordEmail(told.map((t) => ({ id: t.app.id, status: t.status }))));
  result.sent += 1;
  for (const t of told) {
    t.app.notified = t.status;
    run.changed.set(t.app.id, t.app);
  }
  log.push({ actor: ACTOR, action: 'notified', applicationIds: ids, details: `${plan.to}: ${told.map((t) => t.status).join(', ')}` });
  return ok ? 'sent' : 'stop';
}

function inviteAll(events: EventPlan[], run: Run, budget: Budget): void {
  for (const ev of events) {
    if (run.result.calendarLimited) return;
    if (!budget.canStart()) {
      run.result.stopped = 'time';
      return;
    }
    if (budget.time(() => inviteOne(ev, run)) === 'stop') return;
  }
}

/** One event: mark it in the journal, then get, merge, patch (only when something changes), and update `Invited` in memory. */
function inviteOne(ev: EventPlan, run: Run): 'done' | 'stop' {
  const { state, byId, log, result } = run;
  const calendarId = state.program.settings.calendarId;
  const m = ev.meeting;
  const label = `${m.community} meeting ${m.number}`;
  const allIds = [...ev.add, ...ev.remove].map((x) => x.applicationId);
  const fail = (why: string) => {
    result.failures += 1;
    log.push({ actor: ACTOR, action: 'invitation-failed', applicationIds: allIds, details: `${label}: ${why}` });
  };
  if (!calendarId || !m.eventId) {
    fail('no calendar event yet; run setup');
    return 'done';
  }
  try {
    // written ahead: a run cut off after the patch leaves the mark, and the next run reads the
    // attendees back into `Invited` (see the top)
    run.journal.markEvent(meetingKey(m));
  } catch (err) {
    // nothing was changed; the event stays due
    log.push({ actor: ACTOR, action: 'record-delayed', applicationIds: allIds, details: `${label} left for the next run: ${errorText(err)}` });
    result.stopped = 'time';
    return 'stop';
  }
  try {
    // Get and patch back to back: the list we send is the event's own list plus our changes, so
    // guests staff added by hand stay (the API replaces the whole attendees array).
    const event = getEvent_(calendarId, m.eventId);
    if (!event) throw new Error('the event was deleted; run setup to recreate it');
    const next = mergeAttendees(
      event.attendees,
      ev.add.map((x) => x.email),
      ev.remove.map((x) => x.email),
    );
    if (next) {
      setAttendees_(calendarId, m.eventId, next);
      result.eventsUpdated += 1;
    }
  } catch (err) {
    if (isCalendarLimit(err)) {
      // Nothing changed on this event; it and every later one stay due (Invited is not updated).
      result.calendarLimited = true;
      log.push({
        actor: ACTOR,
        action: 'invitations-paused',
        applicationIds: allIds,
        details: `${label}: Calendar refused (${errorText(err)}); invitations wait for a later run`,
      });
      return 'stop';
    }
    fail(errorText(err));
    return 'done';
  }
  const change = (id: string, f: (nums: number[]) => number[]) => {
    const app = byId.get(id);
    if (!app) return;
    app.invited = formatInvited(f(parseInvited(app.invited)));
    run.changed.set(id, app);
  };
  for (const x of ev.add) change(x.applicationId, (nums) => [...nums, m.number]);
  for (const x of ev.remove) change(x.applicationId, (nums) => nums.filter((n) => n !== m.number));
  log.push({ actor: ACTOR, action: 'invitations-updated', applicationIds: allIds, details: `${label}: ${ev.add.length} added, ${ev.remove.length} removed` });
  return 'done';
}

/** A short fingerprint of a description (FNV-1a, 32 bits, plus the length): enough to notice a change. */
export function fingerprint_(text: string): string {
  let h = 0x811c9dc5;
  for (let i = 0; i < text.length; i++) {
    h ^= text.charCodeAt(i);
    h = Math.imul(h, 0x01000193) >>> 0;
  }
  return `${text.length}:${h.toString(36)}`;
}

/**
 * (5) The agenda on the events: each meeting whose description (computed from the sheet) differs
 * from the one last written gets one Events.patch with sendUpdates 'none', then the fingerprint
 * property is rewritten (one setProperty). A meeting that never had an agenda is left as setup made
 * it. A cut between the patch and the property write patches once more next run: harmless (same
 * text, nobody emailed). Entries of events no longer in the Meetings tab are dropped, so the
 * property stays as small as the Meetings tab.
 */
function syncDescriptions(run: Run, budget: Budget): void {
  const { state, log, result } = run;
  const { program } = state;
  const calendarId = program.settings.calendarId;
  if (!calendarId) return;
  const stored: Record<string, string> = {};
  const raw = parseJson(state.props[AGENDA_SYNC_PROPERTY]);
  const live = new Set(program.meetings.map((m) => m.eventId).filter(Boolean));
  if (raw && typeof raw === 'object') {
    for (const [id, fp] of Object.entries(raw as Record<string, unknown>)) if (typeof fp === 'string' && live.has(id)) stored[id] = fp;
  }
  for (const m of program.meetings) {
    if (!m.eventId) continue;
    if (!agendaOf(m) && stored[m.eventId] === undefined) continue;
    const community = program.communities.find((c) => c.key === m.community);
    const description = meetingDescription(m, community, program.settings, meetingCount(program.meetings, m.community));
    const fp = fingerprint_(description);
    if (stored[m.eventId] === fp) continue;
    if (!budget.canStart()) {
      result.stopped = 'time';
      return;
    }
    const label = `${m.community} meeting ${m.number}`;
    try {
      budget.time(() => setDescription_(calendarId, m.eventId, description));
    } catch (err) {
      result.failures += 1;
      log.push({ actor: ACTOR, action: 'agenda-event-failed', details: `${label}: ${errorText(err)}` });
      continue;
    }
    stored[m.eventId] = fp;
    result.descriptionsUpdated = (result.descriptionsUpdated ?? 0) + 1;
    log.push({ actor: ACTOR, action: 'agenda-on-event', details: `${label}: ${agendaOf(m) ? 'agenda set' : 'agenda cleared'} (guests not emailed)` });
    try {
      setJsonProperty_(AGENDA_SYNC_PROPERTY, stored);
    } catch (err) {
      // the next run patches the same text again (no email either way)
      log.push({ actor: ACTOR, action: 'record-delayed', details: `${label}: ${errorText(err)}` });
    }
  }
}

/** (6) and (7): the agenda emails, then the follow-ups, through the same quota and journal. */
function deliverMemberEmails(run: Run, budget: Budget, ids?: string[]): void {
  const { state, result } = run;
  if (result.stopped === 'time' || result.stopped === 'quota') return;
  const apps = state.apps.applications;
  const at = now();
  const plans: MemberEmailPlan[] = [
    ...planAgendaEmails(apps, state.program, at, { applicationIds: ids }),
    ...planFollowUps(apps, state.program, state.absences, at, { applicationIds: ids }),
  ];
  if (!plans.length) return;
  if (run.quota === null) run.quota = remainingMailQuota_();
  const communities = new Set<string>();
  for (const p of plans) if (p.kind === 'agenda') for (const i of p.items) communities.add(i.meeting.community);
  const links = communities.size ? meetLinksOf(communities, state.program, state.program.settings.calendarId, budget) : {};
  const personal = personalLinks_();
  sendEach(plans, run, budget, (plan) => sendMemberOne(plan, run, links, personal));
}

/** One member email and its journal entry (see sendOne: the same send → record window of one call). */
function sendMemberOne(plan: MemberEmailPlan, run: Run, links: Record<string, string>, personal: PersonalLinks): 'sent' | 'failed' | 'stop' {
  const { state, byId, log, result } = run;
  const s = state.program.settings;
  const ids = Array.from(new Set(plan.items.map((i) => i.app.id)));
  const what = plan.kind === 'agenda' ? 'agenda' : 'attendance follow-up';
  const meetings = plan.items.map((i) => `${i.meeting.community} meeting ${i.meeting.number}`).join(', ');
  const fail = (err: unknown) => {
    result.failures += 1;
    log.push({
      actor: ACTOR,
      action: `${plan.kind === 'agenda' ? 'agenda' : 'follow-up'}-failed`,
      applicationIds: ids,
      details: `${plan.to}: ${errorText(err)}`,
    });
  };
  let content: EmailContent;
  try {
    // the personal link (HMAC calls) is made before the send, as in sendOne
    content = composeMemberEmail({
      plan,
      program: state.program,
      templates: state.templates,
      meetLinks: links,
      formatDate,
      now: now(),
      personalLink: personal(plan.to),
    });
  } catch (err) {
    fail(err);
    return 'failed';
  }
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
  const entries = plan.items.map((i) => ({ id: i.app.id, meeting: i.meeting.number }));
  // The one call of the send→record window: nothing may come before it.
  const ok = journalled(run, ids, () => run.journal.recordMember(plan.kind === 'agenda' ? 'a' : 'f', entries));
  result.sent += 1;
  if (plan.kind === 'agenda') result.agendasSent = (result.agendasSent ?? 0) + 1;
  else result.followUpsSent = (result.followUpsSent ?? 0) + 1;
  const field = plan.kind === 'agenda' ? 'agendaSent' : 'followUpSent';
  for (const e of entries) {
    const app = byId.get(e.id);
    if (!app) continue;
    app[field] = formatInvited([...parseInvited(app[field] ?? ''), e.meeting]);
    run.changed.set(app.id, app);
  }
  log.push({
    actor: ACTOR,
    action: plan.kind === 'agenda' ? 'agenda-sent' : 'follow-up-sent',
    applicationIds: ids,
    details: `${plan.to}: ${what} for ${meetings}`,
  });
  return ok ? 'sent' : 'stop';
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
  const others = applications.filter((a) => a.id !== target.id && a.email === target.email && a.status !== 'Pending' && a.status !== a.notified);
  const group = applications.filter((a) => a.id === target.id || others.indexOf(a) >= 0).map((a) => (a.id === target.id ? decided : a));
  const plan: EmailPlan = { to: target.email, key: target.email, applications: group };
  const links = meetLinksFor([plan], program, program.settings.calendarId);
  return composeFor_(group, program, readTemplates_(), links, acceptedCountsOf(applications));
}

/** Menu "Send due notifications". */
export function runDueNotifications_(): string {
  const summary = summarize(deliverDue_({ deadline: now().getTime() + TIME_BUDGET_MS - REPORT_RESERVE_MS }));
  showReport_({
    title: 'Send due notifications',
    headline: 'Due notifications: done.',
    lines: summary
      .replace(/\.$/, '')
      .split('; ')
      .map((p) => `${p.charAt(0).toUpperCase()}${p.slice(1)}.`),
  });
  return summary;
}

export function summarize(r: DeliveryResult): string {
  const parts = [`${r.sent} email${r.sent === 1 ? '' : 's'} sent`, `${r.eventsUpdated} meeting event${r.eventsUpdated === 1 ? '' : 's'} updated`];
  if (r.agendasSent) parts.push(`${r.agendasSent} of them agenda email${r.agendasSent === 1 ? '' : 's'}`);
  if (r.followUpsSent) parts.push(`${r.followUpsSent} of them attendance follow-up${r.followUpsSent === 1 ? '' : 's'}`);
  if (r.descriptionsUpdated) parts.push(`${r.descriptionsUpdated} agenda${r.descriptionsUpdated === 1 ? '' : 's'} put on the meeting events`);
  if (r.failures) parts.push(`${r.failures} failed (see Log; retried next run)`);
  if (r.stopped === 'time') parts.push('paused at the time limit; the rest goes out on the next sweep');
  if (r.stopped === 'quota') parts.push('daily email quota reached; the rest goes out on the next sweep');
  if (r.stopped === 'busy') parts.push('another run is delivering right now; nothing sent by this one');
  if (r.calendarLimited) parts.push('Calendar usage limits exceeded: the remaining invitations wait for a later sweep');
  if (r.pendingIds.length) parts.push(`${r.pendingIds.length} notification${r.pendingIds.length === 1 ? '' : 's'} still waiting`);
  return `${parts.join('; ')}.`;
}
