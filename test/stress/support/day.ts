// A realistic program day, as data, and the machinery to replay it on the emulator: snapshots of the
// shared state between steps, a time-limit cut armed on one execution of a step, recovery (the
// reviewer retries a failed decide; the hourly sweep runs until it completes) and a projection of
// what the program promises (Applications rows, outbox, calendar guests) to compare runs by.
import { Workspace, type Execution, type Firing } from '../../../emulator';
import { AGENCY_TYPES } from '../../../src/domain/program/model';
import { DEFAULT_COMMUNITIES } from '../../../src/domain/program/defaults';
import type { Decision, WireStatus } from '../../../src/shared/wire';
import { mulberry32, pick, sample, type Rng } from './rng';

export const OWNER = 'owner@careertech.org';
export const REVIEWERS = ['owner@careertech.org', 'staff@careertech.org', 'lead@careertech.org'] as const;
export const WORKSPACE_OPTIONS = {
  scriptTimeZone: 'America/New_York',
  owner: OWNER,
  editors: ['staff@careertech.org', 'lead@careertech.org'],
  mailQuota: 1500,
};
/** The day: submissions from 09:00 ET on Aug 14; the notify date (Aug 15, 00:00 ET) passes overnight. */
export const SETUP_AT = '2023-08-14T12:30:00Z';
export const SUBMISSIONS_FROM = '2023-08-14T13:00:00Z';
export const NOTIFY_PASSED = '2023-08-15T13:00:00Z';
const HOUR = 60 * 60 * 1000;

export interface Applicant {
  email: string;
  first: string;
  last: string;
  job: string;
  agency: string;
  agencyType: string;
  state: string;
  communities: string[];
  hopes: string;
}

/** Which applications a reviewer selects: by applicant email, among rows in status `from`. */
export interface Selection {
  emails: string[];
  from: WireStatus;
  /** at most this many of the matching rows (in Application ID order) */
  limit?: number;
}

export type Step =
  | { kind: 'submit'; applicant: Applicant; firing: Firing }
  | { kind: 'decide'; user: string; decision: Decision; select: Selection; note?: string }
  | { kind: 'hourly' }
  | { kind: 'clock'; to: string };

export function answers(a: Applicant): Record<string, string | string[]> {
  return {
    'First name': a.first,
    'Last name': a.last,
    'Job title': a.job,
    'Agency or organization': a.agency,
    'Agency type': a.agencyType,
    State: a.state,
    'Communities of Practice': a.communities,
    'What do you hope to gain?': a.hopes,
    Commitment: ['I will attend and actively engage in the four virtual meetings and complete the pre-reading/work.'],
  };
}

const FIRST = ['Ana', 'Ben', 'Chloé', 'Dev', 'Eun-ji', 'Farah', 'Gus', "O'Brien", 'Hana', 'Ivo', 'Jo', 'Kwame'];
const LAST = ['Smith', 'García', 'Nguyen', "O'Neil", 'Okafor', 'Li', 'Kowalski', 'Dubois', '=HYPERLINK("x")', 'Brown'];
const STATES = ['Ohio', 'Texas', 'Maine', 'Guam', 'Oregon', 'Iowa', 'Utah', 'Alaska'];
const JOBS = ['CTE Director', 'State CTE Coordinator', 'Program Specialist', '+1 Data Analyst', 'Policy Advisor'];
const HOPES = ['Peer learning.', '', 'Ideas <b>for</b> our state & partners', '@everyone: better data', 'Line one\nline two'];

export interface DayPlan {
  seed: number;
  steps: Step[];
  submissions: number;
  firings: Record<Firing, number>;
}

/**
 * `submissions` form submissions with trigger quirks (about 1 in 10 fires twice, 1 in 10 also
 * fires blank, 1 in 12 is missed and left to the hourly sweep; some applicants resubmit), hourly
 * sweeps while they arrive, three reviewers' decisions in the evening (accept, waitlist, decline,
 * then promotions, withdrawals and reopenings), the notify date passing with its sweep, and one
 * more decision after it (delivered by decide itself), then a last sweep.
 */
