// One program year on the emulator, hour by hour, over the BUILT dist/Code.js: install, program
// year, registration (the stress suite's applicants and trigger quirks, spread over the window),
// staff deciding in batches, the notify date, invitations, agendas, RSVPs, attendance, withdrawals
// and waitlist promotions, with the hourly sweep fired as the clock trigger (ws.runTimeTriggers()).
// Every service call advances the emulated clock by the latency model (latency.ts), so the code's
// own time budget and the 6-minute limit see realistic time; every figure reported is counted from
// the emulator's state and its executions' ServiceCall lists.
//
// The one shortcut, stated in the output: an hourly sweep is NOT re-run when the previous sweep
// changed nothing (no Spreadsheet, Mail, Calendar or Form write; script properties identical before
// and after; no error) and nothing has happened since (no submission, staff or member action, mail
// quota reset, deadline, notify date, agenda date or meeting start). The code is deterministic given
// the state and those instants, so such a sweep would repeat the last one exactly: it is charged the
// last one's modeled duration in the trigger minutes, and counted as "repeated" instead of "run".
import { agendasBeyondQuota, type OwedAgenda } from './agendaCapacity';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { Workspace, type Execution } from '../../emulator';
import { addTriggerRuntime, TRIGGER_BUDGET_MESSAGE } from '../../emulator/platform';
import { zonedParts, zonedToUtc } from '../../emulator/tz';
import { answers, planDay, type Applicant } from '../stress/support/day';
import { mulberry32, type Rng } from '../stress/support/rng';
import { callMs, FIXED, modeledMs } from './latency';

export const OWNER = 'owner@careertech.org';
export const STAFF = ['staff@careertech.org', 'lead@careertech.org'];
const HOUR = 3_600_000;
const DAY = 24 * HOUR;
export const LIMIT_MS = 6 * 60_000;
export const PROPERTIES_LIMIT = 500 * 1024;

export interface Account {
  name: 'consumer' | 'workspace';
  mailQuota: number;
  triggerMinutes: number;
}
export const ACCOUNTS: Record<Account['name'], Account> = {
  consumer: { name: 'consumer', mailQuota: 100, triggerMinutes: 90 },
  workspace: { name: 'workspace', mailQuota: 1500, triggerMinutes: 360 },
};

export interface Spec {
  applicants: number;
  account: Account['name'];
  seed: number;
  /** stop this many days after the last meeting even if something is still waiting */
  graceDays?: number;
  /** stop after this many days from the install (a short run for CI); default: the whole year */
  days?: number;
  /** stop at this wall-clock instant (epoch ms) if the year is not done: a shared machine's time box */
  stopAtWallMs?: number;
}

export type PhaseName =
  | 'install'
  | 'program year'
  | 'registration'
  | 'decisions'
  | 'notify date'
  | 'invitations'
  | 'agendas'
  | 'RSVPs'
  | 'attendance'
  | 'staff withdrawals and waitlist promotions'
  | 'self-service withdrawals';

export interface Phase {
  name: PhaseName;
  ran: boolean;
  /** what was run, or "not run: feature not on main (<entry point>)" */
  detail: string;
}

export interface DayRow {
  date: string;
  submissions: number;
  emailsSent: number;
  /** emails owed at the end of the day: confirmations not sent + applicants owed a decision email (+ agendas) */
  waiting: number;
  waitingConfirmations: number;
  waitingDecisions: number;
  waitingAgendas: number;
  calendarCalls: number;
  triggerMs: number;
  executions: number;
  sweepsRun: number;
  sweepsRepeated: number;
  longestMs: number;
  longestFn: string;
  cutOff: number;
  errors: number;
  /** trigger executions the platform refused or ended: the daily trigger runtime was used up */
  overBudget: number;
  propertiesBytes: number;
}

export interface Finding {
  limit: string;
  date: string;
  value: string;
  codePath: string;
}

export interface YearResult {
  spec: Spec;
  account: Account;
  phases: Phase[];
  /** false when the run stopped before the end of the year (wall-time limit) */
  complete: boolean;
  days: DayRow[];
  findings: Finding[];
  /** failed executions by function and message (digits as N) */
  errors: Record<string, number>;
  totals: {
    submissions: number;
    responses: number;
    rows: number;
    emails: number;
    confirmations: number;
    decisionEmails: number;
    agendaEmails: number;
    calendarCalls: number;
    executions: number;
    sweepsRun: number;
    sweepsRepeated: number;
    longestMs: number;
    longestFn: string;
    maxTriggerMinutes: number;
    maxPropertiesBytes: number;
    /** days from the notify date to the first day, after the last staff session, that ended with nothing owed (null: never within the run) */
    daysToDeliverAll: number | null;
    clearedDate: string | null;
    lastReviewDate: string;
    notifyDate: string;
    lastDeliveryDate: string | null;
    confirmationsDoneDate: string | null;
    lostEmails: number;
    /** agendas members told before their meeting never got (part of lostEmails) */
    lostAgendas?: number;
    /** of the agendas owed, how many the yardstick's schedules also miss on the account's quota (agendaCapacity.ts) */
    agendasBeyondQuota?: number;
    duplicatedEmails: number;
    lostRows: number;
    duplicatedRows: number;
    lostGuests: number;
    extraGuests: number;
    duplicatedGuests: number;
    wallMs: number;
    /** CPU time of this process for the scenario (the machine may be shared: wall time alone misleads) */
    cpuMs: number;
  };
  notes: string[];
}

// --- the bundle's entry points -------------------------------------------------------------------

/** SIMULATE_BUNDLE: another build of the bundle (e.g. a scratch checkout of main) instead of dist/Code.js. */
const BUNDLE = process.env.SIMULATE_BUNDLE ? path.resolve(process.env.SIMULATE_BUNDLE) : path.resolve(__dirname, '../../dist/Code.js');

