// Event objects for executions started on the host, built as Workspace.submitForm builds them.
import type { Workspace } from '../workspace';
import type { Core } from '../core';
import type { Runtime } from '../runtime';
import { submitEventValues } from '../forms/linking';
import { Range } from '../spreadsheet/range';
import { Sheet } from '../spreadsheet/sheet';
import { Spreadsheet } from '../spreadsheet/spreadsheet';
import type { ConcurrentExecution } from './host';

/**
 * The installed spreadsheet form-submit trigger's execution for the response written at `row` of the
 * responses tab (write the row first with `ws.submitForm(..., { firing: 'none' })`).
 */
export function formSubmitExecution(ws: Workspace, row: number): ConcurrentExecution {
  const state = ws.state;
  const trigger = state.triggers.find((t) => t.eventType === 'ON_FORM_SUBMIT' && t.source === 'SPREADSHEETS');
  if (!trigger) throw new Error('formSubmitExecution: no installed spreadsheet form-submit trigger (run setup first)');
  const form = state.forms.find((f) => f.destinationId === state.spreadsheet.id && f.destinationSheetId !== null);
  const sheetId = form?.destinationSheetId;
  const sheet = state.spreadsheet.sheets.find((s) => s.id === sheetId);
  if (!sheet) throw new Error('formSubmitExecution: no responses tab');
  return {
    fn: trigger.handler,
    user: trigger.owner,
    trigger: { uid: trigger.uid, eventType: trigger.eventType },
    makeArgs: (rt: Runtime) => {
      const { values, namedValues } = submitEventValues(state, sheet, row);
      const ss = new Spreadsheet(rt);
      const range = new Range(rt, new Sheet(rt, ss, sheet.id), { row, col: 1, numRows: 1, numCols: Math.max(1, values.length) });
      return [{ authMode: 'FULL', namedValues, range, source: ss, triggerUid: trigger.uid, values }];
    },
  };
}

export type { Core };
