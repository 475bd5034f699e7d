// Sheet: one tab. Ranges are views; the tab's cells live in SheetState.
import type { ServiceName } from '../execution';
import { ScriptError, ServiceObject, type Runtime } from '../runtime';
import type { CellValue, SheetState } from '../state';
import { parseA1 } from './a1';
import { checkRect, Range } from './range';
import { deleteColumns, deleteRows, getCell, insertColumns, insertRows, invalidateExtent, lastColumn, lastRow, setCell } from './sheetModel';
import { coerceInput } from './cells';
import type { Spreadsheet } from './spreadsheet';

export class Sheet extends ServiceObject {
  constructor(
    rt: Runtime,
    private readonly parent: Spreadsheet,
    readonly _id: number,
  ) {
    super(rt);
  }

  _kind(): [ServiceName, string] {
    return ['SpreadsheetApp', 'Sheet'];
  }

  _state(): SheetState {
    const s = this._rt.state.spreadsheet.sheets.find((x) => x.id === this._id);
    if (!s) throw new ScriptError('Sheet not found');
    return s;
  }

  getName(): string {
    return this._state().name;
  }
  setName(name: string): Sheet {
    const ss = this._rt.state.spreadsheet;
    if (ss.sheets.some((s) => s.id !== this._id && s.name.toLowerCase() === String(name).toLowerCase())) {
      throw new ScriptError(`A sheet with the name "${name}" already exists. Please enter another name.`);
    }
    this._state().name = String(name);
    return this;
  }
  getSheetId(): number {
    return this._id;
  }
  getSheetName(): string {
    return this.getName();
  }
  getIndex(): number {
    return this._rt.state.spreadsheet.sheets.findIndex((s) => s.id === this._id) + 1;
  }
  getParent(): Spreadsheet {
    return this.parent;
  }
  activate(): Sheet {
    this._rt.state.spreadsheet.activeSheetId = this._id;
    return this;
  }

  getRange(a1OrRow: string | number, column?: number, numRows?: number, numColumns?: number): Range {
    const s = this._state();
    if (typeof a1OrRow === 'string') {
      const p = parseA1(a1OrRow, s.maxRows, s.maxCols);
      if (!p || (p.sheetName !== null && p.sheetName !== s.name)) throw new ScriptError('Range not found');
      const r = p.rect;
      return new Range(this._rt, this, checkRect(s, r.row, r.col, r.numRows, r.numCols));
    }
    if (column === undefined) throw new ScriptError("The parameters (number) don't match the method signature for SpreadsheetApp.Sheet.getRange.");
    return new Range(this._rt, this, checkRect(s, a1OrRow, column, numRows ?? 1, numColumns ?? 1));
  }
  getDataRange(): Range {
    const s = this._state();
    return new Range(this._rt, this, { row: 1, col: 1, numRows: Math.max(1, lastRow(s)), numCols: Math.max(1, lastColumn(s)) });
  }
  getLastRow(): number {
    return lastRow(this._state());
  }
  getLastColumn(): number {
    return lastColumn(this._state());
  }
  getMaxRows(): number {
    return this._state().maxRows;
  }
  getMaxColumns(): number {
    return this._state().maxCols;
  }

  appendRow(rowContents: unknown[]): Sheet {
    if (!Array.isArray(rowContents)) throw new ScriptError("The parameters (null) don't match the method signature for SpreadsheetApp.Sheet.appendRow.");
    const s = this._state();
    const row = lastRow(s) + 1;
    if (row > s.maxRows) s.maxRows = row;
    if (rowContents.length > s.maxCols) s.maxCols = rowContents.length;
    const tz = this._rt.state.spreadsheet.timeZone;
    rowContents.forEach((v, j) => setCell(s, row, j + 1, coerceInput(v, getCell(s, row, j + 1)?.nf, tz)));
    return this;
  }

  setFrozenRows(rows: number): void {
    const s = this._state();
    if (rows < 0 || rows > s.maxRows) throw new ScriptError('The number of frozen rows is invalid.');
    s.frozenRows = rows;
  }
  getFrozenRows(): number {
    return this._state().frozenRows;
  }
  setFrozenColumns(columns: number): void {
    this._state().frozenCols = columns;
  }
  getFrozenColumns(): number {
    return this._state().frozenCols;
  }

