// How Google Forms writes to its destination spreadsheet: the responses tab, its header, one row per response.
import { DATE_TIME_FORMAT, displayValue } from '../spreadsheet/cells';
import { getCell, lastColumn, lastRow, newSheet, setCell } from '../spreadsheet/sheetModel';
import type { CellData, FormItemState, FormResponseState, FormState, SheetState, WorkspaceState } from '../state';

export const QUESTION_TYPES = new Set([
  'TEXT',
  'PARAGRAPH_TEXT',
  'MULTIPLE_CHOICE',
  'LIST',
  'CHECKBOX',
  'SCALE',
  'DATE',
  'TIME',
  'DATETIME',
  'DURATION',
  'GRID',
  'CHECKBOX_GRID',
]);
export const isQuestion = (item: FormItemState): boolean => QUESTION_TYPES.has(item.type);

export function responsesSheet(state: WorkspaceState, form: FormState): SheetState | null {
  if (form.destinationId !== state.spreadsheet.id || form.destinationSheetId === null) return null;
  return state.spreadsheet.sheets.find((s) => s.id === form.destinationSheetId) ?? null;
}

/** Links a form to the spreadsheet: a new 'Form Responses N' tab first in the tab list, with existing responses. */
export function linkForm(state: WorkspaceState, form: FormState): void {
  const ss = state.spreadsheet;
  if (form.destinationId === ss.id && responsesSheet(state, form)) return;
  let n = 1;
  while (ss.sheets.some((s) => s.name === `Form Responses ${n}`)) n++;
  const sheet = newSheet(ss.nextSheetId++, `Form Responses ${n}`);
  sheet.frozenRows = 1;
  ss.sheets.unshift(sheet);
  form.destinationId = ss.id;
  form.destinationSheetId = sheet.id;
  form.columns = [{ key: 'timestamp', col: 1 }];
  setCell(sheet, 1, 1, { v: 'Timestamp' });
  if (form.collectEmail) addColumn(sheet, form, 'email', 'Email Address');
  for (const item of form.items) if (isQuestion(item)) addColumn(sheet, form, item.id, item.title);
  for (const r of form.responses) writeResponse(state, form, r);
}

export function unlinkForm(form: FormState): void {
  form.destinationId = null;
  form.destinationSheetId = null;
  form.columns = [];
}

function addColumn(sheet: SheetState, form: FormState, key: 'email' | number, title: string): void {
  const col = Math.max(lastColumn(sheet), ...form.columns.map((c) => c.col)) + 1;
  if (col > sheet.maxCols) sheet.maxCols = col;
  form.columns.push({ key, col });
  setCell(sheet, 1, col, { v: title });
}

/** A question added (or email collection turned on) after linking appends a column. */
export function syncColumns(state: WorkspaceState, form: FormState): void {
  const sheet = responsesSheet(state, form);
  if (!sheet) return;
  if (form.collectEmail && !form.columns.some((c) => c.key === 'email')) addColumn(sheet, form, 'email', 'Email Address');
  for (const item of form.items) {
    if (!isQuestion(item)) continue;
    const c = form.columns.find((x) => x.key === item.id);
    if (!c) addColumn(sheet, form, item.id, item.title);
    else if (getCell(sheet, 1, c.col)?.v !== item.title) setCell(sheet, 1, c.col, { v: item.title });
  }
}

export function answerText(response: string | string[] | undefined): string {
  if (response === undefined) return '';
  return Array.isArray(response) ? response.join(', ') : response;
}

/** Writes one response row the way Forms does; returns its 1-based row number (0 when not linked). */
export function writeResponse(state: WorkspaceState, form: FormState, response: FormResponseState): number {
  const sheet = responsesSheet(state, form);
  if (!sheet) return 0;
  const row = lastRow(sheet) + 1;
  if (row > sheet.maxRows) sheet.maxRows = row;
  for (const c of form.columns) {
    let cell: CellData;
    if (c.key === 'timestamp') cell = { v: new Date(response.timestamp.getTime()), nf: DATE_TIME_FORMAT };
    else if (c.key === 'email') cell = { v: response.email };
    else {
      const answer = response.answers.find((a) => a.itemId === c.key);
      const text = answerText(answer?.response);
      cell = { v: /^-?\d+(\.\d+)?$/.test(text) && text.length < 16 ? Number(text) : text };
    }
    setCell(sheet, row, c.col, cell);
  }
  return row;
}

/** The SheetsOnFormSubmit `values` and `namedValues` of a row: every header column, as displayed strings. */
export function submitEventValues(state: WorkspaceState, sheet: SheetState, row: number): { values: string[]; namedValues: Record<string, string[]> } {
  const width = lastColumn(sheet);
  const values: string[] = [];
  const namedValues: Record<string, string[]> = {};
  for (let c = 1; c <= width; c++) {
    const cell = getCell(sheet, row, c);
    const text = cell ? displayValue(cell.v, cell.nf, state.spreadsheet.timeZone) : '';
    values.push(text);
    const header = getCell(sheet, 1, c);
    if (header && header.v !== '') namedValues[String(header.v)] = [text];
  }
  return { values, namedValues };
}
