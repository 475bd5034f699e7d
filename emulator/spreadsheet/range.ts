// Range: a 1-based rectangle of one sheet. Values, formulas, number formats; other formatting recorded.
// Length: mirrors one Apps Script class (Range); its methods are the ones the product and the tests call.
import type { ServiceName } from '../execution';
import { isDate, jsString, markReady } from '../realm';
import { Runtime, ScriptError, ServiceObject } from '../runtime';
import type { CellData, CellValue, DataValidationRule, SheetState } from '../state';
import { parseA1, toA1, type GridRect } from './a1';
import { coerceInput, formulaOf } from './cells';
import { displayAt, getCell, isEmptyCell, setCell, valueAt } from './sheetModel';
import type { Sheet } from './sheet';
import { DataValidation } from './dataValidation';

type Value = CellValue | null | undefined;

export function checkRect(sheet: SheetState, row: number, col: number, numRows: number, numCols: number): GridRect {
  for (const [v, what] of [
    [row, 'row'],
    [col, 'column'],
    [numRows, 'rows'],
    [numCols, 'columns'],
  ] as const) {
    if (typeof v !== 'number' || !Number.isFinite(v))
      throw new ScriptError(`The parameters (${what}) don't match the method signature for SpreadsheetApp.Sheet.getRange.`);
  }
  if (row < 1) throw new ScriptError('The starting row of the range is too small.');
  if (col < 1) throw new ScriptError('The starting column of the range is too small.');
  if (numRows < 1) throw new ScriptError('The number of rows in the range must be at least 1.');
  if (numCols < 1) throw new ScriptError('The number of columns in the range must be at least 1.');
  const r = Math.floor(row);
  const c = Math.floor(col);
  const nr = Math.floor(numRows);
  const nc = Math.floor(numCols);
  if (r + nr - 1 > sheet.maxRows || c + nc - 1 > sheet.maxCols) {
    throw new ScriptError('The coordinates of the range are outside the dimensions of the sheet.');
  }
  return { row: r, col: c, numRows: nr, numCols: nc };
}

function covers(a1: string, sheet: SheetState, row: number, col: number): boolean {
  const p = parseA1(a1, sheet.maxRows, sheet.maxCols);
  if (!p) return false;
  const r = p.rect;
  return row >= r.row && row < r.row + r.numRows && col >= r.col && col < r.col + r.numCols;
}

export class Range extends ServiceObject {
  constructor(
    rt: Runtime,
    private readonly sheetRef: Sheet,
    readonly _rect: GridRect,
  ) {
    super(rt);
  }

  _kind(): [ServiceName, string] {
    return ['SpreadsheetApp', 'Range'];
  }

  private get s(): SheetState {
    return this.sheetRef._state();
  }

  private get tz(): string {
    return this.rt.state.spreadsheet.timeZone;
  }

  private get rt(): Runtime {
    return this._rt;
  }

  private forEachCell(fn: (row: number, col: number, i: number, j: number) => void): void {
    const { row, col, numRows, numCols } = this._rect;
    for (let i = 0; i < numRows; i++) for (let j = 0; j < numCols; j++) fn(row + i, col + j, i, j);
  }

  private grid<T>(fn: (row: number, col: number) => T): T[][] {
    const { row, col, numRows, numCols } = this._rect;
    const out = new Array<T[]>(numRows);
    for (let i = 0; i < numRows; i++) {
      const line = new Array<T>(numCols);
      for (let j = 0; j < numCols; j++) line[j] = fn(row + i, col + j);
      out[i] = line;
    }
    return out;
  }

  private checkData(values: unknown, method: string): unknown[][] {
    if (!Array.isArray(values) || values.some((r) => !Array.isArray(r))) {
      throw new ScriptError(`The parameters (${typeof values}) don't match the method signature for SpreadsheetApp.Range.${method}.`);
    }
    const rows = values as unknown[][];
    if (rows.length !== this._rect.numRows) {
      throw new ScriptError(
        `The number of rows in the data does not match the number of rows in the range. The data has ${rows.length} but the range has ${this._rect.numRows}.`,
      );
    }
    for (const r of rows) {
      if (r.length !== this._rect.numCols) {
        throw new ScriptError(
          `The number of columns in the data does not match the number of columns in the range. The data has ${r.length} but the range has ${this._rect.numCols}.`,
        );
      }
    }
    return rows;
  }

  private write(row: number, col: number, value: unknown): void {
    const old = getCell(this.s, row, col);
    setCell(this.s, row, col, coerceInput(value, old?.nf, this.tz));
  }

  private record(property: string, value: unknown): this {
    const a1 = toA1(this._rect);
    const list = this.s.formats;
    const existing = list.findIndex((f) => f.a1 === a1 && f.property === property);
    if (existing >= 0) list.splice(existing, 1);
    list.push({ a1, property, value });
    return this;
  }

