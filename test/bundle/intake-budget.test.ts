// Spreadsheet calls for one submission do not grow with the number of existing applications.
import { applications, confirmations, countByService, freshWorkspace, seedProcessed, submit } from './intake.support';

function measure(existing: number) {
  const ws = freshWorkspace();
  seedProcessed(ws, existing);
  ws.clock.set('2023-08-02T14:00:00Z');
  const t0 = Date.now();
  const result = submit(ws, { email: 'new@state.gov', communities: ['Learner Voice', 'Data and Accountability'] });
  const ms = Date.now() - t0;
  const exec = result.executions[0];
  expect(exec.error).toBeUndefined();
  expect(applications(ws)).toHaveLength(existing + 2);
  expect(confirmations(ws)).toHaveLength(1);
  const sheetCalls = exec.calls.filter((c) => c.service === 'SpreadsheetApp');
  return { ws, exec, ms, sheetCalls, byService: countByService(exec.calls) };
}

describe('call budget per submission', () => {
  const small = measure(10);
  const large = measure(5000);
  const figures = `10 rows: ${small.sheetCalls.length} Spreadsheet calls (${small.ms} ms); 5,000 rows: ${large.sheetCalls.length} Spreadsheet calls (${large.ms} ms)`;

  it(`is the same at 10 and at 5,000 existing applications (${figures})`, () => {
    console.log(`[intake budget] ${figures}\n  all services at 5,000: ${JSON.stringify(large.byService)}`);
    expect(large.sheetCalls.map((c) => c.method)).toEqual(small.sheetCalls.map((c) => c.method));
    expect(large.sheetCalls.length).toBeLessThanOrEqual(45);
    // header + key columns of Applications (6), Action and Response Key of the Log (2), the responses' tail (2), program tabs
    expect(large.exec.calls.filter((c) => c.method.endsWith('getValues')).length).toBeLessThanOrEqual(13);
  });

  it('takes the lock once, writes only under it, and mails after releasing it', () => {
    const calls = large.exec.calls;
    const writes = calls.filter((c) => c.service === 'SpreadsheetApp' && /\.(setValues|setValue|insertRowsAfter)$/.test(c.method));
    expect(writes.length).toBeGreaterThanOrEqual(2);
    expect(writes.every((c) => c.lockHeld)).toBe(true);
    const lockCalls = calls.filter((c) => c.service === 'LockService').map((c) => c.method);
    expect(lockCalls.filter((m) => m.endsWith('waitLock'))).toHaveLength(1);
    const send = calls.findIndex((c) => c.method === 'MailApp.sendEmail');
    const lastWrite = calls.map((c) => c.lockHeld).lastIndexOf(true);
    expect(send).toBeGreaterThan(lastWrite);
    expect(calls[send].lockHeld).toBe(false);
  });
});
