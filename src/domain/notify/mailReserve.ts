// The mail reserve: agenda emails a delivery run found due and could not send (quota or time).
// Confirmations (intake, onFormSubmit and the sweep) leave that many of the day's emails unused,
// so the next delivery run can send the agendas before their meetings start: a confirmation waits
// a day at worst, an agenda that misses its meeting is worth nothing.
//
// Only a full delivery run (every applicant, not one decision's) writes it, each time it plans the
// agendas, so it is at most an hour old while the sweep runs. A reserve older than MAX_AGE_MS
// (the sweep stopped: trigger removed, program-year switch) is ignored rather than holding
// confirmations back for good.

export const MAIL_RESERVE_PROPERTY = 'cop.mailReserve';
export const MAX_AGE_MS = 3 * 60 * 60 * 1000;

export interface MailReserve {
  /** agenda emails still due after the run */
  n: number;
  /** when the run counted them (ms) */
  at: number;
}

export function formatReserve(n: number, at: number): string {
  return JSON.stringify({ n, at } satisfies MailReserve);
}

/** The emails to keep for agendas now; 0 for a missing, malformed or stale value. */
export function reserveOf(raw: string | null | undefined, now: number): number {
  if (!raw) return 0;
  let parsed: unknown;
  try {
    parsed = JSON.parse(raw);
  } catch {
    return 0;
  }
  if (typeof parsed !== 'object' || parsed === null) return 0;
  const { n, at } = parsed as Partial<Record<keyof MailReserve, unknown>>;
  if (typeof n !== 'number' || typeof at !== 'number' || !Number.isFinite(n) || n <= 0) return 0;
  if (now - at > MAX_AGE_MS || at - now > MAX_AGE_MS) return 0;
  return Math.floor(n);
}

/** How many confirmations may go out with `remaining` emails left today and `reserve` kept for agendas. */
export function confirmationAllowance(remaining: number, reserve: number): number {
  return Math.max(0, remaining - Math.max(0, reserve));
}
