// Workspaces with n applications (a set-up program whose Applications, Form Responses and Log tabs
// hold n already-processed applicants, written straight into the emulator's state: 5,000 form
// submissions would take minutes) and the operations the benchmark and the call budgets measure.
import { Workspace, type Execution, type ServiceName } from '../../emulator';
import { LOG_HEADERS } from '../../src/domain/program/layout';
import { applicationRows, makeApplicants, responseKeyOf, responseRows } from '../bundle/reviewFixtures';

export const OWNER = 'owner@careertech.org';
export const STAFF = 'staff@careertech.org';
/** Before the notify date (Aug 15): a decision is saved, nothing is due yet. */
export const BEFORE_NOTIFY = '2023-08-10T14:00:00Z';
export const AFTER_NOTIFY = '2023-08-16T14:00:00Z';
const OPTIONS = { owner: OWNER, editors: [STAFF], mailQuota: 1500, scriptTimeZone: 'America/New_York' };

let base: string | null = null;

function writeTab(ws: Workspace, name: string, values: unknown[][]): void {
  const sheets = ws.state.spreadsheet.sheets;
  let sheet = sheets.find((s) => s.name === name);
  if (!sheet) {
    sheet = { ...structuredClone(sheets[0]), id: ws.state.spreadsheet.nextSheetId++, name, rows: [], frozenRows: 1 };
    sheets.push(sheet);
  }
  sheet.rows = values.map((row) => row.map((v) => (v === '' || v === undefined || v === null ? undefined : { v: v as string | number | boolean | Date })));
  sheet.maxRows = Math.max(sheet.maxRows, values.length + 10);
  sheet.maxCols = Math.max(sheet.maxCols, ...values.map((r) => r.length));
}

/** A program set up on Aug 10 with n processed applications (every response logged as processed). */
export function workspaceWith(n: number): Workspace {
  if (!base) {
    const ws = new Workspace({ ...OPTIONS, now: BEFORE_NOTIFY });
    ws.run('setup');
    base = JSON.stringify(ws.toJSON());
  }
  const ws = Workspace.fromJSON(base, { ...OPTIONS, now: BEFORE_NOTIFY });
  const apps = makeApplicants(n, new Date('2023-08-01T14:00:00Z'));
  writeTab(ws, 'Applications', applicationRows(apps));
  writeTab(ws, 'Form Responses 1', responseRows(apps));
  writeTab(ws, 'Log', [[...LOG_HEADERS], ...apps.map((a) => [a.submitted, a.email, 'Response processed', a.id, 'seeded', responseKeyOf(a)])]);
  return ws;
}

/** The clna meeting 2 (2023-10-24 2:00 pm ET) agenda window opens 7 days before. */
export const IN_AGENDA_WINDOW = '2023-10-20T14:00:00Z';
export const AFTER_CLNA_2 = '2023-10-24T20:00:00Z';

function cellsOf(ws: Workspace, name: string): { rows: ({ v: unknown } | undefined)[][]; col: (h: string) => number } {
  const sheet = ws.state.spreadsheet.sheets.find((x) => x.name === name);
  if (!sheet) throw new Error(`no ${name} tab`);
  const rows = sheet.rows as ({ v: unknown } | undefined)[][];
  const head = (rows[0] ?? []).map((c) => (typeof c?.v === 'string' ? c.v : ''));
  return { rows, col: (h) => head.indexOf(h) };
}

/**
 * workspaceWith(n) as the members see it later in the year: every decision told (`Notified`), the
 * accepted members on their meetings 2–4 (`Invited`) with the agenda of their meeting 2 already
 * emailed (`Agenda Sent`), except ONE clna member still owed it; clna meeting 2 has an agenda; the
 * Attendance tab holds a row per accepted member and meeting (as the sweep leaves it). Returns the
 * workspace and the id of that member.
 */
export function membersWorkspaceWith(n: number): { ws: Workspace; memberId: string } {
  const ws = workspaceWith(n);
  const apps = cellsOf(ws, 'Applications');
  const [cId, cStatus, cNotified, cInvited, cAgenda, cCommunity, cEmail] = [
    'Application ID',
    'Status',
    'Notified',
    'Invited',
    'Agenda Sent',
    'Community',
    'Email',
  ].map(apps.col);
  let memberId = '';
  // the member owed the agenda: the first clna application, accepted
  const first = apps.rows.slice(1).find((r) => r[cCommunity]?.v === 'Comprehensive Local Needs Assessment');
  if (first) first[cStatus] = { v: 'Accepted' };
  const attendance: unknown[][] = [['Application ID', 'Email', 'Community', 'Meeting', 'RSVP', 'Attended', 'Recorded By', 'Recorded At']];
  for (const row of apps.rows.slice(1)) {
    const status = typeof row[cStatus]?.v === 'string' ? row[cStatus].v : '';
    if (status === 'Pending') continue;
    row[cNotified] = { v: status };
    if (status !== 'Accepted') continue;
    row[cInvited] = { v: '2, 3, 4' };
    const id = String(row[cId]?.v);
    const community = String(row[cCommunity]?.v);
    if (!memberId && community === 'Comprehensive Local Needs Assessment') memberId = id;
    else row[cAgenda] = { v: '2' };
    for (let m = 1; m <= 4; m++) attendance.push([id, row[cEmail]?.v, community, m, 'needsAction', '', '', '']);
  }
  if (!memberId) throw new Error('no accepted clna member');
  writeTab(ws, 'Attendance', attendance);
  const meetings = cellsOf(ws, 'Meetings');
  const [mc, mn, ma] = ['Community', 'Meeting', 'Agenda'].map(meetings.col);
  const m2 = meetings.rows.find((r) => r[mc]?.v === 'clna' && Number(r[mn]?.v) === 2);
  if (!m2 || ma < 0) throw new Error('no clna meeting 2 / Agenda column');
  m2[ma] = { v: 'Welcome\nhttps://docs.example.org/clna-2' };
  return { ws, memberId };
}