  insertRowBefore(beforePosition: number): Sheet {
    return this.insertRowsBefore(beforePosition, 1);
  }
  insertRowAfter(afterPosition: number): Sheet {
    return this.insertRowsAfter(afterPosition, 1);
  }
  insertRowsBefore(beforePosition: number, howMany: number): Sheet {
    insertRows(this._state(), beforePosition, howMany);
    return this;
  }
  insertRowsAfter(afterPosition: number, howMany: number): Sheet {
    insertRows(this._state(), afterPosition + 1, howMany);
    return this;
  }
  insertRows(rowIndex: number, numRows?: number): void {
    insertRows(this._state(), rowIndex, numRows ?? 1);
  }
  deleteRow(rowPosition: number): Sheet {
    return this.deleteRows(rowPosition, 1);
  }
  deleteRows(rowPosition: number, howMany: number): Sheet {
    const s = this._state();
    if (rowPosition < 1 || rowPosition + howMany - 1 > s.maxRows) throw new ScriptError('Those rows are out of bounds.');
    if (howMany >= s.maxRows) throw new ScriptError("You can't delete all the rows on the sheet.");
    deleteRows(s, rowPosition, howMany);
    return this;
  }
  insertColumnBefore(beforePosition: number): Sheet {
    insertColumns(this._state(), beforePosition, 1);
    return this;
  }
  insertColumnAfter(afterPosition: number): Sheet {
    insertColumns(this._state(), afterPosition + 1, 1);
    return this;
  }
  insertColumnsAfter(afterPosition: number, howMany: number): Sheet {
    insertColumns(this._state(), afterPosition + 1, howMany);
    return this;
  }
  insertColumnsBefore(beforePosition: number, howMany: number): Sheet {
    insertColumns(this._state(), beforePosition, howMany);
    return this;
  }
  insertColumns(columnIndex: number, numColumns?: number): void {
    insertColumns(this._state(), columnIndex, numColumns ?? 1);
  }
  deleteColumn(columnPosition: number): Sheet {
    return this.deleteColumns(columnPosition, 1);
  }
  deleteColumns(columnPosition: number, howMany: number): Sheet {
    const s = this._state();
    if (columnPosition < 1 || columnPosition + howMany - 1 > s.maxCols) throw new ScriptError('Those columns are out of bounds.');
    deleteColumns(s, columnPosition, howMany);
    return this;
  }

  setColumnWidth(columnPosition: number, width: number): Sheet {
    this._state().columnWidths[columnPosition] = width;
    return this;
  }
  setColumnWidths(startColumn: number, numColumns: number, width: number): Sheet {
    for (let c = startColumn; c < startColumn + numColumns; c++) this._state().columnWidths[c] = width;
    return this;
  }
  getColumnWidth(columnPosition: number): number {
    return this._state().columnWidths[columnPosition] ?? 100;
  }
  autoResizeColumns(startColumn: number, numColumns: number): Sheet {
    for (let c = startColumn; c < startColumn + numColumns; c++) this._state().columnWidths[c] = -1;
    return this;
  }
  autoResizeColumn(columnPosition: number): Sheet {
    return this.autoResizeColumns(columnPosition, 1);
  }
  setRowHeight(_rowPosition?: number, _height?: number): Sheet {
    return this;
  }
  hideColumns(_columnIndex?: number, _numColumns?: number): void {}
  showColumns(_columnIndex?: number, _numColumns?: number): void {}
  hideSheet(): Sheet {
    this._state().hidden = true;
    return this;
  }
  showSheet(): Sheet {
    this._state().hidden = false;
    return this;
  }
  isSheetHidden(): boolean {
    return this._state().hidden;
  }
  setTabColor(color: string | null): Sheet {
    this._state().tabColor = color;
    return this;
  }
  getTabColor(): string | null {
    return this._state().tabColor;
  }
  clear(_options?: { contentsOnly?: boolean; formatOnly?: boolean }): Sheet {
    const s = this._state();
    s.rows = [];
    invalidateExtent(s);
    s.formats = [];
    return this;
  }
  clearContents(): Sheet {
    const s = this._state();
    s.rows = s.rows.map((r) => (r ? r.map((c) => (c && c.nf ? { v: '' as CellValue, nf: c.nf } : undefined)) : r));
    invalidateExtent(s);
    return this;
  }
  clearFormats(): Sheet {
    const s = this._state();
    s.formats = [];
    return this;
  }
  protect(): { setDescription(d: string): unknown; setWarningOnly(w: boolean): unknown; removeEditors(e: unknown): unknown; addEditor(e: unknown): unknown } {
    this._state().protections.push('sheet');
    const p = { setDescription: () => p, setWarningOnly: () => p, removeEditors: () => p, addEditor: () => p };
    return p;
  }
  getFormUrl(): string | null {
    const form = this._rt.state.forms.find((f) => f.destinationSheetId === this._id && f.destinationId === this._rt.state.spreadsheet.id);
    return form ? `https://docs.google.com/forms/d/${form.id}/edit` : null;
  }
  toString(): string {
    return 'Sheet';
  }
}
