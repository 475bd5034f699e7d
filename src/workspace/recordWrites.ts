// Recording a delivery right after it happened. The email is already gone when we get here, so
// every service call between the send and the cell write is a moment where a cut-off run (time
// limit) would forget it was sent and send it again next run. Everything that can be done before
// the send (the Lock object, the Range and its number formats) is done in prepare, so recording
// costs exactly Lock.waitLock + one Range.setValues; flush and release follow the write.
//
// The write is one block of the column from the first to the last row recorded. Rows in between
// that belong to other applicants are written back with the values this run holds for them, which
// are current: only a delivery run writes `Notified`/`Invited`, and one delivery runs at a time
// (the lease in src/domain/lease.ts). An applicant's rows are usually adjacent (one response), so
// the block is usually exactly theirs.
import { asSheetText } from '../domain/escape';
import { requireColumn, type Table } from './table';

export interface PreparedWrite {
  /** Takes the script lock, writes, flushes, releases. Never call it while holding the lock. */
  commit(): void;
}

const WAIT_MS = 30000;

const NONE: PreparedWrite = { commit() {} };

export function prepareColumnWrite_(table: Table, header: string, cells: { row: number; value: unknown }[]): PreparedWrite {
  if (cells.length === 0) return NONE;
  const c = requireColumn(table, header);
  const byRow = new Map(cells.map((x) => [x.row, x.value]));
  const first = Math.min(...byRow.keys());
  const last = Math.max(...byRow.keys());
  const current = (r: number): unknown => {
    const row = table.rows[r - 2];
    return row && c < row.length ? row[c] : '';
  };
  const range = table.sheet.getRange(first, c + 1, last - first + 1, 1);
  // a plain-text ('@') cell takes the string as is; any other needs the text marker for '1'
  const formats = range.getNumberFormats();
  const values: unknown[][] = [];
  for (let r = first; r <= last; r++) {
    const v = byRow.has(r) ? byRow.get(r) : current(r);
    values.push([asSheetText(v, formats[r - first]?.[0])]);
  }
  const lock = LockService.getScriptLock();
  return {
    commit() {
      lock.waitLock(WAIT_MS);
      try {
        range.setValues(values);
        for (const [r, v] of byRow) {
          const row = table.rows[r - 2];
          if (!row) continue;
          while (row.length <= c) row.push('');
          row[c] = v;
        }
        SpreadsheetApp.flush();
      } finally {
        lock.releaseLock();
      }
    },
  };
}
