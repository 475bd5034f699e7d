// previewNotification(applicationId, decision?): the email the applicant would get if the decision
// were made now (or for the current status), composed by the same code notify sends with. Other
// decisions already due for the same applicant are included, as notify sends one email per person.
import { parseApplicationId, parseOptionalDecision } from '../../domain/review/decideRequest';
import { DECISION_STATUS } from '../../domain/review/decisions';
import { acceptedCountsOf, composeDecisionEmail } from '../../domain/notify/emails/compose';
import type { Application } from '../../domain/program/model';
import type { PreviewResult } from '../../shared/wire';
import { readApplications_ } from '../../workspace/applicationsRepo';
import { now } from '../../workspace/clock';
import { formatDate_ } from '../../workspace/formatDate';
import { webAppUrl_ } from '../../workspace/webApp';
import { readProgram_ } from '../../workspace/programRepo';
import { readTemplates_ } from '../templates';
import { storedMeetLinks_ } from '../notify';
import { failure } from './failure';

/**
 * Where the personal link goes in the email, without its token: the real one is made when the
 * email is sent (making it here would create the links' secret, and a preview changes nothing), and
 * a staff screen has no business showing a link that lets its holder act as the applicant.
 */
function previewLink(): string | undefined {
  const url = webAppUrl_();
  return url ? `${url}${url.indexOf('?') >= 0 ? '&' : '?'}t=(personal-token-made-when-sent)` : undefined;
}

export function preview_(idInput: unknown, decisionInput?: unknown): PreviewResult {
  try {
    const id = parseApplicationId(idInput);
    if (!id.ok) return id;
    const decision = parseOptionalDecision(decisionInput);
    if (!decision.ok) return decision;

    const program = readProgram_();
    const { applications } = readApplications_(program.communities);
    const app = applications.find((a) => a.id === id.value);
    if (!app) return { ok: false, error: `No application has the ID ${id.value}.` };
    const status = decision.value ? DECISION_STATUS[decision.value] : app.status;
    if (status === 'Pending') return { ok: false, error: 'Pending applications get no decision email (Reopen sends none).' };

    const target: Application = { ...app, status };
    const alsoDue = applications.filter((a) => a.id !== app.id && a.email === app.email && a.status !== 'Pending' && a.status !== a.notified);
    const { subject, text, html } = composeDecisionEmail({
      applications: [target, ...alsoDue],
      program,
      formatDate: formatDate_,
      now: now(),
      templates: readTemplates_(),
      meetLinks: storedMeetLinks_(),
      // as the sheet is now: a preview of a waitlist email says "full" only if it is
      acceptedCounts: acceptedCountsOf(applications),
      personalLink: previewLink(),
    });
    return { subject, text, html };
  } catch (e) {
    return failure('Could not prepare the preview', e);
  }
}
