// A submission's run cut off (time limit) before ANY of its service calls: the hourly sweep then
// leaves exactly the expected rows, one Log entry, and at most one confirmation — exactly one
// unless the cut fell on the MailApp call itself (then the mail's fate is unknown: it is logged as
// uncertain and never resent).
import { Workspace } from '../../emulator';
import { applications, confirmations, freshWorkspace, logRows, submit, sweepLater } from './intake.support';

const APPLICANT = { email: 'cut@state.gov', communities: ['Learner Voice', 'Data and Accountability'] };

describe('a submission cut off at every service call', () => {
  const base = freshWorkspace();
  const snapshot = JSON.stringify(base.toJSON());
  const probe = Workspace.fromJSON(snapshot);
  const calls = submit(probe, APPLICANT).executions[0].calls;
  const sendAt = calls.findIndex((c) => c.method === 'MailApp.sendEmail') + 1;
  // The 'sending' mark just before the mail, and the delete just after it (1-based call numbers).
  const markAt = calls.slice(0, sendAt - 1).map((c) => c.method).lastIndexOf('Properties.setProperty') + 1;
  const deleteAt = sendAt + calls.slice(sendAt).findIndex((c) => c.method === 'Properties.deleteProperty') + 1;
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
    const uncertain = logRows(ws).filter((l) => l.Action === 'Confirmation uncertain').length;
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
        // cut after the 'sending' mark and before the mail: unknown to the script, so not resent
        mails: r.n > markAt && r.n <= sendAt ? 0 : 1,
        processed: 1,
        uncertain: r.n > markAt && r.n <= deleteAt ? 1 : 0,
      });
    }
  });
});
