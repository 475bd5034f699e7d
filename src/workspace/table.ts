// A tab as a table found by header name. Staff may reorder columns, add their own, or change the
// case/spacing of a header, so a column is always looked up by its normalised header, never by
// position. Reads are one getValues per tab; writes are one setValues per contiguous block.
import { asSheetText } from '../domain/program/escape';
import { columnIndex, normalizeHeader } from '../domain/program/grid';
import { insertSheet_, sheetByName_ } from './spreadsheet';

type Sheet = GoogleAppsScript.Spreadsheet.Sheet;

export { columnIndex, normalizeHeader };

/** What a tab looks like without its data rows (enough to append). */
export interface TableHead {
  readonly name: string;
  readonly sheet: Sheet;
  /** row 1 as shown in the sheet (strings) */
  headers: string[];
  /** last row with content (1 = only the header) */
  lastRow: number;
}

/** A tab read whole: `rows[i]` is sheet row `i + 2`. */
export interface Table extends TableHead {
  rows: unknown[][];
}

export interface RowUpdate {
  /** sheet row number (2 = first data row) */
  row: number;
  /** new cell values by header name */
  values: Record<string, unknown>;
}

export function requireColumn(head: Pick<TableHead, 'name' | 'headers'>, header: string): number {
  const index = columnIndex(head, header);
  if (index < 0) throw new Error(`The "${head.name}" tab has no "${header}" column. Run setup to repair it.`);
  return index;
}

/** The cell of data row `i` (0-based) under `header`; '' when the column or row is missing. */
export function cellOf(table: Table, i: number, header: string): unknown {
  const c = columnIndex(table, header);
  if (c < 0) return '';
  const row = table.rows[i];
  return row && c < row.length ? row[c] : '';
}

/** The table of a tab `ensureTab_` has just created or repaired (so it exists). */
export function readEnsuredTable_(name: string): Table {
  const table = readTable_(name);
  if (!table) throw new Error(`The ${name} tab is missing right after setup created it.`);
  return table;
}

/** Reads a tab with one getValues; null when the tab does not exist. */

export function readTable_(name: string): Table | null {
  const sheet = sheetByName_(name);
  if (!sheet) return null;
  const values = sheet.getDataRange().getValues();
  const headers = (values[0] ?? []).map((h) => String(h ?? '').trim());
  const rows = values.slice(1);
  // An empty tab still reports A1 as its data range.
  const empty = values.length === 1 && headers.every((h) => h === '');
  return { name, sheet, headers: empty ? [] : headers, rows, lastRow: empty ? 0 : values.length };
}

/**
 * Reads the header and the data rows from index `from` (0-based) to the end: two getValues whose
 * size is the tail, not the tab. `rows` keeps the tab's indexing (`rows[i]` is sheet row `i + 2`,
 * `rows.length` the data row count); the rows before `from` are holes, never read, so the caller
 * must only look at rows from `from` on. Null when the tab is missing or `from` is past its end.
 */
export function readTableFrom_(name: string, from: number): Table | null {
  const sheet = sheetByName_(name);
  if (!sheet) return null;
  const lastRow = sheet.getLastRow();
  const lastColumn = sheet.getLastColumn();
  if (lastColumn < 1 || from < 0 || from > lastRow - 2) return null;
  const headers = sheet
    .getRange(1, 1, 1, lastColumn)
    .getValues()[0]
    .map((h) => String(h ?? '').trim());
  const tail = sheet.getRange(from + 2, 1, lastRow - 1 - from, lastColumn).getValues();
  const rows: unknown[][] = [];
  rows.length = from;
  for (const row of tail) rows.push(row);
  return { name, sheet, headers, rows, lastRow };
}

