// The next program year, proposed from the current one (SPEC behaviour 7).
//
// How far everything moves: the first year n ≥ 1 whose registration deadline, moved n years, is
// in the future. "Moved n years" is done in WHOLE WEEKS, one number for every date, so each
// meeting keeps its weekday and local time and every interval (deadline → first meeting, one
// meeting to the next) stays exactly as it was. n years is 365n or 366n days, not a whole number
// of weeks, so we try the whole number of weeks nearest to n years first and then the other
// neighbour (at most 3½ days further), and keep the first that leaves every meeting inside its
// (moved) cohort and the deadline before the first meeting; if neither does, the nearest, and
// validation tells staff what to fix. Cohorts move by whole years in months ("Aug 2023 – Feb 2024"
// → "Aug 2027 – Feb 2028"), keeping a month-end cohort end at the month's end.
import type { ProgramYearProposal } from './proposal';
import type { Program } from '../program/model';
import { addWeeksLocal, addYearsLocal, daysInYears, isoInZone } from './calendarMath';
import { validateProposal } from './validate';
import { shiftProgramName, yearsLabel } from './years';

export interface Proposal {
  proposal: ProgramYearProposal;
  /** whole years the program moved */
  years: number;
  /** whole weeks every date moved */
  weeks: number;
  /** the current program's years, e.g. "2023–2024" */
  fromLabel: string;
  /** the new program's years, e.g. "2027–2028" */
  toLabel: string;
}

/** Farthest ahead we look for an open year (a program untouched for a century is not a program). */
const MAX_YEARS = 100;

function reference(program: Program): Date {
  const starts = program.meetings.map((m) => m.start.getTime());
  return new Date(starts.length > 0 ? Math.min(...starts) : program.settings.registrationDeadline.getTime());
}

/** The program moved by `years` years (cohorts) and `weeks` weeks (every other date). */
export function shiftProgram(program: Program, years: number, weeks: number): ProgramYearProposal {
  const tz = program.settings.timeZone;
  const fromLabel = yearsLabel(program.settings.program, program.communities, tz);
  const toLabel = fromLabel ? fromLabel.replace(/\d{4}/g, (y) => String(Number(y) + years)) : '';
  const iso = (d: Date): string => isoInZone(d, tz);
  const keys = new Set(program.communities.map((c) => c.key));
  return {
    program: shiftProgramName(program.settings.program, years, toLabel),
    settings: {
      timeZone: tz,
      registrationDeadline: iso(addWeeksLocal(program.settings.registrationDeadline, weeks, tz)),
      notifyFrom: iso(addWeeksLocal(program.settings.notifyFrom, weeks, tz)),
    },
    communities: program.communities.map((c) => ({
      key: c.key,
      name: c.name,
      description: c.description,
      cohortStart: iso(addYearsLocal(c.cohortStart, years, tz)),
      cohortEnd: iso(addYearsLocal(c.cohortEnd, years, tz)),
      capacity: c.capacity,
    })),
    meetings: program.meetings
      .filter((m) => keys.has(m.community))
      .map((m) => ({
        community: m.community,
        number: m.number,
        start: iso(addWeeksLocal(m.start, weeks, tz)),
        end: iso(addWeeksLocal(m.end, weeks, tz)),
      })),
  };
}

/** Whole weeks for `years` years: the nearest first, then its other neighbour. */
export function weekCandidates(program: Program, years: number): number[] {
  const exact = daysInYears(reference(program), years, program.settings.timeZone) / 7;
  const nearest = Math.round(exact);
  const other = nearest > exact ? Math.floor(exact) : Math.ceil(exact);
  return other === nearest ? [nearest] : [nearest, other];
}

export function proposeNextYear(program: Program, now: Date): Proposal {
  const tz = program.settings.timeZone;
  const fromLabel = yearsLabel(program.settings.program, program.communities, tz);
  let chosen: { proposal: ProgramYearProposal; years: number; weeks: number } | null = null;
  for (let years = 1; years <= MAX_YEARS; years++) {
    const candidates = weekCandidates(program, years).map((weeks) => ({ weeks, proposal: shiftProgram(program, years, weeks) }));
    // date checks only: the name and the deadline-in-the-future are decided below
    const fits = candidates.find((c) => validateProposal(c.proposal, { timeZone: tz, currentProgram: '\u0000' }).ok) ?? candidates[0];
    chosen = { proposal: fits.proposal, years, weeks: fits.weeks };
    if (new Date(fits.proposal.settings.registrationDeadline).getTime() > now.getTime()) break;
  }
  const c = chosen as { proposal: ProgramYearProposal; years: number; weeks: number };
  const toLabel = yearsLabel(c.proposal.program, [], tz) || (fromLabel ? fromLabel.replace(/\d{4}/g, (y) => String(Number(y) + c.years)) : '');
  return { proposal: c.proposal, years: c.years, weeks: c.weeks, fromLabel, toLabel };
}