  private recorded(property: string): unknown {
    const { row, col } = this._rect;
    for (let i = this.s.formats.length - 1; i >= 0; i--) {
      const f = this.s.formats[i];
      if (f.property === property && covers(f.a1, this.s, row, col)) return f.value;
    }
    return undefined;
  }

  // --- geometry -------------------------------------------------------------------------------
  getA1Notation(): string {
    return toA1(this._rect);
  }
  getRow(): number {
    return this._rect.row;
  }
  getRowIndex(): number {
    return this._rect.row;
  }
  getColumn(): number {
    return this._rect.col;
  }
  getColumnIndex(): number {
    return this._rect.col;
  }
  getNumRows(): number {
    return this._rect.numRows;
  }
  getNumColumns(): number {
    return this._rect.numCols;
  }
  getHeight(): number {
    return this._rect.numRows;
  }
  getWidth(): number {
    return this._rect.numCols;
  }
  getLastRow(): number {
    return this._rect.row + this._rect.numRows - 1;
  }
  getLastColumn(): number {
    return this._rect.col + this._rect.numCols - 1;
  }
  getSheet(): Sheet {
    return this.sheetRef;
  }
  getGridId(): number {
    return this.s.id;
  }
  getCell(row: number, column: number): Range {
    if (row < 1 || row > this._rect.numRows || column < 1 || column > this._rect.numCols) {
      throw new ScriptError('The coordinates of the range are outside the dimensions of the sheet.');
    }
    return new Range(this.rt, this.sheetRef, { row: this._rect.row + row - 1, col: this._rect.col + column - 1, numRows: 1, numCols: 1 });
  }
  offset(rowOffset: number, columnOffset: number, numRows?: number, numColumns?: number): Range {
    const rect = checkRect(this.s, this._rect.row + rowOffset, this._rect.col + columnOffset, numRows ?? this._rect.numRows, numColumns ?? this._rect.numCols);
    return new Range(this.rt, this.sheetRef, rect);
  }
  activate(): Range {
    return this;
  }
  isBlank(): boolean {
    let blank = true;
    this.forEachCell((r, c) => {
      if (!isEmptyCell(getCell(this.s, r, c))) blank = false;
    });
    return blank;
  }

  // --- values ---------------------------------------------------------------------------------
  getValues(): CellValue[][] {
    const rt = this.rt;
    const ss = rt.state.spreadsheet;
    const s = this.s;
    const { row, col, numRows, numCols } = this._rect;
    // The hot path of every app read: plain loops, Dates made as the bundle's Date right here,
    // and the grid marked so that dispatch hands it over without a second copy.
    const out = new Array<CellValue[]>(numRows);
    for (let i = 0; i < numRows; i++) {
      const src = s.rows[row - 1 + i];
      const line = new Array<CellValue>(numCols);
      for (let j = 0; j < numCols; j++) {
        const cell = src === undefined ? undefined : src[col - 1 + j];
        if (cell === undefined) line[j] = '';
        else if (cell.f !== undefined) {
          const v = valueAt(ss, s, row + i, col + j);
          line[j] = isDate(v) ? rt.newDate(v.getTime()) : v;
        } else {
          const v = cell.v;
          line[j] = typeof v === 'object' ? rt.newDate(v.getTime()) : v;
        }
      }
      out[i] = line;
    }
    return markReady(out);
  }
  getValue(): CellValue {
    const v = valueAt(this.rt.state.spreadsheet, this.s, this._rect.row, this._rect.col);
    return isDate(v) ? this.rt.newDate(v.getTime()) : v;
  }
  getDisplayValues(): string[][] {
    const ss = this.rt.state.spreadsheet;
    return this.grid((r, c) => displayAt(ss, this.s, r, c));
  }
  getDisplayValue(): string {
    return displayAt(this.rt.state.spreadsheet, this.s, this._rect.row, this._rect.col);
  }
  setValues(values: Value[][]): Range {
    const rows = this.checkData(values, 'setValues');
    this.forEachCell((r, c, i, j) => this.write(r, c, rows[i][j]));
    return this;
  }
  setValue(value: Value): Range {
    this.forEachCell((r, c) => this.write(r, c, value));
    return this;
  }
  getFormulas(): string[][] {
    return this.grid((r, c) => getCell(this.s, r, c)?.f ?? '');
  }
  getFormula(): string {
    return getCell(this.s, this._rect.row, this._rect.col)?.f ?? '';
  }
  setFormula(formula: string): Range {
    this.forEachCell((r, c) => this.writeFormula(r, c, formula));
    return this;
  }
  setFormulas(formulas: string[][]): Range {
    const rows = this.checkData(formulas, 'setFormulas');
    this.forEachCell((r, c, i, j) => this.writeFormula(r, c, jsString(rows[i][j] ?? '')));
    return this;
  }
  private writeFormula(r: number, c: number, formula: string): void {
    const old = getCell(this.s, r, c);
    if (formula === '') {
      setCell(this.s, r, c, old?.nf ? { v: '', nf: old.nf } : undefined);
      return;
    }
    const f = formula.startsWith('=') ? formula : (formulaOf(formula) ?? `=${formula}`);
    setCell(this.s, r, c, { v: '', f, ...(old?.nf ? { nf: old.nf } : {}) });
  }
  clearContent(): Range {
    this.forEachCell((r, c) => {
      const old = getCell(this.s, r, c);
      setCell(this.s, r, c, old?.nf ? { v: '', nf: old.nf } : undefined);
    });
    return this;
  }
  clear(options?: { contentsOnly?: boolean; formatOnly?: boolean; validationsOnly?: boolean; commentsOnly?: boolean }): Range {
    if (!options?.formatOnly && !options?.validationsOnly && !options?.commentsOnly) {
      this.forEachCell((r, c) =>
        setCell(this.s, r, c, options?.contentsOnly ? (getCell(this.s, r, c)?.nf ? { v: '', nf: getCell(this.s, r, c)?.nf } : undefined) : undefined),
      );
    }
    if (!options?.contentsOnly && (options?.formatOnly || !options?.validationsOnly)) this.clearFormat();
    return this;
  }
  clearFormat(): Range {
    this.forEachCell((r, c) => {
      const old = getCell(this.s, r, c);
      if (old?.nf !== undefined) setCell(this.s, r, c, { v: old.v, ...(old.f !== undefined ? { f: old.f } : {}) });
    });
    const a1 = toA1(this._rect);
    this.s.formats = this.s.formats.filter((f) => f.a1 !== a1);
    return this;
  }

