// What crosses google.script.run between the applicant's page (src/webapp) and the web app's
// endpoints. JSON-safe (instants as ISO-8601 strings). Nothing here is ever shown for a token that
// did not verify: the only answer then is a Failure with the neutral message.
import type { Failure } from './wire';

// The view types are the domain's (src/domain/selfService/view.ts); the wire re-exports them.
export type { ApplicantStatus, ApplicantMeeting, ApplicantCommunity, ApplicantView } from '../domain/selfService/view';
import type { ApplicantView } from '../domain/selfService/view';

export type ApplicantViewResult = ApplicantView | Failure;

export interface ApplicantWithdrawRequest {
  token: string;
  applicationId: string;
}

export type ApplicantWithdrawResult = { ok: true } | Failure;

/** What doGet puts in the page: the view, and the token the page sends back to the endpoints. */
export interface ApplicantBoot {
  token: string;
  view: ApplicantViewResult;
}

/** The page's endpoints (google.script.run), checked against the server's exports. */
export interface ApplicantEndpoints {
  applicantView(token: string): ApplicantViewResult;
  applicantWithdraw(request: ApplicantWithdrawRequest): ApplicantWithdrawResult;
}

/**
 * The one answer to anything that is not a valid request from the applicant it names: a missing,
 * malformed, tampered, foreign or reset token, someone else's or an unknown application, an
 * application that cannot be withdrawn. The same words whatever was wrong, so nothing can be
 * learned from them.
 */
export const NEUTRAL_ERROR =
  'This link is not valid (it may be incomplete, or links were renewed), or this request cannot be done. Use the link in your most recent email from the program, or reply to that email.';
