// A submission's run cut off (time limit) before ANY of its service calls: the hourly sweep then
// leaves exactly the expected rows, one 'Response processed' entry, and at least one confirmation —
// exactly one unless the cut fell after a successful MailApp call and before the journal write that
// records it (then the script cannot know the mail left: it sends it again and logs "Confirmation
// retried").
import { Workspace } from '../../emulator';
import { applications, confirmations, freshWorkspace, logRows, submit, sweepLater } from './intake.support';

const APPLICANT = { email: 'cut@state.gov', communities: ['Learner Voice', 'Data and Accountability'] };

describe('a submission cut off at every service call', () => {
  const base = freshWorkspace();
  const snapshot = JSON.stringify(base.toJSON());
  const probe = Workspace.fromJSON(snapshot);
  const calls = submit(probe, APPLICANT).executions[0].calls;
  const sendAt = calls.findIndex((c) => c.method === 'MailApp.sendEmail') + 1;
  // The journal's 'sending' mark just before the mail, and its write just after it (1-based call numbers).
  const markAt =
    calls
      .slice(0, sendAt - 1)
      .map((c) => c.method)
      .lastIndexOf('Properties.setProperty') + 1;
  const deleteAt = sendAt + calls.slice(sendAt).findIndex((c) => c.method === 'Properties.setProperty') + 1;
  const outcomes: string[] = [];
  const results = calls.map((_c, i) => {
    const n = i + 1;
    const ws = Workspace.fromJSON(snapshot);
    ws.faults.cutAtCall(n);
    const r = submit(ws, APPLICANT);
    const cut = r.executions[0].cutOff;
    ws.faults.clear();
    sweepLater(ws);
    const rows = applications(ws);
    const mails = confirmations(ws).length;
    const processed = logRows(ws).filter((l) => l.Action === 'Response processed').length;
    const uncertain = logRows(ws).filter((l) => l.Action === 'Confirmation retried').length;
    outcomes.push(`${n}:${mails}/${uncertain}`);
    return { n, cut, rows: rows.map((x) => x.Community), mails, processed, uncertain };
  });

  afterAll(() => console.log(outcomes.join(' ')));
  it(`every cut point of the ${calls.length}-call run ends with 2 rows, 1 Log entry and the right confirmations (MailApp at call ${sendAt})`, () => {
    expect(sendAt).toBeGreaterThan(0);
    expect(markAt).toBeGreaterThan(0);
    expect(deleteAt).toBeGreaterThan(sendAt);
    for (const r of results) {
      expect(r).toEqual({
        n: r.n,
        cut: true,
        rows: ['Learner Voice', 'Data and Accountability'],
        // cut after the mail and before its record: the script cannot know it left, so it resends
        mails: r.n > sendAt && r.n <= deleteAt ? 2 : 1,
        processed: 1,
        uncertain: r.n > markAt && r.n <= deleteAt ? 1 : 0,
      });
    }
  });
});

describe('a resubmission cut off at every service call', () => {
  const FIRST = { email: 'again@state.gov', first: 'Ann', communities: ['Learner Voice'] };
  const SECOND = { ...FIRST, first: 'Annabel', job: 'Director', communities: ['Learner Voice'] };
  const base = freshWorkspace();
  submit(base, FIRST);
  base.clock.advance(60 * 60 * 1000);
  const snapshot = JSON.stringify(base.toJSON());
  const probe = Workspace.fromJSON(snapshot);
  const calls = submit(probe, SECOND).executions[0].calls;
  const expected = applications(probe).map((r) => ({ ...r }));

  it(`ends with the row fully updated whichever of the ${calls.length} calls the cut falls on (one block per row update)`, () => {
    expect(expected).toHaveLength(1);
    expect(expected[0]['First Name']).toBe('Annabel');
    expect(String(expected[0].Flags)).toContain('resubmitted');
    for (let n = 1; n <= calls.length; n++) {
      const ws = Workspace.fromJSON(snapshot);
      ws.faults.cutAtCall(n);
      submit(ws, SECOND);
      ws.faults.clear();
      sweepLater(ws);
      const rows = applications(ws);
      expect({ n, rows: rows.map((r) => [r['Application ID'], r['Response Key'], r['First Name'], r['Job Title'], r.Flags]) }).toEqual({
        n,
        rows: expected.map((r) => [r['Application ID'], r['Response Key'], r['First Name'], r['Job Title'], r.Flags]),
      });
    }
  });
});
