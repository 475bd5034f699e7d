// Applicants' personal links: the secret they are signed with (a script property, created the
// first time a link is made), making a link for an email, reading one back, and resetting them all.
import { looksLikeToken, makeToken, openToken } from '../../domain/selfService/token';
import { hmacSha256_, newSecret_ } from '../../workspace/crypto';
import { withScriptLock_ } from '../../workspace/lock';
import { appendLog_ } from '../../workspace/log';
import { getProperty_, setProperty_ } from '../../workspace/properties';
import { webAppUrl_ } from '../../workspace/webApp';

export const LINK_SECRET_PROPERTY = 'cop.applicantLinks.secret';

/** The stored secret, or null when no link was ever made. Never creates one. */
function storedSecret(): string | null {
  const s = getProperty_(LINK_SECRET_PROPERTY);
  return typeof s === 'string' && s.length >= 32 ? s : null;
}

/** The secret, created under the lock on first use (so two executions cannot make two). */
function ensureSecret(): string {
  const existing = storedSecret();
  if (existing) return existing;
  return withScriptLock_(() => {
    const again = storedSecret();
    if (again) return again;
    const secret = newSecret_();
    setProperty_(LINK_SECRET_PROPERTY, secret);
    return secret;
  });
}

/** Makes personal links for one run: undefined for everyone when there is no web app deployment. */
export type PersonalLinks = (email: string) => string | undefined;

export function personalLinks_(): PersonalLinks {
  const url = webAppUrl_();
  if (!url) return () => undefined;
  let secret: string | null = null;
  const made = new Map<string, string>();
  return (email) => {
    if (typeof email !== 'string' || email.indexOf('@') < 1) return undefined;
    try {
      if (!made.has(email)) {
        secret = secret ?? ensureSecret();
        made.set(email, `${url}${url.indexOf('?') >= 0 ? '&' : '?'}t=${makeToken(email, secret, hmacSha256_)}`);
      }
      return made.get(email);
    } catch {
      // No link is better than no email.
      return undefined;
    }
  };
}

/**
 * The normalised email a token names, or null. Malformed input is refused before any service call;
 * a well-formed token costs one property read and the HMACs, compared in constant time. Nothing
 * of the sheet is read before this says yes.
 */
export function applicantFromToken_(token: unknown): string | null {
  if (!looksLikeToken(token)) return null;
  const secret = storedSecret();
  if (!secret) return null;
  return openToken(token, secret, hmacSha256_);
}

/** Menu "Reset applicant links": a new secret, so every link emailed so far stops working. */
export function resetLinkSecret_(actor: string): void {
  withScriptLock_(() => {
    setProperty_(LINK_SECRET_PROPERTY, newSecret_());
    appendLog_([
      { actor: actor || 'unknown user', action: 'Reset applicant links', details: 'new link secret: every personal link sent before now is invalid' },
    ]);
  });
}
