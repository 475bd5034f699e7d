// Helpers for the intake/setup bundle tests: a set-up workspace, submissions, and call checks.
import { Workspace } from '../../emulator';
import { setCell } from '../../emulator/spreadsheet/sheetModel';

export const OWNER = 'owner@careertech.org';
export const STAFF = 'staff@careertech.org';

export interface Applicant {
  email: string;
  first?: string;
  last?: string;
  job?: string;
  agency?: string;
  agencyType?: string;
  state?: string;
  communities?: string[];
  hopes?: string;
  commitment?: boolean;
}

export function answers(a: Applicant): Record<string, string | string[]> {
  const out: Record<string, string | string[]> = {};
  const put = (k: string, v: string | string[] | undefined): void => {
    if (v !== undefined) out[k] = v;
  };
  put('First name', a.first ?? 'Jane');
  put('Last name', a.last ?? 'Doe');
  put('Job title', a.job ?? 'CTE Director');
  put('Agency or organization', a.agency ?? 'State Department of Education');
  put('Agency type', a.agencyType ?? 'Lead state CTE agency');
  put('State', a.state ?? 'Ohio');
  put('Communities of Practice', a.communities ?? ['Learner Voice']);
  if (a.hopes !== undefined) put('What do you hope to gain?', a.hopes);
  if (a.commitment !== false) put('Commitment', ['I will attend and actively engage in the four virtual meetings and complete the pre-reading/work.']);
  return out;
}

export function freshWorkspace(options: Partial<ConstructorParameters<typeof Workspace>[0]> = {}): Workspace {
  const ws = new Workspace({
    now: '2023-08-01T14:00:00Z',
    scriptTimeZone: 'America/New_York',
    owner: OWNER,
    editors: [STAFF],
    mailQuota: 1500,
    ...options,
  });
  ws.run('setup');
  return ws;
}

export type Firing = 'once' | 'twice' | 'blank-too' | 'none';

export function submit(ws: Workspace, a: Applicant, firing: Firing = 'once') {
  return ws.submitForm({ email: a.email, answers: answers(a) }, { firing });
}

export function applications(ws: Workspace): Record<string, unknown>[] {
  return ws.records('Applications');
}

export function logRows(ws: Workspace): Record<string, unknown>[] {
  return ws.records('Log');
}

export function confirmations(ws: Workspace) {
  return ws.outbox.filter((m) => /we received your application/.test(m.subject));
}

/** Runs the hourly sweep an hour later. */
export function sweepLater(ws: Workspace): void {
  ws.clock.advance(60 * 60 * 1000 + 1000);
  ws.runTimeTriggers();
}

const WRITE_METHODS =
  /\.(setValue|setValues|setFormula|setFormulas|appendRow|insertRows?After|insertRowsBefore|insertSheet|deleteRow|deleteRows|clear|clearContent|setNumberFormat|setNumberFormats|setFrozenRows)$/;

export function isSheetWrite(call: { service: string; method: string }): boolean {
  return call.service === 'SpreadsheetApp' && WRITE_METHODS.test(call.method);
}

/** A staff member types a value into a cell (row number, column by header). */
export function staffEdit(ws: Workspace, tab: string, row: number, header: string, value: unknown): void {
  const sheet = ws.state.spreadsheet.sheets.find((s) => s.name === tab);
  if (!sheet) throw new Error(`no tab ${tab}`);
  const col = (sheet.rows[0] ?? []).findIndex((c) => c?.v === header);
  if (col < 0) throw new Error(`no column ${header} in ${tab}`);
  setCell(sheet, row, col + 1, { v: value as never });
}

/**
 * Seeds `n` already-processed applicants as if the form and the trigger had handled them: a
 * responses row, an Applications row and a Log row each (written straight into the emulator's state).
 */
export function seedProcessed(ws: Workspace, n: number): void {
  const sheets = ws.state.spreadsheet.sheets;
  const responses = sheets.find((s) => s.name === 'Form Responses 1')!;
  const apps = sheets.find((s) => s.name === 'Applications')!;
  const log = sheets.find((s) => s.name === 'Log')!;
  const cols = (sheet: typeof apps): Record<string, number> => Object.fromEntries((sheet.rows[0] ?? []).map((c, i) => [String(c?.v ?? ''), i + 1]));
  const rc = cols(responses);
  const ac = cols(apps);
  const lc = cols(log);
  const base = Date.parse('2023-07-01T12:00:00Z');
  for (let i = 0; i < n; i++) {
    const ts = new Date(base + i * 1000);
    const email = `seed${i}@state.gov`;
    const key = `${ts.toISOString()} ${email}`;
    const r = i + 2;
    const put = (sheet: typeof apps, c: Record<string, number>, header: string, v: unknown): void => {
      if (r > sheet.maxRows) sheet.maxRows = r + 100;
      setCell(sheet, r, c[header], { v: v as never });
    };
    put(responses, rc, 'Timestamp', ts);
    put(responses, rc, 'Email Address', email);
    put(responses, rc, 'First name', 'Seed');
    put(responses, rc, 'Last name', `Person ${i}`);
    put(responses, rc, 'Job title', 'Analyst');
    put(responses, rc, 'Agency or organization', 'Dept');
    put(responses, rc, 'Agency type', 'Lead state CTE agency');
    put(responses, rc, 'State', 'Ohio');
    put(responses, rc, 'Communities of Practice', 'Learner Voice');
    put(responses, rc, 'Commitment', 'I will attend');
    const values: Record<string, unknown> = {
      'Application ID': `APP-SEED${i}`,
      'Response Key': key,
      Submitted: ts,
      Email: email,
      'First Name': 'Seed',
      'Last Name': `Person ${i}`,
      'Job Title': 'Analyst',
      Agency: 'Dept',
      'Agency Type': 'Lead state CTE agency',
      State: 'Ohio',
      Community: 'Learner Voice',
      Cohort: 'August 2023 – February 2024',
      Flags: '',
      Status: i % 3 === 0 ? 'Accepted' : 'Pending',
      'Decided By': '',
      'Decided At': '',
      Note: '',
      Notified: '',
      Invited: '',
    };
    for (const [h, v] of Object.entries(values)) put(apps, ac, h, v);
    put(log, lc, 'Time', ts);
    put(log, lc, 'Actor', email);
    put(log, lc, 'Action', 'Response processed');
    put(log, lc, 'Application IDs', `APP-SEED${i}`);
    put(log, lc, 'Details', 'seeded');
    put(log, lc, 'Response Key', key);
  }
}

export function countByService(calls: { service: string }[]): Record<string, number> {
  const out: Record<string, number> = {};
  for (const c of calls) out[c.service] = (out[c.service] ?? 0) + 1;
  return out;
}
