// applicantView(token): what the applicant's page shows, or the neutral failure. The token is
// checked before anything of the sheet is read.
import { NEUTRAL_ERROR, type ApplicantViewResult } from '../../shared/applicant';
import { buildApplicantView } from '../../domain/selfService/view';
import { formatDate } from '../../domain/notify/emails/when';
import { readApplications_ } from '../../workspace/applicationsRepo';
import { now } from '../../workspace/clock';
import { readProgram_ } from '../../workspace/programRepo';
import { enterWebApp_ } from '../../workspace/spreadsheet';
import { storedMeetLinks_ } from '../notify';
import { applicantFromToken_ } from './links';
import { slowBadToken_ } from './throttle';

/** The view for a verified email (reads Settings, Communities, Meetings, Applications once each). */
export function viewFor_(email: string): ApplicantViewResult {
  const program = readProgram_();
  const { applications } = readApplications_(program.communities);
  return buildApplicantView({ email, applications, program, now: now(), formatDate, meetLinks: storedMeetLinks_() });
}

export function applicantView_(token: unknown): ApplicantViewResult {
  try {
    enterWebApp_();
    const email = applicantFromToken_(token);
    if (!email) {
      slowBadToken_();
      return { ok: false, error: NEUTRAL_ERROR };
    }
    return viewFor_(email);
  } catch {
    // Whatever failed, the answer carries nothing about anyone.
    return { ok: false, error: NEUTRAL_ERROR };
  }
}
