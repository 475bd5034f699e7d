// The delivery journal: what a delivery run has done but not yet written to the sheet.
//
// A run records each email (`Notified` = the status told) and each event change (`Invited`) in a
// script property right after it happens, and writes them all to the Applications tab once, at the
// end of the run. The property write is a single service call, so the window in which a cut-off
// run forgets a send is one call wide; and the sheet writes no longer grow with the number of
// emails. A run cut off before its end leaves its entries behind; the next run applies them before
// planning, so nothing journalled is sent again, and writes them to the sheet with its own.
//
// Event changes are journalled ahead instead: the meeting is marked right before its Events.get
// and patch, and a run that finds a marked meeting left behind re-reads that event's attendees
// (the truth) and sets `Invited` from them. So no `Invited` change is ever lost, and one event
// costs one constant-size entry however many members it adds (an entry per member would grow with
// the sheet). A lost `Invited` would matter: a member added and then declined would not be owed a
// removal, since `Invited` would not list the meeting.
//
// Member emails (agenda, attendance follow-up: src/domain/members/memberEmails.ts) are journalled
// like the decision emails, right after the send: `a` / `f` map an application id to the meeting
// numbers the email covered, and become the `Agenda Sent` / `Follow-up Sent` cells at the run's end.
//
// Layout: key `cop.journal.<startedAt>.<random>.<seq>`, value
// `{"n":{id:status},"e":["clna#1"],"a":{id:[1,2]},"f":{id:[1]}}`.
// A run starts a new key every JOURNAL_ENTRIES_PER_KEY entries so a value stays far below the
// 9 KB property limit (an id, a status and the JSON punctuation are well under 80 characters; one
// email covers at most a few applications of one applicant).
import { emailKey, formatInvited, isPlausibleEmail, parseInvited } from './due';
import { STATUSES, type Application, type Meeting, type Status } from '../program/model';

export const JOURNAL_PREFIX = 'cop.journal.';
export const JOURNAL_ENTRIES_PER_KEY = 100;

export interface JournalEntries {
  /** application id → the status its applicant was emailed */
  n: Record<string, Status>;
  /** meetings (meetingKey) whose event was about to be changed */
  e: string[];
  /** application id → meeting numbers whose agenda email went out */
  a: Record<string, number[]>;
  /** application id → meeting numbers whose attendance follow-up went out */
  f: Record<string, number[]>;
}

export function emptyEntries(): JournalEntries {
  return { n: {}, e: [], a: {}, f: {} };
}

export function entryCount(e: JournalEntries): number {
  return Object.keys(e.n).length + e.e.length + Object.keys(e.a).length + Object.keys(e.f).length;
}

/** Adds meeting numbers to an id's list (no duplicates, sorted). */
export function addNumbers(map: Record<string, number[]>, id: string, nums: readonly number[]): void {
  const all = [...(map[id] ?? []), ...nums];
  map[id] = all.filter((n, i) => all.indexOf(n) === i).sort((x, y) => x - y);
}

function parseNumberMap(v: unknown, into: Record<string, number[]>): void {
  if (!v || typeof v !== 'object' || Array.isArray(v)) return;
  for (const [id, list] of Object.entries(v as Record<string, unknown>)) {
    if (!Array.isArray(list)) continue;
    const nums = list.filter((n): n is number => typeof n === 'number' && Number.isInteger(n) && n > 0);
    if (nums.length) addNumbers(into, id, nums);
  }
}

export function meetingKey(m: Pick<Meeting, 'community' | 'number'>): string {
  return `${m.community}#${m.number}`;
}

export function journalKey(holder: string, seq: number): string {
  return `${JOURNAL_PREFIX}${holder}.${seq}`;
}

/** What one stored value holds; anything malformed is dropped (never trusted, never thrown). */
export function parseEntries(raw: string): JournalEntries {
  const out = emptyEntries();
  let value: unknown;
  try {
    value = JSON.parse(raw);
  } catch {
    return out;
  }
  if (!value || typeof value !== 'object') return out;
  const v = value as Record<string, unknown>;
  if (v.n && typeof v.n === 'object') {
    for (const [id, s] of Object.entries(v.n as Record<string, unknown>)) {
      if (typeof s === 'string' && (STATUSES as readonly string[]).indexOf(s) >= 0) out.n[id] = s as Status;
    }
  }
  if (Array.isArray(v.e)) for (const k of v.e) if (typeof k === 'string' && out.e.indexOf(k) < 0) out.e.push(k);
  parseNumberMap(v.a, out.a);
  parseNumberMap(v.f, out.f);
  return out;
}

/**
 * The journal keys among `keys`, oldest first: by the run's start time, then its random part, then
 * the sequence number, so a later entry for the same application wins when they are applied in order.
 */
export function journalKeys(keys: readonly string[]): string[] {
  const parsed = keys
    .filter((k) => k.indexOf(JOURNAL_PREFIX) === 0)
    .map((k) => {
      const parts = k.slice(JOURNAL_PREFIX.length).split('.');
      const seq = Number(parts[parts.length - 1]);
      const holder = parts.slice(0, -1).join('.');
      const started = Number(holder.split('-')[0]);
      return { k, started: Number.isFinite(started) ? started : 0, holder, seq: Number.isFinite(seq) ? seq : 0 };
    });
  parsed.sort((a, b) => a.started - b.started || (a.holder < b.holder ? -1 : a.holder > b.holder ? 1 : 0) || a.seq - b.seq);
  return parsed.map((p) => p.k);
}

/** All stored entries merged in order (later wins). */
export function mergeEntries(values: readonly string[]): JournalEntries {
  const out = emptyEntries();
  for (const raw of values) {
    const e = parseEntries(raw);
    Object.assign(out.n, e.n);
    for (const k of e.e) if (out.e.indexOf(k) < 0) out.e.push(k);
    for (const [id, nums] of Object.entries(e.a)) addNumbers(out.a, id, nums);
    for (const [id, nums] of Object.entries(e.f)) addNumbers(out.f, id, nums);
  }
  return out;
}

/**
 * `Invited` as the event's attendee list says, for the members of the meeting's community: the
 * meeting number is listed exactly for those on the event. Returns only the applications whose
 * cell changes, with the new cell.
 */
export function invitedFromAttendees(
  apps: readonly Application[],
  meeting: Pick<Meeting, 'community' | 'number'>,
  attendeeEmails: readonly string[],
): { id: string; invited: string }[] {
  const on = new Set(attendeeEmails.map(emailKey));
  const out: { id: string; invited: string }[] = [];
  for (const app of apps) {
    if (app.community !== meeting.community || !isPlausibleEmail(app.email)) continue;
    const nums = parseInvited(app.invited);
    const listed = nums.indexOf(meeting.number) >= 0;
    const present = on.has(emailKey(app.email));
    if (listed === present) continue;
    const next = present ? [...nums, meeting.number] : nums.filter((n) => n !== meeting.number);
    out.push({ id: app.id, invited: formatInvited(next) });
  }
  return out;
}