export function planDay(seed: number, submissions = 200, options: { everyQuirk?: boolean; hourlyEvery?: number } = {}): DayPlan {
  const rng: Rng = mulberry32(seed);
  const names = DEFAULT_COMMUNITIES.map((c) => c.name);
  const steps: Step[] = [];
  const firings: Record<Firing, number> = { once: 0, twice: 0, 'blank-too': 0, none: 0 };
  const people: Applicant[] = [];
  for (let i = 0; i < submissions; i++) {
    let a: Applicant;
    const forcedResubmit = options.everyQuirk === true && i === 5;
    if (forcedResubmit || (people.length > 5 && rng() < 0.06)) {
      // resubmission: same email, maybe another community and a new job title
      const prev = forcedResubmit ? people[0] : pick(rng, people);
      a = { ...prev, job: `${prev.job} (updated)`, communities: rng() < 0.5 ? prev.communities : [pick(rng, names)] };
    } else {
      const n = people.length;
      const personal = rng() < 0.1;
      a = {
        email: personal ? `person${n}.${seed}@gmail.com` : `applicant${n}@state${n % 7}.gov`,
        first: pick(rng, FIRST),
        last: pick(rng, LAST),
        job: pick(rng, JOBS),
        agency: `Department ${n % 13}`,
        agencyType: pick(rng, AGENCY_TYPES),
        state: pick(rng, STATES),
        communities: sample(rng, names, 1 + Math.floor(rng() * (rng() < 0.8 ? 1 : 3))),
        hopes: pick(rng, HOPES),
      };
      people.push(a);
    }
    const r = rng();
    const forced: Firing | null = options.everyQuirk ? ((['twice', 'blank-too', 'none'] as const)[i - 1] ?? null) : null;
    const firing: Firing = forced ?? (r < 0.1 ? 'twice' : r < 0.2 ? 'blank-too' : r < 0.283 ? 'none' : 'once');
    firings[firing]++;
    steps.push({ kind: 'submit', applicant: a, firing });
    if ((i + 1) % (options.hourlyEvery ?? Math.max(1, Math.floor(submissions / 4))) === 0) steps.push({ kind: 'hourly' });
  }
  steps.push({ kind: 'hourly' });
  const emails = people.map((p) => p.email);
  const third = Math.ceil(emails.length / 3);
  const [a, b, c] = REVIEWERS;
  const block = (xs: string[], size: number): string[][] => Array.from({ length: Math.ceil(xs.length / size) }, (_, i) => xs.slice(i * size, (i + 1) * size));
  steps.push({ kind: 'clock', to: '2023-08-14T22:00:00Z' });
  for (const part of block(emails.slice(0, third), Math.ceil(third / 2)))
    steps.push({ kind: 'decide', user: a, decision: 'accept', select: { emails: part, from: 'Pending' } });
  steps.push({
    kind: 'decide',
    user: b,
    decision: 'waitlist',
    select: { emails: emails.slice(third, 2 * third), from: 'Pending' },
    note: 'Strong pool; waitlisted for now.',
  });
  steps.push({ kind: 'decide', user: c, decision: 'decline', select: { emails: emails.slice(2 * third), from: 'Pending', limit: Math.ceil(third / 2) } });
  steps.push({
    kind: 'decide',
    user: b,
    decision: 'accept',
    select: { emails: emails.slice(third, 2 * third), from: 'Waitlisted', limit: 5 },
    note: 'Seat freed.',
  });
  steps.push({ kind: 'decide', user: c, decision: 'withdraw', select: { emails: emails.slice(0, third), from: 'Accepted', limit: 3 } });
  steps.push({ kind: 'decide', user: a, decision: 'reopen', select: { emails: emails.slice(2 * third), from: 'Declined', limit: 2 } });
  steps.push({ kind: 'clock', to: NOTIFY_PASSED });
  steps.push({ kind: 'hourly' });
  steps.push({ kind: 'decide', user: c, decision: 'accept', select: { emails: emails.slice(2 * third), from: 'Pending', limit: 6 }, note: 'Late addition.' });
  steps.push({ kind: 'hourly' });
  return { seed, steps, submissions, firings };
}

// --- running -----------------------------------------------------------------------------------

export interface Snapshot {
  state: Workspace['state'];
  now: number;
}

/**
 * A deep copy of plain state (arrays with their holes, plain objects, Dates): four times faster than
 * structuredClone on the emulator's cell objects, which matters when a suite restores thousands of times.
 */
