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

export const isEmptyCell = (c: CellData | undefined): boolean => !c || (c.v === '' && c.f === undefined);

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
}

export function lastRow(sheet: SheetState): number {
  for (let i = sheet.rows.length - 1; i >= 0; i--) {
    const r = sheet.rows[i];
    if (r) for (let j = r.length - 1; j >= 0; j--) if (!isEmptyCell(r[j])) return i + 1;
  }
  return 0;
}

export function lastColumn(sheet: SheetState): number {
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
  const empty: (CellData | undefined)[][] = Array.from({ length: count }, () => []);
  while (sheet.rows.length < beforeRow - 1) sheet.rows.push([]);
  sheet.rows.splice(beforeRow - 1, 0, ...empty);
  sheet.maxRows += count;
}

export function deleteRows(sheet: SheetState, row: number, count: number): void {
  sheet.rows.splice(row - 1, count);
  sheet.maxRows -= count;
}

export function insertColumns(sheet: SheetState, beforeCol: number, count: number): void {
  for (const r of sheet.rows) {
    if (r && r.length >= beforeCol) r.splice(beforeCol - 1, 0, ...new Array<CellData | undefined>(count).fill(undefined));
  }
  sheet.maxCols += count;
}

export function deleteColumns(sheet: SheetState, col: number, count: number): void {
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
      out.push(v instanceof Date ? v.getTime() : (v as Scalar));
    }
  }
  return out;
}

export function displayAt(ss: SpreadsheetState, sheet: SheetState, row: number, col: number): string {
  const cell = getCell(sheet, row, col);
  if (!cell) return '';
  return displayValue(valueAt(ss, sheet, row, col), cell.nf, ss.timeZone);
}
