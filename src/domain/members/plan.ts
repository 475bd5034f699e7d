// What members are owed besides their decision and invitations (SPEC behaviour 8): the agenda email
// of each meeting, and (when staff turn it on) a follow-up after a meeting they missed. Decided
// from the sheet alone, like src/domain/due.ts.
//
// Semantics (docs/ARCHITECTURE.md, "Members"):
// - `Agenda Sent` (Applications) lists the meeting numbers whose agenda email the member got.
//   An agenda email is due for a member and a meeting when the member is Accepted and has been
//   told so (`Notified` = Accepted: the agenda never arrives before the acceptance), the meeting
//   has an Agenda, the meeting has not started, `Agenda lead days` before its start has come, and
//   `Agenda Sent` does not list it. So an agenda filled in late goes out at once, one filled in
//   after the start never goes, and a member accepted after the agenda went out gets it too.
// - `Follow-up Sent` lists the meetings whose follow-up the member got. A follow-up is due when the
//   setting is on, the member is Accepted, the Attendance tab says they did not attend a meeting
//   that has started, and `Follow-up Sent` does not list it.
import { emailKey, isPlausibleEmail, parseInvited } from '../notify/due';
import type { Application, Meeting, Program, Settings } from '../program/model';

export const DAY_MS = 24 * 60 * 60 * 1000;
export const DEFAULT_AGENDA_LEAD_DAYS = 7;

export function leadDays(settings: Settings): number {
  const n = settings.agendaLeadDays;
  return typeof n === 'number' && Number.isFinite(n) && n >= 0 ? n : DEFAULT_AGENDA_LEAD_DAYS;
}

export function agendaOf(meeting: Meeting): string {
  return (meeting.agenda ?? '').trim();
}

/** When a meeting's agenda email may go out: `Agenda lead days` before its start. */
export function agendaSendFrom(meeting: Meeting, settings: Settings): Date {
  return new Date(meeting.start.getTime() - leadDays(settings) * DAY_MS);
}

export function isAgendaWindowOpen(meeting: Meeting, settings: Settings, now: Date): boolean {
  const t = now.getTime();
  return !!agendaOf(meeting) && t < meeting.start.getTime() && t >= agendaSendFrom(meeting, settings).getTime();
}

/** A member who has been told they are accepted (the agenda must not arrive before that). */
export function isToldMember(app: Application): boolean {
  return app.status === 'Accepted' && app.notified === 'Accepted' && isPlausibleEmail(app.email);
}

export function isAgendaDue(app: Application, meeting: Meeting, settings: Settings, now: Date): boolean {
  return (
    app.community === meeting.community &&
    isToldMember(app) &&
    isAgendaWindowOpen(meeting, settings, now) &&
    parseInvited(app.agendaSent ?? '').indexOf(meeting.number) < 0
  );
}

/**
 * Whether telling an applicant these decisions now makes an agenda email due at once: an
 * acceptance inside an agenda window. Such an acceptance costs two of the day's emails, and a run
 * sends it only when both fit, so no member learns of a meeting whose agenda the quota then holds
 * back until after it has started.
 */
export function agendaDueOnceTold(decisions: readonly Application[], program: Program, now: Date): boolean {
  return decisions.some((a) => {
    if (a.status !== 'Accepted') return false;
    const told: Application = { ...a, notified: 'Accepted' };
    return program.meetings.some((m) => isAgendaDue(told, m, program.settings, now));
  });
}

export interface MemberEmailItem {
  app: Application;
  meeting: Meeting;
}

/** One member email: one applicant, every meeting (of any of their communities) it covers. */
export interface MemberEmailPlan {
  kind: 'agenda' | 'followUp';
  to: string;
  key: string;
  items: MemberEmailItem[];
}

export interface MemberPlanOptions {
  /** limit to these applications' applicants (a decision just made); undefined = everyone */
  applicationIds?: readonly string[];
}

function selectedKeys(apps: readonly Application[], ids?: readonly string[]): Set<string> | null {
  if (!ids) return null;
  const wanted = new Set(ids);
  return new Set(apps.filter((a) => wanted.has(a.id)).map((a) => emailKey(a.email)));
}

function group(kind: MemberEmailPlan['kind'], items: MemberEmailItem[]): MemberEmailPlan[] {
  const byKey = new Map<string, MemberEmailPlan>();
  const out: MemberEmailPlan[] = [];
  for (const item of items) {
    const key = emailKey(item.app.email);
    let plan = byKey.get(key);
    if (!plan) {
      plan = { kind, to: item.app.email.trim(), key, items: [] };
      byKey.set(key, plan);
      out.push(plan);
    }
    plan.items.push(item);
  }
  for (const p of out) p.items.sort((a, b) => a.meeting.start.getTime() - b.meeting.start.getTime() || a.meeting.number - b.meeting.number);
  return out;
}

