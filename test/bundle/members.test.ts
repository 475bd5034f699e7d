// Members (SPEC behaviour 8) on the built bundle: the layout setup adds, the agenda on the event and
// in one email per member and meeting (timing: lead days before, at once when late, never after the
// start), RSVPs read with at most one Calendar call per event, attendance recorded and refused.
import { countCalls, Workspace } from '../../emulator';
import { ATTENDANCE_HEADERS } from '../../src/domain/program/layout';
import { appendRecords } from '../support/seed';
import { answers } from './intake.support';
import { addApplications, app, meetingEvent, newProgram, OWNER, setCell } from './notify.support';
import { addMembers, agendaMails, followUpMails, setAgenda, setSetting, sheetSnapshot } from './members.support';

/** Agendas for clna meeting 1 (2023-08-29, due from 08-22) and Learner Voice meeting 1 (08-31, due from 08-24). */
function setFirstAgendas(ws: Workspace): void {
  setAgenda(ws, 'clna', 1, 'CLNA agenda');
  setAgenda(ws, 'learner-voice', 1, 'Learner Voice agenda');
}

// clna: 2023-08-29, 2023-10-24 (18:00Z), 2023-12-12 (19:00Z), 2024-02-27 (19:00Z), 2:00 pm ET
const OCT_1 = '2023-10-01T14:00:00Z';
const M2_START = Date.parse('2023-10-24T18:00:00Z');
const DAY = 86400_000;

interface MembersStateLike {
  ok: boolean;
  error?: string;
  rsvpSource?: string;
  communities: {
    key: string;
    members: { id: string; fullName: string; missed: number; meetings: { number: number; rsvp: string; attended: boolean | null }[] }[];
    meetings: {
      number: number;
      start: string;
      agenda: string;
      held: boolean;
      counts: Record<string, number>;
      members: { id: string; rsvp: string; attended: boolean | null }[];
    }[];
    missedTwoOrMore: string[];
  }[];
}

function program(
  now = OCT_1,
  members = [
    { id: 'M1', email: 'ann@ohio.gov', community: 'clna', firstName: 'Ann', lastName: 'Lee' },
    { id: 'M2', email: 'bob@ohio.gov', community: 'clna', firstName: 'Bob', lastName: 'Ray' },
    { id: 'M3', email: 'ann@ohio.gov', community: 'learner-voice', firstName: 'Ann', lastName: 'Lee' },
    { id: 'M4', email: 'dee@utah.gov', community: 'learner-voice', firstName: 'Dee', lastName: 'Fox' },
  ],
): Workspace {
  const ws = newProgram(now);
  addMembers(ws, members);
  ws.run('sendDueNotifications'); // makes them guests of the meetings still to come
  ws.outbox.length = 0;
  return ws;
}

function members(ws: Workspace, user = OWNER): MembersStateLike {
  return ws.run('getMembersState', [], { user }) as MembersStateLike;
}

describe('setup: the members layout', () => {
  it('adds Agenda to Meetings, the two settings, and the Attendance tab with exactly its columns', () => {
    const ws = newProgram(OCT_1);
    expect(ws.sheet('Meetings')!.values[0]).toContain('Agenda');
    const settings = ws.records('Settings');
    expect(settings.find((r) => r.Setting === 'Agenda lead days')?.Value).toBe(7);
    expect(settings.find((r) => r.Setting === 'Send attendance follow-up')?.Value).toBe(false);
    expect(ws.sheet('Attendance')!.values[0]).toEqual([...ATTENDANCE_HEADERS]);
    expect(ws.sheet('Templates')!.values.map((r) => r[0])).toEqual(expect.arrayContaining(['Agenda', 'Follow-up']));
  });

  it('adds the missing Agenda column and settings rows to a sheet set up before them', () => {
    const ws = new Workspace({ now: OCT_1, owner: OWNER });
    appendRecords(
      ws,
      'Meetings',
      [{ Community: 'clna', Meeting: 1, Start: new Date('2023-08-29T18:00:00Z'), End: new Date('2023-08-29T19:30:00Z'), 'Event ID': '' }],
      ['Community', 'Meeting', 'Start', 'End', 'Event ID'],
    );
    appendRecords(ws, 'Settings', [{ Setting: 'Program', Value: 'My program' }], ['Setting', 'Value']);
    ws.run('setup');
    expect(ws.sheet('Meetings')!.values[0]).toEqual(['Community', 'Meeting', 'Start', 'End', 'Event ID', 'Agenda']);
    expect(ws.records('Meetings')).toHaveLength(1);
    const names = ws.records('Settings').map((r) => r.Setting);
    expect(names).toEqual(expect.arrayContaining(['Program', 'Agenda lead days', 'Send attendance follow-up']));
    expect(ws.records('Settings').find((r) => r.Setting === 'Program')?.Value).toBe('My program');
  });
});

