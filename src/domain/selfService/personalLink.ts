// The applicant's personal link (behaviour 9) as the last paragraph of every email to them. The
// link is ours (the web app URL plus a token of the web-safe base64 alphabet); it is still checked
// and escaped like anything else that becomes markup.
import { escapeHtml } from '../notify/emails/html';

const LINK = /^https?:\/\/[^\s<>"'`]+$/i;

export const PERSONAL_LINK_INTRO =
  'Your personal page shows where each of your applications stands, your meetings once you are accepted, and lets you withdraw';

export interface LinkBlock {
  text: string;
  html: string;
}

/** The paragraph, or null when there is no (valid) link: then the email carries none. */
export function personalLinkBlock(link: string | undefined): LinkBlock | null {
  const url = typeof link === 'string' ? link.trim() : '';
  if (!url || !LINK.test(url)) return null;
  return {
    text: `${PERSONAL_LINK_INTRO}: ${url}\n(The link is personal: please do not forward it.)`,
    html: `<p>${escapeHtml(PERSONAL_LINK_INTRO)}: <a href="${escapeHtml(url)}">open your personal page</a>. The link is personal: please do not forward it.</p>`,
  };
}
