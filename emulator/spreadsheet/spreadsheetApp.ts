// The SpreadsheetApp global: the active (bound) spreadsheet, UI, builders and enums.
import type { ServiceName } from '../execution';
import { ScriptError, ServiceObject } from '../runtime';
import { DataValidationBuilder, DataValidationCriteria } from './dataValidation';
import type { Range } from './range';
import type { Sheet } from './sheet';
import { Spreadsheet } from './spreadsheet';
import { Ui } from './ui';

export class SpreadsheetApp extends ServiceObject {
  readonly DataValidationCriteria = DataValidationCriteria;
  readonly WrapStrategy = { WRAP: 'WRAP', OVERFLOW: 'OVERFLOW', CLIP: 'CLIP' };
  readonly BorderStyle = { DOTTED: 'DOTTED', DASHED: 'DASHED', SOLID: 'SOLID', SOLID_MEDIUM: 'SOLID_MEDIUM', SOLID_THICK: 'SOLID_THICK', DOUBLE: 'DOUBLE' };
  readonly ProtectionType = { RANGE: 'RANGE', SHEET: 'SHEET' };
  readonly Dimension = { COLUMNS: 'COLUMNS', ROWS: 'ROWS' };

  _kind(): [ServiceName, string] {
    return ['SpreadsheetApp', 'SpreadsheetApp'];
  }
  // A web app has no active spreadsheet: Google documents that these "are not available" there
  // (guides/bound) and that getActiveSpreadsheet returns "null if there is none". We return null
  // (the documented value); getUi throws. Code must not rely on either: open the sheet by ID.
  getActiveSpreadsheet(): Spreadsheet | null {
    return this._rt.webApp ? null : new Spreadsheet(this._rt);
  }
  getActive(): Spreadsheet | null {
    return this._rt.webApp ? null : new Spreadsheet(this._rt);
  }
  getActiveSheet(): Sheet | null {
    return this._rt.webApp ? null : new Spreadsheet(this._rt).getActiveSheet();
  }
  getActiveRange(): Range | null {
    return this._rt.webApp ? null : new Spreadsheet(this._rt).getActiveRange();
  }
  /** Needs the `spreadsheets` scope (emulator/platform.ts: currentonly does not reach a sheet by ID). */
  openById(id: string): Spreadsheet {
    if (id !== this._rt.state.spreadsheet.id) throw new ScriptError(`Unexpected error while getting the method or property openById on object SpreadsheetApp.`);
    return new Spreadsheet(this._rt);
  }
  openByUrl(url: string): Spreadsheet {
    const m = /\/d\/([\w-]+)/.exec(String(url));
    if (!m || m[1] !== this._rt.state.spreadsheet.id)
      throw new ScriptError(`Unexpected error while getting the method or property openByUrl on object SpreadsheetApp.`);
    return new Spreadsheet(this._rt);
  }
  flush(): void {}
  /** Installable form-submit and clock triggers have no user interface to talk to. */
  getUi(): Ui {
    const t = this._rt.exec.trigger;
    if (this._rt.webApp || (t && (t.eventType === 'ON_FORM_SUBMIT' || t.eventType === 'CLOCK')))
      throw new ScriptError('Cannot call SpreadsheetApp.getUi() from this context.');
    return new Ui(this._rt);
  }
  newDataValidation(): DataValidationBuilder {
    return new DataValidationBuilder(this._rt);
  }
  toString(): string {
    return 'SpreadsheetApp';
  }
}
