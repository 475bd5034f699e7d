// What the Attendance tab is built from, in 16 hex digits: which Applications rows are Accepted,
// the program's meetings and, for each, its event's attendees and their answers. The sweep's RSVP
// refresh compares it with the one it stored after its last write and, when none of that changed,
// reads one column instead of five and the Attendance tab (an hourly sweep would otherwise read
// them for nothing). Two 32-bit FNV-1a hashes with different offsets: a change missed by a
// collision would only wait for the next change.
import type { Attendee } from '../notify/due';
import type { Meeting } from '../program/model';

/** Both FNV-1a hashes in one pass over the text (it is ~40 characters per member and meeting). */
function fnv1aPair(s: string): [number, number] {
  let a = 0x811c9dc5;
  let b = 0x050c5d1f;
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    a = Math.imul(a ^ c, 0x01000193);
    b = Math.imul(b ^ c, 0x01000193);
  }
  return [a >>> 0, b >>> 0];
}

/**
 * `statuses`: the Applications tab's Status column, top to bottom. Only where the Accepted rows
 * are counts, so a member accepted (or leaving) brings a sync at the next sweep, while a new
 * Pending row appended by intake does not.
 */
export function rsvpFingerprint(meetings: readonly Meeting[], byEvent: ReadonlyMap<string, readonly Attendee[]>, statuses: readonly unknown[]): string {
  const accepted: number[] = [];
  for (let i = 0; i < statuses.length; i++) if (statuses[i] === 'Accepted') accepted.push(i);
  const parts: string[] = [`accepted ${accepted.join(',')}`];
  for (const m of meetings) {
    const attendees = m.eventId ? byEvent.get(m.eventId) : undefined;
    const answers = (attendees ?? [])
      .map((a) => `${String(a.email ?? '').toLowerCase()}=${typeof a.responseStatus === 'string' ? a.responseStatus : ''}`)
      .sort()
      .join(',');
    parts.push(`${m.community}#${m.number}@${m.eventId}${attendees ? ':' : '!'}${answers}`);
  }
  const text = parts.join('\n');
  const hex = (n: number) => n.toString(16).padStart(8, '0');
  const [a, b] = fnv1aPair(text);
  return hex(a) + hex(b);
}
