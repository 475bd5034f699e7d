// An emulated spreadsheet after `setup`, with applicants written straight into its tabs: thousands
// of rows in milliseconds, where submitting the form 5,000 times would take minutes. `setup` runs
// once per test file; each test gets its own copy.
import { Workspace } from '../../emulator';
import type { WorkspaceState } from '../../emulator';
import { applicationRows, responseRows, type Applicant } from './reviewFixtures';

export const OWNER = 'owner@careertech.org';
export const STAFF = 'staff@careertech.org';
/** After the notify date (2023-08-15), before the registration deadline. */
export const NOW = '2023-08-20T14:00:00Z';

type SheetState = WorkspaceState['spreadsheet']['sheets'][number];

let base: string | null = null;

function baseJson(): string {
  if (!base) {
    const ws = new Workspace({ now: NOW, owner: OWNER, editors: [STAFF], mailQuota: 1500 });
    ws.run('setup', [], { user: OWNER });
    base = JSON.stringify(ws.toJSON());
  }
  return base;
}

export function freshWorkspace(): Workspace {
  return Workspace.fromJSON(baseJson(), { now: NOW, owner: OWNER, editors: [STAFF], mailQuota: 1500 });
}

function sheetState(ws: Workspace, name: string): SheetState {
  const sheets = ws.state.spreadsheet.sheets;
  let sheet = sheets.find((s) => s.name === name);
  if (!sheet) {
    const template = sheets[0];
    sheet = { ...structuredClone(template), id: ws.state.spreadsheet.nextSheetId++, name, rows: [], frozenRows: 1 };
    sheets.push(sheet);
  }
  return sheet;
}

/** Replaces a tab's contents (row 1 = headers). '' cells are left empty. */
export function writeTab(ws: Workspace, name: string, values: unknown[][]): void {
  const sheet = sheetState(ws, name);
  sheet.rows = values.map((row) => row.map((v) => (v === '' || v === undefined || v === null ? undefined : { v: v as string | number | boolean | Date })));
  sheet.maxRows = Math.max(sheet.maxRows, values.length + 10);
  sheet.maxCols = Math.max(sheet.maxCols, ...values.map((r) => r.length));
}

/** Sets one cell of a tab, found by header and by the value of another column. */
export function setCell(ws: Workspace, tab: string, match: { header: string; value: unknown }, header: string, value: unknown): void {
  const sheet = sheetState(ws, tab);
  const headers = (sheet.rows[0] ?? []).map((c) => String(c?.v ?? ''));
  const mc = headers.indexOf(match.header);
  const c = headers.indexOf(header);
  if (mc < 0 || c < 0) throw new Error(`${tab} has no ${match.header} or ${header} column`);
  const r = sheet.rows.findIndex((row, i) => i > 0 && row && row[mc]?.v === match.value);
  if (r < 0) throw new Error(`${tab} has no row with ${match.header} = ${String(match.value)}`);
  const row = sheet.rows[r];
  while (row.length <= c) row.push(undefined);
  row[c] = value === '' ? undefined : { v: value as string | number | boolean | Date };
}

export function setCapacity(ws: Workspace, communityKey: string, capacity: number | ''): void {
  setCell(ws, 'Communities', { header: 'Key', value: communityKey }, 'Capacity', capacity);
}

export function setSetting(ws: Workspace, setting: string, value: unknown): void {
  setCell(ws, 'Settings', { header: 'Setting', value: setting }, 'Value', value);
}

/** A set-up workspace whose Applications and Form Responses tabs hold exactly these applicants. */
export function seedWorkspace(apps: readonly Applicant[]): Workspace {
  const ws = freshWorkspace();
  writeTab(ws, 'Applications', applicationRows(apps));
  writeTab(ws, 'Form Responses 1', responseRows(apps));
  return ws;
}