describe('agenda', () => {
  it('goes on the event description with no email to the guests, one Calendar call per changed event', () => {
    const ws = program();
    const before = ws.invitationsSent.length;
    setAgenda(ws, 'clna', 2, 'Welcome and introductions\nhttps://docs.example.org/agenda-2');
    ws.run('sendDueNotifications');
    const ev = meetingEvent(ws, 'clna', 2);
    expect(ev.description).toContain('Agenda:\nWelcome and introductions\nhttps://docs.example.org/agenda-2');
    expect(ws.invitationsSent.length).toBe(before); // sendUpdates 'none': no "updated invitation"
    expect(countCalls(ws.lastExecution!, 'Calendar')).toBe(1);
    expect(ws.lastExecution!.calls.filter((c) => c.method === 'Events.patch')).toHaveLength(1);
    // nothing changed: no Calendar call at all
    ws.run('sendDueNotifications');
    expect(countCalls(ws.lastExecution!, 'Calendar')).toBe(0);
    // changed again: that event only
    setAgenda(ws, 'clna', 2, 'Revised agenda');
    ws.run('sendDueNotifications');
    expect(ws.lastExecution!.calls.filter((c) => c.method === 'Events.patch')).toHaveLength(1);
    expect(meetingEvent(ws, 'clna', 2).description).toContain('Agenda:\nRevised agenda');
    expect(meetingEvent(ws, 'clna', 2).description).not.toContain('Welcome');
    expect(ws.invitationsSent.length).toBe(before);
  });

  it('the emulator models the difference: the same description patch with sendUpdates all emails the guests an update', () => {
    const ws = program();
    const ev = meetingEvent(ws, 'clna', 2);
    const before = ws.invitationsSent.length;
    const run = (mode: string) =>
      new Workspace({ now: OCT_1, owner: OWNER, bundlePath: writeScript() }, ws.state).run('patch_', [ws.calendars[0].id, ev.id, `x ${mode}`, mode]);
    run('none');
    expect(ws.invitationsSent.length).toBe(before);
    run('all');
    const updates = ws.invitationsSent
      .slice(before)
      .filter((i) => i.kind === 'update')
      .map((i) => i.email)
      .sort();
    expect(updates).toEqual(['ann@ohio.gov', 'bob@ohio.gov']);
  });

  it('is emailed Agenda lead days before the meeting, once per member, with the meeting, the Meet link and the agenda escaped', () => {
    const ws = program();
    setAgenda(ws, 'clna', 2, '<b>Welcome</b> & intros\nhttps://docs.example.org/agenda-2');
    ws.run('sendDueNotifications');
    expect(agendaMails(ws)).toHaveLength(0); // 23 days ahead
    ws.clock.set(new Date(M2_START - 7 * DAY - 60_000));
    ws.run('sendDueNotifications');
    expect(agendaMails(ws)).toHaveLength(0); // a minute too early
    ws.clock.set(new Date(M2_START - 7 * DAY));
    ws.run('sendDueNotifications');
    expect(
      agendaMails(ws)
        .map((m) => m.to)
        .sort(),
    ).toEqual(['ann@ohio.gov', 'bob@ohio.gov']);
    const mail = agendaMails(ws, 'bob@ohio.gov')[0];
    expect(mail.subject).toBe('2023–2024 Communities of Practice: agenda for Comprehensive Local Needs Assessment meeting 2');
    expect(mail.body).toContain('Comprehensive Local Needs Assessment Community of Practice, meeting 2 of 4');
    expect(mail.body).toContain('When: Tuesday, October 24, 2023, 2:00–3:30 pm ET (America/New_York)');
    const link = meetingEvent(ws, 'clna', 2).hangoutLink as string;
    expect(link).toMatch(/^https:\/\/meet\.google\.com\//);
    expect(mail.body).toContain(`Google Meet: ${link}`);
    expect(mail.body).toContain('<b>Welcome</b> & intros');
    expect(mail.htmlBody).toContain('&lt;b&gt;Welcome&lt;/b&gt; &amp; intros');
    expect(mail.htmlBody).not.toContain('<b>Welcome');
    expect(mail.htmlBody).toContain('<a href="https://docs.example.org/agenda-2">');
    expect(mail.replyTo).toBe('efabillar@careertech.org');
    expect(app(ws, 'M2')['Agenda Sent']).toBe('2');
    // once: later runs send nothing more
    ws.clock.advance(3600_000);
    ws.run('sendDueNotifications');
    ws.run('sweep');
    expect(agendaMails(ws)).toHaveLength(2);
  });

  it('goes out at once when added later than the lead time, and never once the meeting has started', () => {
    const ws = program('2023-12-10T14:00:00Z');
    setAgenda(ws, 'clna', 3, 'Late agenda');
    ws.run('sendDueNotifications');
    expect(
      agendaMails(ws)
        .map((m) => m.to)
        .sort(),
    ).toEqual(['ann@ohio.gov', 'bob@ohio.gov']);
    // meeting 4 starts 2024-02-27 19:00Z: an agenda typed a minute after the start is never emailed
    ws.clock.set('2024-02-27T19:01:00Z');
    setAgenda(ws, 'clna', 4, 'Too late');
    ws.run('sendDueNotifications');
    ws.run('sweep');
    expect(agendaMails(ws)).toHaveLength(2);
    expect(meetingEvent(ws, 'clna', 4).description).toContain('Too late'); // the event still carries it
  });

  it('one email per member and run covers the agendas of all their communities; a member accepted later gets the agendas already sent', () => {
    const ws = program('2023-10-20T14:00:00Z');
    setAgenda(ws, 'clna', 2, 'CLNA agenda');
    setAgenda(ws, 'learner-voice', 2, 'Learner Voice agenda'); // 2023-10-26
    ws.run('sendDueNotifications');
    const ann = agendaMails(ws, 'ann@ohio.gov');
    expect(ann).toHaveLength(1);
    expect(ann[0].body).toContain('CLNA agenda');
    expect(ann[0].body).toContain('Learner Voice agenda');
    expect(app(ws, 'M1')['Agenda Sent']).toBe('2');
    expect(app(ws, 'M3')['Agenda Sent']).toBe('2');
    // Cat is accepted after the agenda went out: acceptance, then the agenda, in the same run
    addApplications(ws, [{ id: 'M9', email: 'cat@iowa.gov', community: 'clna', status: 'Accepted', firstName: 'Cat', lastName: 'Ng' }]);
    ws.run('sendDueNotifications');
    const cat = ws.outbox.filter((m) => m.to === 'cat@iowa.gov');
    expect(cat.map((m) => m.subject)).toEqual([
      expect.stringMatching(/^Welcome to the /),
      '2023–2024 Communities of Practice: agenda for Comprehensive Local Needs Assessment meeting 2',
    ]);
    expect(agendaMails(ws)).toHaveLength(4);
  });

  it('is not sent before the member has been told they are accepted (notify date not come)', () => {
    const ws = newProgram('2023-08-10T14:00:00Z');
    addApplications(ws, [{ id: 'E1', email: 'eve@ohio.gov', community: 'clna', status: 'Accepted' }]);
    setAgenda(ws, 'clna', 1, 'First meeting agenda'); // 2023-08-29: within 7 days only from 08-22
    ws.clock.set('2023-08-14T14:00:00Z');
    ws.run('sendDueNotifications');
    expect(ws.outbox).toHaveLength(0);
    ws.clock.set('2023-08-23T14:00:00Z');
    ws.run('sendDueNotifications');
    expect(ws.outbox.map((m) => m.subject)).toEqual([expect.stringMatching(/^Welcome/), expect.stringMatching(/agenda for/)]);
  });

  it('goes first when the quota is short: soonest meeting first, before decision emails, and confirmations leave it the quota', () => {
    // clna meeting 1 starts 2023-08-29, Learner Voice meeting 1 2023-08-31: both agendas are due
    const ws = newProgram('2023-08-25T14:00:00Z');
    addMembers(ws, [
      { id: 'M1', email: 'ann@ohio.gov', community: 'clna' },
      { id: 'M2', email: 'bob@ohio.gov', community: 'clna' },
      { id: 'M4', email: 'dee@utah.gov', community: 'learner-voice' },
    ]);
    addApplications(ws, [{ id: 'C1', email: 'cy@iowa.gov', community: 'data-accountability', status: 'Accepted' }]); // not told yet
    setAgenda(ws, 'learner-voice', 1, 'Learner Voice agenda');
    setAgenda(ws, 'clna', 1, 'CLNA agenda');
    ws.faults.setMailQuota(2);
    ws.run('sendDueNotifications');
    expect(ws.outbox.map((m) => m.to).sort()).toEqual(['ann@ohio.gov', 'bob@ohio.gov']);
    expect(agendaMails(ws)).toHaveLength(2);
    // Dee's agenda is still due: a confirmation leaves it the one email left today
    ws.faults.setMailQuota(1);
    ws.submitForm({ email: 'eve@texas.gov', answers: answers({ email: 'eve@texas.gov', first: 'Eve', communities: ['Learner Voice'] }) });
    expect(ws.outbox).toHaveLength(2);
    ws.run('sendDueNotifications');
    expect(agendaMails(ws, 'dee@utah.gov')).toHaveLength(1);
    expect(ws.state.properties.script['cop.mailReserve']).toBeUndefined(); // nothing kept back any more
    // the next emails go to the decision and the waiting confirmation
    ws.faults.setMailQuota(10);
    ws.run('sweep');
    expect(
      ws.outbox
        .slice(3)
        .map((m) => m.to)
        .sort(),
    ).toEqual(['cy@iowa.gov', 'eve@texas.gov']);
    expect(agendaMails(ws)).toHaveLength(3);
  });

  it('with the quota short, holds a member whose next agenda falls due first: one email later carries both', () => {
    // clna meeting 1 (2023-08-29) is due from 08-22; Learner Voice meeting 1 (08-31) from 08-24
    const ws = newProgram('2023-08-22T20:00:00Z');
    addMembers(ws, [
      { id: 'M1', email: 'ann@ohio.gov', community: 'clna' },
      { id: 'M2', email: 'ann@ohio.gov', community: 'learner-voice' },
      { id: 'M3', email: 'bob@ohio.gov', community: 'clna' },
    ]);
    setFirstAgendas(ws);
    ws.faults.setMailQuota(1);
    ws.run('sendDueNotifications');
    expect(agendaMails(ws).map((m) => m.to)).toEqual(['bob@ohio.gov']);
    ws.clock.set('2023-08-25T14:00:00Z');
    ws.faults.setMailQuota(1);
    ws.run('sendDueNotifications');
    const ann = agendaMails(ws, 'ann@ohio.gov');
    expect(ann).toHaveLength(1);
    expect(ann[0].body).toContain('CLNA agenda');
    expect(ann[0].body).toContain('Learner Voice agenda');
    expect(app(ws, 'M1')['Agenda Sent']).toBe('1');
    expect(app(ws, 'M2')['Agenda Sent']).toBe('1');
  });

  it('keeps the reserve without rewriting it every hour while the quota is spent, and it still holds when the quota comes back', () => {
    const ws = newProgram('2023-08-25T14:00:00Z');
    addMembers(ws, [
      { id: 'M1', email: 'ann@ohio.gov', community: 'clna' },
      { id: 'M4', email: 'dee@utah.gov', community: 'learner-voice' },
    ]);
    setFirstAgendas(ws);
    ws.faults.setMailQuota(1);
    ws.run('sendDueNotifications');
    expect(agendaMails(ws).map((m) => m.to)).toEqual(['ann@ohio.gov']);
    const kept = ws.state.properties.script['cop.mailReserve'];
    expect(JSON.parse(kept)).toMatchObject({ n: 1 });
    // the quota is spent: the hourly runs through the day find the same agenda waiting and write nothing
    ws.faults.setMailQuota(0);
    ws.clock.advance(3600_000);
    ws.run('sweep'); // the first sweep also records the RSVPs it read
    const before = JSON.stringify(ws.state.properties.script);
    for (let h = 0; h < 17; h++) {
      ws.clock.advance(3600_000);
      ws.run('sweep');
    }
    expect(JSON.stringify(ws.state.properties.script)).toBe(before);
    // the quota is back: a confirmation still leaves Dee's agenda its email
    ws.clock.advance(3600_000);
    ws.faults.setMailQuota(1);
    ws.submitForm({ email: 'eve@texas.gov', answers: answers({ email: 'eve@texas.gov', first: 'Eve', communities: ['Learner Voice'] }) });
    expect(ws.outbox).toHaveLength(1);
    ws.run('sweep');
    expect(agendaMails(ws, 'dee@utah.gov')).toHaveLength(1);
    expect(ws.state.properties.script['cop.mailReserve']).toBeUndefined();
  });

  it('sends an acceptance inside an agenda window only with its agenda: the last email of the day goes to a decline instead', () => {
    // clna meeting 1 starts 2023-08-29; on 08-28 its agenda is due to anyone told of an acceptance.
    // With 3 emails left: Ann's acceptance (her agenda kept one), then Bob's acceptance would leave his
    // agenda no quota before the meeting, so the last email goes to Cy's decline and Bob waits.
    const ws = newProgram('2023-08-28T14:00:00Z');
    setAgenda(ws, 'clna', 1, 'CLNA agenda');
    addApplications(ws, [
      { id: 'A1', email: 'ann@ohio.gov', community: 'clna', status: 'Accepted' },
      { id: 'B1', email: 'bob@ohio.gov', community: 'clna', status: 'Accepted' },
      { id: 'C1', email: 'cy@iowa.gov', community: 'clna', status: 'Declined' },
    ]);
    ws.faults.setMailQuota(3);
    ws.run('sendDueNotifications');
    expect(ws.outbox.map((m) => m.to)).toEqual(['ann@ohio.gov', 'cy@iowa.gov', 'ann@ohio.gov']);
    expect(agendaMails(ws, 'ann@ohio.gov')).toHaveLength(1);
    expect(app(ws, 'B1').Notified).toBe('');
    // the next day, before the meeting: Bob gets both
    ws.clock.advance(25 * 3600_000);
    ws.faults.setMailQuota(2);
    ws.run('sendDueNotifications');
    expect(ws.outbox.slice(3).map((m) => m.to)).toEqual(['bob@ohio.gov', 'bob@ohio.gov']);
    expect(agendaMails(ws, 'bob@ohio.gov')).toHaveLength(1);
    expect(app(ws, 'B1').Notified).toBe('Accepted');
  });

  it('waits for the mail quota like the decision emails', () => {
    const ws = program('2023-10-20T14:00:00Z');
    setAgenda(ws, 'clna', 2, 'CLNA agenda');
    ws.faults.setMailQuota(1);
    ws.run('sendDueNotifications');
    expect(agendaMails(ws)).toHaveLength(1);
    ws.clock.advance(25 * 3600_000);
    ws.run('sendDueNotifications');
    expect(
      agendaMails(ws)
        .map((m) => m.to)
        .sort(),
    ).toEqual(['ann@ohio.gov', 'bob@ohio.gov']);
  });
});

let scriptFile = '';
function writeScript(): string {
  if (scriptFile) return scriptFile;
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  const fs = require('node:fs') as typeof import('node:fs');
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  const os = require('node:os') as typeof import('node:os');
  scriptFile = `${fs.mkdtempSync(`${os.tmpdir()}/cop-patch-`)}/patch.js`;
  fs.writeFileSync(scriptFile, 'function patch_(cal, id, d, mode) { Calendar.Events.patch({ description: d }, cal, id, { sendUpdates: mode }); }\n');
  return scriptFile;
}

describe('RSVPs', () => {
  function scenario(n: number): Workspace {
    const people = Array.from({ length: n }, (_, i) => ({
      id: `R${i + 1}`,
      email: `member${i + 1}@state${i % 50}.gov`,
      community: ['clna', 'learner-voice', 'data-accountability', 'k12-postsecondary'][i % 4],
      firstName: `First${i + 1}`,
      lastName: `Last${i + 1}`,
    }));
    return program(OCT_1, people);
  }

  it.each([4, 400])('are read with at most one Calendar call per event at %i members, with counts per meeting', (n) => {
    const ws = scenario(n);
    const ev = meetingEvent(ws, 'clna', 2);
    ws.respondToInvitation(ev.id, 'member1@state0.gov', 'accepted');
    const state = members(ws);
    expect(state.ok).toBe(true);
    const calls = countCalls(ws.lastExecution!, 'Calendar');
    expect(calls).toBeLessThanOrEqual(ws.events().length);
    expect(calls).toBe(1);
    expect(state.rsvpSource).toBe('calendar');
    const clna = state.communities.find((c) => c.key === 'clna')!;
    expect(clna.members).toHaveLength(n / 4);
    const m2 = clna.meetings.find((m) => m.number === 2)!;
    expect(m2.members.find((x) => x.id === 'R1')!.rsvp).toBe('accepted');
    expect(m2.counts).toMatchObject({ yes: 1, no: 0, maybe: 0, noAnswer: n / 4 - 1 });
  });

  it('show each answer (yes / no / maybe / no answer), and the sweep writes them into the Attendance tab', () => {
    const ws = program();
    const ev = meetingEvent(ws, 'clna', 2);
    ws.respondToInvitation(ev.id, 'ann@ohio.gov', 'declined');
    ws.respondToInvitation(ev.id, 'bob@ohio.gov', 'tentative');
    const clna = members(ws).communities.find((c) => c.key === 'clna')!;
    const m2 = clna.meetings.find((m) => m.number === 2)!;
    expect(m2.counts).toMatchObject({ yes: 0, no: 1, maybe: 1, noAnswer: 0 });
    expect(m2.start).toBe('2023-10-24T18:00:00.000Z');
    // meeting 1 had started before they were invited: no answer
    expect(clna.meetings[0].members.map((x) => x.rsvp)).toEqual(['needsAction', 'needsAction']);
    ws.run('sweep');
    const rows = ws.records('Attendance');
    expect(rows).toHaveLength(16); // 4 applications × 4 meetings
    expect(rows.find((r) => r['Application ID'] === 'M1' && r.Meeting === 2)?.RSVP).toBe('declined');
    expect(rows.find((r) => r['Application ID'] === 'M2' && r.Meeting === 2)?.RSVP).toBe('tentative');
    expect(rows.find((r) => r['Application ID'] === 'M2' && r.Meeting === 3)?.RSVP).toBe('needsAction');
    expect(rows.every((r) => r.Attended === '')).toBe(true);
    ws.respondToInvitation(ev.id, 'bob@ohio.gov', 'accepted');
    ws.run('sweep');
    expect(ws.records('Attendance')).toHaveLength(16);
    expect(ws.records('Attendance').find((r) => r['Application ID'] === 'M2' && r.Meeting === 2)?.RSVP).toBe('accepted');
  });

  it('the hourly sweep reads one column for them when nothing changed, and picks up the next answer and the next member', () => {
    const ws = program();
    ws.run('sweep');
    const attendanceReads = () => ws.lastExecution!.calls.filter((c) => c.service === 'SpreadsheetApp').length;
    ws.clock.advance(3600_000);
    ws.run('sweep');
    const quiet = attendanceReads();
    expect(ws.lastExecution!.result).toMatch(/Attendance: no member, invitation or answer changed\./);
    ws.respondToInvitation(meetingEvent(ws, 'learner-voice', 2).id, 'dee@utah.gov', 'accepted');
    ws.clock.advance(3600_000);
    ws.run('sweep');
    expect(ws.lastExecution!.result).toMatch(/Attendance: 1 RSVP updated/);
    expect(attendanceReads()).toBeGreaterThan(quiet);
    expect(ws.records('Attendance').find((r) => r['Application ID'] === 'M4' && r.Meeting === 2)?.RSVP).toBe('accepted');
    // a member accepted before any invitation of hers: her rows come with the next sweep
    ws.clock.advance(3600_000);
    ws.run('sweep');
    addApplications(ws, [{ id: 'M9', email: 'cat@iowa.gov', community: 'clna', status: 'Accepted', notified: 'Accepted', invited: '2, 3, 4' }]);
    ws.clock.advance(3600_000);
    ws.run('sweep');
    expect(ws.records('Attendance').filter((r) => r['Application ID'] === 'M9')).toHaveLength(4);
  });
});

describe('recordAttendance', () => {
  const AFTER_M2 = '2023-10-24T20:00:00Z';

  it('writes one row per member and meeting under the lock; recording again updates, never duplicates', () => {
    const ws = program();
    const ev = meetingEvent(ws, 'clna', 2);
    ws.respondToInvitation(ev.id, 'ann@ohio.gov', 'accepted');
    ws.clock.set(AFTER_M2);
    const r1 = ws.run('recordAttendance', [{ community: 'clna', meeting: 2, attended: ['M1'], absent: ['M2'] }], { user: 'staff@careertech.org' });
    expect(r1).toEqual({ ok: true, recorded: 2 });
    const writes = ws.lastExecution!.calls.filter((c) => c.method === 'Range.setValues');
    expect(writes.length).toBeGreaterThan(0);
    expect(writes.every((c) => c.lockHeld)).toBe(true);
    let rows = ws.records('Attendance');
    expect(rows).toHaveLength(2);
    expect(rows.find((r) => r['Application ID'] === 'M1')).toMatchObject({
      Email: 'ann@ohio.gov',
      Community: 'clna',
      Meeting: 2,
      RSVP: 'accepted',
      Attended: true,
      'Recorded By': 'staff@careertech.org',
    });
    expect(rows.find((r) => r['Application ID'] === 'M2')).toMatchObject({ Attended: false });
    // again, changed: Bob did attend after all
    ws.clock.advance(60_000);
    expect(ws.run('recordAttendance', [{ community: 'clna', meeting: 2, attended: ['M1', 'M2'], absent: [] }], { user: 'staff@careertech.org' })).toEqual({
      ok: true,
      recorded: 2,
    });
    rows = ws.records('Attendance');
    expect(rows).toHaveLength(2);
    expect(rows.map((r) => r.Attended)).toEqual([true, true]);
    // the sweep's rows and the recorded ones are the same rows
    ws.run('sweep');
    rows = ws.records('Attendance');
    expect(rows).toHaveLength(16);
    expect(rows.filter((r) => r.Meeting === 2 && r.Community === 'clna').map((r) => r.Attended)).toEqual([true, true]);
    const state = members(ws);
    const m2 = state.communities.find((c) => c.key === 'clna')!.meetings[1];
    expect(m2.members.map((x) => x.attended)).toEqual([true, true]);
    expect(m2.counts).toMatchObject({ attended: 2, absent: 0, unrecorded: 0 });
  });

  it('flags members who missed two or more held meetings', () => {
    const ws = program();
    ws.clock.set('2023-12-12T21:00:00Z');
    for (const meeting of [1, 2, 3]) {
      expect(
        ws.run('recordAttendance', [{ community: 'clna', meeting, attended: meeting === 3 ? ['M2'] : [], absent: meeting === 3 ? ['M1'] : ['M1', 'M2'] }]),
      ).toMatchObject({ ok: true });
    }
    const clna = members(ws).communities.find((c) => c.key === 'clna')!;
    expect(clna.missedTwoOrMore).toEqual(['M1', 'M2']);
    expect(clna.members.map((m) => m.missed)).toEqual([3, 2]);
  });

  describe('refuses the whole request, with a clear error and nothing written', () => {
    let ws: Workspace;
    beforeAll(() => {
      ws = program();
      addApplications(ws, [{ id: 'D1', email: 'dan@ohio.gov', community: 'clna', status: 'Declined' }]);
      ws.clock.set(AFTER_M2);
      expect(ws.run('recordAttendance', [{ community: 'clna', meeting: 2, attended: ['M1'], absent: [] }])).toMatchObject({ ok: true });
    });
    const many = Array.from({ length: 5001 }, (_, i) => `X${i}`);
    it.each([
      ['unknown ids', { community: 'clna', meeting: 2, attended: ['M1', 'NOPE'], absent: [] }, /Unknown application ID\(s\): NOPE/],
      ['a meeting not yet started', { community: 'clna', meeting: 3, attended: ['M1'], absent: [] }, /has not started yet/],
      [
        'a member of another community',
        { community: 'clna', meeting: 2, attended: ['M1', 'M4'], absent: [] },
        /Not in Comprehensive Local Needs Assessment: M4/,
      ],
      ['a non-member', { community: 'clna', meeting: 2, attended: [], absent: ['D1'] }, /Not accepted members .*D1 \(Declined\)/],
      ['more than 5,000 ids', { community: 'clna', meeting: 2, attended: many, absent: [] }, /At most 5000/],
      ['an unknown community', { community: 'nope', meeting: 2, attended: ['M1'], absent: [] }, /Unknown community/],
      ['meeting 0', { community: 'clna', meeting: 0, attended: ['M1'], absent: [] }, /meeting number from 1 to 4/],
      ['meeting "2"', { community: 'clna', meeting: '2', attended: ['M1'], absent: [] }, /meeting number from 1 to 4/],
      ['attended not a list', { community: 'clna', meeting: 2, attended: 'M1', absent: [] }, /must be a list/],
      ['an id that is not a string', { community: 'clna', meeting: 2, attended: [7], absent: [] }, /non-empty strings/],
      ['the same id attended and absent', { community: 'clna', meeting: 2, attended: ['M1'], absent: ['M1'] }, /both as attended and as absent/],
      ['an unknown field', { community: 'clna', meeting: 2, attended: ['M1'], absent: [], note: 'x' }, /Unknown field/],
      ['no member listed', { community: 'clna', meeting: 2, attended: [], absent: [] }, /lists no member/],
      ['not an object', 'clna', /must be an object/],
      ['null', null, /must be an object/],
    ])('%s', (_name, request, error) => {
      const attendance = sheetSnapshot(ws, 'Attendance');
      const log = sheetSnapshot(ws, 'Log');
      const result = ws.run('recordAttendance', [request]) as { ok: boolean; error: string };
      expect(result.ok).toBe(false);
      expect(result.error).toMatch(error);
      expect(result.error).toMatch(/Nothing was recorded/);
      expect(sheetSnapshot(ws, 'Attendance')).toBe(attendance);
      expect(sheetSnapshot(ws, 'Log')).toBe(log);
      expect(ws.lastExecution!.calls.filter((c) => c.method === 'Range.setValues')).toHaveLength(0);
    });

    it('a caller who is not a listed reviewer', () => {
      setSetting(ws, 'Reviewers', 'boss@careertech.org');
      const attendance = sheetSnapshot(ws, 'Attendance');
      const result = ws.run('recordAttendance', [{ community: 'clna', meeting: 2, attended: ['M1'], absent: [] }], { user: 'staff@careertech.org' }) as {
        ok: boolean;
        error: string;
      };
      expect(result).toMatchObject({ ok: false, error: expect.stringMatching(/not one of the reviewers/) });
      expect(sheetSnapshot(ws, 'Attendance')).toBe(attendance);
      setSetting(ws, 'Reviewers', '');
    });
  });
});

describe('attendance follow-up', () => {
  it('is off by default; once turned on, a member recorded absent gets one follow-up per meeting', () => {
    const ws = program();
    ws.clock.set('2023-10-24T20:00:00Z');
    ws.run('recordAttendance', [{ community: 'clna', meeting: 2, attended: ['M1'], absent: ['M2'] }]);
    ws.run('sendDueNotifications');
    expect(followUpMails(ws)).toHaveLength(0);
    setSetting(ws, 'Send attendance follow-up', true);
    ws.run('sendDueNotifications');
    ws.run('sendDueNotifications');
    const mails = followUpMails(ws);
    expect(mails.map((m) => m.to)).toEqual(['bob@ohio.gov']);
    expect(mails[0].subject).toBe('2023–2024 Communities of Practice: we missed you at Comprehensive Local Needs Assessment meeting 2');
    expect(mails[0].body).toContain('Tuesday, December 12, 2023');
    expect(app(ws, 'M2')['Follow-up Sent']).toBe('2');
    setCell(ws, 'M2', 'Status', 'Accepted');
  });
});

describe('scope guard on the members endpoints', () => {
  it('both answer {ok:false, error, authorizationUrl} and change nothing when a scope is missing', () => {
    const ws = program();
    ws.clock.set('2023-10-24T20:00:00Z');
    const calendarScope = ws.manifestScopes.filter((s) => !s.endsWith('/auth/calendar'));
    ws.setGrantedScopes(calendarScope, 'staff@careertech.org');
    const before = sheetSnapshot(ws, 'Attendance');
    expect(ws.run('getMembersState', [], { user: 'staff@careertech.org' })).toMatchObject({ ok: false, authorizationUrl: expect.any(String) });
    expect(ws.run('recordAttendance', [{ community: 'clna', meeting: 2, attended: ['M1'], absent: [] }], { user: 'staff@careertech.org' })).toMatchObject({
      ok: false,
      error: expect.stringMatching(/Nothing was changed/),
      authorizationUrl: expect.any(String),
    });
    expect(sheetSnapshot(ws, 'Attendance')).toBe(before);
  });
});
