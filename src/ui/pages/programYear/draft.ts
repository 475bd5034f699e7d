// The dialog's editable copy of a proposal: what staff type (wall-clock strings in the program
// zone, see ProgramYear.tsx), to and from the server's ProgramYearProposal.
import type { ProgramYearProposal, StartOk } from '../../../shared/programYear';

export interface MeetingDraft {
  community: string;
  number: number;
  date: string;
  startTime: string;
  endTime: string;
}

export interface CommunityDraft {
  /** stable id for rendering (keys may be edited) */
  uid: number;
  key: string;
  keyEdited: boolean;
  name: string;
  description: string;
  cohortStart: string;
  cohortEnd: string;
  capacity: string;
}

export interface Draft {
  program: string;
  timeZone: string;
  deadline: string;
  notifyFrom: string;
  communities: CommunityDraft[];
  meetings: MeetingDraft[];
}

export type View =
  { kind: 'loading' } | { kind: 'failed'; error: string } | { kind: 'edit' } | { kind: 'confirm' } | { kind: 'applying' } | { kind: 'done'; result: StartOk };

/** Changes the draft; `structural` (a community or meeting added or removed) clears the problems shown. */
export type Edit = (change: (d: Draft) => Draft, structural?: boolean) => void;

let nextUid = 1;

/** A fresh render id for a community draft. */
export function newUid(): number {
  return nextUid++;
}

const local = (iso: string): string => iso.slice(0, 16);
const day = (iso: string): string => iso.slice(0, 10);
const time = (iso: string): string => iso.slice(11, 16);

export function slug(name: string): string {
  return name
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '')
    .slice(0, 40)
    .replace(/-+$/g, '');
}

export function toDraft(p: ProgramYearProposal): Draft {
  return {
    program: p.program,
    timeZone: p.settings.timeZone,
    deadline: local(p.settings.registrationDeadline),
    notifyFrom: local(p.settings.notifyFrom),
    communities: p.communities.map((c) => ({
      uid: newUid(),
      key: c.key,
      keyEdited: true,
      name: c.name,
      description: c.description,
      cohortStart: day(c.cohortStart),
      cohortEnd: day(c.cohortEnd),
      capacity: c.capacity === null ? '' : String(c.capacity),
    })),
    meetings: p.meetings.map((m) => ({ community: m.community, number: m.number, date: day(m.start), startTime: time(m.start), endTime: time(m.end) })),
  };
}

/** The proposal to send, with the index each meeting has in it (problems name meetings by index). */
export function toProposal(d: Draft): ProgramYearProposal {
  return {
    program: d.program,
    settings: { timeZone: d.timeZone, registrationDeadline: d.deadline, notifyFrom: d.notifyFrom },
    communities: d.communities.map((c) => ({
      key: c.key,
      name: c.name,
      description: c.description,
      cohortStart: c.cohortStart,
      cohortEnd: c.cohortEnd,
      capacity: c.capacity.trim() === '' ? null : Number(c.capacity),
    })),
    meetings: d.meetings.map((m) => ({
      community: m.community,
      number: m.number,
      start: m.date && m.startTime ? `${m.date}T${m.startTime}` : m.date,
      end: m.date && m.endTime ? `${m.date}T${m.endTime}` : m.date,
    })),
  };
}
