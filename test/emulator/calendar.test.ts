import { probeWorkspace } from './helpers';

const CREATE =
  "var cal = CalendarApp.createCalendar('CoP meetings', { timeZone: 'America/New_York' }); PropertiesService.getScriptProperties().setProperty('cal', cal.getId());";
const CAL = "var calId = PropertiesService.getScriptProperties().getProperty('cal');";
const INSERT =
  CAL +
  "var ev = Calendar.Events.insert({ summary: 'Meeting 1', start: { dateTime: '2023-08-29T14:00:00-04:00', timeZone: 'America/New_York' }, end: { dateTime: '2023-08-29T15:30:00-04:00', timeZone: 'America/New_York' }," +
  " attendees: arg && arg.attendees, conferenceData: { createRequest: { requestId: Utilities.getUuid(), conferenceSolutionKey: { type: 'hangoutsMeet' } } } }, calId, arg && arg.opts);" +
  "PropertiesService.getScriptProperties().setProperty('ev', ev.id); return ev;";
const EV = CAL + "var evId = PropertiesService.getScriptProperties().getProperty('ev');";

function calendarWorkspace() {
  const ws = probeWorkspace();
  ws.run('js', [CREATE]);
  return ws;
}

describe('CalendarApp', () => {
  it('creates calendars and events; getId() is the iCalUID ending @google.com; addGuest sends nothing', () => {
    const ws = calendarWorkspace();
    const out = ws.run('js', [
      CAL +
        'var cal = CalendarApp.getCalendarById(calId);' +
        "var ev = cal.createEvent('Kickoff', new Date('2023-08-29T18:00:00Z'), new Date('2023-08-29T19:30:00Z'), { description: 'Agenda', location: 'Meet', guests: 'a@x.org,b@y.org' });" +
        "ev.addGuest('c@z.org'); ev.removeGuest('a@x.org'); ev.setDescription('New agenda');" +
        'var again = cal.getEventById(ev.getId());' +
        "return [cal.getName(), cal.getTimeZone(), /^[a-v0-9]+@google\\.com$/.test(ev.getId()), again.getTitle(), again.getStartTime() instanceof Date, again.getStartTime().toISOString(), again.getGuestList().map(function (g) { return g.getEmail(); }), cal.getEvents(new Date('2023-08-01'), new Date('2023-09-01')).length, CalendarApp.getCalendarById('nope@group.calendar.google.com')];",
    ]);
    expect(out).toEqual(['CoP meetings', 'America/New_York', true, 'Kickoff', true, '2023-08-29T18:00:00.000Z', ['b@y.org', 'c@z.org'], 1, null]);
    expect(ws.invitationsSent).toEqual([]);
    const [ev] = ws.events();
    expect(ev).toMatchObject({
      summary: 'Kickoff',
      description: 'New agenda',
      location: 'Meet',
      attendees: [
        { email: 'b@y.org', responseStatus: 'needsAction' },
        { email: 'c@z.org', responseStatus: 'needsAction' },
      ],
    });
    expect(ev.start).toEqual(new Date('2023-08-29T18:00:00Z'));
    expect(ev.start.dateTime).toBe('2023-08-29T14:00:00-04:00');
    expect(ws.calendars).toEqual([
      { id: expect.stringMatching(/@group\.calendar\.google\.com$/), name: 'CoP meetings', timeZone: 'America/New_York', owner: 'owner@careertech.org' },
    ]);
  });

  it('createEvent with sendInvites: true sends invitations', () => {
    const ws = calendarWorkspace();
    ws.run('js', [
      CAL +
        "CalendarApp.getCalendarById(calId).createEvent('K', new Date('2023-08-29T18:00:00Z'), new Date('2023-08-29T19:00:00Z'), { guests: 'a@x.org', sendInvites: true });",
    ]);
    expect(ws.invitationsSent.map((i) => [i.email, i.kind, i.via])).toEqual([['a@x.org', 'invitation', 'CalendarApp']]);
  });

  it('shares one store with the advanced service (ids map by the @google.com suffix)', () => {
    const ws = calendarWorkspace();
    const out = ws.run('js', [
      CAL +
        "var ev = CalendarApp.getCalendarById(calId).createEvent('K', new Date('2023-08-29T18:00:00Z'), new Date('2023-08-29T19:00:00Z'));" +
        "var api = Calendar.Events.get(calId, ev.getId().replace('@google.com', ''));" +
        'var listed = Calendar.Events.list(calId, { iCalUID: ev.getId() }).items;' +
        'return [api.summary, api.iCalUID === ev.getId(), listed.length, listed[0].id === api.id];',
    ]);
    expect(out).toEqual(['K', true, 1, true]);
  });
});

