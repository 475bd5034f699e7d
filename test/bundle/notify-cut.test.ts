// A delivery run cut off by the time limit before each of its service calls, then re-run: every
// email and invitation ends up delivered exactly once, except that a cut exactly between a
// successful MailApp.sendEmail and the write that records it (Lock.waitLock, Range.setValues) can
// only give at-least-once: that email goes out a second time, once. Those cut points are printed.
import { Workspace, type Execution } from '../../emulator';
import { addApplications, AFTER_NOTIFY, app, calendarMail, mailsTo, newProgram, OWNER, type Applicant } from './notify.support';

const HOUR = 3600_000;

describe('a run cut off at every possible point', () => {
  // Ann: accepted to clna and declined for learner voice (one email); Bob: accepted to clna;
  // Cat: waitlisted. Due: 3 emails, and 4 clna events to patch with Ann and Bob.
  const people: Applicant[] = [
    { id: 'C1', email: 'ann@ohio.gov', community: 'clna', status: 'Accepted' },
    { id: 'C2', email: 'ann@ohio.gov', community: 'learner-voice', status: 'Declined' },
    { id: 'C3', email: 'bob@ohio.gov', community: 'clna', status: 'Accepted' },
    { id: 'C4', email: 'cat@ohio.gov', community: 'data-accountability', status: 'Waitlisted' },
  ];
  const emails = ['ann@ohio.gov', 'bob@ohio.gov', 'cat@ohio.gov'];

  /** A copy of the prepared workspace (structuredClone keeps Dates; 5× faster than fromJSON). */
  function fresh(state: Workspace['state']): Workspace {
    return new Workspace({ now: AFTER_NOTIFY, owner: OWNER }, structuredClone(state));
  }

  /** 1-based call numbers n such that a cut before call n falls after a sendEmail and before its record. */
  function windows(exec: Execution): { n: number; to: string }[] {
    const out: { n: number; to: string }[] = [];
    const calls = exec.calls;
    let sends = 0;
    calls.forEach((c, i) => {
      if (c.method !== 'MailApp.sendEmail') return;
      const to = emails[sends++];
      const record = calls.findIndex((d, j) => j > i && d.method === 'Range.setValues');
      for (let k = i + 1; k <= record; k++) out.push({ n: k + 1, to });
    });
    return out;
  }

  it('ends, after re-runs, with every email and invitation delivered exactly once (at most one duplicate, only in the send→record window)', () => {
    const base = newProgram(AFTER_NOTIFY);
    addApplications(base, people);
    const json = base.state;

    const reference = fresh(json);
    reference.run('sendDueNotifications');
    const uncut = reference.lastExecution!;
    const N = uncut.calls.length;
    const expectedInvites = calendarMail(reference).sort();
    expect(expectedInvites).toHaveLength(8);
    const win = windows(uncut);
    const duplicates: string[] = [];
    const started = Date.now();

    for (let n = 1; n <= N + 1; n++) {
      const ws = fresh(json);
      ws.faults.cutAtCall(n);
      ws.run('sendDueNotifications', [], { catch: true });
      const cut = ws.lastExecution!;
      expect(cut.cutOff).toBe(n <= N);
      // the next hourly run (a second one would find nothing: the checks below see everything done)
      ws.clock.advance(HOUR);
      ws.run('sendDueNotifications');

      const inWindow = win.filter((w) => w.n === n).map((w) => w.to);
      for (const e of emails) {
        const count = mailsTo(ws, e).length;
        if (inWindow.includes(e)) {
          expect(count).toBeGreaterThanOrEqual(1);
          expect(count).toBeLessThanOrEqual(2);
          if (count === 2) duplicates.push(`cut before call ${n} (${uncut.calls[n - 1].method}, after the send to ${e}): ${e} got 2`);
        } else {
          expect({ n, e, count }).toEqual({ n, e, count: 1 });
        }
      }
      expect({ n, invites: calendarMail(ws).sort() }).toEqual({ n, invites: expectedInvites });
      expect(['C1', 'C2', 'C3', 'C4'].map((id) => app(ws, id).Notified)).toEqual(['Accepted', 'Declined', 'Accepted', 'Waitlisted']);
      expect(['C1', 'C3'].map((id) => app(ws, id).Invited)).toEqual(['1, 2, 3, 4', '1, 2, 3, 4']);
    }
    console.log(
      `cut-anywhere: ${N} calls in an uncut run, cut before each of 1..${N} (+ no cut), ${((Date.now() - started) / 1000).toFixed(1)} s.\n` +
        `send→record window cut points: ${win.map((w) => `${w.n} (${uncut.calls[w.n - 1].method}, ${w.to})`).join(', ')}\n` +
        `duplicates seen:\n  ${duplicates.join('\n  ') || 'none'}`,
    );
    expect(duplicates.length).toBe(win.length);
  });
});
