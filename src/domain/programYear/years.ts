// The "years" of a program: read from its name ("2023–2024 Communities of Practice" → "2023–2024"),
// or else from its cohorts. They name the archived tabs ("Applications 2023–2024") and move with
// the program when a new year is proposed.
import { wallClock } from '../program/dates';
import type { Community } from '../program/model';

const YEAR = /\b(19\d{2}|2[01]\d{2})\b/g;
const RANGE = /\b(19\d{2}|2[01]\d{2})\s*[–—-]\s*(\d{2}|19\d{2}|2[01]\d{2})\b/;

/** "2023–2024", "2023", or '' when neither the name nor the cohorts give a year. */
export function yearsLabel(program: string, communities: readonly Pick<Community, 'cohortStart' | 'cohortEnd'>[], timeZone: string): string {
  const range = RANGE.exec(program);
  if (range) {
    const end = range[2].length === 2 ? `${range[1].slice(0, 2)}${range[2]}` : range[2];
    return `${range[1]}–${end}`;
  }
  const single = program.match(YEAR);
  if (single && single.length > 0) return single[0];
  if (communities.length === 0) return '';
  const starts = communities.map((c) => wallClock(c.cohortStart, timeZone).year);
  const ends = communities.map((c) => wallClock(c.cohortEnd, timeZone).year);
  const a = Math.min(...starts);
  const b = Math.max(...ends);
  return a === b ? String(a) : `${a}–${b}`;
}

/**
 * The program's name with every year moved by `years` ("2023–2024 Communities of Practice" + 4 →
 * "2027–2028 Communities of Practice"); a name without a year gets the new years appended.
 */
export function shiftProgramName(program: string, years: number, newLabel: string): string {
  let found = false;
  const shifted = program.replace(YEAR, (y) => {
    found = true;
    return String(Number(y) + years);
  });
  if (found) return shifted;
  return newLabel ? `${program} ${newLabel}` : program;
}

/** "Applications" + "2023–2024" → "Applications 2023–2024" (Sheets allows 100 characters). */
export function archiveTabName(tab: string, label: string, taken: ReadonlySet<string>): string {
  const base = `${tab} ${label || 'archive'}`.slice(0, 90);
  if (!taken.has(base)) return base;
  for (let i = 2; ; i++) {
    const name = `${base} (${i})`;
    if (!taken.has(name)) return name;
  }
}
