// Quota, failures, the time budget and a run cut off anywhere: every email and invitation ends up
// delivered exactly once (or, for a cut exactly between a send and its record, at most twice).
import { Workspace, type Execution } from '../../emulator';
import { addApplications, AFTER_NOTIFY, app, calendarMail, mailsTo, newProgram, OWNER, type Applicant } from './notify.support';

const HOUR = 3600_000;

function eight(): Applicant[] {
  return Array.from({ length: 8 }, (_, i) => ({ id: `Q${i}`, email: `q${i}@ohio.gov`, community: 'learner-voice', status: 'Waitlisted' }));
}

describe('mail quota', () => {
  it('with 3 left and 8 due: sends 3, then the rest the next day, with no duplicates', () => {
    const ws = newProgram(AFTER_NOTIFY);
    addApplications(ws, eight());
    ws.faults.setMailQuota(3);
    const r1 = ws.run('sendDueNotifications') as string;
    expect(r1).toMatch(/^3 emails sent;.*daily email quota reached.*5 notifications still waiting/);
    expect(ws.outbox).toHaveLength(3);
    // no attempt beyond the quota
    expect(ws.lastExecution!.calls.filter((c) => c.method === 'MailApp.sendEmail')).toHaveLength(3);

    ws.clock.advance(HOUR);
    ws.run('sweep');
    expect(ws.outbox).toHaveLength(3);

    ws.clock.advance(24 * HOUR);
    ws.run('sweep');
    expect(ws.outbox).toHaveLength(8);
    expect(new Set(ws.outbox.map((m) => m.to)).size).toBe(8);
    expect(eight().map((a) => app(ws, a.id).Notified)).toEqual(Array(8).fill('Waitlisted'));
  });
});

describe('a failing email', () => {
  it('the 2nd send fails: logged, the others go, and it goes on the next run, each exactly once', () => {
    const ws = newProgram(AFTER_NOTIFY);
    const apps = eight().slice(0, 4);
    addApplications(ws, apps);
    ws.faults.failNthCall('MailApp.sendEmail', 2);
    const r1 = ws.run('sendDueNotifications') as string;
    expect(r1).toMatch(/^3 emails sent;.*1 failed/);
    expect(app(ws, 'Q1').Notified).toBe('');
    const failed = ws.records('Log').filter((r) => r.Action === 'notification-failed');
    expect(failed).toHaveLength(1);
    expect(String(failed[0]['Application IDs'])).toBe('Q1');
    ws.clock.advance(HOUR);
    ws.run('sendDueNotifications');
    for (const a of apps) expect(mailsTo(ws, a.email)).toHaveLength(1);
    expect(app(ws, 'Q1').Notified).toBe('Waitlisted');
  });
});

describe('the lock refused right after a send', () => {
  it('records the email at the end of the run instead, and sends it only once', () => {
    const ws = newProgram(AFTER_NOTIFY);
    const apps = eight().slice(0, 3);
    addApplications(ws, apps);
    // the 1st waitLock is the run's read; the 2nd is the record right after the first send
    ws.faults.failNthCall('Lock.waitLock', 2, new Error('Lock timeout: another process was holding the lock for too long.'));
    const r = ws.run('sendDueNotifications') as string;
    expect(r).toMatch(/^1 email sent;.*paused/);
    expect(app(ws, 'Q0').Notified).toBe('Waitlisted');
    expect(ws.records('Log').filter((x) => x.Action === 'record-delayed')).toHaveLength(1);
    ws.clock.advance(HOUR);
    ws.run('sendDueNotifications');
    for (const a of apps) expect(mailsTo(ws, a.email)).toHaveLength(1);
  });
});

describe('time budget', () => {
  it('stops starting new work well inside 6 minutes; the next run sends the rest', () => {
    const ws = newProgram(AFTER_NOTIFY);
    const apps = Array.from({ length: 20 }, (_, i) => ({ id: `T${i}`, email: `t${i}@ohio.gov`, community: 'clna', status: 'Declined' }));
    addApplications(ws, apps);
    ws.faults.setLatency(4000); // 4 s per service call: a slow day
    const r1 = ws.run('sendDueNotifications') as string;
    const e1 = ws.lastExecution!;
    const ms = e1.endedAt!.getTime() - e1.startedAt.getTime();
    expect(e1.cutOff).toBe(false);
    expect(ms).toBeLessThan(6 * 60_000);
    expect(r1).toMatch(/paused at the time limit/);
    const first = ws.outbox.length;
    expect(first).toBeGreaterThan(0);
    expect(first).toBeLessThan(20);
    console.log(`time budget: ${first} of 20 emails in ${(ms / 1000).toFixed(0)} emulated s`);
    ws.faults.setLatency(0);
    ws.clock.advance(HOUR);
    ws.run('sendDueNotifications');
    for (const a of apps) expect(mailsTo(ws, a.email)).toHaveLength(1);
  });
});

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