/**
 * The agenda emails due now: one per applicant, covering every meeting whose agenda they are owed,
 * in the order to send them (`inSendingOrder`).
 */
export function planAgendaEmails(apps: readonly Application[], program: Program, now: Date, options: MemberPlanOptions = {}): MemberEmailPlan[] {
  const open = program.meetings.filter((m) => isAgendaWindowOpen(m, program.settings, now));
  if (open.length === 0) return [];
  const keys = selectedKeys(apps, options.applicationIds);
  const items: MemberEmailItem[] = [];
  for (const app of apps) {
    if (!isToldMember(app)) continue;
    if (keys && !keys.has(emailKey(app.email))) continue;
    for (const m of open) if (isAgendaDue(app, m, program.settings, now)) items.push({ app, meeting: m });
  }
  const plans = group('agenda', items);
  return plans.length > 0 ? inSendingOrder(plans, apps, program, now) : plans;
}

/** A later run must still come between the next agenda falling due and the first meeting (runs are hourly). */
const HOLD_MARGIN_MS = 2 * 60 * 60 * 1000;

/**
 * Soonest meeting first (an agenda email is worthless once its meeting starts, so when the day's
 * quota cannot carry them all, the ones about to expire go first), except that a member whose
 * next agenda (another meeting of theirs, its Agenda already filled in) falls due before this
 * email's first meeting starts goes after everyone else: when the quota is short, waiting lets one
 * email carry both and leaves today's email to someone else. When the quota carries every email,
 * the order changes nothing. (In the simulated year of a free account with 5,000 applicants, the
 * schedule that holds them missed 96 agendas fewer than the one sending each at once:
 * test/simulate/agendaCapacity.ts.)
 */
export function inSendingOrder(plans: MemberEmailPlan[], apps: readonly Application[], program: Program, now: Date): MemberEmailPlan[] {
  const first = (p: MemberEmailPlan) => p.items[0]?.meeting.start.getTime() ?? Infinity;
  const soon = upcomingAgendaDates(plans, apps, program, now);
  const held = (p: MemberEmailPlan) => {
    const next = soon.get(p.key);
    return next !== undefined && next <= first(p) - HOLD_MARGIN_MS ? 1 : 0;
  };
  const rank = new Map(plans.map((p) => [p, held(p)]));
  return plans.sort((a, b) => (rank.get(a) ?? 0) - (rank.get(b) ?? 0) || first(a) - first(b));
}

/** For each member planned, when their earliest agenda not yet due (filled in, window still closed) falls due. */
function upcomingAgendaDates(plans: readonly MemberEmailPlan[], apps: readonly Application[], program: Program, now: Date): Map<string, number> {
  const out = new Map<string, number>();
  const t = now.getTime();
  const upcoming = program.meetings.filter((m) => !!agendaOf(m) && agendaSendFrom(m, program.settings).getTime() > t && m.start.getTime() > t);
  if (upcoming.length === 0) return out;
  const planned = new Set(plans.map((p) => p.key));
  for (const app of apps) {
    if (!isToldMember(app)) continue;
    const key = emailKey(app.email);
    if (!planned.has(key)) continue;
    const sent = parseInvited(app.agendaSent ?? '');
    for (const m of upcoming) {
      if (m.community !== app.community || sent.indexOf(m.number) >= 0) continue;
      const from = agendaSendFrom(m, program.settings).getTime();
      const prior = out.get(key);
      if (prior === undefined || from < prior) out.set(key, from);
    }
  }
  return out;
}

/** One Attendance fact the follow-up plan needs. */
export interface Absence {
  applicationId: string;
  meeting: number;
}

/** The follow-ups due now (none unless the setting is on). */
export function planFollowUps(
  apps: readonly Application[],
  program: Program,
  absences: readonly Absence[],
  now: Date,
  options: MemberPlanOptions = {},
): MemberEmailPlan[] {
  if (!program.settings.sendAttendanceFollowUp || absences.length === 0) return [];
  const keys = selectedKeys(apps, options.applicationIds);
  const byId = new Map(apps.map((a) => [a.id, a]));
  const items: MemberEmailItem[] = [];
  const seen = new Set<string>();
  for (const x of absences) {
    const app = byId.get(x.applicationId);
    if (!app || app.status !== 'Accepted' || !isPlausibleEmail(app.email)) continue;
    if (keys && !keys.has(emailKey(app.email))) continue;
    const meeting = program.meetings.find((m) => m.community === app.community && m.number === x.meeting);
    if (!meeting || now.getTime() < meeting.start.getTime()) continue;
    if (parseInvited(app.followUpSent ?? '').indexOf(meeting.number) >= 0) continue;
    const k = `${app.id}#${meeting.number}`;
    if (seen.has(k)) continue;
    seen.add(k);
    items.push({ app, meeting });
  }
  return group('followUp', items);
}
