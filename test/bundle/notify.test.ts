// Decision emails on the built bundle: due rules, grouping, wording, recording, idempotence.
import { countCalls } from '../../emulator';
import { addApplications, AFTER_NOTIFY, app, BEFORE_NOTIFY, calendarMail, mailsTo, meetingEvent, newProgram, NOTIFY_FROM, setCell } from './notify.support';

describe('sendDueNotifications', () => {
  it('sends nothing before the notify date and all of it from then on, once', () => {
    const ws = newProgram(BEFORE_NOTIFY);
    addApplications(ws, [
      { id: 'A1', email: 'ann@ohio.gov', community: 'clna', status: 'Accepted' },
      { id: 'A2', email: 'bob@ohio.gov', community: 'learner-voice', status: 'Waitlisted' },
      { id: 'A3', email: 'cat@ohio.gov', community: 'data-accountability', status: 'Declined' },
      { id: 'A4', email: 'dan@ohio.gov', community: 'k12-postsecondary', status: 'Withdrawn' },
      { id: 'A5', email: 'eve@ohio.gov', community: 'clna', status: 'Pending' },
    ]);
    const before = ws.outbox.length;
    const r1 = ws.run('sendDueNotifications') as string;
    expect(ws.outbox.length).toBe(before);
    expect(ws.invitationsSent).toEqual([]);
    expect(app(ws, 'A1').Notified).toBe('');
    expect(r1).toMatch(/0 emails sent/);
    expect(r1).toMatch(/4 notifications still waiting/);

    ws.clock.set(new Date(new Date(NOTIFY_FROM).getTime() - 1000));
    ws.run('sendDueNotifications');
    expect(ws.outbox.length).toBe(before);

    ws.clock.set(NOTIFY_FROM);
    const r2 = ws.run('sendDueNotifications') as string;
    expect(r2).toMatch(/^4 emails sent; 4 meeting events updated/);
    for (const e of ['ann@ohio.gov', 'bob@ohio.gov', 'cat@ohio.gov', 'dan@ohio.gov']) expect(mailsTo(ws, e)).toHaveLength(1);
    expect(mailsTo(ws, 'eve@ohio.gov')).toHaveLength(0);
    expect(['A1', 'A2', 'A3', 'A4', 'A5'].map((id) => app(ws, id).Notified)).toEqual(['Accepted', 'Waitlisted', 'Declined', 'Withdrawn', '']);
    expect(app(ws, 'A1').Invited).toBe('1, 2, 3, 4');
    expect(calendarMail(ws).filter((x) => x.startsWith('ann@ohio.gov')).length).toBe(4);

    // running it again right after sends nothing new and touches no event
    const sent = ws.outbox.length;
    const invites = ws.invitationsSent.length;
    expect(ws.run('sendDueNotifications')).toMatch(/^0 emails sent; 0 meeting events updated/);
    expect(ws.outbox.length).toBe(sent);
    expect(ws.invitationsSent.length).toBe(invites);
    expect(countCalls(ws.lastExecution!, 'MailApp')).toBe(0);
    expect(countCalls(ws.lastExecution!, 'Calendar')).toBe(0);
  });

  it('writes one email per applicant covering every community, with the program wording', () => {
    const ws = newProgram(AFTER_NOTIFY);
    addApplications(ws, [
      { id: 'J1', email: 'Jane.Roe@state.gov', firstName: 'Jane', community: 'clna', status: 'Accepted' },
      { id: 'X1', email: 'other@state.gov', community: 'clna', status: 'Accepted' },
      { id: 'J2', email: 'jane.roe@state.gov', firstName: 'Jane', community: 'learner-voice', status: 'Waitlisted' },
      { id: 'J3', email: 'jane.roe@state.gov', firstName: 'Jane', community: 'data-accountability', status: 'Declined' },
      { id: 'J4', email: 'jane.roe@state.gov', firstName: 'Jane', community: 'k12-postsecondary', status: 'Accepted' },
    ]);
    ws.run('sendDueNotifications');
    const mails = mailsTo(ws, 'jane.roe@state.gov');
    expect(mails).toHaveLength(1);
    const m = mails[0];
    expect(m.via).toBe('MailApp');
    expect(m.replyTo).toBe('efabillar@careertech.org');
    expect(m.name).toBe('Advance CTE Communities of Practice');
    expect(m.subject).toBe('2023–2024 Communities of Practice: your application');
    expect(m.body).toMatch(/^Dear Jane,/);
    expect(m.body).toContain('Comprehensive Local Needs Assessment: accepted');
    expect(m.body).toContain('Learner Voice: waitlisted');
    expect(m.body).toContain('Data and Accountability: not accepted');
    expect(m.body).toContain('K-12/Postsecondary Alignment: accepted');
    // the four meetings of each accepted community, in ET across daylight saving, with the Meet link
    expect(m.body).toContain('Tuesday, August 29, 2023, 2:00–3:30 pm ET (America/New_York)');
    expect(m.body).toContain('Tuesday, December 12, 2023, 2:00–3:30 pm ET (America/New_York)');
    expect(m.body).toContain('Thursday, March 28, 2024, 2:00–3:30 pm ET (America/New_York)');
    const link = meetingEvent(ws, 'clna', 1).hangoutLink as string;
    expect(link).toMatch(/^https:\/\/meet\.google\.com\//);
    expect(m.body).toContain(`Google Meet: ${link}`);
    expect(m.htmlBody).toContain(`<a href="${link}">`);
    expect(m.body).toMatch(/Calendar invitations to the meetings ahead.*follow/);
    // no capacity is set in this program: the waitlist email does not call the community full
    expect(m.body).toMatch(/placed you on its waitlist/);
    expect(m.body).not.toMatch(/\bfull\b/);
    expect(['J1', 'J2', 'J3', 'J4'].map((id) => app(ws, id).Notified)).toEqual(['Accepted', 'Waitlisted', 'Declined', 'Accepted']);
    expect(mailsTo(ws, 'other@state.gov')).toHaveLength(1);
  });

  it('previewNotification shows exactly the email that goes out, Meet links included', () => {
    const ws = newProgram(BEFORE_NOTIFY);
    addApplications(ws, [
      { id: 'P1', email: 'pat@ohio.gov', firstName: 'Pat', community: 'clna', status: 'Accepted' },
      { id: 'P2', email: 'pat@ohio.gov', firstName: 'Pat', community: 'learner-voice', status: 'Waitlisted' },
    ]);
    const preview = ws.run('previewNotification', ['P1'], { user: 'staff@careertech.org' }) as { subject: string; text: string; html: string };
    ws.clock.set(AFTER_NOTIFY);
    ws.run('sendDueNotifications');
    const [sent] = mailsTo(ws, 'pat@ohio.gov');
    expect(sent.subject).toBe(preview.subject);
    expect(sent.body).toBe(preview.text);
    expect(sent.htmlBody).toBe(preview.html);
    expect(preview.text).toContain(`Google Meet: ${meetingEvent(ws, 'clna', 2).hangoutLink}`);
  });

  it('previewNotification with the web app deployed: the personal-link paragraph is there, its token is not, and nothing is written', () => {
    const ws = newProgram(BEFORE_NOTIFY);
    ws.deployWebApp('https://script.google.com/macros/s/preview/exec');
    addApplications(ws, [{ id: 'P1', email: 'pat@ohio.gov', firstName: 'Pat', community: 'clna', status: 'Accepted' }]);
    const propsBefore = JSON.stringify(ws.properties.script);
    const preview = ws.run('previewNotification', ['P1'], { user: 'staff@careertech.org' }) as { subject: string; text: string; html: string };
    expect(JSON.stringify(ws.properties.script)).toBe(propsBefore);
    expect(preview.text).toContain('https://script.google.com/macros/s/preview/exec?t=(personal-token-made-when-sent)');
    ws.clock.set(AFTER_NOTIFY);
    ws.run('sendDueNotifications');
    const [sent] = mailsTo(ws, 'pat@ohio.gov');
    const token = /\/exec\?t=([\w-]+)/.exec(sent.body)?.[1];
    expect(token).toBeTruthy();
    expect(sent.body).toBe(preview.text.replace('(personal-token-made-when-sent)', token ?? ''));
  });

  it('a changed decision is due again; the same one is not', () => {
    const ws = newProgram(AFTER_NOTIFY);
    addApplications(ws, [{ id: 'A1', email: 'ann@ohio.gov', community: 'clna', status: 'Accepted' }]);
    ws.run('sendDueNotifications');
    setCell(ws, 'A1', 'Status', 'Withdrawn');
    ws.clock.advance(3600_000);
    ws.run('sendDueNotifications');
    const mails = mailsTo(ws, 'ann@ohio.gov');
    expect(mails.map((m) => m.subject)).toEqual([
      'Welcome to the 2023–2024 Communities of Practice: Comprehensive Local Needs Assessment',
      '2023–2024 Communities of Practice: you have been withdrawn from Comprehensive Local Needs Assessment',
    ]);
    expect(mails[1].body).toContain('removed from its remaining meetings');
    expect(app(ws, 'A1').Notified).toBe('Withdrawn');
    expect(app(ws, 'A1').Invited).toBe('');
  });

  it('escapes applicant text in the HTML body', () => {
    const ws = newProgram(AFTER_NOTIFY);
    addApplications(ws, [
      { id: 'A1', email: 'x@ohio.gov', firstName: '<script>alert(1)</script>', lastName: 'O"Brien & Co', community: 'clna', status: 'Declined' },
    ]);
    ws.run('sendDueNotifications');
    const m = mailsTo(ws, 'x@ohio.gov')[0];
    expect(m.htmlBody).not.toContain('<script>');
    expect(m.htmlBody).toContain('Dear &lt;script&gt;alert(1)&lt;/script&gt;,');
    expect(m.body).toContain('Dear <script>alert(1)</script>,');
  });

  it('staff wording in the Templates tab is used', () => {
    const ws = newProgram(AFTER_NOTIFY);
    addApplications(ws, [{ id: 'A1', email: 'ann@ohio.gov', firstName: 'Ann', community: 'clna', status: 'Declined' }]);
    const rows = ws.records('Templates');
    expect(rows.map((r) => r.Template)).toEqual(['Email', 'Accepted', 'Waitlisted', 'Declined', 'Withdrawn', 'Agenda', 'Follow-up']);
    // staff edit the Declined subject in the sheet
    const { runScript } = jest.requireActual<typeof import('../support/seed')>('../support/seed');
    runScript(
      ws,
      `function edit_() {
      var sh = SpreadsheetApp.getActiveSpreadsheet().getSheetByName('Templates');
      sh.getRange(5, 2).setValue('About {{communities}}, {{firstName}}');
    }`,
      'edit_',
    );
    ws.run('sendDueNotifications');
    expect(mailsTo(ws, 'ann@ohio.gov')[0].subject).toBe('About Comprehensive Local Needs Assessment, Ann');
  });

  it('sends outside the lock and records under it, with as many sheet calls for 30 emails as for 1', () => {
    const run = (n: number) => {
      const ws = newProgram(AFTER_NOTIFY);
      const apps = Array.from({ length: n }, (_, i) => ({
        id: `B${i}`,
        email: `p${i}@ohio.gov`,
        community: 'learner-voice',
        status: i % 2 ? 'Declined' : 'Waitlisted',
      }));
      addApplications(ws, apps);
      ws.run('sendDueNotifications');
      return ws.lastExecution!;
    };
    const exec = run(30);
    expect(exec.calls.filter((c) => c.method.endsWith('sendEmail')).every((c) => !c.lockHeld)).toBe(true);
    expect(exec.calls.filter((c) => c.service === 'Calendar').every((c) => !c.lockHeld)).toBe(true);
    expect(exec.calls.filter((c) => c.method === 'Range.setValues').every((c) => c.lockHeld)).toBe(true);
    expect(exec.calls.filter((c) => c.method.endsWith('sendEmail')).length).toBe(30);
    // each email is journalled with one property write right after it; the sheet is written once, at the end
    exec.calls.forEach((c, i) => {
      if (c.method === 'MailApp.sendEmail') expect(exec.calls[i + 1].method).toBe('Properties.setProperty');
    });
    const one = run(1);
    const sheetCalls = countCalls(exec, 'SpreadsheetApp');
    console.log(
      `1 email: ${countCalls(one, 'SpreadsheetApp')} SpreadsheetApp calls; 30 emails: ${sheetCalls} SpreadsheetApp calls, ${exec.calls.length} calls in all`,
    );
    expect(sheetCalls).toBe(countCalls(one, 'SpreadsheetApp'));
    expect(exec.calls.filter((c) => c.method === 'Range.setValues').length).toBe(2); // the run's record + its Log rows
  });
});
