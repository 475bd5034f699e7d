// The hourly sweep on the built bundle: missed responses + form closing + due deliveries.
import { addApplications, AFTER_NOTIFY, app, calendarMail, mailsTo, newProgram } from './notify.support';

describe('sweep', () => {
  it('catches a missed response and sends what is due; running it again right after sends nothing new', () => {
    const ws = newProgram(AFTER_NOTIFY);
    addApplications(ws, [
      { id: 'S1', email: 'ann@ohio.gov', community: 'clna', status: 'Accepted' },
      { id: 'S2', email: 'bob@ohio.gov', community: 'learner-voice', status: 'Declined' },
    ]);
    // the form-submit trigger never fired for this response
    ws.submitForm(
      {
        email: 'new@ohio.gov',
        answers: {
          'First name': 'Nia',
          'Last name': 'New',
          'Job title': 'Analyst',
          'Agency or organization': 'Ohio CTE',
          'Agency type': 'Lead state CTE agency',
          State: 'Ohio',
          'Communities of Practice': ['Learner Voice'],
          Commitment: ['I commit to attend and engage in the four meetings and to do the pre-work.'],
        },
      },
      { firing: 'none' },
    );
    expect(ws.records('Applications').some((r) => r.Email === 'new@ohio.gov')).toBe(false);

    const execs = ws.runTimeTriggers();
    expect(execs.map((e) => e.fn)).toEqual(['sweep']);
    expect(execs[0].error).toBeUndefined();
    const summary = String(execs[0].result);
    expect(summary).toMatch(/Responses: 1 processed/);
    expect(summary).toMatch(/Notifications: 2 emails sent; 4 meeting events updated/);
    expect(ws.records('Applications').filter((r) => r.Email === 'new@ohio.gov')).toHaveLength(1);
    expect(mailsTo(ws, 'ann@ohio.gov')).toHaveLength(1);
    expect(mailsTo(ws, 'bob@ohio.gov')).toHaveLength(1);
    expect(app(ws, 'S1').Invited).toBe('1, 2, 3, 4');

    const outbox = ws.outbox.length;
    const invitations = calendarMail(ws);
    const again = ws.run('sweep') as string;
    expect(again).toMatch(/Responses: 0 processed/);
    expect(again).toMatch(/Notifications: 0 emails sent; 0 meeting events updated/);
    expect(ws.outbox.length).toBe(outbox);
    expect(calendarMail(ws)).toEqual(invitations);
    const calls = ws.lastExecution!.calls;
    // nothing sent and no event changed; the one Calendar read is the Attendance step's RSVP refresh
    expect(calls.filter((c) => c.method === 'MailApp.sendEmail' || (c.service === 'Calendar' && c.method !== 'Events.list'))).toHaveLength(0);
    expect(calls.filter((c) => c.service === 'Calendar')).toHaveLength(1);
  });

  it('a delivery step failure does not stop the others and is reported', () => {
    const ws = newProgram(AFTER_NOTIFY);
    addApplications(ws, [{ id: 'S1', email: 'ann@ohio.gov', community: 'clna', status: 'Waitlisted' }]);
    ws.faults.failNthCall('MailApp.sendEmail', 1);
    const out = ws.run('sweep') as string;
    expect(out).toMatch(/Notifications: 0 emails sent.*1 failed/);
    ws.clock.advance(3600_000);
    ws.run('sweep');
    expect(mailsTo(ws, 'ann@ohio.gov')).toHaveLength(1);
  });
});
