// Step 3 of a delivery run (see deliver.ts): the decision emails, one per applicant, each journalled
// right after its send; and the same email as review's preview shows it.
import type { Budget } from '../../domain/notify/budget';
import type { EmailPlan } from '../../domain/notify/due';
import { acceptedCountsOf, composeDecisionEmail, type EmailContent } from '../../domain/notify/emails/compose';
import { formatDate } from '../../domain/notify/emails/when';
import type { Templates } from '../../domain/notify/emails/templates';
import { agendaDueOnceTold } from '../../domain/members/plan';
import type { Application, Program, Status } from '../../domain/program/model';
import { now } from '../../workspace/clock';
import { remainingMailQuota_, sendMail_ } from '../../workspace/mail';
import { loadProgram_ } from '../../workspace/programRepo';
import { readApplications_, type StoredApplication } from '../../workspace/applicationsRepo';
import { readTemplates_ } from '../templates';
import { personalLinks_, type PersonalLinks } from '../selfService/links';
import { meetLinksFor_ } from './meetLinks';
import { ACTOR, errorText, isQuotaError, journalled, sendEach, type Run } from './run';

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

/** Returns how many emails wait for tomorrow's quota because the agenda they make due would not fit today. */
export function sendEmails_(plans: EmailPlan[], run: Run, budget: Budget): number {
  const { state } = run;
  if (run.quota === null) run.quota = remainingMailQuota_();
  // the agendas before them may have used the day's quota: no Meet link lookups for nothing
  if (run.quota < 1) {
    run.result.stopped = 'quota';
    return 0;
  }
  const links = meetLinksFor_(plans, state.program, state.program.settings.calendarId, budget);
  const personal = personalLinks_();
  const at = now();
  // an acceptance inside an agenda window brings its agenda in this run's next pass: two emails
  const cost = (plan: EmailPlan) => (agendaDueOnceTold(plan.applications, state.program, at) ? 2 : 1);
  return sendEach(plans, run, budget, (plan) => sendOne(plan, run, links, personal), cost);
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
    // the personal link (HMAC calls) is made here, before the send: see the window at the top of deliver.ts
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
  // The one call of the send→record window (see the top of deliver.ts): nothing may come before it.
  const ok = journalled(run, ids, () => run.journal.recordEmail(told.map((t) => ({ id: t.app.id, status: t.status }))));
  result.sent += 1;
  for (const t of told) {
    t.app.notified = t.status;
    run.changed.set(t.app.id, t.app);
  }
  log.push({ actor: ACTOR, action: 'notified', applicationIds: ids, details: `${plan.to}: ${told.map((t) => t.status).join(', ')}` });
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
  const links = meetLinksFor_([plan], program, program.settings.calendarId);
  return composeFor_(group, program, readTemplates_(), links, acceptedCountsOf(applications));
}