export function cloneState<T>(v: T): T {
  if (v === null || typeof v !== 'object') return v;
  if (v instanceof Date) return new Date(v.getTime()) as T;
  if (Array.isArray(v)) {
    const out = new Array<unknown>(v.length);
    for (let i = 0; i < v.length; i++) if (i in v) out[i] = cloneState(v[i] as unknown);
    return out as T;
  }
  const out: Record<string, unknown> = {};
  for (const k of Object.keys(v)) out[k] = cloneState((v as Record<string, unknown>)[k]);
  return out as T;
}

export function snapshot(ws: Workspace): Snapshot {
  return { state: cloneState(ws.state), now: ws.clock.millis() };
}

export function restore(s: Snapshot, bundlePath?: string): Workspace {
  return new Workspace({ ...WORKSPACE_OPTIONS, now: s.now, ...(bundlePath ? { bundlePath } : {}) }, cloneState(s.state));
}

export function newDayWorkspace(bundlePath?: string): Workspace {
  const ws = new Workspace({ ...WORKSPACE_OPTIONS, now: SETUP_AT, ...(bundlePath ? { bundlePath } : {}) });
  ws.run('setup');
  ws.clock.set(SUBMISSIONS_FROM);
  return ws;
}

/** The ids (and the statuses the reviewer saw) a selection names in the sheet now. */
export function resolveSelection(ws: Workspace, sel: Selection): { applicationIds: string[]; expected: Record<string, WireStatus> } {
  const want = new Set(sel.emails.map((e) => e.toLowerCase()));
  const rows = ws
    .records('Applications')
    .filter((r) => want.has(String(r.Email).toLowerCase()) && r.Status === sel.from)
    .map((r) => String(r['Application ID']))
    .sort();
  const ids = sel.limit === undefined ? rows : rows.slice(0, sel.limit);
  return { applicationIds: ids, expected: Object.fromEntries(ids.map((id) => [id, sel.from])) };
}

export interface StepRun {
  executions: Execution[];
  /** the decide request actually sent (so a retry sends the same one) */
  request?: Record<string, unknown>;
}

/** Runs one step; every execution it starts is returned (in order). */
export function runStep(ws: Workspace, step: Step): StepRun {
  const before = ws.executions.length;
  let request: Record<string, unknown> | undefined;
  switch (step.kind) {
    case 'submit':
      ws.clock.advance(60 * 1000);
      ws.submitForm({ email: step.applicant.email, answers: answers(step.applicant) }, { firing: step.firing });
      break;
    case 'hourly':
      ws.clock.advance(HOUR);
      ws.runTimeTriggers();
      break;
    case 'clock':
      ws.clock.set(step.to);
      break;
    case 'decide': {
      ws.clock.advance(60 * 1000);
      const sel = resolveSelection(ws, step.select);
      if (sel.applicationIds.length === 0) break;
      request = { ...sel, decision: step.decision, ...(step.note ? { note: step.note } : {}) };
      ws.run('decide', [request], { user: step.user, catch: true });
      break;
    }
  }
  return { executions: ws.executions.slice(before), ...(request ? { request } : {}) };
}

/**
 * Arms a time-limit cut on the `ordinal`-th execution (1-based) that starts from now, before its
 * `callIndex`-th service call. The emulator's `faults.cutAtCall` arms the NEXT execution; a step
 * such as a double-firing submission starts two, so the armed value is handed out per execution.
 * Returns the disarm function.
 */
export function armCut(ws: Workspace, ordinal: number, callIndex: number): () => void {
  let started = 0;
  Object.defineProperty(ws.faults, 'cutAt', {
    configurable: true,
    enumerable: true,
    get: () => {
      started++;
      return started === ordinal ? callIndex : null;
    },
    set: () => undefined,
  });
  return () => {
    Reflect.deleteProperty(ws.faults, 'cutAt');
    ws.faults.cutAt = null;
  };
}

/** Runs `sweep` an hour later, again and again until one completes (at most `max` times). */
export function sweepToCompletion(ws: Workspace, max = 4): number {
  for (let i = 1; i <= max; i++) {
    ws.clock.advance(HOUR);
    const out = ws.run('sweep', [], { catch: true }) as { message?: string } | string;
    const last = ws.lastExecution;
    if (last && !last.error) return i;
    if (i === max) throw new Error(`sweep did not complete after ${max} runs: ${typeof out === 'string' ? out : out?.message}`);
  }
  return max;
}

// --- what the program promises, to compare runs by ---------------------------------------------

