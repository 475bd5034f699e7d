// Recording a delivery right after it happened. The email is already gone when we get here, so
// every service call between the send and the cell write is a moment where a cut-off run (time
// limit) would forget it was sent and send it again next run. Everything that can be done before
// the send (the Lock object, the Range objects and their formats) is done in prepare, so recording costs exactly
// Lock.waitLock + one Range.setValues per contiguous block of rows (one block in the usual case:
// an applicant's rows are appended together); flush and release follow the write.
import { asSheetText } from '../domain/escape';
import { runsOf, requireColumn, type Table } from './table';

export interface PreparedWrite {
  /** Takes the script lock, writes, flushes, releases. Never call it while holding the lock. */
  commit(): void;
}

const WAIT_MS = 30000;

/** `cells` must carry the rows' current values for the column (they are written as given). */
export function prepareColumnWrite_(table: Table, header: string, cells: { row: number; value: unknown }[]): PreparedWrite {
  const c = requireColumn(table, header);
  const byRow = new Map(cells.map((x) => [x.row, x.value]));
  const blocks = runsOf(byRow.keys()).map(([first, last]) => {
    const range = table.sheet.getRange(first, c + 1, last - first + 1, 1);
    // a plain-text ('@') cell takes the string as is; any other needs the text marker for '1'
    const formats = range.getNumberFormats();
    const values: unknown[][] = [];
    for (let r = first; r <= last; r++) values.push([asSheetText(byRow.get(r), formats[r - first]?.[0])]);
    return { range, values, first, last };
  });
  const lock = LockService.getScriptLock();
  return {
    commit() {
      if (blocks.length === 0) return;
      lock.waitLock(WAIT_MS);
      try {
        for (const b of blocks) {
          b.range.setValues(b.values);
          for (let r = b.first; r <= b.last; r++) {
            const row = table.rows[r - 2];
            if (row) {
              while (row.length <= c) row.push('');
              row[c] = byRow.get(r);
            }
          }
        }
        SpreadsheetApp.flush();
      } finally {
        lock.releaseLock();
      }
    },
  };
}