  // --- number formats -------------------------------------------------------------------------
  getNumberFormat(): string {
    return getCell(this.s, this._rect.row, this._rect.col)?.nf ?? '0.###############';
  }
  getNumberFormats(): string[][] {
    return this.grid((r, c) => getCell(this.s, r, c)?.nf ?? '0.###############');
  }
  setNumberFormat(numberFormat: string): Range {
    this.forEachCell((r, c) => this.applyFormat(r, c, numberFormat));
    return this;
  }
  setNumberFormats(numberFormats: string[][]): Range {
    const rows = this.checkData(numberFormats, 'setNumberFormats');
    this.forEachCell((r, c, i, j) => this.applyFormat(r, c, String(rows[i][j])));
    return this;
  }
  private applyFormat(r: number, c: number, nf: string): void {
    const old: CellData = getCell(this.s, r, c) ?? { v: '' };
    setCell(this.s, r, c, { ...old, nf });
  }

  // --- recorded formatting --------------------------------------------------------------------
  setFontWeight(fontWeight: string | null): Range {
    return this.record('fontWeight', fontWeight);
  }
  setFontWeights(fontWeights: (string | null)[][]): Range {
    return this.record('fontWeights', fontWeights);
  }
  getFontWeight(): string {
    return (this.recorded('fontWeight') as string | undefined) ?? 'normal';
  }
  setFontColor(color: string | null): Range {
    return this.record('fontColor', color);
  }
  setFontColors(colors: (string | null)[][]): Range {
    return this.record('fontColors', colors);
  }
  setFontSize(size: number): Range {
    return this.record('fontSize', size);
  }
  setFontFamily(fontFamily: string | null): Range {
    return this.record('fontFamily', fontFamily);
  }
  setFontStyle(fontStyle: string | null): Range {
    return this.record('fontStyle', fontStyle);
  }
  setFontLine(fontLine: string | null): Range {
    return this.record('fontLine', fontLine);
  }
  setBackground(color: string | null): Range {
    return this.record('background', color);
  }
  setBackgroundColor(color: string | null): Range {
    return this.record('background', color);
  }
  setBackgrounds(colors: (string | null)[][]): Range {
    return this.record('backgrounds', colors);
  }
  getBackground(): string {
    return (this.recorded('background') as string | null | undefined) ?? '#ffffff';
  }
  setWrap(isWrapEnabled: boolean): Range {
    return this.record('wrap', isWrapEnabled);
  }
  setWrapStrategy(strategy: unknown): Range {
    return this.record('wrapStrategy', String(strategy));
  }
  getWrap(): boolean {
    return (this.recorded('wrap') as boolean | undefined) ?? true;
  }
  setHorizontalAlignment(alignment: string | null): Range {
    return this.record('horizontalAlignment', alignment);
  }
  setVerticalAlignment(alignment: string | null): Range {
    return this.record('verticalAlignment', alignment);
  }
  setTextRotation(rotation: number | object): Range {
    return this.record('textRotation', typeof rotation === 'number' ? rotation : jsString(rotation));
  }
  setBorder(
    top: boolean | null,
    left: boolean | null,
    bottom: boolean | null,
    right: boolean | null,
    vertical: boolean | null,
    horizontal: boolean | null,
    color?: string | null,
    style?: unknown,
  ): Range {
    return this.record('border', [top, left, bottom, right, vertical, horizontal, color ?? null, style === undefined ? null : jsString(style)]);
  }
  merge(): Range {
    return this.record('merge', true);
  }
  setNote(note: string | null): Range {
    this.forEachCell((r, c) => {
      const key = `${r},${c}`;
      if (note) this.s.notes[key] = String(note);
      else delete this.s.notes[key];
    });
    return this;
  }
  getNote(): string {
    return this.s.notes[`${this._rect.row},${this._rect.col}`] ?? '';
  }
  protect(): { setDescription(d: string): unknown; setWarningOnly(w: boolean): unknown; removeEditors(e: unknown): unknown; addEditor(e: unknown): unknown } {
    this.s.protections.push(toA1(this._rect));
    const p = {
      setDescription: () => p,
      setWarningOnly: () => p,
      removeEditors: () => p,
      addEditor: () => p,
    };
    return p;
  }