/** Top-level function names of the built bundle (what Apps Script could call). */
export function bundleFunctions(file = BUNDLE): Set<string> {
  const src = readFileSync(file, 'utf8');
  const names = new Set<string>();
  for (const m of src.matchAll(/^function ([A-Za-z_$][\w$]*)\s*\(/gm)) names.add(m[1]);
  return names;
}

// --- time in the program's zone ------------------------------------------------------------------

const TZ = 'America/New_York';

function localDate(ms: number): string {
  const p = zonedParts(ms, TZ);
  return `${p.year}-${String(p.month).padStart(2, '0')}-${String(p.day).padStart(2, '0')}`;
}

function localMidnightAfter(ms: number): number {
  const p = zonedParts(ms, TZ);
  return zonedToUtc(TZ, p.year, p.month, p.day + 1, 0, 0);
}

function localAt(dayMs: number, hour: number, minute = 0): number {
  const p = zonedParts(dayMs, TZ);
  return zonedToUtc(TZ, p.year, p.month, p.day, hour, minute);
}

function weekday(ms: number): number {
  return zonedParts(ms, TZ).weekday;
}

// --- reading the program as the sheet holds it ----------------------------------------------------

interface ProgramDates {
  deadline: number;
  notifyFrom: number;
  leadDays: number;
  meetings: { community: string; number: number; start: number; end: number }[];
  communities: { key: string; name: string }[];
}

function asMs(v: unknown): number {
  if (v instanceof Date) return v.getTime();
  const t = Date.parse(String(v));
  if (Number.isNaN(t)) throw new Error(`not a date: ${String(v)}`);
  return t;
}

function programDates(ws: Workspace): ProgramDates {
  const settings = new Map<string, unknown>();
  for (const r of ws.records('Settings')) settings.set(String(r.Setting), r.Value);
  const lead = Number(settings.get('Agenda lead days'));
  return {
    deadline: asMs(settings.get('Registration deadline')),
    notifyFrom: asMs(settings.get('Notify from')),
    leadDays: Number.isFinite(lead) && lead > 0 ? lead : 7,
    meetings: ws.records('Meetings').map((r) => ({ community: String(r.Community), number: Number(r.Meeting), start: asMs(r.Start), end: asMs(r.End) })),
    communities: ws.records('Communities').map((r) => ({ key: String(r.Key), name: String(r.Community) })),
  };
}

// --- the year's events ---------------------------------------------------------------------------

type Event =
  | { at: number; kind: 'submit'; applicant: Applicant; firing: 'once' | 'twice' | 'blank-too' | 'none' }
  | { at: number; kind: 'review' }
  | { at: number; kind: 'churn' }
  | { at: number; kind: 'agenda'; community: string; meeting: number }
  | { at: number; kind: 'rsvp' }
  | { at: number; kind: 'attendance'; community: string; meeting: number }
  | { at: number; kind: 'members-view' };

/** A registration-day weight: busy first days, a quiet middle, a rush before the deadline. */
function dayWeight(i: number, n: number): number {
  if (i < 3) return 3;
  if (i >= n - 3) return 4;
  return 1;
}

function planEvents(rng: Rng, spec: Spec, opened: number, dates: ProgramDates, features: Set<string>): { events: Event[]; submitted: Applicant[] } {
  const events: Event[] = [];
  // applicants and trigger quirks: the stress suite's day model (double, blank and missed firings, resubmissions)
  const day = planDay(spec.seed, spec.applicants, { hourlyEvery: Number.MAX_SAFE_INTEGER });
  const submits = day.steps.filter((s): s is Extract<(typeof day.steps)[number], { kind: 'submit' }> => s.kind === 'submit');
  const firstDay = opened;
  const nDays = Math.max(1, Math.floor((dates.deadline - firstDay) / DAY));
  const weights = Array.from({ length: nDays }, (_, i) => dayWeight(i, nDays));
  const total = weights.reduce((a, b) => a + b, 0);
  const times: number[] = [];
  for (let k = 0; k < submits.length; k++) {
    let u = rng() * total;
    let i = 0;
    while (i < nDays - 1 && u >= weights[i]) u -= weights[i++];
    const dayStart = firstDay + i * DAY;
    // between 08:00 and 22:00 in the program's zone, never before the form opened or after the deadline
    const at = Math.min(dates.deadline - 60_000, Math.max(opened + 60_000, localAt(dayStart, 8) + Math.floor(rng() * 14 * HOUR)));
    times.push(at);
  }
  times.sort((a, b) => a - b);
  // resubmissions keep their order after the first submission (the model lists them after it)
  submits.forEach((s, k) => events.push({ at: times[k], kind: 'submit', applicant: s.applicant, firing: s.firing }));

  const lastMeeting = Math.max(...dates.meetings.map((m) => m.start));
  // staff review on weekdays at 15:00 from the second day until two weeks after the deadline
  for (let d = localAt(opened + DAY, 15); d < dates.deadline + 14 * DAY; d = localAt(d + DAY, 15)) {
    if (weekday(d) >= 1 && weekday(d) <= 5) events.push({ at: d, kind: 'review' });
  }
  // withdrawals and promotions on Wednesdays at 11:00 from a week after the notify date to the last meeting
  for (let d = localAt(dates.notifyFrom + 7 * DAY, 11); d < lastMeeting; d = localAt(d + DAY, 11)) {
    if (weekday(d) === 3) events.push({ at: d, kind: 'churn' });
  }
  for (const m of dates.meetings) {
    // staff add the agenda ten days ahead (the first meetings' agendas the day after the notify date)
    const agendaAt = Math.max(m.start - 10 * DAY, localAt(dates.notifyFrom + DAY, 10));
    if (agendaAt < m.start) events.push({ at: agendaAt, kind: 'agenda', community: m.community, meeting: m.number });
    events.push({ at: localAt(m.end + DAY, 10), kind: 'attendance', community: m.community, meeting: m.number });
  }
  // members answer their invitations; staff look at the members view every Monday
  for (let d = localAt(dates.notifyFrom + DAY, 9); d < lastMeeting; d = localAt(d + DAY, 9)) {
    if (weekday(d) === 1) {
      events.push({ at: d, kind: 'rsvp' });
      events.push({ at: d + HOUR, kind: 'members-view' });
    }
  }
  void features;
  events.sort((a, b) => a.at - b.at);
  return { events, submitted: submits.map((s) => s.applicant) };
}

// --- staff and member actions ---------------------------------------------------------------------

function hash01(s: string, seed: number): number {
  let h = 2166136261 ^ seed;
  for (let i = 0; i < s.length; i++) {
    h ^= s.charCodeAt(i);
    h = Math.imul(h, 16777619);
  }
  return ((h >>> 0) % 100000) / 100000;
}

type Row = Record<string, unknown>;

function chunks<T>(xs: T[], n: number): T[][] {
  const out: T[][] = [];
  for (let i = 0; i < xs.length; i += n) out.push(xs.slice(i, i + n));
  return out;
}

interface DecideOut {
  ok?: boolean;
  changed?: string[];
  skipped?: { id: string; reason: string }[];
  error?: string;
}

/** (email|community key) pairs staff have decided: a resubmission for only those gets no confirmation. */
let decidedPairs = new Set<string>();

function decide(ws: Workspace, user: string, rows: Row[], decision: string, note?: string): void {
  for (const r of rows) {
    const k = `${String(r.Email).toLowerCase()}|${communityKeyOf(ws, String(r.Community))}`;
    if (decision === 'reopen') decidedPairs.delete(k);
    else decidedPairs.add(k);
  }
  for (const part of chunks(rows, 250)) {
    const ids = part.map((r) => String(r['Application ID']));
    const expected = Object.fromEntries(part.map((r) => [String(r['Application ID']), String(r.Status)]));
    const out = ws.run('decide', [{ applicationIds: ids, decision, expected, ...(note ? { note } : {}) }], { user, catch: true }) as DecideOut;
    if (out && out.ok === false) throw new Error(`decide ${decision} refused: ${out.error}`);
  }
}

/** A staff session: every Pending application is decided (accept about half, waitlist a fifth, decline the rest). */
function review(ws: Workspace, seed: number, sessionNo: number): boolean {
  const pending = ws.records('Applications').filter((r) => r.Status === 'Pending');
  const by: Record<string, Row[]> = { accept: [], waitlist: [], decline: [] };
  for (const r of pending) {
    const u = hash01(`${String(r.Email)}|${String(r.Community)}`, seed);
    by[u < 0.5 ? 'accept' : u < 0.7 ? 'waitlist' : 'decline'].push(r);
  }
  const user = sessionNo % 3 === 0 ? OWNER : OWNER; // one account sends: the owner's quota is the one that binds
  for (const d of ['accept', 'waitlist', 'decline']) if (by[d].length) decide(ws, user, by[d], d);
  return pending.length > 0;
}

/** Staff record a few withdrawals (members who wrote in) and offer each freed seat to the first waitlisted. */
function churn(ws: Workspace, rng: Rng, selfService: boolean, stats: { withdrawn: number; promoted: number; selfService: number }): void {
  const rows = ws.records('Applications');
  const accepted = rows.filter((r) => r.Status === 'Accepted');
  const k = Math.min(accepted.length, Math.max(1, Math.round(accepted.length * 0.004)));
  const leaving: Row[] = [];
  for (let i = 0; i < k; i++) leaving.push(accepted[Math.floor(rng() * accepted.length)]);
  const unique = [...new Map(leaving.map((r) => [String(r['Application ID']), r])).values()];
  const viaStaff: Row[] = [];
  for (const r of unique) {
    if (selfService && rng() < 0.5 && selfWithdraw(ws, r)) stats.selfService++;
    else viaStaff.push(r);
  }
  if (viaStaff.length) decide(ws, OWNER, viaStaff, 'withdraw', 'Withdrew by email.');
  stats.withdrawn += unique.length;
  // first waitlisted, first offered: the earliest decided waitlisted row of the same community
  const after = ws.records('Applications');
  const promote: Row[] = [];
  for (const r of unique) {
    const next = after
      .filter((w) => w.Status === 'Waitlisted' && w.Community === r.Community && !promote.includes(w))
      .sort((a, b) => asMs(a['Decided At']) - asMs(b['Decided At']) || String(a['Application ID']).localeCompare(String(b['Application ID'])))[0];
    if (next) promote.push(next);
  }
  if (promote.length) decide(ws, OWNER, promote, 'accept', 'A seat opened.');
  stats.promoted += promote.length;
}

/** An applicant withdraws on their page with the personal link from their latest email (i14). */
function selfWithdraw(ws: Workspace, r: Row): boolean {
  const email = String(r.Email).toLowerCase();
  const mail = [...ws.outbox].reverse().find((m) => m.to.toLowerCase() === email && /[?&]t=([\w.-]+)/.test(`${m.body} ${m.htmlBody ?? ''}`));
  if (!mail) return false;
  const token = /[?&]t=([\w.~%-]+)/.exec(`${mail.body} ${mail.htmlBody ?? ''}`)?.[1];
  if (!token) return false;
  const out = ws.run('applicantWithdraw', [{ token: decodeURIComponent(token), applicationId: String(r['Application ID']) }], {
    webApp: true,
    visitor: '',
    catch: true,
  }) as { ok?: boolean };
  return out?.ok === true;
}

/** Staff type an agenda into the Meetings tab (as a person edits a cell). */
function writeAgenda(ws: Workspace, community: string, meeting: number, text: string): boolean {
  const sheet = ws.state.spreadsheet.sheets.find((s) => s.name === 'Meetings');
  if (!sheet) return false;
  const header = (sheet.rows[0] ?? []).map((c) => String(c?.v ?? ''));
  const col = header.indexOf('Agenda');
  const cCol = header.indexOf('Community');
  const mCol = header.indexOf('Meeting');
  if (col < 0 || cCol < 0 || mCol < 0) return false;
  for (let i = 1; i < sheet.rows.length; i++) {
    const row = sheet.rows[i];
    if (row && String(row[cCol]?.v) === community && Number(row[mCol]?.v) === meeting) {
      row[col] = { v: text };
      return true;
    }
  }
  return false;
}

/** Members answer their invitations in Calendar (what Google records when a guest clicks Yes/No/Maybe). */
function answerInvitations(ws: Workspace, rng: Rng): number {
  let n = 0;
  for (const ev of ws.state.events) {
    for (const a of ev.attendees) {
      if (a.organizer || a.responseStatus !== 'needsAction' || rng() < 0.5) continue;
      const u = rng();
      a.responseStatus = u < 0.75 ? 'accepted' : u < 0.85 ? 'declined' : 'tentative';
      n++;
    }
  }
  return n;
}

function recordAttendance(ws: Workspace, rng: Rng, community: string, meeting: number): void {
  const members = ws.records('Applications').filter((r) => r.Status === 'Accepted' && communityKeyOf(ws, String(r.Community)) === community);
  const attended: string[] = [];
  const absent: string[] = [];
  for (const m of members) (rng() < 0.8 ? attended : absent).push(String(m['Application ID']));
  for (const part of chunks([...attended.map((id) => ['a', id]), ...absent.map((id) => ['x', id])], 1000)) {
    const out = ws.run(
      'recordAttendance',
      [{ community, meeting, attended: part.filter((p) => p[0] === 'a').map((p) => p[1]), absent: part.filter((p) => p[0] === 'x').map((p) => p[1]) }],
      { user: OWNER, catch: true },
    ) as { ok?: boolean; error?: string };
    if (out && out.ok === false) throw new Error(`recordAttendance refused: ${out.error}`);
  }
}

let keyByName: Map<string, string> | null = null;
function communityKeyOf(ws: Workspace, nameOrKey: string): string {
  if (!keyByName) keyByName = new Map(ws.records('Communities').map((r) => [String(r.Community), String(r.Key)]));
  return keyByName.get(nameOrKey) ?? nameOrKey;
}

// --- what is owed ---------------------------------------------------------------------------------

const CONFIRMATION = /we received your application/i;
const AGENDA = /: agenda for /i;
const FOLLOW_UP = /we missed you at/i;
const ACCEPTANCE = /^Welcome to the /i;

function isDecisionMail(subject: string): boolean {
  return !CONFIRMATION.test(subject) && !AGENDA.test(subject) && !FOLLOW_UP.test(subject);
}

interface Owed {
  confirmations: number;
  decisions: number;
  agendas: number;
}

function listed(cell: unknown): number[] {
  return (typeof cell === 'string' || typeof cell === 'number' ? String(cell) : '')
    .split(/[^0-9]+/)
    .filter((x) => x !== '')
    .map(Number);
}

/**
 * Agenda emails owed now (SPEC behaviour 8): a member told of their acceptance, a meeting of their
 * community with an agenda, from `Agenda lead days` before it until it starts, not yet listed in
 * the member's `Agenda Sent`.
 */
function agendasOwed(rows: Row[], ws: Workspace, now: number, dates: ProgramDates, agendas: Map<string, number>): number {
  if (agendas.size === 0) return 0;
  let n = 0;
  for (const r of rows) {
    if (r.Status !== 'Accepted' || r.Notified !== 'Accepted') continue;
    const community = communityKeyOf(ws, String(r.Community));
    const sentFor = listed(r['Agenda Sent']);
    for (const m of dates.meetings) {
      if (m.community !== community || !agendas.has(`${community}#${m.number}`)) continue;
      if (now >= m.start || now < m.start - dates.leadDays * DAY) continue;
      if (!sentFor.includes(m.number)) n++;
    }
  }
  return n;
}

function owed(ws: Workspace, now: number, dates: ProgramDates, confirmationsOwed: number, sent: { confirmations: number }, agendas: Map<string, number>): Owed {
  const rows = ws.records('Applications');
  const decisions = new Set<string>();
  if (now >= dates.notifyFrom) {
    for (const r of rows) {
      const s = String(r.Status);
      if (s !== 'Pending' && s !== '' && String(r.Notified) !== s) decisions.add(String(r.Email).toLowerCase());
    }
  }
  return { confirmations: Math.max(0, confirmationsOwed - sent.confirmations), decisions: decisions.size, agendas: agendasOwed(rows, ws, now, dates, agendas) };
}

// --- the run --------------------------------------------------------------------------------------

const WRITE_SERVICES = new Set(['SpreadsheetApp', 'MailApp', 'GmailApp', 'Calendar', 'CalendarApp', 'FormApp']);
const READ_METHOD = /\.(get\w*|is\w*|has\w*|list|flush|openById|openByUrl|getActive\w*|create\w*Output\w*)$/;

function wroteSomething(e: Execution): boolean {
  return e.calls.some((c) => WRITE_SERVICES.has(c.service) && !READ_METHOD.test(`.${c.method.split('.').pop() ?? ''}`));
}

function propertiesBytes(ws: Workspace): number {
  let n = 0;
  for (const [k, v] of Object.entries(ws.properties.script)) n += Buffer.byteLength(k) + Buffer.byteLength(v);
  return n;
}

export function runYear(spec: Spec, log: (s: string) => void = () => undefined): YearResult {
  const t0 = Date.now();
  const cpu0 = process.cpuUsage();
  keyByName = null;
  eventIds = null;
  decidedPairs = new Set<string>();
  const account = ACCOUNTS[spec.account];
  const features = bundleFunctions();
  const has = (fn: string): boolean => features.has(fn);
  const rng = mulberry32(spec.seed * 7919 + spec.applicants);
  const phases: Phase[] = [];
  const notes: string[] = [];
  const findings: Finding[] = [];
  const notOnMain = (name: PhaseName, fns: string[]): void => {
    phases.push({ name, ran: false, detail: `not run: feature not on main (${fns.filter((f) => !has(f)).join(', ')} not in dist/Code.js)` });
  };

  // install: the seeded program is 2023–2024. With program years on main, staff install on
  // 2027-07-30 (a first install today would find the seeded year past), start the next program year
  // as proposed, and registration runs to its deadline; without, the seeded year is installed on
  // 2023-08-01.
  const programYears = has('proposeProgramYear') && has('startProgramYear');
  const installAt = programYears ? '2027-07-30T13:00:00Z' : '2023-08-01T13:00:00Z';
  const ws = new Workspace({
    scriptTimeZone: TZ,
    owner: OWNER,
    editors: STAFF,
    mailQuota: account.mailQuota,
    accountType: account.name,
    now: installAt,
    loader: 'cached',
    bundlePath: BUNDLE,
    // the applicant page is deployed as a web app, so every email carries the personal link (SPEC behaviour 9)
    ...(has('applicantWithdraw') ? { webAppUrl: 'https://script.google.com/macros/s/simulated/exec' } : {}),
  });
  ws.faults.setLatencyModel(callMs);
  // the emulator's daily trigger budget counts what the model counts: the calls, plus each execution's start
  ws.faults.setTriggerOverhead(FIXED.executionStart);
  const setupOut = ws.run('setup', [], { user: OWNER });
  phases.push({ name: 'install', ran: true, detail: `setup on ${installAt.slice(0, 10)}: ${String(setupOut).split('\n')[0].slice(0, 160)}` });
  if (programYears) {
    const proposal = ws.run('proposeProgramYear', [], { user: OWNER }) as Record<string, unknown>;
    if (proposal?.ok === false) throw new Error(`proposeProgramYear refused: ${String(proposal.error)}`);
    // what the dialog sends back: the proposal itself, without the explanations around it
    const { ok: _ok, current: _current, years, shiftWeeks, archive: _archive, resume: _resume, notes: _notes, ...body } = proposal;
    const started = ws.run('startProgramYear', [body], { user: OWNER }) as { ok?: boolean; error?: string; problems?: unknown };
    if (started?.ok !== true) throw new Error(`startProgramYear refused: ${started?.error} ${JSON.stringify(started?.problems ?? '')}`);
    phases.push({
      name: 'program year',
      ran: true,
      detail: `proposeProgramYear (${String(years)}, dates moved ${String(shiftWeeks)} weeks), then startProgramYear with the proposal as proposed`,
    });
  } else {
    notOnMain('program year', ['proposeProgramYear', 'startProgramYear']);
    notes.push('Program year not on main: the year simulated is the seeded 2023–2024 program, installed on 2023-08-01.');
  }
  // a Workspace form may be domain-only: applicants from other agencies could not respond (SPEC behaviour 6)
  const linked = ws.state.forms.find((f) => f.destinationId === ws.state.spreadsheet.id && f.requireLogin);
  if (linked) {
    findings.push({
      limit: 'form open to other agencies (SPEC behaviour 6)',
      date: localDate(ws.clock.millis()),
      value: "after setup the form accepts only signed-in users of the owner's domain: no applicant could respond",
      codePath: 'setup (src/app/setup.ts, src/workspace/form.ts): no Form.setRequireLogin(false) on a Workspace account',
    });
    notes.push(
      'Workspace: setup left the form domain-only; the simulation opens it by hand (Forms: Settings → Responses → "Restrict to users in this domain" off) so the year can run.',
    );
    linked.requireLogin = false;
  }
  const dates = programDates(ws);
  const opened = ws.clock.millis();
  const { events, submitted } = planEvents(rng, spec, opened, dates, features);
  const members = has('getMembersState') && has('recordAttendance');
  const selfService = has('applicantWithdraw');
  const lastMeetingEnd = Math.max(...dates.meetings.map((m) => m.end));
  const wholeYear = localMidnightAfter(lastMeetingEnd + (spec.graceDays ?? 0) * DAY);
  const endAt = spec.days === undefined ? wholeYear : Math.min(wholeYear, localMidnightAfter(opened + (spec.days - 1) * DAY));
  if (endAt < wholeYear) notes.push(`Shortened run: stopped after ${spec.days} days (the year continues to ${localDate(lastMeetingEnd)}).`);

  // time boundaries after which a sweep may act differently
  const boundaries = [dates.deadline, dates.notifyFrom, ...dates.meetings.flatMap((m) => [m.start, m.start - dates.leadDays * DAY])].sort((a, b) => a - b);

  const days: DayRow[] = [];
  let cur: DayRow | null = null;
  const newDay = (ms: number): DayRow => ({
    date: localDate(ms),
    submissions: 0,
    emailsSent: 0,
    waiting: 0,
    waitingConfirmations: 0,
    waitingDecisions: 0,
    waitingAgendas: 0,
    calendarCalls: 0,
    triggerMs: 0,
    executions: 0,
    sweepsRun: 0,
    sweepsRepeated: 0,
    longestMs: 0,
    longestFn: '',
    cutOff: 0,
    errors: 0,
    overBudget: 0,
    propertiesBytes: 0,
  });
  let seen = ws.executions.length;
  let responses = 0;
  let confirmationsOwed = 0;
  const confirmationsOwedBy = new Map<string, number>();
  const sent = { confirmations: 0 };
  let outboxSeen = 0;
  const agendas = new Map<string, number>();
  const churnStats = { withdrawn: 0, promoted: 0, selfService: 0 };
  let rsvps = 0;
  let attendanceRecorded = 0;
  let membersViews = 0;
  let decisionsMade = 0;
  let lastReviewAt = 0;
  let lastDelivery: number | null = null;
  let confirmationsDone: number | null = null;
  const guestChecks = { lost: 0, extra: 0, duplicated: 0 };
  let lostAgendas = 0;
  const owedAgendas: OwedAgenda[] = [];
  /** each member's latest acceptance email so far */
  const toldAt = new Map<string, number>();
  const checkedMeetings = new Set<string>();

  const errorKinds = new Map<string, number>();
  const account_ = (e: Execution, day: DayRow): void => {
    const ms = modeledMs(e);
    day.executions++;
    if (e.trigger) day.triggerMs += ms;
    if (ms > day.longestMs) {
      day.longestMs = ms;
      day.longestFn = e.fn;
    }
    if (e.error) {
      const k = `${e.fn}: ${e.error.message.replace(/\d+/g, 'N').slice(0, 160)}`;
      errorKinds.set(k, (errorKinds.get(k) ?? 0) + 1);
    }
    if (e.endReason === TRIGGER_BUDGET_MESSAGE) day.overBudget++;
    else if (e.cutOff) day.cutOff++;
    else if (e.error) day.errors++;
    for (const c of e.calls) if (c.service === 'Calendar' || c.service === 'CalendarApp') day.calendarCalls++;
    if (ms > LIMIT_MS || (e.cutOff && e.endReason === undefined))
      findings.push({
        limit: '6-minute execution limit',
        date: day.date,
        value: `${e.fn} modeled ${(ms / 60000).toFixed(1)} min${e.cutOff ? ' (cut off)' : ''}`,
        codePath: e.fn,
      });
  };

  /** Counts what happened since the last call into the current day. */
  const settle = (): void => {
    if (!cur) return;
    const execs = ws.executions.slice(seen);
    seen = ws.executions.length;
    for (const e of execs) account_(e, cur);
    const out = ws.outbox;
    for (let i = outboxSeen; i < out.length; i++) {
      const m = out[i];
      cur.emailsSent++;
      if (CONFIRMATION.test(m.subject)) sent.confirmations++;
      else if (ACCEPTANCE.test(m.subject)) toldAt.set(m.to.toLowerCase(), m.sentAt.getTime());
      lastDelivery = m.sentAt.getTime();
    }
    outboxSeen = out.length;
    cur.propertiesBytes = Math.max(cur.propertiesBytes, propertiesBytes(ws));
  };

  interface LastSweep {
    quiet: boolean;
    ms: number;
    at: number;
  }
  let lastSweep = null as LastSweep | null;
  let eventSinceSweep = true;
  let ei = 0;
  let hour = Math.ceil(opened / HOUR) * HOUR;
  cur = newDay(opened);
  settle();
  const endOfDay = (t: number): void => {
    if (!cur) return;
    settle();
    const o = owed(ws, t, dates, confirmationsOwed, sent, agendas);
    cur.waitingConfirmations = o.confirmations;
    cur.waitingDecisions = o.decisions;
    cur.waitingAgendas = o.agendas;
    cur.waiting = o.confirmations + o.decisions + o.agendas;
    if (o.confirmations === 0 && confirmationsDone === null && responses === submitted.length) confirmationsDone = t - 1;
    const budget = account.triggerMinutes * 60_000;
    if (cur.triggerMs > budget)
      findings.push({
        limit: `trigger runtime ${account.triggerMinutes} min/day`,
        date: cur.date,
        value: `${(cur.triggerMs / 60000).toFixed(1)} min`,
        codePath: 'sweep (hourly) + onFormSubmit',
      });
    if (cur.overBudget > 0)
      findings.push({
        limit: `trigger runtime ${account.triggerMinutes} min/day`,
        date: cur.date,
        value: `${cur.overBudget} trigger runs refused or ended by the platform (budget used up)`,
        codePath: 'sweep (hourly) + onFormSubmit',
      });
    if (cur.propertiesBytes > PROPERTIES_LIMIT)
      findings.push({
        limit: 'script properties 500 KB',
        date: cur.date,
        value: `${(cur.propertiesBytes / 1024).toFixed(0)} KB`,
        codePath: 'script properties',
      });
    days.push(cur);
    if (days.length % 30 === 0) log(`  ${cur.date}: waiting ${cur.waiting}, sent ${ws.outbox.length}`);
  };

  let stoppedEarly = false;
  const submittedSoFar: Applicant[] = [];
  while (hour < endAt) {
    if (spec.stopAtWallMs !== undefined && Date.now() > spec.stopAtWallMs) {
      stoppedEarly = true;
      notes.push(
        `${label_(spec)}: stopped by the wall-time limit after ${days.length} of ${Math.round((endAt - opened) / DAY)} days (${cur.date}); every figure covers the days run, and what was still owed then is counted as waiting, not lost.`,
      );
      break;
    }
    // the day changes at local midnight
    if (localDate(hour) !== cur.date && hour > opened) {
      endOfDay(hour);
      cur = newDay(hour);
    }
    // everything scheduled before this hour's sweep
    while (ei < events.length && events[ei].at < hour) {
      const ev = events[ei++];
      if (ws.clock.millis() < ev.at) ws.clock.set(new Date(ev.at));
      eventSinceSweep = true;
      switch (ev.kind) {
        case 'submit': {
          const form = ws.form;
          if (!form || !form.acceptingResponses) {
            notes.push(`A submission at ${new Date(ev.at).toISOString()} found the form closed: not submitted.`);
            break;
          }
          // a confirmation is owed unless every community it names was already decided (SPEC: decision kept)
          if (ev.applicant.communities.some((c) => !decidedPairs.has(`${ev.applicant.email.toLowerCase()}|${communityKeyOf(ws, c)}`))) {
            confirmationsOwed++;
            confirmationsOwedBy.set(ev.applicant.email.toLowerCase(), (confirmationsOwedBy.get(ev.applicant.email.toLowerCase()) ?? 0) + 1);
          }
          ws.submitForm({ email: ev.applicant.email, answers: answers(ev.applicant) }, { firing: ev.firing });
          submittedSoFar.push(ev.applicant);
          responses++;
          cur.submissions++;
          break;
        }
        case 'review':
          if (review(ws, spec.seed, decisionsMade++)) lastReviewAt = ev.at;
          break;
        case 'churn':
          churn(ws, rng, selfService, churnStats);
          break;
        case 'agenda':
          if (members && writeAgenda(ws, ev.community, ev.meeting, `https://docs.example.org/agenda/${ev.community}-${ev.meeting}`))
            agendas.set(`${ev.community}#${ev.meeting}`, ev.at);
          break;
        case 'rsvp':
          rsvps += answerInvitations(ws, rng);
          break;
        case 'members-view':
          if (members) {
            ws.run('getMembersState', [], { user: OWNER, catch: true });
            membersViews++;
          }
          break;
        case 'attendance':
          if (members && ws.clock.millis() < endAt) {
            recordAttendance(ws, rng, ev.community, ev.meeting);
            attendanceRecorded++;
          }
          break;
      }
      settle();
    }
    // guests as each meeting starts (history from then on)
    for (const m of dates.meetings) {
      const key = `${m.community}#${m.number}`;
      if (!checkedMeetings.has(key) && hour >= m.start) {
        checkedMeetings.add(key);
        checkGuests(ws, m, dates, guestChecks);
        const typedAt = agendas.get(key);
        if (typedAt !== undefined) {
          const at = agendasAtStart(ws, m, dates, typedAt, toldAt);
          lostAgendas += at.missed;
          owedAgendas.push(...at.owed);
          if (at.missed > 0) {
            const h = at.toldHoursBefore;
            const when = h.length ? `; told of their acceptance ${Math.min(...h)}–${Math.max(...h)} h before it` : '';
            notes.push(
              `${label_(spec)}: ${at.missed} of ${at.owed.length} agenda emails owed for ${m.community} meeting ${m.number} (${localDate(m.start)}) not sent${when}.`,
            );
          }
        }
      }
    }
    // the hourly clock trigger
    if (ws.clock.millis() < hour) ws.clock.set(new Date(hour));
    const quotaReset = (ws.state.mailQuota.used[OWNER]?.since ?? 0) + DAY;
    const prev = lastSweep;
    const crossed = prev !== null && (boundaries.some((b) => b > prev.at && b <= hour) || (quotaReset > prev.at && quotaReset <= hour));
    if (prev && prev.quiet && !eventSinceSweep && !crossed) {
      cur.triggerMs += prev.ms;
      cur.sweepsRepeated++;
      addTriggerRuntime(ws.state, OWNER, hour, prev.ms);
      lastSweep = { quiet: true, ms: prev.ms, at: hour };
    } else {
      const before = JSON.stringify(ws.properties.script);
      const outBefore = ws.outbox.length;
      const fired = ws.runTimeTriggers();
      const sweep = fired.find((e) => e.fn === 'sweep');
      if (sweep) {
        cur.sweepsRun++;
        const quiet = !sweep.error && !wroteSomething(sweep) && ws.outbox.length === outBefore && JSON.stringify(ws.properties.script) === before;
        lastSweep = { quiet, ms: modeledMs(sweep), at: hour };
      }
      eventSinceSweep = false;
      settle();
    }
    hour += HOUR;
  }
  endOfDay(hour);

  // --- the end: what was owed and what happened ---------------------------------------------------
  const rows = ws.records('Applications');
  const pairs = new Map<string, number>();
  for (const r of rows) {
    const k = `${String(r.Email).toLowerCase()}|${communityKeyOf(ws, String(r.Community))}`;
    pairs.set(k, (pairs.get(k) ?? 0) + 1);
  }
  const expectedPairs = new Set<string>();
  for (const a of submittedSoFar) {
    for (const c of a.communities) expectedPairs.add(`${a.email.toLowerCase()}|${communityKeyOf(ws, c)}`);
  }
  let lostRows = 0;
  for (const k of expectedPairs) if (!pairs.has(k)) lostRows++;
  let duplicatedRows = 0;
  for (const [k, n] of pairs) duplicatedRows += expectedPairs.has(k) ? n - 1 : n;

  const final = owed(ws, ws.clock.millis(), dates, confirmationsOwed, sent, agendas);
  // duplicates: more confirmations to an address than responses from it; the same decision email twice
  const responsesBy = confirmationsOwedBy;
  const confirmationsBy = new Map<string, number>();
  const decisionMails = new Map<string, number>();
  let decisionEmails = 0;
  let agendaEmails = 0;
  for (const m of ws.outbox) {
    const to = m.to.toLowerCase();
    if (CONFIRMATION.test(m.subject)) confirmationsBy.set(to, (confirmationsBy.get(to) ?? 0) + 1);
    else if (AGENDA.test(m.subject)) agendaEmails++;
    if (isDecisionMail(m.subject)) {
      decisionEmails++;
      const k = `${to}\n${m.subject}\n${m.body}`;
      decisionMails.set(k, (decisionMails.get(k) ?? 0) + 1);
    }
  }
  let duplicatedEmails = 0;
  for (const [to, n] of confirmationsBy) duplicatedEmails += Math.max(0, n - (responsesBy.get(to) ?? 0));
  for (const n of decisionMails.values()) duplicatedEmails += n - 1;
  // agenda duplicates: one per member and meeting
  const agendaBy = new Map<string, number>();
  for (const m of ws.outbox)
    if (AGENDA.test(m.subject)) agendaBy.set(`${m.to.toLowerCase()}\n${m.subject}`, (agendaBy.get(`${m.to.toLowerCase()}\n${m.subject}`) ?? 0) + 1);
  for (const n of agendaBy.values()) duplicatedEmails += n - 1;

  // phases that ran
  phases.push({
    name: 'registration',
    ran: true,
    detail: `${responses} form submissions over ${Math.round((dates.deadline - opened) / DAY)} days (quirks: ${submittedFirings(events)})`,
  });
  phases.push({
    name: 'decisions',
    ran: true,
    detail: `${decisionsMade} staff sessions (weekdays 15:00), each deciding every Pending application in decide() calls of ≤250 ids`,
  });
  phases.push({
    name: 'notify date',
    ran: true,
    detail: `notify date ${new Date(dates.notifyFrom).toISOString().slice(0, 10)}: decisions saved before it went out from it on (decide, then the hourly sweep)`,
  });
  phases.push({ name: 'invitations', ran: true, detail: `${dates.meetings.length} meetings; guests checked as each meeting started` });
  phases.push({
    name: 'staff withdrawals and waitlist promotions',
    ran: true,
    detail: `${churnStats.withdrawn - churnStats.selfService} withdrawals recorded by staff, ${churnStats.promoted} first-waitlisted promoted (Wednesdays)`,
  });
  if (selfService)
    phases.push({
      name: 'self-service withdrawals',
      ran: true,
      detail: `${churnStats.selfService} withdrawals on the applicant page (applicantWithdraw with the token from their latest email)`,
    });
  else notOnMain('self-service withdrawals', ['applicantWithdraw']);
  if (members) {
    phases.push({ name: 'agendas', ran: true, detail: `${agendas.size} agendas typed into Meetings ten days ahead; ${agendaEmails} agenda emails` });
    phases.push({ name: 'RSVPs', ran: true, detail: `${rsvps} invitation answers in Calendar; getMembersState ${membersViews} times (Mondays)` });
    phases.push({ name: 'attendance', ran: true, detail: `recordAttendance after ${attendanceRecorded} meetings` });
  } else {
    notOnMain('agendas', ['getMembersState', 'recordAttendance']);
    phases.push({
      name: 'RSVPs',
      ran: false,
      detail: `members answered ${rsvps} invitations in Calendar; reading them not run: feature not on main (getMembersState not in dist/Code.js)`,
    });
    notOnMain('attendance', ['recordAttendance']);
  }
  const order: PhaseName[] = [
    'install',
    'program year',
    'registration',
    'decisions',
    'notify date',
    'invitations',
    'agendas',
    'RSVPs',
    'attendance',
    'staff withdrawals and waitlist promotions',
    'self-service withdrawals',
  ];
  phases.sort((a, b) => order.indexOf(a.name) - order.indexOf(b.name));

  // every notification delivered: the first day, from the last staff session that decided anything,
  // that ends with nothing waiting (later withdrawals and promotions are counted in the daily rows)
  const lastReviewDate = localDate(Math.max(lastReviewAt, dates.notifyFrom));
  const cleared = days.find((d) => d.date >= lastReviewDate && d.waiting === 0);
  const longest = days.reduce((a, d) => (d.longestMs > a.longestMs ? d : a), days[0]);
  const lastDeliveryMs = lastDelivery as number | null;
  const stillOwed = (stoppedEarly ? 0 : final.confirmations + final.decisions + final.agendas) + lostAgendas;
  return {
    spec,
    account,
    phases,
    complete: !stoppedEarly,
    days,
    findings,
    errors: Object.fromEntries(errorKinds),
    notes,
    totals: {
      submissions: responses,
      responses,
      rows: rows.length,
      emails: ws.outbox.length,
      confirmations: sent.confirmations,
      decisionEmails,
      agendaEmails,
      calendarCalls: days.reduce((a, d) => a + d.calendarCalls, 0),
      executions: ws.executions.length,
      sweepsRun: days.reduce((a, d) => a + d.sweepsRun, 0),
      sweepsRepeated: days.reduce((a, d) => a + d.sweepsRepeated, 0),
      longestMs: longest.longestMs,
      longestFn: longest.longestFn,
      maxTriggerMinutes: Math.max(...days.map((d) => d.triggerMs)) / 60000,
      maxPropertiesBytes: Math.max(...days.map((d) => d.propertiesBytes)),
      daysToDeliverAll: cleared ? Math.round((Date.parse(`${cleared.date}T12:00:00Z`) - Date.parse(`${localDate(dates.notifyFrom)}T12:00:00Z`)) / DAY) : null,
      clearedDate: cleared ? cleared.date : null,
      lastReviewDate,
      notifyDate: localDate(dates.notifyFrom),
      lastDeliveryDate: lastDeliveryMs !== null ? localDate(lastDeliveryMs) : null,
      confirmationsDoneDate: confirmationsDone !== null ? localDate(confirmationsDone) : null,
      lostEmails: stillOwed,
      lostAgendas,
      agendasBeyondQuota: agendasBeyondQuota(owedAgendas, account.mailQuota),
      duplicatedEmails,
      lostRows,
      duplicatedRows,
      lostGuests: guestChecks.lost,
      extraGuests: guestChecks.extra,
      duplicatedGuests: guestChecks.duplicated,
      wallMs: Date.now() - t0,
      cpuMs: (() => {
        const c = process.cpuUsage(cpu0);
        return (c.user + c.system) / 1000;
      })(),
    },
  };
}

function label_(spec: Spec): string {
  return `${spec.account} ${spec.applicants.toLocaleString('en-US')}`;
}

function submittedFirings(events: Event[]): string {
  const n: Record<string, number> = {};
  for (const e of events) if (e.kind === 'submit') n[e.firing] = (n[e.firing] ?? 0) + 1;
  return `${n.twice ?? 0} double, ${n['blank-too'] ?? 0} with a blank extra, ${n.none ?? 0} missed`;
}

/**
 * As a meeting starts: its guests must be exactly the members Accepted now (the meeting is history
 * from then on). Rows decided in the last two hours are left out (their delivery may be under way).
 */
function checkGuests(ws: Workspace, m: ProgramDates['meetings'][number], dates: ProgramDates, out: { lost: number; extra: number; duplicated: number }): void {
  if (m.start < dates.notifyFrom) return;
  const now = ws.clock.millis();
  if (!eventIds)
    eventIds = new Map(ws.records('Meetings').map((r) => [`${String(r.Community)}#${Number(r.Meeting)}`, String(r['Event ID']).replace(/@google\.com$/, '')]));
  const id = eventIds.get(`${m.community}#${m.number}`);
  const ev = ws.state.events.find((e) => e.id === id && e.status !== 'cancelled');
  if (!ev) {
    out.lost += 1;
    return;
  }
  const guests = ev.attendees.filter((a) => !a.organizer).map((a) => a.email.toLowerCase());
  const counts = new Map<string, number>();
  for (const g of guests) counts.set(g, (counts.get(g) ?? 0) + 1);
  for (const n of counts.values()) out.duplicated += n - 1;
  const rows = ws.records('Applications').filter((r) => communityKeyOf(ws, String(r.Community)) === m.community);
  const settled = (r: Row): boolean => {
    const d = r['Decided At'];
    return !(d instanceof Date) || now - d.getTime() > 2 * HOUR;
  };
  const should = new Set(rows.filter((r) => r.Status === 'Accepted' && settled(r)).map((r) => String(r.Email).toLowerCase()));
  const shouldNot = new Set(rows.filter((r) => r.Status !== 'Accepted' && settled(r)).map((r) => String(r.Email).toLowerCase()));
  for (const e of should) if (!counts.has(e)) out.lost++;
  for (const e of counts.keys()) if (shouldNot.has(e) && !should.has(e)) out.extra++;
}

let eventIds: Map<string, string> | null = null;

/** As a meeting with an agenda starts: members told of their acceptance (settled two hours before) who never got its agenda. */
/**
 * As a meeting starts: the members owed its agenda (told of their acceptance, decided at least two
 * hours before), how many of them never got it, and each one's window for the quota yardstick
 * (agendaCapacity.ts): from the lead time, the agenda typed or the member told, whichever is last.
 */
function agendasAtStart(
  ws: Workspace,
  m: ProgramDates['meetings'][number],
  dates: ProgramDates,
  typedAt: number,
  toldAt: ReadonlyMap<string, number>,
): { missed: number; owed: OwedAgenda[]; toldHoursBefore: number[] } {
  const cutoff = m.start - 2 * HOUR;
  let missed = 0;
  const toldHoursBefore: number[] = [];
  const owed: OwedAgenda[] = [];
  for (const r of ws.records('Applications')) {
    if (r.Status !== 'Accepted' || r.Notified !== 'Accepted' || communityKeyOf(ws, String(r.Community)) !== m.community) continue;
    const d = r['Decided At'];
    if (d instanceof Date && d.getTime() > cutoff) continue;
    const to = String(r.Email).toLowerCase();
    if (!listed(r['Agenda Sent']).includes(m.number)) {
      missed++;
      const told = toldAt.get(to);
      if (told !== undefined) toldHoursBefore.push(Math.round((m.start - told) / HOUR));
    }
    owed.push({ to, from: Math.max(m.start - dates.leadDays * DAY, typedAt, toldAt.get(to) ?? 0), until: m.start });
  }
  return { missed, owed, toldHoursBefore };
}