/** Reads only the header row and the last row number (for appending without reading the data). */
export function readHead_(name: string): TableHead | null {
  const sheet = sheetByName_(name);
  if (!sheet) return null;
  const lastColumn = sheet.getLastColumn();
  const headers =
    lastColumn > 0
      ? sheet
          .getRange(1, 1, 1, lastColumn)
          .getValues()[0]
          .map((h) => String(h ?? '').trim())
      : [];
  return { name, sheet, headers, lastRow: sheet.getLastRow() };
}

/** The data cells of one column (rows 2..lastRow), with one getValues. */
export function readColumn_(head: TableHead, header: string): unknown[] {
  const c = columnIndex(head, header);
  if (c < 0 || head.lastRow < 2) return [];
  return head.sheet
    .getRange(2, c + 1, head.lastRow - 1, 1)
    .getValues()
    .map((r): unknown => r[0]);
}

export interface EnsuredTab {
  sheet: Sheet;
  created: boolean;
  /** headers that were missing and have been added at the end of row 1 */
  addedHeaders: string[];
}

/**
 * Creates the tab with its header row (frozen) if missing; on an existing tab, appends any missing
 * header after the last column and freezes row 1. Never moves or renames a staff column.
 */
export function ensureTab_(name: string, headers: readonly string[]): EnsuredTab {
  const existing = sheetByName_(name);
  if (!existing) {
    const sheet = insertSheet_(name);
    sheet.getRange(1, 1, 1, headers.length).setValues([headers.slice()]).setFontWeight('bold');
    sheet.setFrozenRows(1);
    return { sheet, created: true, addedHeaders: headers.slice() };
  }
  const head = readHead_(name) as TableHead;
  const missing = headers.filter((h) => columnIndex(head, h) < 0);
  if (missing.length > 0) {
    const at = head.headers.length + 1;
    const maxColumns = existing.getMaxColumns();
    const needed = at + missing.length - 1;
    if (needed > maxColumns) existing.insertColumnsAfter(maxColumns, needed - maxColumns);
    existing.getRange(1, at, 1, missing.length).setValues([missing]).setFontWeight('bold');
  }
  if (existing.getFrozenRows() < 1) existing.setFrozenRows(1);
  return { sheet: existing, created: false, addedHeaders: missing };
}

/** Maximal runs of consecutive integers, e.g. [1,2,3,7,8] → [[1,3],[7,8]] (inclusive bounds). */
export function runsOf(indices: Iterable<number>): [number, number][] {
  const sorted = Array.from(new Set(indices)).sort((a, b) => a - b);
  const runs: [number, number][] = [];
  for (const i of sorted) {
    const last = runs[runs.length - 1];
    if (last && i === last[1] + 1) last[1] = i;
    else runs.push([i, i]);
  }
  return runs;
}

function columnsOf(head: TableHead, records: Record<string, unknown>[]): Map<string, number> {
  const columns = new Map<string, number>();
  for (const record of records) {
    for (const header of Object.keys(record)) {
      if (!columns.has(header)) columns.set(header, requireColumn(head, header));
    }
  }
  return columns;
}

/**
 * Writes the given cells. The rows between the first and last updated row are one block, and the
 * updated columns form as few contiguous column runs as the layout allows, so the number of calls
 * does not grow with the number of rows. Cells of the block that are not updated are written back
 * with the values read (made safe as text again). Columns nobody updates, such as staff columns
 * between ours, are never written.
 */
export interface WriteOptions {
  /**
   * Headers of columns the caller owns: when one lies between two updated column runs it is
   * rewritten with the value read, so the runs merge into one block. A row update then lands in
   * one setValues, and a run cut off between two calls cannot leave it half written.
   */
  fill?: readonly string[];
  /** The header whose block is written last (the idempotency marker, e.g. Response Key). */
  last?: string;
}

