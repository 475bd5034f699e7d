// Members (SPEC behaviour 8): the members view's state, recording attendance, and the sweep's
// refresh of the Attendance tab's RSVP column. The agenda and follow-up emails ride on the
// delivery run (src/app/notify/memberEmails.ts).
//
// Service calls, none growing with the sheet:
// - getMembersState: Settings, Communities, Meetings, Applications, Attendance (one getValues each),
//   one Events.list of the program calendar (the attendee lists of all its events, so the RSVPs
//   cost at most one Calendar call however many events and members; a calendar with more than
//   2,500 events would take one more call per 2,500), one property read (Meet links). No lock:
//   nothing is written.
// - recordAttendance: the program tabs (outside the lock), one Events.get of the meeting (the
//   RSVPs of the rows it writes), then under the lock Applications and Attendance (one getValues
//   each), one setValues block for the rows updated and one per column run for the rows added,
//   one Log append.
// - syncAttendance_ (sweep): the program tabs, one Events.list, Applications' Status column, one
//   property read; and only when a member, an invitation or an answer changed since its last
//   write (src/domain/members/rsvpFingerprint.ts),
//   under the lock Applications and Attendance, one block write of the RSVP column, one append
//   for new member rows and one property write.
import type { Attendee } from '../domain/notify/due';
import {
  checkRecordAttendance,
  indexAttendance,
  parseRecordAttendance,
  rsvpFromAttendees,
  attendanceKey,
  A_ATTENDED,
  A_AT,
  A_BY,
  A_COMMUNITY,
  A_EMAIL,
  A_ID,
  A_MEETING,
  A_RSVP,
} from '../domain/members/attendance';
import { rsvpFingerprint } from '../domain/members/rsvpFingerprint';
import { buildMembersState } from './membersWire';
import { meetingsOf } from '../domain/notify/due';
import { mayDecide } from '../domain/review/decisions';
import type { MembersStateResult, RecordAttendanceResult } from '../shared/wire';
import { readApplicationKeys_, readApplications_ } from '../workspace/applicationsRepo';
import { peekAttendance_, readAttendance_ } from '../workspace/attendanceRepo';
import { getEvent_, listEvents_ } from '../workspace/calendar';
import { now } from '../workspace/clock';
import { withScriptLock_ } from '../workspace/lock';
import { appendLog_ } from '../workspace/log';
import { loadProgram_ } from '../workspace/programRepo';
import { getProperty_, setProperty_ } from '../workspace/properties';
import { activeUserEmail_ } from '../workspace/session';
import { TABS } from '../domain/program/layout';
import { appendRows_, readColumn_, readHead_, writeRows_, type RowUpdate } from '../workspace/table';
import { storedMeetLinks_ } from './notify';

/** The RSVPs the Attendance tab last took from Calendar (src/domain/members/rsvpFingerprint.ts). */
export const RSVP_FINGERPRINT_PROPERTY = 'cop.rsvpSynced';

function errorText(err: unknown): string {
  return String((err as Error)?.message ?? err);
}

/** Every event's attendee list, keyed by event id, with one Events.list (per 2,500 events). */
function attendeesByEvent(calendarId: string): Map<string, Attendee[]> {
  const map = new Map<string, Attendee[]>();
  for (const e of listEvents_(calendarId)) map.set(e.id, e.attendees);
  return map;
}

export function membersState_(): MembersStateResult {
  try {
    const { program } = loadProgram_();
    const { applications } = readApplications_(program.communities);
    const attendance = peekAttendance_(program.communities);
    const user = activeUserEmail_();
    let byEvent: Map<string, Attendee[]> | null = null;
    let warning: string | undefined;
    if (program.settings.calendarId) {
      try {
        byEvent = attendeesByEvent(program.settings.calendarId);
      } catch (err) {
        warning = `Google Calendar could not be read (${errorText(err)}); the RSVPs shown are those the last sweep wrote to the Attendance tab.`;
      }
    } else {
      warning = 'No program calendar yet (run setup): no invitation has gone out, so there are no RSVPs.';
    }
    let links: Record<string, string> = {};
    try {
      links = storedMeetLinks_();
    } catch {
      links = {};
    }
    return buildMembersState({
      program,
      applications,
      attendance,
      attendeesByEvent: byEvent,
      meetLinks: links,
      now: now(),
      user,
      canRecord: mayDecide(program.settings.reviewers, user),
      warning,
    });
  } catch (err) {
    return { ok: false, error: `Could not read the members: ${errorText(err)}` };
  }
}

