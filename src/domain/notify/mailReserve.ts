// The mail reserve: agenda emails a delivery run found due and could not send (quota or time).
// Confirmations (intake, onFormSubmit and the sweep) leave that many of the day's emails unused,
// so the next delivery run can send the agendas before their meetings start: a confirmation waits
// a day at worst, an agenda that misses its meeting is worth nothing.
//
// Only a full delivery run (every applicant, not one decision's) writes it, and only when the count
// changed or the kept value is REFRESH_MS old: while the day's quota is spent the count stays put,
// and rewriting it every hour made every hourly run write (it is read before the quota renews, by
// the first run after it). A reserve older than MAX_AGE_MS (the sweep stopped: trigger removed,
// program-year switch) is ignored rather than holding confirmations back for good: a confirmation
// waits a day at worst, as when the quota itself is spent.

export const MAIL_RESERVE_PROPERTY = 'cop.mailReserve';
/** A kept reserve is rewritten once it is this old, even when its count has not changed. */
export const REFRESH_MS = 20 * 60 * 60 * 1000;
/** Older than this, a reserve is ignored: REFRESH_MS plus the gap between hourly runs, with room for a late or missed one. */
export const MAX_AGE_MS = 26 * 60 * 60 * 1000;

export interface MailReserve {
  /** agenda emails still due after the run */
  n: number;
  /** when the run counted them (ms) */
  at: number;
}

export function formatReserve(n: number, at: number): string {
  return JSON.stringify({ n, at } satisfies MailReserve);
}

function parseReserve(raw: string | null | undefined): MailReserve | null {
  if (!raw) return null;
  let parsed: unknown;
  try {
    parsed = JSON.parse(raw);
  } catch {
    return null;
  }
  if (typeof parsed !== 'object' || parsed === null) return null;
  const { n, at } = parsed as Partial<Record<keyof MailReserve, unknown>>;
  if (typeof n !== 'number' || typeof at !== 'number' || !Number.isFinite(n) || n <= 0 || !Number.isFinite(at)) return null;
  return { n: Math.floor(n), at };
}

/** The emails to keep for agendas now; 0 for a missing, malformed or stale value. */
export function reserveOf(raw: string | null | undefined, now: number): number {
  const r = parseReserve(raw);
  if (!r || now - r.at > MAX_AGE_MS || r.at - now > MAX_AGE_MS) return 0;
  return r.n;
}

export type ReserveUpdate = { kind: 'keep' } | { kind: 'delete' } | { kind: 'write'; value: string };

/**
 * What a full delivery run does with the reserve for `unsent` agendas, given the value kept
 * (`stored`): keep it (the same count, kept recently enough: nothing to write), delete it, or write
 * a new value.
 */
export function reserveUpdate(stored: string | null | undefined, unsent: number, now: number): ReserveUpdate {
  if (unsent <= 0) return stored === undefined || stored === null ? { kind: 'keep' } : { kind: 'delete' };
  const kept = parseReserve(stored);
  if (kept && kept.n === Math.floor(unsent) && now >= kept.at && now - kept.at < REFRESH_MS) return { kind: 'keep' };
  return { kind: 'write', value: formatReserve(Math.floor(unsent), now) };
}

/** How many confirmations may go out with `remaining` emails left today and `reserve` kept for agendas. */
export function confirmationAllowance(remaining: number, reserve: number): number {
  return Math.max(0, remaining - Math.max(0, reserve));
}
