// The Attendance tab (one row per member and meeting), the recordAttendance request, and RSVPs read
// from the meeting events' attendee lists. Pure: the adapters read and write.
import { isDate, parseBoolean, text } from '../program/cells';
import { emailKey } from '../notify/due';
import { gridReader, isBlankRow, type Grid } from '../program/grid';
import { ATTENDANCE_HEADERS } from '../program/layout';
import type { Application, Community, Meeting } from '../program/model';
import { findCommunity } from '../program/programParse';

export const [A_ID, A_EMAIL, A_COMMUNITY, A_MEETING, A_RSVP, A_ATTENDED, A_BY, A_AT] = ATTENDANCE_HEADERS;

export const RSVPS = ['needsAction', 'accepted', 'declined', 'tentative'] as const;
export type Rsvp = (typeof RSVPS)[number];

/** At most this many ids in one recordAttendance request (like decide). */
export const MAX_ATTENDANCE_IDS = 5000;

export interface AttendanceRow {
  /** 0-based data row (sheet row index + 2) */
  index: number;
  applicationId: string;
  email: string;
  /** community key (the cell may hold the key or the name) */
  community: string;
  meeting: number;
  /** '' when not known yet */
  rsvp: Rsvp | '';
  /** null = not recorded */
  attended: boolean | null;
  recordedBy: string;
  recordedAt: Date | null;
}

export function parseRsvp(v: unknown): Rsvp | '' {
  const s = text(v);
  const found = RSVPS.find((r) => r.toLowerCase() === s.toLowerCase());
  return found ?? '';
}

/** TRUE / FALSE, blank = not recorded (text such as "yes" / "no" that staff type is read too). */
export function parseAttended(v: unknown): boolean | null {
  if (v === '' || v === null || v === undefined) return null;
  const probe = parseBoolean(v, false);
  const again = parseBoolean(v, true);
  return probe === again ? probe : null;
}

export function attendanceKey(applicationId: string, meeting: number): string {
  return `${applicationId}#${meeting}`;
}

export function attendanceFromGrid(grid: Grid | null, communities: Community[]): AttendanceRow[] {
  if (!grid) return [];
  const read = gridReader(grid);
  const out: AttendanceRow[] = [];
  grid.rows.forEach((row, i) => {
    if (isBlankRow(row)) return;
    const r = read(i);
    const id = text(r(A_ID));
    const meeting = Number(text(r(A_MEETING)));
    if (!id || !Number.isInteger(meeting) || meeting < 1) return;
    const label = text(r(A_COMMUNITY));
    const at = r(A_AT);
    out.push({
      index: i,
      applicationId: id,
      email: text(r(A_EMAIL)).toLowerCase(),
      community: findCommunity(communities, label)?.key ?? label,
      meeting,
      rsvp: parseRsvp(r(A_RSVP)),
      attended: parseAttended(r(A_ATTENDED)),
      recordedBy: text(r(A_BY)),
      recordedAt: isDate(at) ? at : null,
    });
  });
  return out;
}

/** The first row per member and meeting (a row staff copied by hand is left alone). */
export function indexAttendance(rows: readonly AttendanceRow[]): Map<string, AttendanceRow> {
  const byKey = new Map<string, AttendanceRow>();
  for (const r of rows) {
    const k = attendanceKey(r.applicationId, r.meeting);
    if (!byKey.has(k)) byKey.set(k, r);
  }
  return byKey;
}

type Attendees = readonly { email?: string; responseStatus?: unknown }[];

// Callers ask for every member of a community against the same attendee list (the sweep, the
// members view): the list is indexed once, so a 400-member meeting costs 400 lookups, not 400².
const rsvpIndexes = new WeakMap<Attendees, Map<string, Rsvp>>();

function rsvpIndex(attendees: Attendees): Map<string, Rsvp> {
  let index = rsvpIndexes.get(attendees);
  if (!index) {
    index = new Map();
    for (const a of attendees) {
      const k = emailKey(String(a.email ?? ''));
      if (!index.has(k)) index.set(k, parseRsvp(a.responseStatus) || 'needsAction');
    }
    rsvpIndexes.set(attendees, index);
  }
  return index;
}

/** A member's answer to the invitation, from the event's attendees; '' when they are not on it. */
export function rsvpFromAttendees(attendees: Attendees, email: string): Rsvp | '' {
  return rsvpIndex(attendees).get(emailKey(email)) ?? '';
}

export interface RecordAttendanceInput {
  community: string;
  meeting: number;
  attended: string[];
  absent: string[];
}

export type Parsed<T> = { ok: true; value: T } | { ok: false; error: string };

const REFUSED = 'Nothing was recorded.';

