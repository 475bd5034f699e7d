// What an applicant's personal page shows, from the rows that carry their email. Pure.
// A decision is shown only once decisions go out (the notify date); before that every community
// reads `Under review`, so the page never tells an applicant earlier than the email would. The
// one exception is the applicant's own withdrawal, which they made themselves.
import { hasStarted, meetingsOf } from '../notify/due';
import { safeHttpsUrl } from '../notify/emails/html';
import { formatCohort, formatDay, formatMeetingWhen, type FormatDate } from '../notify/emails/when';
import type { Application, Meeting, Program, Status } from '../program/model';
import { agendaOf } from '../members/plan';
import { normalizeEmail } from './token';

/** What the page shows per community: the decision only once decisions go out. */
export type ApplicantStatus = 'Under review' | 'Accepted' | 'Waitlisted' | 'Declined' | 'Withdrawn';

export interface ApplicantMeeting {
  number: number;
  start: string;
  end: string;
  /** 'Tuesday, August 29, 2023, 2:00–3:30 pm ET (America/New_York)' */
  when: string;
  /** https Google Meet link, or '' */
  meetLink: string;
  /** staff's agenda text or link, or '' */
  agenda: string;
  /** the meeting has started */
  held: boolean;
}

export interface ApplicantCommunity {
  applicationId: string;
  key: string;
  name: string;
  description: string;
  cohortStart: string;
  cohortEnd: string;
  /** 'August 2023 – February 2024' */
  cohort: string;
  status: ApplicantStatus;
  /** the page offers Withdraw */
  canWithdraw: boolean;
  /** accepted members only (after the notify date): the community's meetings */
  meetings: ApplicantMeeting[];
}

export interface ApplicantView {
  ok: true;
  program: string;
  firstName: string;
  timeZone: string;
  /** when decisions go out, and whether that day has come */
  decisionsFrom: string;
  decisionsFromLabel: string;
  decisionsOut: boolean;
  contactName: string;
  contactEmail: string;
  communities: ApplicantCommunity[];
}

/** Statuses an applicant may withdraw from themselves (the staff path's rule, src/domain/decisions.ts). */
const WITHDRAWABLE: readonly Status[] = ['Pending', 'Waitlisted', 'Accepted'];

export interface ViewInput {
  /** the verified, normalised email the token names */
  email: string;
  applications: readonly Application[];
  program: Program;
  now: Date;
  formatDate: FormatDate;
  /** Calendar event id → Meet link */
  meetLinks: Readonly<Record<string, string>>;
}

export function shownStatus(app: Application, email: string, decisionsOut: boolean): ApplicantStatus {
  if (app.status === 'Withdrawn' && normalizeEmail(app.decidedBy) === email) return 'Withdrawn';
  if (!decisionsOut || app.status === 'Pending') return 'Under review';
  return app.status;
}

function meetingView(m: Meeting, input: ViewInput): ApplicantMeeting {
  const tz = input.program.settings.timeZone;
  return {
    number: m.number,
    start: m.start.toISOString(),
    end: m.end.toISOString(),
    when: formatMeetingWhen(m.start, m.end, tz, input.formatDate),
    meetLink: safeHttpsUrl(input.meetLinks[m.eventId] ?? ''),
    agenda: agendaOf(m),
    held: hasStarted(m, input.now),
  };
}

export function buildApplicantView(input: ViewInput): ApplicantView {
  const { program, email } = input;
  const s = program.settings;
  const tz = s.timeZone;
  const decisionsOut = input.now.getTime() >= s.notifyFrom.getTime();
  const mine = input.applications.filter((a) => normalizeEmail(a.email) === email);
  const communities: ApplicantCommunity[] = mine.map((app) => {
    const community = program.communities.find((c) => c.key === app.community);
    const status = shownStatus(app, email, decisionsOut);
    return {
      applicationId: app.id,
      key: community ? community.key : '',
      name: community ? community.name : app.community,
      description: community ? community.description : '',
      cohortStart: community ? community.cohortStart.toISOString() : '',
      cohortEnd: community ? community.cohortEnd.toISOString() : '',
      cohort: community ? formatCohort(community.cohortStart, community.cohortEnd, tz, input.formatDate) : app.cohort,
      status,
      // Shown for everything still under review too: hiding it would tell a decision early.
      canWithdraw: status === 'Under review' || (WITHDRAWABLE.indexOf(app.status) >= 0 && status !== 'Withdrawn'),
      meetings: status === 'Accepted' ? meetingsOf(program, app.community).map((m) => meetingView(m, input)) : [],
    };
  });
  const latest = mine.reduce<Application | null>((best, a) => (!best || a.submitted.getTime() >= best.submitted.getTime() ? a : best), null);
  return {
    ok: true,
    program: s.program,
    firstName: latest ? latest.firstName.trim() : '',
    timeZone: tz,
    decisionsFrom: s.notifyFrom.toISOString(),
    decisionsFromLabel: formatDay(s.notifyFrom, tz, input.formatDate),
    decisionsOut,
    contactName: s.contactName,
    contactEmail: s.contactEmail,
    communities,
  };
}
