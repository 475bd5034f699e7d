// What a meeting event on the program calendar looks like (Calendar API Event resource).
// The Meetings tab's instants are the truth; the time zone only says how Calendar shows them, so a
// 2:00 pm ET meeting stays at 2:00 pm ET on both sides of a daylight-saving change.
import type { Community, Meeting, Settings } from '../program/model';

export interface EventTime {
  dateTime: string;
  timeZone: string;
}

export interface MeetingEventResource {
  summary: string;
  description: string;
  start: EventTime;
  end: EventTime;
  conferenceData: { createRequest: { requestId: string; conferenceSolutionKey: { type: 'hangoutsMeet' } } };
  reminders: { useDefault: false; overrides: { method: 'email' | 'popup'; minutes: number }[] };
  extendedProperties: { private: Record<string, string> };
  guestsCanInviteOthers: boolean;
}

/** Private extended property naming the program an event belongs to (Calendar allows 1,024 characters a value). */
export const PROGRAM_PROPERTY = 'copProgram';

export function meetingKey(meeting: Pick<Meeting, 'community' | 'number'>): string {
  return `${meeting.community}#${meeting.number}`;
}

export function eventTimes(meeting: Meeting, settings: Settings): { start: EventTime; end: EventTime } {
  return {
    start: { dateTime: meeting.start.toISOString(), timeZone: settings.timeZone },
    end: { dateTime: meeting.end.toISOString(), timeZone: settings.timeZone },
  };
}

export function meetingCount(meetings: readonly Meeting[], community: string): number {
  return meetings.filter((m) => m.community === community).length;
}

/** The heading that introduces the agenda in an event's description. */
export const AGENDA_HEADING = 'Agenda:';

/**
 * The event description: the community, which meeting it is, how to join, whom to ask, and (once
 * staff filled in the Meetings tab's Agenda cell) the agenda. Recomputed whole from the sheet, so
 * an agenda changed or cleared there replaces the one on the event.
 */
export function meetingDescription(meeting: Meeting, community: Community | undefined, settings: Settings, total: number): string {
  const name = community ? community.name : meeting.community;
  const agenda = (meeting.agenda ?? '').trim();
  return [
    community?.description ?? '',
    `Meeting ${meeting.number} of ${total} of the ${name} Community of Practice (${settings.program}). ${agenda ? 'The agenda is below.' : 'The agenda and any pre-reading will be sent in advance.'} Join with the Google Meet link of this event.`,
    agenda ? `${AGENDA_HEADING}\n${agenda}` : '',
    `Questions: ${settings.contactName} (${settings.contactEmail}).`,
  ]
    .filter(Boolean)
    .join('\n\n');
}

export function meetingEventResource(
  meeting: Meeting,
  community: Community | undefined,
  settings: Settings,
  total: number,
  requestId: string,
  keyProperty: string,
): MeetingEventResource {
  const name = community ? community.name : meeting.community;
  const description = meetingDescription(meeting, community, settings, total);
  return {
    summary: `${name} Community of Practice: meeting ${meeting.number} of ${total}`,
    description,
    ...eventTimes(meeting, settings),
    conferenceData: { createRequest: { requestId, conferenceSolutionKey: { type: 'hangoutsMeet' } } },
    // the day before by email, and 10 minutes before on screen; not the guest's own defaults
    reminders: {
      useDefault: false,
      overrides: [
        { method: 'email', minutes: 1440 },
        { method: 'popup', minutes: 10 },
      ],
    },
    // the program's name too: the next program year reuses the calendar and the same meeting keys
    extendedProperties: { private: { [keyProperty]: meetingKey(meeting), [PROGRAM_PROPERTY]: settings.program.slice(0, 900) } },
    guestsCanInviteOthers: false,
  };
}
