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
  writeTab(ws, 'Log', [
    [...LOG_HEADERS],
    ...apps.map((a) => [a.submitted, a.email, 'Response processed', a.id, 'seeded', responseKeyOf(a)]),
  ]);
  return ws;
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
            'First name': 'New', 'Last name': 'Applicant', 'Job title': 'CTE Director', 'Agency or organization': 'State Department of Education',
            'Agency type': 'Lead state CTE agency', State: 'Ohio', 'Communities of Practice': ['Learner Voice', 'Data and Accountability'],
            Commitment: ['I will attend and actively engage in the four virtual meetings and complete the pre-reading/work.'],
          },
        },
        { firing: 'once' },
      ),
    ),
  getReviewState: (ws: Workspace): Measured => measured(ws, () => ws.run('getReviewState', [], { user: STAFF })),
  getReviewRevision: (ws: Workspace): Measured => measured(ws, () => ws.run('getReviewRevision', [], { user: STAFF })),
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

export type Operation = keyof typeof OPERATIONS;

function firstPending(ws: Workspace): string {
  const row = ws.records('Applications').find((r) => r.Status === 'Pending');
  if (!row) throw new Error('no pending application');
  return String(row['Application ID']);
}

export function sheetCalls(m: Measured): string[] {
  return m.exec.calls.filter((c) => c.service === 'SpreadsheetApp').map((c) => c.method);
}
