// Where pending confirmation emails live: in the Log tab, not in script properties. A store of one
// property per waiting confirmation outgrows the 500 KB properties store on a busy day (2,000
// responses with 100 emails a day is 1,900 entries waiting for weeks); the Log has room.
//   - 'Confirmation queued' is appended with the response's 'Response processed' entry (one write):
//     its Details carry what the email needs after a readable sentence (DATA_MARK + JSON).
//   - 'Confirmation sent' is appended after the email went out.
//   Pending = queued and not sent, in the order queued.
// Script properties hold one constant-size entry: the journal of the run that is sending (its
// lease), listing short hashes of what it sent since it took it, and what it is sending right now.
// A run that finishes marks its journal done and leaves it: the next run (which reads the Log and
// the properties under the lock anyway) records its sends in the Log, so sending never takes the
// lock a second time. A run cut off leaves the journal too: the next run records what it lists as
// sent, and a confirmation caught mid-send ('sending') is sent again and logged (MailApp cannot tell
// whether it went out; never-sent is the worse side to err on). A run sends at most MAX_PER_RUN, so
// the journal stays far under the 9 KB value limit.
import { hash53 } from '../program/ids';
import type { ConfirmationRecord } from './intakePlan';

export const QUEUED_ACTION = 'Confirmation queued';
export const SENT_ACTION = 'Confirmation sent';
export const RETRIED_ACTION = 'Confirmation retried';
export const DATA_MARK = ' | data: ';
/** The one script property of the queue: the sending run's journal (and lease). */
export const JOURNAL_PROPERTY = 'cop.confirmJournal';
/** Longer than Apps Script's 6-minute execution limit: a journal older than this belongs to a dead run. */
export const STALE_MS = 10 * 60 * 1000;
/** 200 hashes of at most 11 characters: about 3 KB of journal. */
export const MAX_PER_RUN = 200;
/** Properties of the design this one replaced (one per confirmation): migrated into the Log once. */
export const LEGACY_PREFIX = 'confirm:';

export interface Journal {
  /** execution holding the lease */
  x: string;
  /** when it took it (epoch ms) */
  t: number;
  /** hashes of the response keys sent */
  sent: string[];
  /** hash being sent right now, if any */
  sending: string | null;
  /** the run finished: its sends wait to be recorded in the Log by the next run (not a lease any more) */
  done?: boolean;
}

/** A short, stable id of a response key (keys hold an email and can be 300 characters). */
export function keyHash(key: string): string {
  return hash53(key).toString(36);
}

/** The Log entry's Details: a sentence staff read, then the email's data. */
export function queuedDetails(rec: ConfirmationRecord): string {
  const data: Omit<ConfirmationRecord, 'k'> = { to: rec.to, n: rec.n, c: rec.c };
  if (rec.l) data.l = true;
  return `Confirmation email to ${rec.to} waits to be sent.${DATA_MARK}${JSON.stringify(data)}`;
}

export function parseQueuedDetails(key: string, details: string): ConfirmationRecord | null {
  // the first mark: the sentence before it holds only the email address, the JSON may hold anything
  const at = details.indexOf(DATA_MARK);
  if (at < 0) return null;
  try {
    const v = JSON.parse(details.slice(at + DATA_MARK.length)) as Partial<ConfirmationRecord>;
    if (!v || typeof v.to !== 'string' || typeof v.n !== 'string' || !Array.isArray(v.c)) return null;
    const rec: ConfirmationRecord = { k: key, to: v.to, n: v.n, c: v.c.map(String) };
    if (v.l === true) rec.l = true;
    return rec;
  } catch {
    return null;
  }
}

export interface LogLine {
  action: string;
  details: string;
  key: string;
}

export interface Ledger {
  /** queued confirmations by response key, in Log order */
  queued: Map<string, ConfirmationRecord>;
  /** response keys whose confirmation the Log records as sent */
  sent: Set<string>;
}

/** Reads the queue's state out of the Log's rows. */
export function readLedger(lines: Iterable<LogLine>): Ledger {
  const ledger: Ledger = { queued: new Map(), sent: new Set() };
  for (const l of lines) {
    if (!l.key) continue;
    if (l.action === QUEUED_ACTION) {
      const rec = parseQueuedDetails(l.key, l.details);
      if (rec && !ledger.queued.has(l.key)) ledger.queued.set(l.key, rec);
    } else if (l.action === SENT_ACTION) {
      ledger.sent.add(l.key);
    }
  }
  return ledger;
}

