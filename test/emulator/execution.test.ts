import { mkdtempSync, utimesSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { countCalls, ExecutionError } from '../../emulator';
import { probeWorkspace } from './helpers';

describe('executions', () => {
  it('gives every run a fresh gas-local context (top-level state does not survive)', () => {
    const ws = probeWorkspace();
    expect(ws.run('bump')).toBe(1);
    expect(ws.run('bump')).toBe(1);
  });

  it('makes Dates, arrays and errors belong to the bundle realm, and Date read the emulated clock', () => {
    const ws = probeWorkspace();
    expect(ws.run('realm')).toEqual({
      cellIsDate: true,
      nowIsClock: '2023-08-01T14:00:00.000Z',
      dateNow: Date.parse('2023-08-01T14:00:00Z'),
      arraysAreArrays: true,
      errIsError: true,
      errMessage: 'The starting row of the range is too small.',
      // V8 in Apps Script runs in the script time zone: 2 pm New York (EDT) is 18:00 UTC.
      localHours: '2023-08-29T18:00:00.000Z',
    });
  });

  it('JSON-clones arguments into the bundle realm', () => {
    const ws = probeWorkspace();
    expect(ws.run('echo', [{ list: [1, 2] }])).toEqual({ got: { list: [1, 2] }, isArray: true });
  });

  it('rethrows bundle errors with the execution attached, or returns them with { catch: true }', () => {
    const ws = probeWorkspace();
    expect(() => ws.run('noSuchFunction')).toThrow(ExecutionError);
    expect(ws.lastExecution?.error?.message).toBe('Script function not found: noSuchFunction');
    expect(ws.run('noSuchFunction', [], { catch: true })).toEqual({ message: 'Script function not found: noSuchFunction', stack: expect.any(String) });
  });

  it('counts every service call with whether the script lock was held', () => {
    const ws = probeWorkspace();
    expect(ws.run('lockAndWrite')).toBe(true);
    const exec = ws.lastExecution!;
    expect(exec.calls.map((c) => c.method)).toEqual([
      'LockService.getScriptLock',
      'Lock.waitLock',
      'SpreadsheetApp.getActiveSpreadsheet',
      'Spreadsheet.getSheets',
      'Sheet.getRange',
      'Range.setValue',
      'Lock.hasLock',
    ]);
    expect(exec.calls.filter((c) => c.lockHeld).length).toBe(5);
    expect(countCalls(exec, 'SpreadsheetApp')).toBe(4);
    expect(countCalls(exec, undefined, 'Range.setValue')).toBe(1);
    // Released at execution end.
    expect(ws.lock.heldBy).toBeNull();
  });
});

describe('bundle loading', () => {
  it('gives a fresh context per run with either loader (cached vm.Script or gas-local)', () => {
    for (const loader of ['cached', 'gas-local'] as const) {
      const ws = probeWorkspace({ loader });
      expect([ws.run('bump'), ws.run('bump')]).toEqual([1, 1]);
      expect((ws.run('realm') as { cellIsDate: boolean }).cellIsDate).toBe(true);
    }
  });

  it('reloads the bundle when the file changes', () => {
    const dir = mkdtempSync(join(tmpdir(), 'emu-'));
    const file = `${dir}/Code.js`;
    writeFileSync(file, 'function v() { return 1; }');
    const ws = probeWorkspace({ bundlePath: file });
    expect(ws.run('v')).toBe(1);
    writeFileSync(file, 'function v() { return 2; }');
    utimesSync(file, new Date(Date.now() + 5000), new Date(Date.now() + 5000));
    expect(ws.run('v')).toBe(2);
  });
});
