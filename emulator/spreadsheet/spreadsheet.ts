// Spreadsheet: the one bound spreadsheet of the Workspace.
import type { ServiceName } from '../execution';
import { ScriptError, ServiceObject, type Runtime } from '../runtime';
import type { SheetState } from '../state';
import { parseA1 } from './a1';
import type { Range } from './range';
import { Sheet } from './sheet';
import { newSheet } from './sheetModel';
import { User } from '../services/session';

export class Spreadsheet extends ServiceObject {
  constructor(rt: Runtime) {
    super(rt);
  }
  _kind(): [ServiceName, string] {
    return ['SpreadsheetApp', 'Spreadsheet'];
  }
  private get st() {
    return this._rt.state.spreadsheet;
  }
  _sheet(s: SheetState): Sheet {
    return new Sheet(this._rt, this, s.id);
  }

  getId(): string {
    return this.st.id;
  }
  getUrl(): string {
    return `https://docs.google.com/spreadsheets/d/${this.st.id}/edit`;
  }
  getName(): string {
    return this.st.name;
  }
  rename(newName: string): void {
    this.st.name = String(newName);
  }
  getSpreadsheetTimeZone(): string {
    return this.st.timeZone;
  }
  setSpreadsheetTimeZone(timezone: string): void {
    this.st.timeZone = timezone;
  }
  getSpreadsheetLocale(): string {
    return this.st.locale;
  }
  getSheets(): Sheet[] {
    return this.st.sheets.map((s) => this._sheet(s));
  }
  getNumSheets(): number {
    return this.st.sheets.length;
  }
  getSheetByName(name: string): Sheet | null {
    const s = this.st.sheets.find((x) => x.name === name);
    return s ? this._sheet(s) : null;
  }
  getSheetById(id: number): Sheet | null {
    const s = this.st.sheets.find((x) => x.id === id);
    return s ? this._sheet(s) : null;
  }
  getActiveSheet(): Sheet {
    const s = this.st.sheets.find((x) => x.id === this.st.activeSheetId) ?? this.st.sheets[0];
    return this._sheet(s);
  }
  setActiveSheet(sheet: Sheet, _restoreSelection?: boolean): Sheet {
    this.st.activeSheetId = sheet._id;
    return sheet;
  }
  insertSheet(a?: string | number | { template?: unknown }, b?: number | object, _options?: object): Sheet {
    let name: string | undefined;
    let index: number | undefined;
    if (typeof a === 'string') {
      name = a;
      if (typeof b === 'number') index = b;
    } else if (typeof a === 'number') index = a;
    if (name === undefined) {
      let n = this.st.sheets.length + 1;
      while (this.st.sheets.some((s) => s.name === `Sheet${n}`)) n++;
      name = `Sheet${n}`;
    }
    if (this.st.sheets.some((s) => s.name.toLowerCase() === name.toLowerCase())) {
      throw new ScriptError(`A sheet with the name "${name}" already exists. Please enter another name.`);
    }
    const s = newSheet(this.st.nextSheetId++, name);
    const at = index === undefined ? this.st.sheets.length : Math.max(0, Math.min(index, this.st.sheets.length));
    this.st.sheets.splice(at, 0, s);
    this.st.activeSheetId = s.id;
    return this._sheet(s);
  }
  deleteSheet(sheet: Sheet): void {
    if (this.st.sheets.length <= 1) throw new ScriptError("You can't remove all the sheets in a document.");
    const i = this.st.sheets.findIndex((s) => s.id === sheet._id);
    if (i < 0) throw new ScriptError('Sheet not found');
    this.st.sheets.splice(i, 1);
    for (const f of this._rt.state.forms) if (f.destinationSheetId === sheet._id) f.destinationSheetId = null;
    if (this.st.activeSheetId === sheet._id) this.st.activeSheetId = this.st.sheets[0].id;
  }
  getRange(a1Notation: string): Range {
    const p = parseA1(a1Notation, Number.MAX_SAFE_INTEGER, Number.MAX_SAFE_INTEGER);
    const sheet = p?.sheetName ? this.getSheetByName(p.sheetName) : this.getActiveSheet();
    if (!p || !sheet) throw new ScriptError('Range not found');
    return sheet.getRange(p.sheetName ? a1Notation.slice(a1Notation.lastIndexOf('!') + 1) : a1Notation);
  }
  getActiveRange(): Range {
    return this.getActiveSheet().getRange('A1');
  }
  getFormUrl(): string | null {
    const form = this._rt.state.forms.find((f) => f.destinationId === this.st.id && f.destinationSheetId !== null);
    return form ? `https://docs.google.com/forms/d/${form.id}/edit` : null;
  }
  toast(msg: string, title?: string, timeoutSeconds?: number | null): void {
    this._rt.state.ui.toasts.push({ message: String(msg), title: title ?? '', timeoutSeconds: timeoutSeconds ?? 5, at: this._rt.now() });
  }
  getEditors(): User[] {
    return [this.st.owner, ...this.st.editors].map((e) => new User(this._rt, e));
  }
  getViewers(): User[] {
    return this.getEditors();
  }
  getOwner(): User {
    return new User(this._rt, this.st.owner);
  }
  addEditor(emailAddress: string | User): Spreadsheet {
    const email = typeof emailAddress === 'string' ? emailAddress : emailAddress.getEmail();
    if (email !== this.st.owner && !this.st.editors.includes(email)) this.st.editors.push(email);
    return this;
  }
  removeEditor(emailAddress: string | User): Spreadsheet {
    const email = typeof emailAddress === 'string' ? emailAddress : emailAddress.getEmail();
    this.st.editors = this.st.editors.filter((e) => e !== email);
    return this;
  }
  moveActiveSheet(pos: number): void {
    const i = this.st.sheets.findIndex((s) => s.id === this.st.activeSheetId);
    const [s] = this.st.sheets.splice(i, 1);
    this.st.sheets.splice(pos - 1, 0, s);
  }
  toString(): string {
    return 'Spreadsheet';
  }
}
