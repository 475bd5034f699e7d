// The domain → wire mapping for the review endpoints: the program and its applications in the
// JSON-safe shape the sidebar receives. Instants become ISO-8601 strings (google.script.run refuses
// Dates), and nothing else needs converting. It lives at the boundary so src/domain never imports
// the wire types.
import type { ReviewState, WireApplication, WireCommunity, WireStatus } from '../../shared/wire';
import { STATUSES, type Application, type Program } from '../../domain/program/model';
import type { Answers } from '../../domain/review/reviewAnswers';

export type { Answers };

export function isoOrNull(d: Date | null | undefined): string | null {
  // Duck-typed, not instanceof: cell Dates may come from another realm in the emulator.
  if (d === null || d === undefined || typeof d !== 'object' || typeof d.getTime !== 'function') return null;
  return isNaN(d.getTime()) ? null : new Date(d.getTime()).toISOString();
}

function iso(d: Date): string {
  return isoOrNull(d) ?? '';
}

export function emptyCounts(): Record<WireStatus, number> {
  const counts = {} as Record<WireStatus, number>;
  for (const s of STATUSES) counts[s] = 0;
  return counts;
}

export function toWireApplication(app: Application, answers: Answers): WireApplication {
  return {
    id: app.id,
    email: app.email,
    firstName: app.firstName,
    lastName: app.lastName,
    jobTitle: app.jobTitle,
    agency: app.agency,
    agencyType: app.agencyType,
    state: app.state,
    community: app.community,
    status: app.status,
    flags: [...app.flags],
    submittedAt: isoOrNull(app.submitted),
    decidedAt: isoOrNull(app.decidedAt),
    decidedBy: app.decidedBy,
    note: app.note,
    notified: app.notified,
    invited: app.invited,
    answers,
  };
}

export interface ReviewStateInput {
  program: Program;
  applications: readonly Application[];
  answersFor: (app: Application) => Answers;
  now: Date;
  user: string;
  canDecide: boolean;
  states: readonly string[];
  /** the Applications revision, read before the rows */
  revision: string;
}

export function toReviewState(input: ReviewStateInput): ReviewState {
  const { program } = input;
  const counts = new Map<string, Record<WireStatus, number>>();
  for (const c of program.communities) counts.set(c.key, emptyCounts());
  for (const app of input.applications) {
    const c = counts.get(app.community);
    if (c) c[app.status]++;
  }
  const communities: WireCommunity[] = program.communities.map((c) => ({
    key: c.key,
    name: c.name,
    description: c.description,
    cohortStart: iso(c.cohortStart),
    cohortEnd: iso(c.cohortEnd),
    capacity: c.capacity,
    counts: counts.get(c.key) ?? emptyCounts(),
    meetings: program.meetings
      .filter((m) => m.community === c.key)
      .sort((a, b) => a.number - b.number)
      .map((m) => ({ number: m.number, start: iso(m.start), end: iso(m.end) })),
  }));
  return {
    ok: true,
    program: program.settings.program,
    timeZone: program.settings.timeZone,
    notifyFrom: iso(program.settings.notifyFrom),
    registrationDeadline: iso(program.settings.registrationDeadline),
    now: iso(input.now),
    user: input.user,
    canDecide: input.canDecide,
    states: [...input.states],
    communities,
    applications: input.applications.map((a) => toWireApplication(a, input.answersFor(a))),
    revision: input.revision,
  };
}
