// Repeated bad tokens are slowed down. One counter for the whole web app (script cache, 10-minute
// windows), not one per token or token prefix: a guesser sends a new token every time, so a
// per-token count never grows, and Apps Script does not tell a web app the visitor's address.
// The counter is consulted only after a token has failed, so an applicant with a valid link is
// never slowed, however many bad requests arrive. Past FREE bad tokens in a window, each further
// one waits (Utilities.sleep) 250 ms more, up to 5 s, before its neutral answer. The tag is 128
// bits, so this is defence in depth against brute force, not what makes guessing hopeless.
import { cacheGet_, cachePut_, sleep_ } from '../../workspace/cache';
import { now } from '../../workspace/clock';

const WINDOW_S = 600;
const FREE = 20;
const STEP_MS = 250;
const MAX_MS = 5000;

export function badTokenKey(at: Date): string {
  return `cop.badTokens.${Math.floor(at.getTime() / (WINDOW_S * 1000))}`;
}

/** How long the n-th bad token of a window waits. */
export function badTokenDelayMs(n: number): number {
  return n <= FREE ? 0 : Math.min(MAX_MS, (n - FREE) * STEP_MS);
}

/** Counts one bad token and waits as long as the count says. Never throws. */
export function slowBadToken_(): number {
  const key = badTokenKey(now());
  const n = (Number(cacheGet_(key)) || 0) + 1;
  cachePut_(key, String(n), WINDOW_S);
  const wait = badTokenDelayMs(n);
  if (wait > 0) sleep_(wait);
  return wait;
}
