// What crosses google.script.run between the sidebar and the server. Everything here is JSON-safe:
// google.script.run rejects Dates, functions and DOM nodes, so instants travel as ISO-8601 strings.
//
// The domain owns the vocabulary (statuses, decisions): the wire re-exports it rather than the rules
// importing the boundary's format. Only types cross here (erased at build time) apart from the
// DECISIONS list, so the browser bundles do not pull in server code.
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
export type ReviewStateResult = ReviewState | Failure;

/**
 * The endpoints google.script.run can reach. The server's exports (src/index.ts) and the
 * sidebar's calls (src/sidebar) are both type-checked against this one declaration.
 * Arguments are `unknown` on the server side of the wire: the sidebar is untrusted.
 */
export interface Endpoints {
  getReviewState(): ReviewStateResult;
  decide(request: DecideRequest): DecideResult;
  previewNotification(applicationId: string, decision?: Decision): PreviewResult;
}