  // --- data validation ------------------------------------------------------------------------
  setDataValidation(rule: DataValidation | null): Range {
    const a1 = toA1(this._rect);
    this.s.validations = this.s.validations.filter((v) => v.a1 !== a1);
    this.s.validations.push({ a1, rule: rule ? rule._rule() : null });
    return this;
  }
  setDataValidations(rules: (DataValidation | null)[][]): Range {
    this.checkData(rules, 'setDataValidations');
    this.forEachCell((r, c, i, j) => {
      const a1 = toA1({ row: r, col: c, numRows: 1, numCols: 1 });
      const rule = rules[i][j];
      this.s.validations = this.s.validations.filter((v) => v.a1 !== a1);
      this.s.validations.push({ a1, rule: rule ? rule._rule() : null });
    });
    return this;
  }
  getDataValidation(): DataValidation | null {
    const { row, col } = this._rect;
    for (let i = this.s.validations.length - 1; i >= 0; i--) {
      const v = this.s.validations[i];
      if (covers(v.a1, this.s, row, col)) return v.rule ? new DataValidation(this.rt, v.rule) : null;
    }
    return null;
  }
  clearDataValidations(): Range {
    return this.setDataValidation(null);
  }
  insertCheckboxes(_checkedValue?: unknown, _uncheckedValue?: unknown): Range {
    const rule: DataValidationRule = { criteria: 'CHECKBOX', args: [], allowInvalid: false, helpText: '' };
    this.setDataValidation(new DataValidation(this.rt, rule));
    this.forEachCell((r, c) => {
      if (isEmptyCell(getCell(this.s, r, c))) setCell(this.s, r, c, { v: false });
    });
    return this;
  }
  check(): Range {
    this.forEachCell((r, c) => setCell(this.s, r, c, { v: true }));
    return this;
  }
  uncheck(): Range {
    this.forEachCell((r, c) => setCell(this.s, r, c, { v: false }));
    return this;
  }

  /** sort(column) / sort({column, ascending}) / sort([...]): sorts the rows of the range by value. */
  sort(sortSpecObj: number | { column: number; ascending?: boolean } | (number | { column: number; ascending?: boolean })[]): Range {
    const specs = (Array.isArray(sortSpecObj) ? sortSpecObj : [sortSpecObj]).map((s) =>
      typeof s === 'number' ? { column: s, ascending: true } : { column: s.column, ascending: s.ascending !== false },
    );
    const { row, col, numRows, numCols } = this._rect;
    const rows: (CellData | undefined)[][] = [];
    for (let i = 0; i < numRows; i++) {
      const line: (CellData | undefined)[] = [];
      for (let j = 0; j < numCols; j++) line.push(getCell(this.s, row + i, col + j));
      rows.push(line);
    }
    const key = (c: CellData | undefined): number | string => {
      if (!c) return '';
      const v = c.v;
      return isDate(v) ? v.getTime() : typeof v === 'boolean' ? Number(v) : v;
    };
    rows.sort((a, b) => {
      for (const s of specs) {
        const x = key(a[s.column - col]);
        const y = key(b[s.column - col]);
        if (x === y) continue;
        // Blank cells always sort last, numbers before text.
        if (x === '') return 1;
        if (y === '') return -1;
        const cmp = typeof x === typeof y ? (x < y ? -1 : 1) : typeof x === 'number' ? -1 : 1;
        return s.ascending ? cmp : -cmp;
      }
      return 0;
    });
    rows.forEach((line, i) => line.forEach((cell, j) => setCell(this.s, row + i, col + j, cell)));
    return this;
  }

  toString(): string {
    return 'Range';
  }
}
