// Calendar invitations on the built bundle: who is a guest of which meeting, and who Google emails.
import {
  addApplications,
  addGuestByHand,
  AFTER_NOTIFY,
  app,
  BEFORE_NOTIFY,
  calendarMail,
  meetingEvent,
  newProgram,
  NOTIFY_FROM,
  setCell,
} from './notify.support';

const guests = (ws: ReturnType<typeof newProgram>, community: string, n: number) =>
  meetingEvent(ws, community, n)
    .attendees.map((a) => a.email.toLowerCase())
    .sort();

describe('invitations', () => {
  it('CalendarEvent.addGuest alone is not an invitation: the emulator records none for it', () => {
    const ws = newProgram(AFTER_NOTIFY);
    const ev = meetingEvent(ws, 'clna', 1);
    addGuestByHand(ws, ev.id, 'someone@ohio.gov');
    expect(guests(ws, 'clna', 1)).toEqual(['someone@ohio.gov']);
    expect(ws.invitationsSent).toEqual([]);
  });

  it('invites accepted members from the notify date on, one patch per event, keeping hand-added guests', () => {
    const ws = newProgram(BEFORE_NOTIFY);
    addApplications(ws, [
      { id: 'A1', email: 'ann@ohio.gov', community: 'clna', status: 'Accepted' },
      { id: 'A2', email: 'bob@ohio.gov', community: 'clna', status: 'Accepted' },
      { id: 'A3', email: 'cat@ohio.gov', community: 'clna', status: 'Accepted' },
      { id: 'A4', email: 'dan@ohio.gov', community: 'clna', status: 'Waitlisted' },
    ]);
    // staff put an advisor on meeting 2 and Cat (typed differently) on meeting 3 by hand
    addGuestByHand(ws, meetingEvent(ws, 'clna', 2).id, 'advisor@careertech.org');
    addGuestByHand(ws, meetingEvent(ws, 'clna', 3).id, 'Cat@Ohio.gov');

    ws.run('sendDueNotifications');
    expect(ws.invitationsSent).toEqual([]);
    expect(guests(ws, 'clna', 1)).toEqual([]);

    ws.clock.set(NOTIFY_FROM);
    ws.run('sendDueNotifications');
    const exec = ws.lastExecution!;
    // one Events.get and one Events.patch per event, though the acceptance emails list the Meet links too
    expect(exec.calls.filter((c) => c.method === 'Events.patch')).toHaveLength(4);
    expect(exec.calls.filter((c) => c.method === 'Events.get')).toHaveLength(4);
    expect(exec.calls.filter((c) => c.method === 'MailApp.sendEmail')).toHaveLength(4);
    expect(exec.calls.filter((c) => c.service === 'CalendarApp')).toHaveLength(0);
    expect(guests(ws, 'clna', 1)).toEqual(['ann@ohio.gov', 'bob@ohio.gov', 'cat@ohio.gov']);
    expect(guests(ws, 'clna', 2)).toEqual(['advisor@careertech.org', 'ann@ohio.gov', 'bob@ohio.gov', 'cat@ohio.gov']);
    expect(guests(ws, 'clna', 3)).toEqual(['ann@ohio.gov', 'bob@ohio.gov', 'cat@ohio.gov']);
    const sent = calendarMail(ws);
    // Cat was already on meeting 3 (added by hand): no duplicate, no second invitation there
    const m3 = meetingEvent(ws, 'clna', 3).id;
    expect(sent.filter((x) => x.startsWith('cat@ohio.gov'))).toHaveLength(3);
    expect(sent.some((x) => x.toLowerCase().startsWith(`cat@ohio.gov ${m3}`))).toBe(false);
    expect(sent.filter((x) => x.startsWith('ann@ohio.gov')).every((x) => x.endsWith('invitation'))).toBe(true);
    expect(sent.filter((x) => x.startsWith('advisor@'))).toEqual([]);
    expect(sent.filter((x) => x.startsWith('dan@'))).toEqual([]);
    expect(app(ws, 'A3').Invited).toBe('1, 2, 3, 4');
    // the other communities' events were not touched
    expect(guests(ws, 'learner-voice', 1)).toEqual([]);

    // again right away: nothing
    ws.run('sendDueNotifications');
    expect(ws.lastExecution!.calls.filter((c) => c.service === 'Calendar')).toHaveLength(0);
    expect(calendarMail(ws)).toEqual(sent);
  });

  it('only meetings that have not started; removal after a withdrawal sends cancellations for the rest', () => {
    const ws = newProgram('2023-08-29T18:30:00Z'); // clna meeting 1 is under way
    addApplications(ws, [
      { id: 'A1', email: 'ann@ohio.gov', community: 'clna', status: 'Accepted' },
      { id: 'A2', email: 'bob@ohio.gov', community: 'clna', status: 'Accepted', notified: 'Accepted', invited: '1, 2, 3, 4' },
    ]);
    // Bob really is on all four (he was invited before meeting 1)
    for (const n of [1, 2, 3, 4]) addGuestByHand(ws, meetingEvent(ws, 'clna', n).id, 'bob@ohio.gov');
    ws.run('sendDueNotifications');
    expect(guests(ws, 'clna', 1)).toEqual(['bob@ohio.gov']);
    expect(guests(ws, 'clna', 2)).toEqual(['ann@ohio.gov', 'bob@ohio.gov']);
    expect(app(ws, 'A1').Invited).toBe('2, 3, 4');

    setCell(ws, 'A2', 'Status', 'Withdrawn');
    ws.clock.set('2023-10-25T12:00:00Z'); // after meeting 2
    ws.run('sendDueNotifications');
    expect(guests(ws, 'clna', 1)).toEqual(['bob@ohio.gov']);
    expect(guests(ws, 'clna', 2)).toEqual(['ann@ohio.gov', 'bob@ohio.gov']);
    expect(guests(ws, 'clna', 3)).toEqual(['ann@ohio.gov']);
    expect(guests(ws, 'clna', 4)).toEqual(['ann@ohio.gov']);
    const bob = calendarMail(ws).filter((x) => x.startsWith('bob@'));
    expect(bob.sort()).toEqual(
      [`bob@ohio.gov ${meetingEvent(ws, 'clna', 3).id} cancellation`, `bob@ohio.gov ${meetingEvent(ws, 'clna', 4).id} cancellation`].sort(),
    );
    expect(app(ws, 'A2').Invited).toBe('1, 2');
    expect(app(ws, 'A2').Notified).toBe('Withdrawn');
  });

  it('a failing event is logged and retried next run without holding back the others', () => {
    const ws = newProgram(AFTER_NOTIFY);
    addApplications(ws, [{ id: 'A1', email: 'ann@ohio.gov', community: 'learner-voice', status: 'Accepted' }]);
    ws.faults.failNthCall('Calendar.Events.patch', 1, new Error('Backend Error'));
    const summary = ws.run('sendDueNotifications') as string;
    expect(summary).toMatch(/3 meeting events updated; 1 failed/);
    expect(app(ws, 'A1').Invited).toBe('2, 3, 4');
    expect(ws.records('Log').filter((r) => r.Action === 'invitation-failed')).toHaveLength(1);
    ws.clock.advance(3600_000);
    ws.run('sendDueNotifications');
    expect(app(ws, 'A1').Invited).toBe('1, 2, 3, 4');
    const inv = calendarMail(ws).filter((x) => x.startsWith('ann@'));
    expect(inv).toHaveLength(4);
    expect(new Set(inv).size).toBe(4);
  });
});