export interface Measured {
  exec: Execution;
  ms: number;
  byService: Partial<Record<ServiceName, number>>;
  total: number;
  result: unknown;
}

function measured(ws: Workspace, run: () => unknown): Measured {
  const before = ws.executions.length;
  const t0 = process.hrtime.bigint();
  const result = run();
  const ms = Number(process.hrtime.bigint() - t0) / 1e6;
  const execs = ws.executions.slice(before);
  if (execs.length !== 1) throw new Error(`expected one execution, got ${execs.length}`);
  const exec = execs[0];
  if (exec.error) throw new Error(`${exec.fn} failed: ${exec.error.message}`);
  const byService: Partial<Record<ServiceName, number>> = {};
  for (const c of exec.calls) byService[c.service] = (byService[c.service] ?? 0) + 1;
  return { exec, ms, byService, total: exec.calls.length, result };
}

export const OPERATIONS = {
  /** one form submission (two communities), the trigger firing once */
  intake: (ws: Workspace): Measured =>
    measured(ws, () =>
      ws.submitForm(
        {
          email: 'new.applicant@state.gov',
          answers: {
            'First name': 'New',
            'Last name': 'Applicant',
            'Job title': 'CTE Director',
            'Agency or organization': 'State Department of Education',
            'Agency type': 'Lead state CTE agency',
            State: 'Ohio',
            'Communities of Practice': ['Learner Voice', 'Data and Accountability'],
            Commitment: ['I will attend and actively engage in the four virtual meetings and complete the pre-reading/work.'],
          },
        },
        { firing: 'once' },
      ),
    ),
  getReviewState: (ws: Workspace): Measured => measured(ws, () => ws.run('getReviewState', [], { user: STAFF })),
  getReviewRevision: (ws: Workspace): Measured => measured(ws, () => ws.run('getReviewRevision', [], { user: STAFF })),
  /**
   * the hourly sweep (as its clock trigger) when nothing is to do: every response processed, no
   * decision due. It runs 24 times a day against the daily trigger runtime (90 min on consumer accounts).
   */
  idleSweep: (ws: Workspace): Measured => {
    // the first sweep after the seeding records where the responses tab was read up to; measured is
    // the next one, as every later hour sees it
    ws.clock.advance(60 * 60 * 1000);
    ws.runTimeTriggers();
    ws.clock.advance(60 * 60 * 1000);
    return measured(ws, () => {
      const runs = ws.runTimeTriggers();
      if (runs.length !== 1 || runs[0].fn !== 'sweep') throw new Error(`expected the sweep trigger alone, got ${runs.map((r) => r.fn).join(', ')}`);
      return runs[0].result;
    });
  },
  /** accept one pending application before the notify date (saved; nothing due yet) */
  decide: (ws: Workspace): Measured => {
    const id = firstPending(ws);
    return measured(ws, () => ws.run('decide', [{ applicationIds: [id], decision: 'accept', expected: { [id]: 'Pending' } }], { user: STAFF }));
  },
  /** accept one pending application after the notify date: decide sends its email and invitations */
  decideAndNotify: (ws: Workspace): Measured => {
    ws.clock.set(AFTER_NOTIFY);
    const id = firstPending(ws);
    return measured(ws, () => ws.run('decide', [{ applicationIds: [id], decision: 'accept', expected: { [id]: 'Pending' } }], { user: STAFF }));
  },
};

export const MEMBER_OPERATIONS = {
  /** a delivery run with one agenda email and one event description to write */
  agendaRun:
    (_memberId: string): ((ws: Workspace) => Measured) =>
    (ws) => {
      ws.clock.set(IN_AGENDA_WINDOW);
      return measured(ws, () => ws.run('sendDueNotifications', [], { user: OWNER }));
    },
  /** one member of clna recorded as having attended meeting 2 (the row exists: an update) */
  recordAttendance:
    (memberId: string): ((ws: Workspace) => Measured) =>
    (ws) => {
      ws.clock.set(AFTER_CLNA_2);
      return measured(ws, () => ws.run('recordAttendance', [{ community: 'clna', meeting: 2, attended: [memberId], absent: [] }], { user: STAFF }));
    },
  getMembersState:
    (_memberId: string): ((ws: Workspace) => Measured) =>
    (ws) => {
      ws.clock.set(AFTER_CLNA_2);
      return measured(ws, () => ws.run('getMembersState', [], { user: STAFF }));
    },
};
export type MemberOperation = keyof typeof MEMBER_OPERATIONS;

export type Operation = keyof typeof OPERATIONS;

function firstPending(ws: Workspace): string {
  const row = ws.records('Applications').find((r) => r.Status === 'Pending');
  if (!row) throw new Error('no pending application');
  return String(row['Application ID']);
}

export function sheetCalls(m: Measured): string[] {
  return m.exec.calls.filter((c) => c.service === 'SpreadsheetApp').map((c) => c.method);
}