export function recordAttendance_(input: unknown): RecordAttendanceResult {
  try {
    const parsed = parseRecordAttendance(input);
    if (!parsed.ok) return parsed;
    const req = parsed.value;
    const user = activeUserEmail_();
    const { program } = loadProgram_();
    if (!mayDecide(program.settings.reviewers, user)) {
      return {
        ok: false,
        error: user
          ? `${user} is not one of the reviewers listed in Settings, so cannot record attendance. Nothing was recorded.`
          : 'Apps Script could not tell who you are, and Settings lists the reviewers. Nothing was recorded.',
      };
    }
    // The RSVPs to write with the rows: one Events.get, outside the lock, best effort (the sweep
    // fills them in anyway).
    const meeting = program.meetings.find((m) => m.community === req.community && m.number === req.meeting);
    let attendees: Attendee[] | null = null;
    if (meeting && meeting.eventId && program.settings.calendarId && now().getTime() >= meeting.start.getTime()) {
      try {
        attendees = getEvent_(program.settings.calendarId, meeting.eventId)?.attendees ?? null;
      } catch {
        attendees = null;
      }
    }
    return withScriptLock_(() => {
      const at = now();
      const { applications } = readApplications_(program.communities);
      const checked = checkRecordAttendance(req, program.communities, program.meetings, applications, at);
      if (!checked.ok) return checked;
      const { community, meeting: m, members } = checked.value;
      const att = readAttendance_(program.communities);
      const byKey = indexAttendance(att.rows);
      const updates: RowUpdate[] = [];
      const added: Record<string, unknown>[] = [];
      const who = user || 'unknown user';
      const record = (id: string, attended: boolean) => {
        const app = members.get(id);
        if (!app) return;
        const rsvp = attendees ? rsvpFromAttendees(attendees, app.email) : '';
        const existing = byKey.get(attendanceKey(id, m.number));
        if (existing) {
          const values: Record<string, unknown> = { [A_ATTENDED]: attended, [A_BY]: who, [A_AT]: at };
          if (rsvp) values[A_RSVP] = rsvp;
          updates.push({ row: existing.index + 2, values });
        } else {
          added.push({
            [A_ID]: id,
            [A_EMAIL]: app.email,
            [A_COMMUNITY]: community.key,
            [A_MEETING]: m.number,
            [A_RSVP]: rsvp,
            [A_ATTENDED]: attended,
            [A_BY]: who,
            [A_AT]: at,
          });
        }
      };
      for (const id of req.attended) record(id, true);
      for (const id of req.absent) record(id, false);
      writeRows_(att.table, updates, { fill: [A_RSVP, A_ATTENDED, A_BY, A_AT] });
      appendRows_(att.table, added);
      appendLog_([
        {
          time: at,
          actor: who,
          action: 'attendance recorded',
          applicationIds: [...req.attended, ...req.absent],
          details: `${community.name} meeting ${m.number}: ${req.attended.length} attended, ${req.absent.length} absent`,
        },
      ]);
      return { ok: true as const, recorded: req.attended.length + req.absent.length };
    });
  } catch (err) {
    return { ok: false, error: `Attendance was not recorded: ${errorText(err)}` };
  }
}

/**
 * The sweep's step: one Attendance row per accepted member and meeting of their community, its RSVP
 * as the event says. Rows of members no longer accepted are kept (they are history).
 */
export function syncAttendance_(): string {
  const { program } = loadProgram_();
  const calendarId = program.settings.calendarId;
  if (!calendarId || program.meetings.length === 0) return 'Attendance: no program calendar yet.';
  const byEvent = attendeesByEvent(calendarId);
  const head = readHead_(TABS.applications);
  const fingerprint = rsvpFingerprint(program.meetings, byEvent, head ? readColumn_(head, 'Status') : []);
  if (getProperty_(RSVP_FINGERPRINT_PROPERTY) === fingerprint) return 'Attendance: no member, invitation or answer changed.';
  return withScriptLock_(() => {
    // the key columns are enough (id, email, community, status): this runs every hour
    const { keys } = readApplicationKeys_(program.communities);
    const att = readAttendance_(program.communities);
    const byKey = indexAttendance(att.rows);
    const updates: RowUpdate[] = [];
    const added: Record<string, unknown>[] = [];
    for (const c of program.communities) {
      const members = keys.filter((k) => k.community === c.key && k.status === 'Accepted' && k.id !== '');
      if (!members.length) continue;
      for (const m of meetingsOf(program, c.key)) {
        const attendees = m.eventId ? byEvent.get(m.eventId) : undefined;
        for (const app of members) {
          const rsvp = attendees ? rsvpFromAttendees(attendees, app.email) : '';
          const row = byKey.get(attendanceKey(app.id, m.number));
          if (row) {
            if (attendees && row.rsvp !== rsvp) updates.push({ row: row.index + 2, values: { [A_RSVP]: rsvp } });
          } else {
            added.push({ [A_ID]: app.id, [A_EMAIL]: app.email, [A_COMMUNITY]: c.key, [A_MEETING]: m.number, [A_RSVP]: rsvp, [A_ATTENDED]: '' });
          }
        }
      }
    }
    writeRows_(att.table, updates);
    appendRows_(att.table, added);
    // only once the tab says what Calendar says: a run cut off before here syncs again next time
    setProperty_(RSVP_FINGERPRINT_PROPERTY, fingerprint);
    return `Attendance: ${updates.length} RSVP${updates.length === 1 ? '' : 's'} updated, ${added.length} member row${added.length === 1 ? '' : 's'} added.`;
  });
}
