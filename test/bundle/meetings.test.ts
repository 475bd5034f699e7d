// setup's Calendar step on the built bundle: the program calendar and its 16 meeting events.
import { Workspace } from '../../emulator';
import { BEFORE_NOTIFY, calendarId, deleteEvent, meetingEvent, newProgram, OWNER } from './notify.support';
import { runScript } from '../support/seed';

const settingsValue = (ws: Workspace, name: string) => ws.records('Settings').find((r) => r.Setting === name)?.Value;

describe('ensureCalendarAndMeetings_ (through setup)', () => {
  it('creates the calendar and 16 events with Meet, reminders, description and the tab’s instants across DST', () => {
    const ws = newProgram(BEFORE_NOTIFY);
    expect(ws.calendars).toHaveLength(1);
    expect(ws.calendars[0]).toMatchObject({ name: '2023–2024 Communities of Practice', timeZone: 'America/New_York', owner: OWNER });
    expect(settingsValue(ws, 'Calendar ID')).toBe(calendarId(ws));
    const setupExec = ws.executions.find((e) => e.fn === 'setup')!;
    expect(setupExec.calls.filter((c) => c.method === 'Events.insert')).toHaveLength(16);
    expect(setupExec.calls.filter((c) => c.service === 'Calendar' || c.service === 'CalendarApp').every((c) => !c.lockHeld)).toBe(true);

    const meetings = ws.records('Meetings');
    expect(meetings).toHaveLength(16);
    const events = ws.events(calendarId(ws));
    expect(events).toHaveLength(16);
    for (const m of meetings) {
      const ev = events.find((e) => e.id === m['Event ID']);
      expect(ev).toBeDefined();
      expect(ev!.start).toEqual(m.Start);
      expect(ev!.end).toEqual(m.End);
      expect(ev!.start.timeZone).toBe('America/New_York');
      expect(ev!.hangoutLink).toMatch(/^https:\/\/meet\.google\.com\/[a-z]{3}-[a-z]{4}-[a-z]{3}$/);
      expect(ev!.reminders).toEqual({
        useDefault: false,
        overrides: [
          { method: 'email', minutes: 1440 },
          { method: 'popup', minutes: 10 },
        ],
      });
      expect(ev!.description).toMatch(/agenda and any pre-reading will be sent in advance/);
      expect(ev!.attendees).toEqual([]);
    }
    const clna3 = meetingEvent(ws, 'clna', 3);
    expect(clna3.summary).toBe('Comprehensive Local Needs Assessment Community of Practice: meeting 3 of 4');
    expect(clna3.description).toContain('Using the CLNA to advance stakeholder engagement');
    // 2:00 pm ET in December (EST) is 19:00Z; in August (EDT) 18:00Z
    expect(clna3.start.toISOString()).toBe('2023-12-12T19:00:00.000Z');
    expect(meetingEvent(ws, 'clna', 1).start.toISOString()).toBe('2023-08-29T18:00:00.000Z');
    expect(ws.invitationsSent).toEqual([]);
  });

  it('is idempotent: a second setup creates nothing', () => {
    const ws = newProgram(BEFORE_NOTIFY);
    const ids = ws.records('Meetings').map((m) => m['Event ID']);
    const out = ws.run('setup') as string;
    expect(out).toMatch(/16 meeting events already in place/);
    expect(ws.lastExecution!.calls.filter((c) => c.method === 'Events.insert' || c.method === 'CalendarApp.createCalendar')).toHaveLength(0);
    expect(ws.calendars).toHaveLength(1);
    expect(ws.events()).toHaveLength(16);
    expect(ws.records('Meetings').map((m) => m['Event ID'])).toEqual(ids);
  });

  it('repairs: a deleted event is recreated, a lost Event ID is recovered, a moved meeting is moved', () => {
    const ws = newProgram(BEFORE_NOTIFY);
    const lv2 = meetingEvent(ws, 'learner-voice', 2).id;
    deleteEvent(ws, lv2);
    const before = ws.records('Meetings');
    const k1 = before.findIndex((m) => m.Community === 'k12-postsecondary' && m.Meeting === 1);
    const k1id = before[k1]['Event ID'];
    // staff cleared one Event ID and moved data-accountability 4 by an hour
    runScript(
      ws,
      `function edit_(row) {
      var sh = SpreadsheetApp.getActiveSpreadsheet().getSheetByName('Meetings');
      var head = sh.getRange(1, 1, 1, sh.getLastColumn()).getValues()[0];
      sh.getRange(row, head.indexOf('Event ID') + 1).setValue('');
      var v = sh.getDataRange().getValues();
      for (var r = 1; r < v.length; r++) if (v[r][0] === 'data-accountability' && v[r][1] === 4) {
        sh.getRange(r + 1, head.indexOf('Start') + 1, 1, 2).setValues([[new Date('2024-03-26T19:00:00Z'), new Date('2024-03-26T20:30:00Z')]]);
      }
    }`,
      'edit_',
      [k1 + 2],
    );
    const out = ws.run('setup') as string;
    expect(out).toMatch(/1 meeting event created, 1 recovered, 1 moved/);
    const after = ws.records('Meetings');
    expect(after[k1]['Event ID']).toBe(k1id);
    const newLv2 = meetingEvent(ws, 'learner-voice', 2);
    expect(newLv2.id).not.toBe(lv2);
    expect(newLv2.hangoutLink).toBeTruthy();
    expect(ws.events()).toHaveLength(16);
    expect(meetingEvent(ws, 'data-accountability', 4).start.toISOString()).toBe('2024-03-26T19:00:00.000Z');
  });

  it('a setup cut off anywhere in its Calendar step ends, after a re-run, with one calendar and 16 events', () => {
    const base = new Workspace({ now: BEFORE_NOTIFY, owner: OWNER });
    base.run('setup');
    const calls = base.lastExecution!.calls;
    const first = calls.findIndex((c) => c.service === 'CalendarApp');
    const last = calls.map((c) => c.method).lastIndexOf('Events.insert') + 8; // and the Event ID write after it
    expect(first).toBeGreaterThan(0);
    const fresh = new Workspace({ now: BEFORE_NOTIFY, owner: OWNER });
    const state = fresh.state;
    for (let n = first + 1; n <= last + 1; n++) {
      const ws = new Workspace({ now: BEFORE_NOTIFY, owner: OWNER }, structuredClone(state));
      ws.faults.cutAtCall(n);
      ws.run('setup', [], { catch: true });
      expect(ws.lastExecution!.cutOff).toBe(true);
      ws.clock.advance(60_000);
      ws.run('setup');
      expect({ n, calendars: ws.calendars.length, events: ws.events().length }).toEqual({ n, calendars: 1, events: 16 });
      const ids = ws.records('Meetings').map((m) => m['Event ID']);
      expect(new Set(ids).size).toBe(16);
      expect(ids.every((id) => ws.events().some((e) => e.id === id))).toBe(true);
      expect(settingsValue(ws, 'Calendar ID')).toBe(ws.calendars[0].id);
    }
  });
});