export function writeRows_(table: Table, updates: RowUpdate[], options: WriteOptions = {}): void {
  if (updates.length === 0) return;
  const columns = columnsOf(
    table,
    updates.map((u) => u.values),
  );
  if (columns.size === 0) return;
  let first = Infinity;
  let last = -Infinity;
  for (const u of updates) {
    if (u.row < 2 || u.row > table.rows.length + 1) throw new Error(`Row ${u.row} is outside the "${table.name}" data.`);
    first = Math.min(first, u.row);
    last = Math.max(last, u.row);
  }
  for (const u of updates) {
    const row = table.rows[u.row - 2];
    for (const [header, value] of Object.entries(u.values)) {
      const c = columns.get(header) as number;
      while (row.length <= c) row.push('');
      row[c] = value;
    }
  }
  const fillable = new Set((options.fill ?? []).map((h) => columnIndex(table, h)).filter((c) => c >= 0));
  const runs = mergeRuns(runsOf(columns.values()), fillable);
  const lastColumn = options.last === undefined ? -1 : columnIndex(table, options.last);
  runs.sort((a, b) => Number(a[0] <= lastColumn && lastColumn <= a[1]) - Number(b[0] <= lastColumn && lastColumn <= b[1]));
  for (const [c0, c1] of runs) {
    const block: unknown[][] = [];
    for (let r = first; r <= last; r++) {
      const row = table.rows[r - 2];
      const out: unknown[] = [];
      for (let c = c0; c <= c1; c++) out.push(c < row.length ? row[c] : '');
      block.push(out);
    }
    writeBlock(table.sheet, first, c0 + 1, block);
  }
}

/** Joins neighbouring runs whose gap columns are all fillable. */
function mergeRuns(runs: [number, number][], fillable: ReadonlySet<number>): [number, number][] {
  const merged: [number, number][] = [];
  for (const run of runs) {
    const prev = merged[merged.length - 1];
    let gapFillable = prev !== undefined;
    if (prev) for (let c = prev[1] + 1; c < run[0] && gapFillable; c++) gapFillable = fillable.has(c);
    if (prev && gapFillable) prev[1] = run[1];
    else merged.push([run[0], run[1]]);
  }
  return merged;
}

/**
 * Appends records after the last row, one setValues per contiguous run of the columns the records
 * fill (a staff column in between is left alone). Returns the sheet row of the first record.
 */
export function appendRows_(head: TableHead, records: Record<string, unknown>[]): number {
  const start = Math.max(head.lastRow, 1) + 1;
  if (records.length === 0) return start;
  const columns = columnsOf(head, records);
  const end = start + records.length - 1;
  // Sheets refuses a range past the grid ("outside the dimensions of the sheet"), so grow it
  // first. (Checked as optional so a minimal stand-in sheet without these methods still works.)
  if (typeof head.sheet.getMaxRows === 'function' && typeof head.sheet.insertRowsAfter === 'function') {
    const maxRows = head.sheet.getMaxRows();
    if (end > maxRows) head.sheet.insertRowsAfter(maxRows, end - maxRows);
  }
  const width = head.headers.length;
  const full = records.map((record) => {
    const row: unknown[] = new Array(width).fill('');
    for (const [header, value] of Object.entries(record)) row[columns.get(header) as number] = value;
    return row;
  });
  for (const [c0, c1] of runsOf(columns.values())) {
    writeBlock(
      head.sheet,
      start,
      c0 + 1,
      full.map((row) => row.slice(c0, c1 + 1)),
    );
  }
  head.lastRow = end;
  if (isTable(head)) head.rows.push(...full);
  return start;
}

/**
 * One setValues for a rectangular block, strings made safe as text: any string Sheets would parse
 * (a formula, number, date or boolean) gets the leading apostrophe, which Sheets documents as
 * "this is text" and does not show. The cells' number formats are deliberately not consulted.
 */
function writeBlock(sheet: Sheet, row: number, column: number, block: unknown[][]): void {
  sheet.getRange(row, column, block.length, block[0].length).setValues(block.map((r) => r.map((v) => asSheetText(v))));
}

function isTable(head: TableHead): head is Table {
  return Array.isArray((head as Table).rows);
}
