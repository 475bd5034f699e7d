// getMembersState's answer (domain → wire, so it lives in app: the domain never imports the wire), built from what the adapters read: the program, the Applications rows,
// the Attendance tab and (when Calendar answered) each meeting event's attendee list.
import type { Attendee } from '../domain/notify/due';
import { meetingsOf } from '../domain/notify/due';
import type { Application, Program } from '../domain/program/model';
import type { MembersState, WireMember, WireMembersCommunity, WireMembersMeeting, WireRsvp } from '../shared/wire';
import { attendanceKey, indexAttendance, rsvpFromAttendees, type AttendanceRow } from '../domain/members/attendance';
import { agendaOf } from '../domain/members/plan';

export interface MembersStateInput {
  program: Program;
  applications: readonly Application[];
  attendance: readonly AttendanceRow[];
  /** event id → attendees; null when Calendar could not be read (the sheet's RSVP column is used) */
  attendeesByEvent: Map<string, Attendee[]> | null;
  meetLinks: Readonly<Record<string, string>>;
  now: Date;
  user: string;
  canRecord: boolean;
  warning?: string;
}

function fullName(a: Pick<Application, 'firstName' | 'lastName'>): string {
  return [a.firstName.trim(), a.lastName.trim()].filter(Boolean).join(' ');
}

/** Accepted applications, by last name, first name, email. */
export function membersOf(apps: readonly Application[], community: string): Application[] {
  const key = (a: Application) => `${a.lastName.trim().toLowerCase()}\u0000${a.firstName.trim().toLowerCase()}\u0000${a.email}`;
  return apps.filter((a) => a.community === community && a.status === 'Accepted').sort((a, b) => (key(a) < key(b) ? -1 : key(a) > key(b) ? 1 : 0));
}

export function buildMembersState(input: MembersStateInput): MembersState {
  const { program, now } = input;
  const byKey = indexAttendance(input.attendance);
  const communities: WireMembersCommunity[] = program.communities.map((c) => {
    const members = membersOf(input.applications, c.key);
    const meetings = meetingsOf(program, c.key);
    const wireMembers: WireMember[] = members.map((a) => ({
      id: a.id,
      email: a.email,
      firstName: a.firstName,
      lastName: a.lastName,
      fullName: fullName(a) || a.email,
      jobTitle: a.jobTitle,
      agency: a.agency,
      state: a.state,
      missed: 0,
      meetings: [],
    }));
    const wireMeetings: WireMembersMeeting[] = meetings.map((m) => {
      const held = now.getTime() >= m.start.getTime();
      const attendees = input.attendeesByEvent && m.eventId ? (input.attendeesByEvent.get(m.eventId) ?? null) : null;
      const counts = { yes: 0, no: 0, maybe: 0, noAnswer: 0, attended: 0, absent: 0, unrecorded: 0 };
      const entries = members.map((a, i) => {
        const row = byKey.get(attendanceKey(a.id, m.number));
        const rsvp: WireRsvp = (attendees ? rsvpFromAttendees(attendees, a.email) : row?.rsvp) || 'needsAction';
        const attended = row ? row.attended : null;
        if (rsvp === 'accepted') counts.yes += 1;
        else if (rsvp === 'declined') counts.no += 1;
        else if (rsvp === 'tentative') counts.maybe += 1;
        else counts.noAnswer += 1;
        if (attended === true) counts.attended += 1;
        else if (attended === false) counts.absent += 1;
        else counts.unrecorded += 1;
        if (held && attended === false) wireMembers[i].missed += 1;
        wireMembers[i].meetings.push({ number: m.number, rsvp, attended });
        return { id: a.id, email: a.email, rsvp, attended };
      });
      return {
        number: m.number,
        start: m.start.toISOString(),
        end: m.end.toISOString(),
        agenda: agendaOf(m),
        held,
        meetLink: (m.eventId && input.meetLinks[m.eventId]) || '',
        counts,
        members: entries,
      };
    });
    return {
      key: c.key,
      name: c.name,
      members: wireMembers,
      meetings: wireMeetings,
      missedTwoOrMore: wireMembers.filter((m) => m.missed >= 2).map((m) => m.id),
    };
  });
  const state: MembersState = {
    ok: true,
    program: program.settings.program,
    timeZone: program.settings.timeZone,
    now: now.toISOString(),
    user: input.user,
    canRecord: input.canRecord,
    rsvpSource: input.attendeesByEvent ? 'calendar' : 'sheet',
    communities,
  };
  if (input.warning) state.warning = input.warning;
  return state;
}
