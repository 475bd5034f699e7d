// Operations on a SheetState (plain data): cells, extent, row/column insertion.
import type { CellData, CellValue, SheetState, SpreadsheetState } from '../state';
import { cellValue, displayValue } from './cells';
import { parseA1 } from './a1';
import type { Scalar } from './formula';

export const DEFAULT_ROWS = 1000;
export const DEFAULT_COLS = 26;

export function newSheet(id: number, name: string, rows = DEFAULT_ROWS, cols = DEFAULT_COLS): SheetState {
  return {
    id,
    name,
    rows: [],
    maxRows: rows,
    maxCols: cols,
    frozenRows: 0,
    frozenCols: 0,
    hidden: false,
    tabColor: null,
    columnWidths: {},
    formats: [],
    validations: [],
    notes: {},
    protections: [],
  };
}

export function isEmptyCell(c: CellData | undefined): boolean {
  return c === undefined || (c.v === '' && c.f === undefined);
}

/**
 * Extent cache (last row/column with content) per sheet. Every write through this module keeps it
 * exact; replacing `sheet.rows` or changing its length (raw edits of WorkspaceState) invalidates it.
 */
interface Extent {
  rows: unknown[];
  length: number;
  lastRow?: number;
  lastCol?: number;
}
let extents = new WeakMap<SheetState, Extent>();

function extentOf(sheet: SheetState): Extent {
  const e = extents.get(sheet);
  if (e && e.rows === sheet.rows && e.length === sheet.rows.length) return e;
  const fresh: Extent = { rows: sheet.rows, length: sheet.rows.length };
  extents.set(sheet, fresh);
  return fresh;
}

export function clearExtentCaches(): void {
  extents = new WeakMap();
}

export function invalidateExtent(sheet: SheetState): void {
  extents.delete(sheet);
}

export function getCell(sheet: SheetState, row: number, col: number): CellData | undefined {
  const r = sheet.rows[row - 1];
  return r ? r[col - 1] : undefined;
}

export function setCell(sheet: SheetState, row: number, col: number, cell: CellData | undefined): void {
  let r = sheet.rows[row - 1];
  if (!r) {
    if (!cell) return;
    while (sheet.rows.length < row - 1) sheet.rows.push([]);
    r = sheet.rows[row - 1] = [];
  }
  if (cell && cell.v === '' && cell.f === undefined && cell.nf === undefined) cell = undefined;
  r[col - 1] = cell;
  if (!cell) {
    while (r.length > 0 && r[r.length - 1] === undefined) r.pop();
  }
  const e = extents.get(sheet);
  if (!e) return;
  e.length = sheet.rows.length;
  if (!isEmptyCell(cell)) {
    if (e.lastRow !== undefined && row > e.lastRow) e.lastRow = row;
    if (e.lastCol !== undefined && col > e.lastCol) e.lastCol = col;
  } else if (row >= (e.lastRow ?? 0) || col >= (e.lastCol ?? 0)) {
    extents.delete(sheet);
  }
}

export function lastRow(sheet: SheetState): number {
  const e = extentOf(sheet);
  if (e.lastRow === undefined) e.lastRow = scanLastRow(sheet);
  return e.lastRow;
}

function scanLastRow(sheet: SheetState): number {
  for (let i = sheet.rows.length - 1; i >= 0; i--) {
    const r = sheet.rows[i];
    if (!r) continue;
    for (let j = r.length - 1; j >= 0; j--) {
      const c = r[j];
      if (c !== undefined && (c.v !== '' || c.f !== undefined)) return i + 1;
    }
  }
  return 0;
}

export function lastColumn(sheet: SheetState): number {
  const e = extentOf(sheet);
  if (e.lastCol === undefined) e.lastCol = scanLastColumn(sheet);
  return e.lastCol;
}

function scanLastColumn(sheet: SheetState): number {
  let max = 0;
  for (const r of sheet.rows) {
    if (!r) continue;
    for (let j = r.length - 1; j >= max; j--) {
      if (!isEmptyCell(r[j])) {
        max = j + 1;
        break;
      }
    }
  }
  return max;
}

export function insertRows(sheet: SheetState, beforeRow: number, count: number): void {
  invalidateExtent(sheet);
  const empty: (CellData | undefined)[][] = Array.from({ length: count }, () => []);
  while (sheet.rows.length < beforeRow - 1) sheet.rows.push([]);
  sheet.rows.splice(beforeRow - 1, 0, ...empty);
  sheet.maxRows += count;
}

export function deleteRows(sheet: SheetState, row: number, count: number): void {
  invalidateExtent(sheet);
  sheet.rows.splice(row - 1, count);
  sheet.maxRows -= count;
}

export function insertColumns(sheet: SheetState, beforeCol: number, count: number): void {
  invalidateExtent(sheet);
  for (const r of sheet.rows) {
    if (r && r.length >= beforeCol) r.splice(beforeCol - 1, 0, ...new Array<CellData | undefined>(count).fill(undefined));
  }
  sheet.maxCols += count;
}

export function deleteColumns(sheet: SheetState, col: number, count: number): void {
  invalidateExtent(sheet);
  for (const r of sheet.rows) if (r) r.splice(col - 1, count);
  sheet.maxCols -= count;
}

/** Evaluated value of one cell; formulas may reference other cells of the spreadsheet. */
export function valueAt(ss: SpreadsheetState, sheet: SheetState, row: number, col: number, depth = 0): CellValue {
  const cell = getCell(sheet, row, col);
  if (!cell || cell.f === undefined) return cell ? cell.v : '';
  if (depth > 50) return '#REF!';
  return cellValue(cell, (ref) => resolveRef(ss, sheet, ref, depth + 1));
}

function resolveRef(ss: SpreadsheetState, sheet: SheetState, ref: string, depth: number): Scalar[] {
  const parsed = parseA1(ref, sheet.maxRows, sheet.maxCols);
  if (!parsed) return ['#REF!'];
  const target = parsed.sheetName ? ss.sheets.find((s) => s.name === parsed.sheetName) : sheet;
  if (!target) return ['#REF!'];
  const out: Scalar[] = [];
  const { row, col, numRows, numCols } = parsed.rect;
  for (let r = row; r < row + numRows; r++) {
    for (let c = col; c < col + numCols; c++) {
      const v = valueAt(ss, target, r, c, depth);
      out.push(v instanceof Date ? v.getTime() : v);
    }
  }
  return out;
}

export function displayAt(ss: SpreadsheetState, sheet: SheetState, row: number, col: number): string {
  const cell = getCell(sheet, row, col);
  if (!cell) return '';
  return displayValue(valueAt(ss, sheet, row, col), cell.nf, ss.timeZone);
}