function idList(v: unknown, name: string): Parsed<string[]> {
  if (v === undefined) return { ok: true, value: [] };
  if (!Array.isArray(v)) return { ok: false, error: `"${name}" must be a list of application IDs. ${REFUSED}` };
  const out: string[] = [];
  for (const x of v) {
    if (typeof x !== 'string' || !x.trim() || x.length > 200)
      return { ok: false, error: `"${name}" must hold application IDs (non-empty strings). ${REFUSED}` };
    const id = x.trim();
    if (out.indexOf(id) < 0) out.push(id);
  }
  return { ok: true, value: out };
}

/** The request's shape (untrusted input from google.script.run); the sheet checks come later. */
export function parseRecordAttendance(input: unknown): Parsed<RecordAttendanceInput> {
  if (!input || typeof input !== 'object' || Array.isArray(input)) {
    return { ok: false, error: `The request must be an object {community, meeting, attended, absent}. ${REFUSED}` };
  }
  const r = input as Record<string, unknown>;
  const extra = Object.keys(r).filter((k) => ['community', 'meeting', 'attended', 'absent'].indexOf(k) < 0);
  if (extra.length) return { ok: false, error: `Unknown field(s) in the request: ${extra.slice(0, 5).join(', ')}. ${REFUSED}` };
  if (typeof r.community !== 'string' || !r.community.trim() || r.community.length > 200) {
    return { ok: false, error: `"community" must be a community key. ${REFUSED}` };
  }
  const meeting = r.meeting;
  if (typeof meeting !== 'number' || !Number.isInteger(meeting) || meeting < 1 || meeting > 4) {
    return { ok: false, error: `"meeting" must be a meeting number from 1 to 4. ${REFUSED}` };
  }
  // the size limit is checked on the raw arrays, before any work proportional to them
  const rawCount = (Array.isArray(r.attended) ? r.attended.length : 0) + (Array.isArray(r.absent) ? r.absent.length : 0);
  if (rawCount > MAX_ATTENDANCE_IDS) {
    return { ok: false, error: `At most ${MAX_ATTENDANCE_IDS} application IDs per request (got ${rawCount}). ${REFUSED}` };
  }
  const attended = idList(r.attended, 'attended');
  if (!attended.ok) return attended;
  const absent = idList(r.absent, 'absent');
  if (!absent.ok) return absent;
  const both = attended.value.filter((id) => absent.value.indexOf(id) >= 0);
  if (both.length) return { ok: false, error: `Listed both as attended and as absent: ${both.slice(0, 5).join(', ')}. ${REFUSED}` };
  if (attended.value.length + absent.value.length === 0) return { ok: false, error: `The request lists no member. ${REFUSED}` };
  return { ok: true, value: { community: r.community.trim(), meeting, attended: attended.value, absent: absent.value } };
}

/** The checks against the sheet: every id a member of this community, the meeting held. */
export function checkRecordAttendance(
  req: RecordAttendanceInput,
  communities: Community[],
  meetings: readonly Meeting[],
  apps: readonly Application[],
  now: Date,
): Parsed<{ community: Community; meeting: Meeting; members: Map<string, Application> }> {
  const community = communities.find((c) => c.key === req.community) ?? findCommunity(communities, req.community);
  if (!community) return { ok: false, error: `Unknown community "${req.community}". ${REFUSED}` };
  const meeting = meetings.find((m) => m.community === community.key && m.number === req.meeting);
  if (!meeting) return { ok: false, error: `${community.name} has no meeting ${req.meeting}. ${REFUSED}` };
  if (now.getTime() < meeting.start.getTime()) {
    return {
      ok: false,
      error: `${community.name} meeting ${req.meeting} has not started yet (${meeting.start.toISOString()}); attendance can be recorded once it has. ${REFUSED}`,
    };
  }
  const byId = new Map(apps.map((a) => [a.id, a]));
  const unknown: string[] = [];
  const otherCommunity: string[] = [];
  const notMember: string[] = [];
  const members = new Map<string, Application>();
  for (const id of [...req.attended, ...req.absent]) {
    const app = byId.get(id);
    if (!app) unknown.push(id);
    else if (app.community !== community.key) otherCommunity.push(id);
    else if (app.status !== 'Accepted') notMember.push(`${id} (${app.status})`);
    else members.set(id, app);
  }
  const list = (ids: string[]) => `${ids.slice(0, 5).join(', ')}${ids.length > 5 ? ` and ${ids.length - 5} more` : ''}`;
  if (unknown.length) return { ok: false, error: `Unknown application ID(s): ${list(unknown)}. ${REFUSED}` };
  if (otherCommunity.length) return { ok: false, error: `Not in ${community.name}: ${list(otherCommunity)}. ${REFUSED}` };
  if (notMember.length) return { ok: false, error: `Not accepted members of ${community.name}: ${list(notMember)}. ${REFUSED}` };
  return { ok: true, value: { community, meeting, members } };
}
