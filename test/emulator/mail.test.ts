import { QUOTA_MESSAGE } from '../../emulator';
import { probeWorkspace } from './helpers';

describe('MailApp and GmailApp', () => {
  it('accepts every MailApp.sendEmail signature and records the options', () => {
    const ws = probeWorkspace();
    ws.run('js', [
      "MailApp.sendEmail('a@x.org', 'S1', 'B1');" +
        "MailApp.sendEmail('b@x.org', 'S2', 'B2', { htmlBody: '<b>B2</b>', replyTo: 'efabillar@careertech.org', name: 'CoP', cc: 'c@x.org', bcc: 'd@x.org, e@x.org', noReply: true });" +
        "MailApp.sendEmail('f@x.org', 'reply@x.org', 'S3', 'B3');" +
        "MailApp.sendEmail({ to: 'g@x.org', subject: 'S4', body: 'B4', htmlBody: '<i>B4</i>', replyTo: 'r@x.org', name: 'N' });",
    ]);
    expect(ws.outbox.map(({ id, sentAt, ...m }) => m)).toEqual([
      { via: 'MailApp', to: 'a@x.org', subject: 'S1', body: 'B1', by: 'owner@careertech.org' },
      {
        via: 'MailApp',
        to: 'b@x.org',
        subject: 'S2',
        body: 'B2',
        htmlBody: '<b>B2</b>',
        replyTo: 'efabillar@careertech.org',
        name: 'CoP',
        cc: 'c@x.org',
        bcc: 'd@x.org,e@x.org',
        noReply: true,
        by: 'owner@careertech.org',
      },
      { via: 'MailApp', to: 'f@x.org', subject: 'S3', body: 'B3', replyTo: 'reply@x.org', by: 'owner@careertech.org' },
      { via: 'MailApp', to: 'g@x.org', subject: 'S4', body: 'B4', htmlBody: '<i>B4</i>', replyTo: 'r@x.org', name: 'N', by: 'owner@careertech.org' },
    ]);
    expect(ws.outbox[0].sentAt).toEqual(new Date('2023-08-01T14:00:00Z'));
  });

  it('records GmailApp.sendEmail with via GmailApp, against the same quota', () => {
    const ws = probeWorkspace({ mailQuota: 5 });
    expect(ws.run('js', ["GmailApp.sendEmail('a@x.org', 'S', 'B', { htmlBody: '<p>B</p>' }); return MailApp.getRemainingDailyQuota();"])).toBe(4);
    expect(ws.outbox[0]).toMatchObject({ via: 'GmailApp', to: 'a@x.org', htmlBody: '<p>B</p>' });
  });

  it('counts every recipient (to, cc, bcc) against the daily quota and throws the quota error', () => {
    const ws = probeWorkspace({ mailQuota: 3 });
    expect(ws.run('js', ["MailApp.sendEmail('a@x.org', 'S', 'B', { cc: 'b@x.org' }); return MailApp.getRemainingDailyQuota();"])).toBe(1);
    expect(ws.run('jsError', ["MailApp.sendEmail('a@x.org, c@x.org', 'S', 'B');"])).toEqual({ message: QUOTA_MESSAGE, name: 'Exception', isError: true });
    expect(QUOTA_MESSAGE).toBe('Service invoked too many times for one day: email.');
    expect(ws.outbox).toHaveLength(1);
    // The quota resets 24 h after the first send of the window.
    ws.clock.advance(24 * 60 * 60 * 1000);
    expect(ws.run('js', ['return MailApp.getRemainingDailyQuota();'])).toBe(3);
  });

  it('keeps a quota per user (installable triggers send as their owner)', () => {
    const ws = probeWorkspace({ mailQuota: 2 });
    ws.run('js', ["MailApp.sendEmail('a@x.org', 'S', 'B');"]);
    expect(ws.run('js', ['return MailApp.getRemainingDailyQuota();'], { user: 'staff@careertech.org' })).toBe(2);
    expect(ws.remainingMailQuota('owner@careertech.org')).toBe(1);
  });

  it('faults.setMailQuota sets what is left today for every user', () => {
    const ws = probeWorkspace();
    ws.faults.setMailQuota(1);
    expect(ws.run('js', ['return MailApp.getRemainingDailyQuota();'], { user: 'staff@careertech.org' })).toBe(1);
    ws.run('js', ["MailApp.sendEmail('a@x.org', 'S', 'B');"]);
    expect(ws.run('jsError', ["MailApp.sendEmail('a@x.org', 'S', 'B');"])).toMatchObject({ message: QUOTA_MESSAGE });
    ws.faults.setMailQuota(0, 'staff@careertech.org');
    expect(ws.remainingMailQuota('staff@careertech.org')).toBe(0);
  });

  it('rejects invalid recipients', () => {
    const ws = probeWorkspace();
    expect(ws.run('jsError', ["MailApp.sendEmail('not an email', 'S', 'B');"])).toMatchObject({ message: 'Invalid email: not an email' });
    expect(ws.run('jsError', ["MailApp.sendEmail({ subject: 'S', body: 'B' });"])).toMatchObject({ message: 'Failed to send email: no recipient' });
  });
});
