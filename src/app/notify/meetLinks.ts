// The Meet links the emails list: stored by setup, fetched only for an event setup has not seen.
import type { Budget } from '../../domain/notify/budget';
import type { EmailPlan } from '../../domain/notify/due';
import type { Program } from '../../domain/program/model';
import { getEvent_ } from '../../workspace/calendar';
import { getJsonProperty_ } from '../../workspace/properties';
import { MEET_LINKS_PROPERTY } from '../meetings';

/** The Meet links setup stored (event id → link); {} when setup has not run. One property read. */
export function storedMeetLinks_(): Record<string, string> {
  const stored = getJsonProperty_<Record<string, unknown>>(MEET_LINKS_PROPERTY) ?? {};
  const links: Record<string, string> = {};
  for (const [id, link] of Object.entries(stored)) if (typeof link === 'string' && link) links[id] = link;
  return links;
}

/**
 * Meet links of the events the acceptance emails list: setup stored them (script property), so a
 * run makes no Calendar call for them and its only Events.get of an event is the one right before
 * its patch. An event setup has not seen (or a lost property) is fetched; a failure just leaves
 * the link out (the invitation carries it).
 */
export function meetLinksFor_(plans: EmailPlan[], program: Program, calendarId: string, budget?: Budget): Record<string, string> {
  const communities = new Set<string>();
  for (const p of plans) for (const a of p.applications) if (a.status === 'Accepted') communities.add(a.community);
  return meetLinksOf_(communities, program, calendarId, budget);
}

export function meetLinksOf_(communities: Set<string>, program: Program, calendarId: string, budget?: Budget): Record<string, string> {
  const links = storedMeetLinks_();
  if (!calendarId) return links;
  for (const m of program.meetings) {
    if (!communities.has(m.community) || !m.eventId || m.eventId in links) continue;
    if (budget && !budget.canStart()) break;
    try {
      links[m.eventId] = getEvent_(calendarId, m.eventId)?.meetLink ?? '';
    } catch {
      links[m.eventId] = '';
    }
  }
  return links;
}
