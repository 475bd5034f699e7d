// Pending confirmation emails live in script properties, one per response, so a run cut off after
// writing the rows still sends them later:
//   p (pending) → c (claimed by one execution, under the script lock) → s (sending: set just before
//   the MailApp call) → deleted once sent.
// A claim older than STALE_MS belongs to a dead execution and may be taken again (it never reached
// the send). A stale 's' entry may or may not have gone out: MailApp cannot tell us, so it is sent
// again and logged. The SPEC's "a run cut off at any point loses nothing" makes this the right side
// to err on: the only duplicate possible is a run cut off in the single call between a successful
// send and the delete that records it; never-sent is not possible.
import type { ConfirmationRecord } from './intakePlan';

export const CONFIRMATION_PREFIX = 'confirm:';
/** Longer than Apps Script's 6-minute execution limit. */
export const STALE_MS = 10 * 60 * 1000;

export interface QueuedConfirmation extends ConfirmationRecord {
  /** state */
  s: 'p' | 'c' | 's';
  /** execution that claimed it */
  x?: string;
  /** when the state was set (epoch ms) */
  t: number;
}

export function propertyKey(responseKey: string): string {
  return CONFIRMATION_PREFIX + responseKey;
}

export function parseQueued(raw: string): QueuedConfirmation | null {
  try {
    const v = JSON.parse(raw) as QueuedConfirmation;
    if (!v || typeof v.k !== 'string' || typeof v.to !== 'string' || !Array.isArray(v.c) || !['p', 'c', 's'].includes(v.s)) return null;
    return v;
  } catch {
    return null;
  }
}

export interface ClaimPlan {
  /** property key → JSON to write (new entries and claims), in one setProperties */
  write: Record<string, string>;
  /** entries this execution now owns and should send */
  claimed: QueuedConfirmation[];
  /** property keys to delete: unreadable entries */
  drop: string[];
  /** stale 's' entries: maybe sent, maybe not; claimed again (sent again) and logged */
  uncertain: QueuedConfirmation[];
}

/**
 * @param props every script property
 * @param fresh confirmations of the responses this run just processed
 * @param recorded response keys known as processed (only their confirmations may be claimed)
 */
export function planClaims(props: Record<string, string>, fresh: ConfirmationRecord[], recorded: ReadonlySet<string>, execution: string, nowMs: number): ClaimPlan {
  const plan: ClaimPlan = { write: {}, claimed: [], drop: [], uncertain: [] };
  for (const rec of fresh) {
    const key = propertyKey(rec.k);
    if (props[key] !== undefined || plan.write[key] !== undefined) continue;
    const q: QueuedConfirmation = { ...rec, s: 'c', x: execution, t: nowMs };
    plan.write[key] = JSON.stringify(q);
    plan.claimed.push(q);
  }
  for (const key of Object.keys(props)) {
    if (!key.startsWith(CONFIRMATION_PREFIX) || plan.write[key] !== undefined) continue;
    const q = parseQueued(props[key]);
    if (!q) {
      plan.drop.push(key);
      continue;
    }
    if (!recorded.has(q.k)) continue;
    const stale = nowMs - q.t > STALE_MS;
    if (q.s === 'p' || stale) {
      const claimed: QueuedConfirmation = { ...q, s: 'c', x: execution, t: nowMs };
      plan.write[key] = JSON.stringify(claimed);
      plan.claimed.push(claimed);
      if (q.s === 's') plan.uncertain.push(q);
    }
  }
  return plan;
}
