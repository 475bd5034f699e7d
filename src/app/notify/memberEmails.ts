// The member emails of a delivery run (see deliver.ts): the agenda emails (first of all the run's
// emails) and the attendance follow-ups (last), through the decision emails' quota, budget and
// journal (src/domain/members/plan.ts).
import type { Budget } from '../../domain/notify/budget';
import { formatInvited, parseInvited } from '../../domain/notify/due';
import type { EmailContent } from '../../domain/notify/emails/compose';
import { formatDate } from '../../domain/notify/emails/when';
import { planAgendaEmails, planFollowUps, type MemberEmailPlan } from '../../domain/members/plan';
import { composeMemberEmail } from '../../domain/members/memberEmails';
import { now } from '../../workspace/clock';
import { remainingMailQuota_, sendMail_ } from '../../workspace/mail';
import { personalLinks_, type PersonalLinks } from '../selfService/links';
import { meetLinksOf_ } from './meetLinks';
import { ACTOR, errorText, isQuotaError, journalled, sendEach, type Run } from './run';

/**
 * The agenda emails due now, soonest meeting first. A run sends them before any other email (an
 * agenda expires when its meeting starts, a decision email or a confirmation only waits), and
 * again after the decision emails, for the members told of their acceptance in between. What the
 * last pass leaves unsent becomes the mail reserve (`keepAgendaReserve_`, mailReserve.ts).
 */
export function deliverAgendas_(run: Run, budget: Budget, ids?: string[]): void {
  const { state, result } = run;
  const plans = planAgendaEmails(state.apps.applications, state.program, now(), { applicationIds: ids });
  run.agendasUnsent = plans.length;
  if (plans.length === 0 || result.stopped === 'time' || result.stopped === 'quota') return;
  if (run.quota === null) run.quota = remainingMailQuota_();
  const communities = new Set<string>();
  for (const p of plans) for (const i of p.items) communities.add(i.meeting.community);
  const links = meetLinksOf_(communities, state.program, state.program.settings.calendarId, budget);
  const personal = personalLinks_();
  const before = result.agendasSent ?? 0;
  sendEach(plans, run, budget, (plan) => sendMemberOne(plan, run, links, personal));
  run.agendasUnsent = plans.length - ((result.agendasSent ?? 0) - before);
}

/** (7) The attendance follow-ups (off unless staff turn them on), after every other email. */
export function deliverFollowUps_(run: Run, budget: Budget, ids?: string[]): void {
  const { state, result } = run;
  if (result.stopped === 'time' || result.stopped === 'quota') return;
  const plans = planFollowUps(state.apps.applications, state.program, state.absences, now(), { applicationIds: ids });
  if (!plans.length) return;
  if (run.quota === null) run.quota = remainingMailQuota_();
  const personal = personalLinks_();
  sendEach(plans, run, budget, (plan) => sendMemberOne(plan, run, {}, personal));
}

/** One member email and its journal entry (see sendOne in decisionEmails.ts: the same send → record window of one call). */
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
    // the personal link (HMAC calls) is made before the send, as in decisionEmails.ts sendOne
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