export interface Outcome {
  /** Applications rows sorted by Application ID, cells as JSON-able values */
  applications: string[];
  /** multiset of to + subject + body */
  outbox: Map<string, number>;
  /** event (summary @ start) → sorted guest emails */
  calendar: Map<string, string>;
}

/**
 * Applications columns left out of the comparison. None: every column, including `Decided At`
 * (a retried decide runs at the same emulated instant) and `Submitted` (the response's timestamp,
 * whichever run processes it). The outbox leaves out `sentAt` (a caught-up email goes out later by
 * design) and the Log tab is not compared (a cut run legitimately logs what happened to it).
 */
export const VOLATILE_COLUMNS: readonly string[] = [];

function cell(v: unknown): unknown {
  return v instanceof Date ? v.toISOString() : v;
}

export function outcome(ws: Workspace): Outcome {
  const apps = ws
    .records('Applications')
    .map((r) => {
      const o: Record<string, unknown> = {};
      for (const k of Object.keys(r).sort()) if (!VOLATILE_COLUMNS.includes(k)) o[k] = cell(r[k]);
      return o;
    })
    .sort((x, y) => String(x['Application ID']).localeCompare(String(y['Application ID'])))
    .map((o) => JSON.stringify(o));
  const outbox = new Map<string, number>();
  for (const m of ws.outbox) {
    const k = `${m.to}\n${m.subject}\n${m.body}`;
    outbox.set(k, (outbox.get(k) ?? 0) + 1);
  }
  const calendar = new Map<string, string>();
  for (const e of ws.events()) {
    calendar.set(
      `${e.summary} @ ${e.start.toISOString()}`,
      e.attendees
        .map((a) => a.email.toLowerCase())
        .sort()
        .join(','),
    );
  }
  return { applications: apps, outbox, calendar };
}

export interface OutcomeDiff {
  lostRows: string[];
  extraRows: string[];
  lostMail: string[];
  duplicatedMail: string[];
  calendar: string[];
}

export function diffOutcomes(expected: Outcome, actual: Outcome): OutcomeDiff {
  const exp = new Set(expected.applications);
  const act = new Set(actual.applications);
  const lostRows = expected.applications.filter((r) => !act.has(r));
  const extraRows = actual.applications.filter((r) => !exp.has(r));
  const lostMail: string[] = [];
  const duplicatedMail: string[] = [];
  for (const [k, n] of expected.outbox) {
    const m = actual.outbox.get(k) ?? 0;
    for (let i = m; i < n; i++) lostMail.push(k);
  }
  for (const [k, m] of actual.outbox) {
    const n = expected.outbox.get(k) ?? 0;
    for (let i = n; i < m; i++) duplicatedMail.push(k);
  }
  const calendar: string[] = [];
  for (const k of new Set([...expected.calendar.keys(), ...actual.calendar.keys()])) {
    if (expected.calendar.get(k) !== actual.calendar.get(k))
      calendar.push(`${k}: expected [${expected.calendar.get(k) ?? '-'}] got [${actual.calendar.get(k) ?? '-'}]`);
  }
  return { lostRows, extraRows, lostMail, duplicatedMail, calendar };
}

export function isIdentical(d: OutcomeDiff): boolean {
  return d.lostRows.length + d.extraRows.length + d.lostMail.length + d.duplicatedMail.length + d.calendar.length === 0;
}

const WRITE = /^(Range\.(setValue|setValues|setFormula|setFormulas|clear|clearContent)|Sheet\.(appendRow|deleteRow|deleteRows))$/;

/**
 * Whether a cut before call `n` of `exec` falls in the at-least-once window: a MailApp/GmailApp
 * send has succeeded and no sheet write has happened since (so the sheet does not record it yet).
 * Intake's confirmations record their send in a script property instead; a cut there is counted
 * too, and happens to give no duplicate (intake then never resends: see KNOWN_DEFECTS).
 */
export function inSendRecordWindow(calls: Execution['calls'], n: number): boolean {
  const done = calls.slice(0, n - 1);
  for (let i = done.length - 1; i >= 0; i--) {
    const c = done[i];
    if (c.method === 'MailApp.sendEmail' || c.method === 'GmailApp.sendEmail') return true;
    if (c.service === 'SpreadsheetApp' && WRITE.test(c.method)) return false;
  }
  return false;
}
