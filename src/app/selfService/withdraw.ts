// applicantWithdraw({token, applicationId}): the applicant leaves one community. The row becomes
// Withdrawn through the same path as a staff decision (../review/apply.ts: the lock, the state
// machine, one Log row, then the due emails and the removal from the remaining meetings), with
// the applicant as the actor ("self-service"; Decided By = their email). Only a row carrying the
// token's email can be touched, and only from Pending, Waitlisted or Accepted; anything else is
// the neutral failure and writes nothing. The contact gets one email per actual withdrawal.
import { normalizeEmail } from '../../domain/selfService/token';
import { NEUTRAL_ERROR, type ApplicantWithdrawResult } from '../../shared/applicant';
import type { Program } from '../../domain/program/model';
import type { StoredApplication } from '../../workspace/applicationsRepo';
import { withScriptLock_ } from '../../workspace/lock';
import { appendLog_ } from '../../workspace/log';
import { sendMail_ } from '../../workspace/mail';
import { readProgram_ } from '../../workspace/programRepo';
import { enterWebApp_ } from '../../workspace/spreadsheet';
import { scopeStatus_ } from '../../workspace/scopes';
import { applyDecision_ } from '../review/apply';
import { applicantFromToken_ } from './links';
import { slowBadToken_ } from './throttle';

const MAX_ID_LENGTH = 200;
const NEUTRAL: ApplicantWithdrawResult = { ok: false, error: NEUTRAL_ERROR };
const UNAVAILABLE = 'Withdrawing is not available right now, and nothing was changed. Please reply to the program email to withdraw.';

function parse(input: unknown): { token: unknown; applicationId: string } | null {
  if (typeof input !== 'object' || input === null || Array.isArray(input)) return null;
  const { token, applicationId } = input as Record<string, unknown>;
  if (typeof applicationId !== 'string' || applicationId.length === 0 || applicationId.length > MAX_ID_LENGTH) return { token, applicationId: '' };
  return { token, applicationId };
}

export function applicantWithdraw_(input: unknown): ApplicantWithdrawResult {
  try {
    enterWebApp_();
    const request = parse(input);
    // The token first, whatever else is wrong with the request.
    const email = applicantFromToken_(request ? request.token : undefined);
    if (!email) {
      slowBadToken_();
      return NEUTRAL;
    }
    if (!request || !request.applicationId) return NEUTRAL;
    // The web app runs as the deployer: if they have not granted every scope, a withdrawal would
    // stop halfway (e.g. at the calendar). Change nothing, and tell the applicant (whose token is valid).
    if (!scopeStatus_().ok) return { ok: false, error: UNAVAILABLE };
    const program = readProgram_();
    const applied = applyDecision_(
      { applicationIds: [request.applicationId], decision: 'withdraw', note: '', overrideCapacity: false },
      { email, via: 'self-service', mayTouch: (a) => normalizeEmail(a.email) === email, logUnchanged: false },
      program,
    );
    if (applied.plan.changes.length === 0) return NEUTRAL;
    tellContact(applied.before, program);
    return { ok: true };
  } catch {
    return NEUTRAL;
  }
}

/** One email to the program contact per withdrawal; a failure is logged, never shown to the applicant. */
function tellContact(withdrawn: StoredApplication[], program: Program): void {
  const s = program.settings;
  if (!s.contactEmail) return;
  for (const app of withdrawn) {
    const name = [app.firstName.trim(), app.lastName.trim()].filter(Boolean).join(' ') || app.email;
    const community = program.communities.find((c) => c.key === app.community)?.name ?? app.community;
    const was = app.status;
    const subject = `${s.program}: ${name} withdrew from ${community}`;
    const text = [
      `${name} (${app.email}) withdrew from ${community} on their personal page.`,
      '',
      `Application ${app.id} was ${was}; it is Withdrawn now.`,
      was === 'Accepted'
        ? 'They are removed from the remaining meetings. If the community has a capacity, the review sidebar offers the freed seat to the next waitlisted applicant.'
        : '',
      '',
      'This message was sent by the Communities of Practice manager.',
    ]
      .filter((line, i, all) => line !== '' || all[i - 1] !== '')
      .join('\n');
    try {
      sendMail_({ to: s.contactEmail, name: s.senderName, subject: subject.replace(/\s+/g, ' '), text });
    } catch (e) {
      try {
        withScriptLock_(() =>
          appendLog_([{ actor: 'system', action: 'contact-email-failed', applicationIds: [app.id], details: e instanceof Error ? e.message : String(e) }]),
        );
      } catch {
        // nothing more to do: the Log row of the withdrawal itself is written
      }
    }
  }
}
