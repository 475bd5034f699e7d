// Step 5 of a delivery run (see deliver.ts): each meeting's agenda on its calendar event, patched
// only when the description changed, with no guest emailed.
import type { Budget } from '../../domain/notify/budget';
import { agendaOf } from '../../domain/members/plan';
import { meetingCount, meetingDescription } from '../../domain/notify/meetingEvent';
import { setDescription_ } from '../../workspace/calendar';
import { setJsonProperty_ } from '../../workspace/properties';
import { ACTOR, errorText, parseJson, type Run } from './run';

/** Script property: event id → fingerprint of the description last written (agenda sync). */
export const AGENDA_SYNC_PROPERTY = 'cop.agendaSynced';

/** A short fingerprint of a description (FNV-1a, 32 bits, plus the length): enough to notice a change. */
export function fingerprint_(text: string): string {
  let h = 0x811c9dc5;
  for (let i = 0; i < text.length; i++) {
    h ^= text.charCodeAt(i);
    h = Math.imul(h, 0x01000193) >>> 0;
  }
  return `${text.length}:${h.toString(36)}`;
}

/**
 * (5) The agenda on the events: each meeting whose description (computed from the sheet) differs
 * from the one last written gets one Events.patch with sendUpdates 'none', then the fingerprint
 * property is rewritten (one setProperty). A meeting that never had an agenda is left as setup made
 * it. A cut between the patch and the property write patches once more next run: harmless (same
 * text, nobody emailed). Entries of events no longer in the Meetings tab are dropped, so the
 * property stays as small as the Meetings tab.
 */
export function syncDescriptions_(run: Run, budget: Budget): void {
  const { state, log, result } = run;
  const { program } = state;
  const calendarId = program.settings.calendarId;
  if (!calendarId) return;
  const stored: Record<string, string> = {};
  const raw = parseJson(state.props[AGENDA_SYNC_PROPERTY]);
  const live = new Set(program.meetings.map((m) => m.eventId).filter(Boolean));
  if (raw && typeof raw === 'object') {
    for (const [id, fp] of Object.entries(raw as Record<string, unknown>)) if (typeof fp === 'string' && live.has(id)) stored[id] = fp;
  }
  for (const m of program.meetings) {
    if (!m.eventId) continue;
    if (!agendaOf(m) && stored[m.eventId] === undefined) continue;
    const community = program.communities.find((c) => c.key === m.community);
    const description = meetingDescription(m, community, program.settings, meetingCount(program.meetings, m.community));
    const fp = fingerprint_(description);
    if (stored[m.eventId] === fp) continue;
    if (!budget.canStart()) {
      result.stopped = 'time';
      return;
    }
    const label = `${m.community} meeting ${m.number}`;
    try {
      budget.time(() => setDescription_(calendarId, m.eventId, description));
    } catch (err) {
      result.failures += 1;
      log.push({ actor: ACTOR, action: 'agenda-event-failed', details: `${label}: ${errorText(err)}` });
      continue;
    }
    stored[m.eventId] = fp;
    result.descriptionsUpdated = (result.descriptionsUpdated ?? 0) + 1;
    log.push({ actor: ACTOR, action: 'agenda-on-event', details: `${label}: ${agendaOf(m) ? 'agenda set' : 'agenda cleared'} (guests not emailed)` });
    try {
      setJsonProperty_(AGENDA_SYNC_PROPERTY, stored);
    } catch (err) {
      // the next run patches the same text again (no email either way)
      log.push({ actor: ACTOR, action: 'record-delayed', details: `${label}: ${errorText(err)}` });
    }
  }
}
