// Setup's Calendar step: the program calendar and one event per Meetings row, created when
// missing and repaired when gone. Idempotent: a second run creates nothing.
//
// An event is ours when its private extended property names its meeting (community#number), so
// an event created by a run cut off before it wrote the Event ID back is found and adopted next
// time instead of being created twice.
import { eventTimes, meetingCount, meetingEventResource, meetingKey } from '../domain/notify/meetingEvent';
import { parseMeetings } from '../domain/program/programParse';
import { SETTING_NAMES } from '../domain/program/layout';
import type { Meeting, Program } from '../domain/program/model';
import {
  calendarExists_,
  createCalendar_,
  findProgramCalendar_,
  insertMeetingEvent_,
  listEvents_,
  MEETING_KEY_PROPERTY,
  patchEventTimes_,
  type CalendarEvent,
} from '../workspace/calendar';
import { withScriptLock_ } from '../workspace/lock';
import { appendLog_ } from '../workspace/log';
import { loadProgram_, writeSetting_ } from '../workspace/programRepo';
import { writeRows_, type RowUpdate, type Table } from '../workspace/table';
import { now } from '../workspace/clock';
import { setJsonProperty_ } from '../workspace/properties';

/** Script property: Calendar event id → Google Meet link, written by setup, read by notify. */
export const MEET_LINKS_PROPERTY = 'cop.meetLinks';

const EVENT_ID = 'Event ID';

interface MeetingRow {
  meeting: Meeting;
  /** sheet row */
  row: number;
}

function meetingRows(table: Table | null, program: Program): MeetingRow[] {
  if (!table) return [];
  const out: MeetingRow[] = [];
  table.rows.forEach((row, i) => {
    const [meeting] = parseMeetings({ headers: table.headers, rows: [row] }, program.communities, program.settings);
    if (meeting) out.push({ meeting, row: i + 2 });
  });
  return out;
}

function sameInstant(a: Date | null, b: Date): boolean {
  return !!a && a.getTime() === b.getTime();
}

/** Creates the calendar if Settings has none, and every missing meeting event. Returns a summary line. */
export function ensureCalendarAndMeetings_(): string {
  const loaded = withScriptLock_(() => loadProgram_());
  const { program, tables } = loaded;
  const s = program.settings;
  const notes: string[] = [];

  let calendarId = s.calendarId;
  if (!calendarId) {
    // a run cut off between creating the calendar and storing its id left one: adopt it
    const found = findProgramCalendar_(s.program);
    calendarId = found ?? createCalendar_(s.program, s.timeZone);
    const id = calendarId;
    withScriptLock_(() => {
      writeSetting_(SETTING_NAMES.calendarId, id, tables.settings);
      appendLog_([{ actor: 'system', action: found ? 'calendar-recovered' : 'calendar-created', details: `${s.program} (${id})` }]);
    });
    notes.push(found ? `recovered calendar "${s.program}"` : `created calendar "${s.program}"`);
  } else if (!calendarExists_(calendarId)) {
    // Not ours to replace: it may belong to someone who has not shared it with this account.
    throw new Error(
      `The calendar in Settings (Calendar ID ${calendarId}) cannot be opened by this account. Share it with this account, or clear the Calendar ID cell to have setup create a new calendar.`,
    );
  }

  const rows = meetingRows(tables.meetings, program);
  if (rows.length === 0) return `Calendar ${calendarId}: the Meetings tab lists no meetings.`;

  const live = listEvents_(calendarId);
  const byId = new Map<string, CalendarEvent>(live.map((e) => [e.id, e]));
  // An event without our Event ID is adopted by its meeting key only when it was made for THIS
  // program (a run cut off before it wrote the Event ID back): after a new program year the same
  // calendar holds last year's "clna#1", which must never be moved to this year's date.
  const byKey = new Map<string, CalendarEvent>();
  for (const e of live) if (e.meetingKey && e.program === s.program && !byKey.has(e.meetingKey)) byKey.set(e.meetingKey, e);

  const updates: RowUpdate[] = [];
  const links: Record<string, string> = {};
  const failures: string[] = [];
  let created = 0;
  let adopted = 0;
  let moved = 0;
  let kept = 0;
  const started = now().getTime();
  try {
    for (const { meeting, row } of rows) {
      const key = meetingKey(meeting);
      const community = program.communities.find((c) => c.key === meeting.community);
      try {
        let event = (meeting.eventId && byId.get(meeting.eventId)) || byKey.get(key) || null;
        if (event && event.id !== meeting.eventId) adopted += 1;
        if (!event) {
          const requestId = `${key}-${started}-${row}`.replace(/[^A-Za-z0-9-]/g, '-');
          event = insertMeetingEvent_(
            calendarId,
            meetingEventResource(meeting, community, s, meetingCount(program.meetings, meeting.community), requestId, MEETING_KEY_PROPERTY),
          );
          created += 1;
        } else if (!sameInstant(event.start, meeting.start) || !sameInstant(event.end, meeting.end)) {
          // the Meetings tab is the truth: staff moved a meeting there
          patchEventTimes_(calendarId, event.id, eventTimes(meeting, s));
          moved += 1;
        } else {
          kept += 1;
        }
        if (event.id !== meeting.eventId) updates.push({ row, values: { [EVENT_ID]: event.id } });
        if (event.meetLink) links[event.id] = event.meetLink;
      } catch (err) {
        failures.push(`${key}: ${(err as Error).message}`);
        // Calendar's abuse limit refuses every further change for hours: stop here, the next run goes on
        if (/usage limits exceeded/i.test(String((err as Error)?.message))) break;
      }
    }
  } finally {
    // the acceptance emails list the Meet links without a Calendar call per event (see notify)
    setJsonProperty_(MEET_LINKS_PROPERTY, links);
    if (updates.length || failures.length) {
      withScriptLock_(() => {
        if (tables.meetings && updates.length) writeRows_(tables.meetings, updates);
        if (failures.length) appendLog_([{ actor: 'system', action: 'meeting-event-failed', details: failures.join('\n') }]);
      });
    }
  }
  if (created) notes.push(`${created} meeting event${created === 1 ? '' : 's'} created`);
  if (adopted) notes.push(`${adopted} recovered`);
  if (moved) notes.push(`${moved} moved to the Meetings tab times`);
  if (kept) notes.push(`${kept} meeting event${kept === 1 ? '' : 's'} already in place`);
  if (failures.length) notes.push(`${failures.length} failed (see Log; run setup again)`);
  return `Calendar ${calendarId}: ${notes.join(', ')}.`;
}