export function parseJournal(raw: string | null | undefined): Journal | null {
  if (!raw) return null;
  try {
    const j = JSON.parse(raw) as Journal;
    if (!j || typeof j.x !== 'string' || typeof j.t !== 'number' || !Array.isArray(j.sent)) return null;
    return { x: j.x, t: j.t, sent: j.sent.map(String), sending: typeof j.sending === 'string' ? j.sending : null, done: j.done === true };
  } catch {
    return null;
  }
}

export interface ClaimPlan {
  /** another live run is sending: this one sends nothing */
  busy: boolean;
  /** response keys the journal of an earlier run says were sent: append 'Confirmation sent' for them */
  recoveredSent: ConfirmationRecord[];
  /** whether that run was cut off (else it finished and left the recording to this run) */
  cutOff: boolean;
  /** the confirmation a cut-off run was sending: it is sent again (and logged as retried) */
  uncertain: ConfirmationRecord[];
  /** what this run should send, in order (at most MAX_PER_RUN) */
  pending: ConfirmationRecord[];
  /** every confirmation not yet sent (pending may be a first slice of them) */
  waiting: number;
}

/**
 * What a run may send, given the Log's ledger (plus what it queues now) and the journal in
 * properties. Pure: the caller takes the lease (writes a fresh journal) only when `pending` is not
 * empty and mail can go.
 */
export function planClaims(ledger: Ledger, fresh: ConfirmationRecord[], journal: Journal | null, execution: string, nowMs: number): ClaimPlan {
  const plan: ClaimPlan = { busy: false, recoveredSent: [], cutOff: false, uncertain: [], pending: [], waiting: 0 };
  if (journal && !journal.done && journal.x !== execution && nowMs - journal.t <= STALE_MS) {
    plan.busy = true;
    return plan;
  }
  const queued = new Map(ledger.queued);
  for (const rec of fresh) if (!queued.has(rec.k)) queued.set(rec.k, rec);
  const sent = new Set(ledger.sent);
  if (journal) {
    plan.cutOff = !journal.done;
    // Only what is not yet sent can be in the journal as news, and the journal names what its run
    // took from the front of the queue: hash the unsent keys in queue order and stop once every
    // journal hash is found (hashing the whole ledger on every submission cost more than the rest
    // of the plan once thousands of confirmations waited for mail quota).
    const wanted = new Set(journal.sending ? [...journal.sent, journal.sending] : journal.sent);
    const byHash = new Map<string, string>();
    for (const k of queued.keys()) {
      if (byHash.size === wanted.size) break;
      if (sent.has(k)) continue;
      const h = keyHash(k);
      if (wanted.has(h)) byHash.set(h, k);
    }
    for (const h of journal.sent) {
      const k = byHash.get(h);
      const rec = k ? queued.get(k) : undefined;
      if (rec && !sent.has(rec.k)) {
        sent.add(rec.k);
        plan.recoveredSent.push(rec);
      }
    }
    const k = journal.sending ? byHash.get(journal.sending) : undefined;
    const rec = k ? queued.get(k) : undefined;
    if (rec && !sent.has(rec.k)) plan.uncertain.push(rec);
  }
  for (const rec of queued.values()) {
    if (sent.has(rec.k)) continue;
    plan.waiting += 1;
    if (plan.pending.length < MAX_PER_RUN) plan.pending.push(rec);
  }
  return plan;
}

/** A confirmation of the replaced design (one script property each), as a queue record. */
export function parseLegacy(raw: string): { rec: ConfirmationRecord; maybeSent: boolean } | null {
  try {
    const v = JSON.parse(raw) as Partial<ConfirmationRecord> & { s?: string };
    if (!v || typeof v.k !== 'string' || typeof v.to !== 'string' || !Array.isArray(v.c)) return null;
    const rec: ConfirmationRecord = { k: v.k, to: v.to, n: typeof v.n === 'string' ? v.n : '', c: v.c.map(String) };
    if (v.l === true) rec.l = true;
    return { rec, maybeSent: v.s === 's' };
  } catch {
    return null;
  }
}
