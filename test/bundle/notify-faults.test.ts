// Quota, failures, a refused journal write and the time budget: whatever does not go out waits for the next
// run, and every email ends up delivered exactly once. (Cut-off runs: notify-cut.test.ts.)
import { addApplications, AFTER_NOTIFY, app, mailsTo, newProgram, type Applicant } from './notify.support';

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

    const logRows = ws.records('Log').length;
    ws.clock.advance(HOUR);
    ws.run('sweep');
    expect(ws.outbox).toHaveLength(3);
    expect(ws.records('Log').length).toBe(logRows);
    const props = JSON.stringify(ws.properties.script);
    ws.clock.advance(HOUR);
    ws.run('sweep');
    // the run that reached the quota logged it; an hourly run that finds it spent adds no Log row and
    // leaves the script properties as they were (24 identical rows a day would bury the Log)
    expect(ws.records('Log').length).toBe(logRows);
    expect(JSON.stringify(ws.properties.script)).toBe(props);
    expect(ws.lastExecution!.calls.filter((c) => c.method === 'Range.setValues')).toEqual([]);

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

describe('the journal write refused right after a send', () => {
  it('records the email at the end of the run instead, starts nothing new, and sends it only once', () => {
    const ws = newProgram(AFTER_NOTIFY);
    const apps = eight().slice(0, 3);
    addApplications(ws, apps);
    // the 1st setProperty is the run's lease; the 2nd is the journal entry right after the first send
    ws.faults.failNthCall('Properties.setProperty', 2, new Error('Service invoked too many times for one day: properties write.'));
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
    // 40: an email costs 2 calls (the send, its journal entry), so 20 would all fit in 4.5 min
    const apps = Array.from({ length: 40 }, (_, i) => ({ id: `T${i}`, email: `t${i}@ohio.gov`, community: 'clna', status: 'Declined' }));
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
    expect(first).toBeLessThan(40);
    console.log(`time budget: ${first} of 40 emails in ${(ms / 1000).toFixed(0)} emulated s`);
    ws.faults.setLatency(0);
    ws.clock.advance(HOUR);
    ws.run('sendDueNotifications');
    for (const a of apps) expect(mailsTo(ws, a.email)).toHaveLength(1);
  });
});