describe('advanced Calendar service', () => {
  it('inserts with a Meet link only with conferenceDataVersion 1, and invites only with sendUpdates', () => {
    const ws = calendarWorkspace();
    const plain = ws.run('js', [INSERT, { attendees: [{ email: 'a@x.org' }] }]) as Record<string, unknown>;
    expect(plain.conferenceData).toBeUndefined();
    expect(plain.hangoutLink).toBeUndefined();
    expect(ws.invitationsSent).toEqual([]);
    const meet = ws.run('js', [
      INSERT,
      { attendees: [{ email: 'a@x.org' }, { email: 'b@careertech.org' }], opts: { conferenceDataVersion: 1, sendUpdates: 'all' } },
    ]) as Record<string, unknown>;
    expect(meet.hangoutLink).toMatch(/^https:\/\/meet\.google\.com\/[a-z]{3}-[a-z]{4}-[a-z]{3}$/);
    expect(meet).toMatchObject({
      kind: 'calendar#event',
      status: 'confirmed',
      summary: 'Meeting 1',
      start: { dateTime: '2023-08-29T14:00:00-04:00', timeZone: 'America/New_York' },
      conferenceData: { conferenceSolution: { key: { type: 'hangoutsMeet' } }, entryPoints: [{ entryPointType: 'video', uri: meet.hangoutLink }] },
      iCalUID: `${String(meet.id)}@google.com`,
    });
    expect(ws.invitationsSent.map((i) => [i.email, i.kind, i.eventId])).toEqual([
      ['a@x.org', 'invitation', meet.id],
      ['b@careertech.org', 'invitation', meet.id],
    ]);
  });

  it("'externalOnly' emails only guests outside the organizer's domain", () => {
    const ws = calendarWorkspace();
    ws.run('js', [INSERT, { attendees: [{ email: 'a@x.org' }, { email: 'b@careertech.org' }], opts: { sendUpdates: 'externalOnly' } }]);
    expect(ws.invitationsSent.map((i) => i.email)).toEqual(['a@x.org']);
  });

  it('patch replaces the whole attendees array: new guests get invitations, dropped ones cancellations', () => {
    const ws = calendarWorkspace();
    ws.run('js', [INSERT, { attendees: [{ email: 'a@x.org' }, { email: 'b@x.org' }] }]);
    const patched = ws.run('js', [
      EV + "return Calendar.Events.patch({ attendees: [{ email: 'b@x.org' }, { email: 'c@x.org' }] }, calId, evId, { sendUpdates: 'all' });",
    ]) as {
      attendees: { email: string }[];
      summary: string;
    };
    expect(patched.attendees.map((a) => a.email)).toEqual(['b@x.org', 'c@x.org']);
    expect(patched.summary).toBe('Meeting 1');
    expect(ws.invitationsSent.map((i) => [i.email, i.kind])).toEqual([
      ['c@x.org', 'invitation'],
      ['a@x.org', 'cancellation'],
    ]);
  });

  it('a patch without sendUpdates (or with none) sends nothing; content changes send updates to kept guests', () => {
    const ws = calendarWorkspace();
    ws.run('js', [INSERT, { attendees: [{ email: 'a@x.org' }] }]);
    ws.run('js', [EV + "var e = Calendar.Events.get(calId, evId); e.attendees.push({ email: 'b@x.org' }); Calendar.Events.patch(e, calId, evId);"]);
    ws.run('js', [EV + "Calendar.Events.patch({ attendees: [{ email: 'a@x.org' }] }, calId, evId, { sendUpdates: 'none' });"]);
    expect(ws.invitationsSent).toEqual([]);
    ws.run('js', [
      EV + "Calendar.Events.patch({ summary: 'Moved', attendees: [{ email: 'a@x.org' }, { email: 'd@x.org' }] }, calId, evId, { sendUpdates: 'all' });",
    ]);
    expect(ws.invitationsSent.map((i) => [i.email, i.kind])).toEqual([
      ['d@x.org', 'invitation'],
      ['a@x.org', 'update'],
    ]);
    expect(ws.events()[0].summary).toBe('Moved');
  });

  it('update replaces the resource; remove cancels (and emails guests with sendUpdates)', () => {
    const ws = calendarWorkspace();
    ws.run('js', [INSERT, { attendees: [{ email: 'a@x.org' }], opts: { conferenceDataVersion: 1 } }]);
    const updated = ws.run('js', [
      EV + "var e = Calendar.Events.get(calId, evId); delete e.description; e.summary = 'Renamed'; return Calendar.Events.update(e, calId, evId);",
    ]) as Record<string, unknown>;
    expect(updated.summary).toBe('Renamed');
    expect(updated.hangoutLink).toBeDefined();
    ws.run('js', [EV + "Calendar.Events.remove(calId, evId, { sendUpdates: 'all' });"]);
    expect(ws.events()).toEqual([]);
    expect(ws.invitationsSent.map((i) => [i.email, i.kind])).toEqual([['a@x.org', 'cancellation']]);
    expect(
      ws.run('js', [
        EV +
          'return [Calendar.Events.get(calId, evId).status, Calendar.Events.list(calId).items.length, Calendar.Events.list(calId, { showDeleted: true }).items.length];',
      ]),
    ).toEqual(['cancelled', 0, 1]);
  });

  it("fails like the API: 'Not Found', invalid attendee", () => {
    const ws = calendarWorkspace();
    expect(ws.run('jsError', [CAL + "Calendar.Events.get(calId, 'nosuchevent00');"])).toEqual({
      message: 'API call to calendar.events.get failed with error: Not Found',
      name: 'GoogleJsonResponseException',
      isError: true,
    });
    expect(ws.run('jsError', ["Calendar.Calendars.get('nope@group.calendar.google.com');"])).toMatchObject({
      message: 'API call to calendar.calendars.get failed with error: Not Found',
    });
    expect(ws.run('jsError', [INSERT, { attendees: [{ email: 'bad' }] }])).toMatchObject({
      message: 'API call to calendar.events.insert failed with error: Invalid attendee email.',
    });
  });

  it('Calendars.insert/get, and list by time window with paging', () => {
    const ws = probeWorkspace();
    const out = ws.run('js', [
      "var c = Calendar.Calendars.insert({ summary: 'Program', timeZone: 'America/New_York' });" +
        'for (var i = 0; i < 3; i++) Calendar.Events.insert({ summary: "M" + i, start: { dateTime: "2023-09-0" + (i + 1) + "T18:00:00Z" }, end: { dateTime: "2023-09-0" + (i + 1) + "T19:00:00Z" } }, c.id);' +
        "var p1 = Calendar.Events.list(c.id, { timeMin: '2023-09-01T00:00:00Z', maxResults: 2, orderBy: 'startTime', singleEvents: true });" +
        "var p2 = Calendar.Events.list(c.id, { timeMin: '2023-09-01T00:00:00Z', maxResults: 2, pageToken: p1.nextPageToken });" +
        'return [Calendar.Calendars.get(c.id).summary, p1.items.map(function (e) { return e.summary; }), p2.items.map(function (e) { return e.summary; }), p2.nextPageToken === undefined, CalendarApp.getCalendarById(c.id).getName()];',
    ]);
    expect(out).toEqual(['Program', ['M0', 'M1'], ['M2'], true, 'Program']);
  });
});
