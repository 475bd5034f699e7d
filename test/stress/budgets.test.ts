// Call budgets (issue 7, must-have 4): the Spreadsheet calls of one submission, one getReviewState
// and one decide() are the same call-for-call at 10 and at 5,000 applications, and under fixed
// ceilings. The ceilings are the README's Performance budgets: an Apps Script service call costs
// tens of milliseconds, so a count that grew with the sheet would hit the 6-minute limit (and the
// sidebar's patience) long before 5,000 rows; a fixed count keeps each operation a few seconds.
import { OPERATIONS, sheetCalls, workspaceWith, type Measured, type Operation } from '../bench/fixture';

jest.setTimeout(120_000);

const CEILING: Record<Operation, { sheet: number; all: number; reads?: number }> = {
  // One submission reads the header and a few columns rather than whole tabs: the Applications key
  // columns (5), the Log's Action and Response Key, the responses since the scan mark. More calls
  // (44 Spreadsheet, 13 getValues) than one read per tab, but a new applicant's submission at 5,000
  // applications reads 35 k cells (7.9 s in npm run simulate's latency model), was 190 k (22.8 s).
  intake: { sheet: 46, all: 62, reads: 13 },
  getReviewState: { sheet: 20, all: 22 },
  // The hourly sweep runs 24 times a day against the daily trigger runtime (90 min consumer): with
  // nothing to do it still reads what each step needs (intake, form, delivery, members): 96 calls,
  // 27 of them getValues, since intake reads the Applications key columns instead of the tab and
  // the attendance step reads only the Status column when its fingerprint says nothing changed.
  // In npm run simulate's latency model the idle sweep at 5,000 applications reads 146 k cells in
  // 18.8 s (was 189 k, 23.7 s, before the fingerprint; 424 k, 46.4 s, before the column reads); at
  // 10 it costs 4.4 s. Delivery still reads Applications whole under its own lock.
  idleSweep: { sheet: 78, all: 100, reads: 27 },
  decide: { sheet: 45, all: 65 },
  decideAndNotify: { sheet: 75, all: 160 },
  // the review pages' live poll: no Spreadsheet call at all, whatever the sheet's size
  getReviewRevision: { sheet: 0, all: 5 },
};

const measured: Record<string, Measured> = {};
function at(op: Operation, n: number): Measured {
  const key = `${op}@${n}`;
  measured[key] ??= OPERATIONS[op](workspaceWith(n));
  return measured[key];
}

afterAll(() => {
  const rows = (Object.keys(CEILING) as Operation[]).map((op) => {
    const s = at(op, 10);
    const l = at(op, 5000);
    return `  ${op}: Spreadsheet ${sheetCalls(s).length} @10 / ${sheetCalls(l).length} @5,000 (ceiling ${CEILING[op].sheet}); all calls ${s.total} / ${l.total} (ceiling ${CEILING[op].all}); emulator ${s.ms.toFixed(0)} / ${l.ms.toFixed(0)} ms`;
  });
  console.log(`Call budgets, 10 vs 5,000 applications:\n${rows.join('\n')}`);
});

describe.each(Object.keys(CEILING) as Operation[])('%s', (op) => {
  test('makes the same Spreadsheet calls at 10 and 5,000 applications, under the ceiling', () => {
    const small = at(op, 10);
    const large = at(op, 5000);
    expect(sheetCalls(large)).toEqual(sheetCalls(small));
    expect(sheetCalls(large).length).toBeLessThanOrEqual(CEILING[op].sheet);
    expect(large.total).toBe(small.total);
    expect(large.total).toBeLessThanOrEqual(CEILING[op].all);
    // a fixed handful of tab reads (decide reads the program and rows, then delivery re-reads them
    // under its own lock): never a getValues per row
    expect(large.exec.calls.filter((c) => c.method === 'Range.getValues').length).toBeLessThanOrEqual(CEILING[op].reads ?? 12);
  });
});
