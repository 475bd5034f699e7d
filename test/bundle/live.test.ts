// The live refresh contract: every write of Applications rows (intake, a decision, the emails'
// Notified column) replaces the Applications revision, getReviewState returns the revision its rows
// are at least as new as, and getReviewRevision costs the same few calls whatever the sheet's size.
import { countCalls, type Workspace } from '../../emulator';
import { freshWorkspace, STAFF, submit } from './intake.support';
import { makeApplicants } from './reviewFixtures';
import { seedWorkspace } from './reviewWorkspace';

function revision(ws: Workspace): string {
  const r = ws.run('getReviewRevision', [], { user: STAFF }) as { ok: boolean; revision: string };
  expect(r.ok).toBe(true);
  return r.revision;
}

describe('the Applications revision', () => {
  it('changes with a new application and with a decision, and not with reads', () => {
    const ws = freshWorkspace();
    const r0 = revision(ws);
    submit(ws, { email: 'ada@ohio.gov', first: 'Ada' });
    const r1 = revision(ws);
    expect(r1).not.toBe(r0);
    const state = ws.run('getReviewState', [], { user: STAFF }) as { revision: string; applications: { id: string }[] };
    expect(state.revision).toBe(r1);
    expect(revision(ws)).toBe(r1);
    const decided = ws.run('decide', [{ applicationIds: [state.applications[0].id], decision: 'accept' }], { user: STAFF }) as { ok: boolean };
    expect(decided.ok).toBe(true);
    expect(revision(ws)).not.toBe(r1);
  });

  it('costs the same calls per poll at 10 and at 5,000 applications', () => {
    const cost = (n: number) => {
      const ws = seedWorkspace(makeApplicants(n));
      revision(ws);
      const exec = ws.executions.at(-1);
      if (!exec) throw new Error('no execution');
      return { spreadsheet: countCalls(exec, 'SpreadsheetApp'), all: exec.calls.length };
    };
    const small = cost(10);
    const big = cost(5000);
    expect(big).toEqual(small);
    expect(small.spreadsheet).toBe(0);
    expect(small.all).toBeLessThanOrEqual(4);
  });
});
