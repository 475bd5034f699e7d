// startProgramYear cut off (time limit) before EACH of its service calls, then the hourly sweep,
// then the same proposal applied again: the end state equals an uncut run's (tabs, forms, events,
// properties, nothing emailed). Small scenario: a fresh install at today's date (no applicants).
// The one allowed difference: a cut right after FormApp.create and before the new form's id is
// recorded leaves that form behind, unlinked and closed (nothing without the Drive scope can find it).
import { Workspace } from '../../emulator';
import { propose, snapshot, start, TODAY, workspace } from './programYear.support';

describe('startProgramYear cut at every service call, then run again', () => {
  const base = workspace(TODAY);
  base.run('setup');
  base.run('sweep'); // the hourly sweep has run since setup (it closed the 2023 form)
  const proposal = propose(base);
  const saved = JSON.stringify(base.toJSON());
  const restore = (): Workspace => Workspace.fromJSON(saved, { loader: 'cached' });

  const reference = restore();
  const first = start(reference, proposal);
  const calls = reference.lastExecution!.calls;
  const expected = snapshot(reference);
  const createAt = calls.findIndex((c) => c.method === 'FormApp.create') + 1;
  const recordAt = createAt + calls.slice(createAt).findIndex((c) => c.method === 'Properties.setProperty') + 1;

  it('the uncut run applies the year', () => {
    expect(first).toMatchObject({ ok: true, events: 16 });
    expect(calls.length).toBeGreaterThan(100);
    expect(createAt).toBeGreaterThan(0);

    console.log(
      `startProgramYear: ${calls.length} service calls (${Object.entries(
        calls.reduce<Record<string, number>>((a, c) => ({ ...a, [c.service]: (a[c.service] ?? 0) + 1 }), {}),
      )
        .map(([k, v]) => `${k} ${v}`)
        .join(', ')}); FormApp.create is call ${createAt}, its id recorded at call ${recordAt}`,
    );
  });

  it('every cut, then a sweep, then the same proposal again, ends in the same state', () => {
    const t0 = Date.now();
    const orphans: number[] = [];
    for (let n = 1; n <= calls.length; n++) {
      const ws = restore();
      ws.faults.cutAtCall(n);
      const cut = ws.run('startProgramYear', [proposal], { catch: true });
      expect({ n, cutOff: ws.lastExecution!.cutOff }).toEqual({ n, cutOff: true });
      void cut;
      ws.faults.clear();
      ws.run('sweep', [], { catch: true });
      const again = start(ws, proposal);
      expect({ n, ok: again.ok }).toEqual({ n, ok: true });
      const got = snapshot(ws);
      if (got.unlinkedForms > 0) orphans.push(n);
      expect({ n, ...got, unlinkedForms: 0 }).toEqual({ n, ...expected, unlinkedForms: 0 });
      expect({ n, outbox: ws.outbox.length, invitations: ws.invitationsSent.length }).toEqual({ n, outbox: 0, invitations: 0 });
    }
    // only a cut between FormApp.create and the record of its id leaves a form behind
    for (const n of orphans) expect(n > createAt && n <= recordAt).toBe(true);

    console.log(`${calls.length} cuts in ${Date.now() - t0} ms; a form left behind after cuts ${orphans.join(', ') || 'none'}`);
  });
});
