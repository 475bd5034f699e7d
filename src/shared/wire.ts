// What crosses google.script.run between the sidebar and the server. Everything here is JSON-safe:
// google.script.run rejects Dates, functions and DOM nodes, so instants travel as ISO-8601 strings.
//
// The domain owns the vocabulary (statuses, decisions): the wire re-exports it rather than the rules
// importing the boundary's format. Only types cross here (erased at build time) apart from the
// DECISIONS list, so the browser bundles do not pull in server code.
import type { ProgramYearProposal, ProposeResult, StartResult } from './programYear';
import type { Status } from '../domain/program/model';
import type { Decision } from '../domain/review/decisions';

export { DECISIONS, type Decision } from '../domain/review/decisions';
/** An application's status as it travels (the domain's Status: already JSON-safe). */
export type WireStatus = Status;

/** ISO-8601 instant with `Z` or an offset. */
export type IsoDateTime = string;

export interface WireMeeting {
  number: number;
  start: IsoDateTime;
  end: IsoDateTime;
}

export interface WireCommunity {
  key: string;
  name: string;
  description: string;
  cohortStart: IsoDateTime;
  cohortEnd: IsoDateTime;
  capacity: number | null;
  counts: Record<WireStatus, number>;
  meetings: WireMeeting[];
}

export interface WireApplication {
  id: string;
  email: string;
  firstName: string;
  lastName: string;
  jobTitle: string;
  agency: string;
  agencyType: string;
  state: string;
  /** community key */
  community: string;
  status: WireStatus;
  flags: string[];
  submittedAt: IsoDateTime | null;
  decidedAt: IsoDateTime | null;
  decidedBy: string;
  note: string;
  notified: string;
  invited: string;
  /**
   * the answers of the response behind this application that the fields above do not already
   * carry (hopes, commitment, all communities chosen, questions staff added), for the detail view
   */
  answers: { question: string; answer: string }[];
}

export interface ReviewState {
  ok: true;
  program: string;
  timeZone: string;
  notifyFrom: IsoDateTime;
  registrationDeadline: IsoDateTime;
  now: IsoDateTime;
  user: string;
  /** false when Settings lists reviewers and the caller is not one of them */
  canDecide: boolean;
  states: string[];
  communities: WireCommunity[];
  applications: WireApplication[];
  /**
   * the Applications revision read BEFORE the rows: when getReviewRevision() returns another value,
   * something was written since, and the page loads the state again
   */
  revision: string;
}

export interface DecideRequest {
  applicationIds: string[];
  decision: Decision;
  note?: string;
  expected?: Record<string, WireStatus>;
  overrideCapacity?: boolean;
}

export interface DecideSuccess {
  ok: true;
  changed: string[];
  skipped: { id: string; reason: string }[];
  sent: number;
  pending: number;
  /** set when the decisions were saved but something after them (sending) failed */
  warning?: string;
}

export interface Failure {
  ok: false;
  error: string;
  /** Set when the user has not granted every scope: where to grant them (null when the platform gives no link). */
  authorizationUrl?: string | null;
}

export type DecideResult = DecideSuccess | Failure;

export interface NotificationPreview {
  subject: string;
  text: string;
  html: string;
}

export type PreviewResult = NotificationPreview | Failure;

/** What an open sidebar or review window polls: the Applications revision (see ReviewState.revision). */
export interface ReviewRevision {
  ok: true;
  revision: string;
}
export type ReviewRevisionResult = ReviewRevision | Failure;
export type ReviewStateResult = ReviewState | Failure;

// ---- Members (SPEC behaviour 8: getMembersState, recordAttendance) ----

export type WireRsvp = 'needsAction' | 'accepted' | 'declined' | 'tentative';

/** One member's answer and attendance for one meeting. */
export interface WireMemberAttendance {
  /** application id */
  id: string;
  email: string;
  rsvp: WireRsvp;
  /** null = not recorded */
  attended: boolean | null;
}

export interface WireMembersMeeting {
  number: number;
  start: IsoDateTime;
  end: IsoDateTime;
  /** the Meetings tab's Agenda cell ('' = none yet) */
  agenda: string;
  /** the meeting has started (attendance can be recorded) */
  held: boolean;
  meetLink: string;
  /** yes / no / maybe / no answer from the invitations; attended / absent / not recorded from the Attendance tab */
  counts: { yes: number; no: number; maybe: number; noAnswer: number; attended: number; absent: number; unrecorded: number };
  /** one entry per member of the community, in the order of `members` */
  members: WireMemberAttendance[];
}

export interface WireMember {
  /** application id */
  id: string;
  email: string;
  firstName: string;
  lastName: string;
  fullName: string;
  jobTitle: string;
  agency: string;
  state: string;
  /** held meetings recorded as not attended */
  missed: number;
  /** per meeting of the community, in meeting order */
  meetings: { number: number; rsvp: WireRsvp; attended: boolean | null }[];
}

export interface WireMembersCommunity {
  key: string;
  name: string;
  /** accepted applications, by last then first name */
  members: WireMember[];
  meetings: WireMembersMeeting[];
  /** ids of members who missed two or more held meetings */
  missedTwoOrMore: string[];
}

export interface MembersState {
  ok: true;
  program: string;
  timeZone: string;
  now: IsoDateTime;
  user: string;
  /** false when Settings lists reviewers and the caller is not one of them */
  canRecord: boolean;
  /** where the RSVPs come from: the events themselves, or (Calendar unreachable) the Attendance tab */
  rsvpSource: 'calendar' | 'sheet';
  /** set when something could not be read (the view still shows the rest) */
  warning?: string;
  communities: WireMembersCommunity[];
}

export type MembersStateResult = MembersState | Failure;

export interface RecordAttendanceRequest {
  /** community key */
  community: string;
  /** 1 to 4; only a meeting that has started */
  meeting: number;
  /** application ids */
  attended: string[];
  absent: string[];
}

export type RecordAttendanceResult = { ok: true; recorded: number } | Failure;

/**
 * The endpoints google.script.run can reach. The server's exports (src/index.ts) and the
 * sidebar's calls (src/sidebar) are both type-checked against this one declaration.
 * Arguments are `unknown` on the server side of the wire: the sidebar is untrusted.
 */
export interface Endpoints {
  getReviewState(): ReviewStateResult;
  decide(request: DecideRequest): DecideResult;
  previewNotification(applicationId: string, decision?: Decision): PreviewResult;
  getMembersState(): MembersStateResult;
  recordAttendance(request: RecordAttendanceRequest): RecordAttendanceResult;
  /** the review pages' live poll: one script-property read (plus the scope guard), whatever the sheet's size */
  getReviewRevision(): ReviewRevisionResult;
  /** opens the review window (the sidebar's link to it) */
  showReviewWindow(): void;
  /** the program-year dialog (src/ui/pages/programYear) */
  proposeProgramYear(): ProposeResult;
  startProgramYear(proposal: ProgramYearProposal): StartResult;
}
