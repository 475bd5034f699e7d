// What validation promises: the limits a proposal must keep, the shape of a valid proposal (real
// Dates), the context it is checked in, and the one-line summary of a refused one. The checks
// themselves: validate.ts.
import type { ProposalProblem } from './proposal';
import type { Community } from '../program/model';

export const LIMITS = {
  programName: 100,
  communities: 20,
  key: 40,
  name: 100,
  description: 1000,
  meetingsPerCommunity: 4,
  capacity: 100000,
  /** longest meeting */
  meetingHours: 12,
  /** the whole proposal as JSON */
  bytes: 100000,
} as const;

export interface NewMeeting {
  community: string;
  number: number;
  start: Date;
  end: Date;
}

/** A proposal that passed every check, with real Dates. */
export interface ValidProposal {
  program: string;
  timeZone: string;
  registrationDeadline: Date;
  notifyFrom: Date;
  communities: Community[];
  /** sorted by community (proposal order) then number */
  meetings: NewMeeting[];
}

export interface ValidationContext {
  /** the program zone (Settings → Time zone) */
  timeZone: string;
  /** the name of the program now in place: the new one must differ (its tabs are archived under it) */
  currentProgram: string;
  /** when given, the registration deadline must be after it */
  now?: Date;
}

export type Validation = { ok: true; value: ValidProposal } | { ok: false; problems: ProposalProblem[] };

/** The first problem, and how many more: the one-line `error` of a refused proposal. */
export function summarizeProblems(problems: readonly ProposalProblem[]): string {
  if (problems.length === 0) return '';
  const more = problems.length - 1;
  return `The proposal was not applied: ${problems[0].message}${more > 0 ? ` (and ${more} more problem${more === 1 ? '' : 's'} to fix)` : ''}`;
}
