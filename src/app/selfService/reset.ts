// Menu "Reset applicant links": after a Yes, a new link secret. Every personal link emailed so far
// stops working at once (its page shows the neutral message); emails sent from now on carry new
// links. Use it when a link was forwarded or leaked.
import { activeUserEmail_ } from '../../workspace/session';
import { alert_, confirm_ } from '../../workspace/menuUi';
import { resetLinkSecret_ } from './links';

export const RESET_TITLE = 'Reset applicant links';

export function resetApplicantLinksFromMenu_(): string {
  const yes = confirm_(
    `${RESET_TITLE}?`,
    'Every personal link already emailed to applicants will stop working, and their pages will show only a neutral message. ' +
      'Emails sent from now on carry new links; applicants with an old email have no link until they get a new one. Continue?',
  );
  if (!yes) return 'Cancelled: the links were not changed.';
  resetLinkSecret_(activeUserEmail_());
  const done = 'Applicant links reset: every earlier personal link is now invalid. The Log has a row for it.';
  try {
    alert_(RESET_TITLE, done);
  } catch {
    // no UI (run from the editor): the return value says it
  }
  return done;
}
