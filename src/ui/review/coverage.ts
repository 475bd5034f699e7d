// Which states and territories a community reaches: where its applicants come from and where its
// members (accepted) work, against the full list of 56.
import type { WireApplication } from '../../shared/wire';

export interface Coverage {
  members: string[];
  applicantsOnly: string[];
  none: string[];
  /** state values on applications that are not in the list (typos, blanks) */
  other: string[];
  applicantStates: number;
}

export function coverage(states: readonly string[], apps: readonly WireApplication[], community: string): Coverage {
  const applied = new Set<string>();
  const accepted = new Set<string>();
  for (const a of apps) {
    if (a.community !== community) continue;
    applied.add(a.state);
    if (a.status === 'Accepted') accepted.add(a.state);
  }
  const known = new Set(states);
  return {
    members: states.filter((s) => accepted.has(s)),
    applicantsOnly: states.filter((s) => applied.has(s) && !accepted.has(s)),
    none: states.filter((s) => !applied.has(s)),
    other: [...applied]
      .filter((s) => !known.has(s))
      .map((s) => s || '(blank)')
      .sort(),
    applicantStates: states.filter((s) => applied.has(s)).length,
  };
}
