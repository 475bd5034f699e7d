// One delivery at a time. Sending an email cannot happen under the script lock (it would block
// every other writer for seconds), so two overlapping runs (the hourly sweep, a decision in the
// sidebar, the menu) could both read "Jane is due" and both email her. A run therefore takes a
// lease first, under the lock: a holder that dies (time limit) simply lets it expire, and the lease
// outlives the longest possible execution (6 minutes) so a live holder never loses it.
export interface Lease {
  holder: string;
  /** epoch ms after which the lease is free */
  until: number;
}

export const LEASE_MS = 7 * 60 * 1000;

export function parseLease(raw: unknown): Lease | null {
  if (!raw || typeof raw !== 'object') return null;
  const r = raw as Record<string, unknown>;
  return typeof r.holder === 'string' && typeof r.until === 'number' ? { holder: r.holder, until: r.until } : null;
}

export function isLeaseFree(lease: Lease | null, nowMs: number): boolean {
  return !lease || lease.until <= nowMs;
}
