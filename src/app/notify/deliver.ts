// Delivering what is due: decision emails (MailApp) and meeting invitations (Calendar API).
//
// Shape of a run:
//   1. under the script lock: read the script properties once, take the delivery lease
//      (src/domain/notify/lease.ts, run.ts) and pick up any journal a cut-off run left behind; read Settings,
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
// Members (SPEC behaviour 8) ride on the same run, lease, journal and quota. Emails go by
// deadline: (0) the agenda emails first, soonest meeting first (an agenda is never sent once its
// meeting has started, a decision email only waits), what they leave unsent kept as the mail
// reserve that confirmations leave alone (src/domain/notify/mailReserve.ts); then the decision
// emails and invitations as above; (5) each meeting whose Agenda changed gets its event
// description rewritten (one Events.patch per changed event, sendUpdates 'none': no guest is
// emailed; a fingerprint per event in one script property, bounded by the number of meetings,
// says which are current); (7) the attendance follow-ups (off by default) last. Member emails are
// one per member per kind and run covering every meeting due, each journalled right after its
// send exactly like a decision email (`a` / `f` entries), and written to `Agenda Sent` /
// `Follow-up Sent` with `Notified`/`Invited` in the same end-of-run block. See
// src/domain/members/plan.ts.
//
// The sheet shows a run's `Notified`/`Invited` when the run ends (at most the 4.5-minute budget
// later). Rows between the first and last written row that belong to other applicants are written
// back with the values this run read: only a delivery run writes these two columns, and only one
//
// The steps live beside this file: run.ts (state, lease, end-of-run write), runJournal.ts,
// decisionEmails.ts, invitations.ts, agendaOnEvents.ts, memberEmails.ts, summary.ts.
import { createBudget } from '../../domain/notify/budget';
import { pendingNotificationIds, planDelivery } from '../../domain/notify/due';
import { acceptedCountsOf } from '../../domain/notify/emails/compose';
import { now } from '../../workspace/clock';
import { withScriptLock_ } from '../../workspace/lock';
import { appendLog_, type LogEntry } from '../../workspace/log';
import { deleteProperty_ } from '../../workspace/properties';
import type { StoredApplication } from '../../workspace/applicationsRepo';
import { syncDescriptions_ } from './agendaOnEvents';
import { sendEmails_ } from './decisionEmails';
import { inviteAll_ } from './invitations';
import { keepAgendaReserve_ } from './mailReserve';
import { deliverAgendas_, deliverFollowUps_ } from './memberEmails';
import {
  ACTOR,
  errorText,
  readState_,
  releaseLease_,
  TIME_BUDGET_MS,
  writeChanges_,
  type Changed,
  type DeliverOptions,
  type DeliveryResult,
  type Run,
} from './run';
import { applyLeftover, reconcileLeftoverEvents_, RunJournal } from './runJournal';

export function deliverDue_(options: DeliverOptions = {}): DeliveryResult {
  const startedAt = now().getTime();
  const deadline = options.deadline ?? startedAt + TIME_BUDGET_MS;
  const holder = `${startedAt}-${Math.random().toString(36).slice(2, 10)}`;
  const state = readState_(holder, startedAt);
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
    leftoverDone = reconcileLeftoverEvents_(state, byId, changed);
    if (!leftoverDone)
      log.push({ actor: ACTOR, action: 'journal-kept', details: 'an event a cut-off run was changing could not be read; its mark is kept for the next run' });
    const plan = planDelivery(apps.applications, program, new Date(startedAt), { applicationIds: ids });
    const budget = createBudget(deadline, () => now().getTime());
    // Emails by deadline: agendas expire when their meeting starts, so they go before the
    // decision emails (and once more after them, for the members just told); follow-ups last.
    deliverAgendas_(run, budget, ids);
    if (plan.emails.length && result.stopped !== 'time') {
      const deferred = sendEmails_(plan.emails, run, budget);
      deliverAgendas_(run, budget, ids);
      // acceptances left for tomorrow's quota (their agendas would not have fit): the run paused on it
      if (deferred > 0 && !result.stopped) result.stopped = 'quota';
    }
    if (result.stopped !== 'time') inviteAll_(plan.events, run, budget);
    if (result.stopped !== 'time') syncDescriptions_(run, budget);
    deliverFollowUps_(run, budget, ids);
    keepAgendaReserve_(run, ids);
  } finally {
    withScriptLock_(() => {
      let written = false;
      try {
        writeChanges_(apps, changed);
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
      releaseLease_(holder);
      if (result.sent) log.push({ actor: ACTOR, action: 'notifications-sent', details: `${result.sent} email(s)` });
      if (result.agendasSent || result.followUpsSent) {
        log.push({
          actor: ACTOR,
          action: 'member-emails-sent',
          details: `${result.agendasSent ?? 0} agenda email(s), ${result.followUpsSent ?? 0} follow-up(s)`,
        });
      }
      // The run that reaches the quota says so; the hourly runs after it, which find it spent and
      // send nothing, add no row each (24 identical rows a day would bury the Log).
      const sentAny = result.sent + (result.agendasSent ?? 0) + (result.followUpsSent ?? 0) > 0;
      if (result.stopped === 'time' || (result.stopped === 'quota' && sentAny)) {
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
