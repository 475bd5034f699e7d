// The advisory flags of an application (never an automatic rejection) and its cohort label.
import { formatMonthYear } from '../program/dates';
import { PERSONAL_EMAIL_DOMAINS } from '../program/defaults';
import { AGENCY_TYPES, type Community, type Flag, type Settings } from '../program/model';
import type { FormResponse } from './responses';

/** Order in which flags are written, so a row's Flags cell reads the same every time. */
const FLAG_ORDER: Flag[] = ['late', 'eligibility-review', 'resubmitted', 'personal-email', 'incomplete', 'unknown-community'];

export function sortFlags(flags: Iterable<Flag>): Flag[] {
  const set = new Set(flags);
  return FLAG_ORDER.filter((f) => set.has(f));
}

export function isPersonalEmail(email: string): boolean {
  const domain = email
    .slice(email.lastIndexOf('@') + 1)
    .trim()
    .toLowerCase();
  return (PERSONAL_EMAIL_DOMAINS as readonly string[]).includes(domain);
}

/** Lead state agencies and their state-level partners are eligible; anything else needs a look. */
export function needsEligibilityReview(agencyType: string): boolean {
  const t = agencyType.trim().toLowerCase();
  if (!t) return false;
  return !AGENCY_TYPES.slice(0, 2).some((a) => a.toLowerCase() === t);
}

/** Required answers that are missing or blank. */
export function missingAnswers(r: FormResponse): string[] {
  const missing: string[] = [];
  if (!r.email) missing.push('Email Address');
  if (!r.firstName) missing.push('First name');
  if (!r.lastName) missing.push('Last name');
  if (!r.jobTitle) missing.push('Job title');
  if (!r.agency) missing.push('Agency or organization');
  if (!r.agencyType) missing.push('Agency type');
  if (!r.state) missing.push('State');
  if (r.communities.length === 0) missing.push('Communities of Practice');
  if (!r.commitment) missing.push('Commitment');
  return missing;
}

/** Flags that follow from the response itself (resubmitted and unknown-community are added by intake). */
export function responseFlags(r: FormResponse, settings: Settings): Flag[] {
  const flags: Flag[] = [];
  if (r.timestamp && r.timestamp.getTime() > settings.registrationDeadline.getTime()) flags.push('late');
  if (needsEligibilityReview(r.agencyType)) flags.push('eligibility-review');
  if (r.email && isPersonalEmail(r.email)) flags.push('personal-email');
  if (missingAnswers(r).length > 0) flags.push('incomplete');
  return flags;
}

/** "August 2023 – February 2024" */
export function cohortLabel(c: Community, timeZone: string): string {
  const memo = `${c.cohortStart.getTime()}|${c.cohortEnd.getTime()}|${timeZone}`;
  let label = cohortLabels.get(memo);
  if (label === undefined) {
    label = `${formatMonthYear(c.cohortStart, timeZone)} – ${formatMonthYear(c.cohortEnd, timeZone)}`;
    cohortLabels.set(memo, label);
  }
  return label;
}

const cohortLabels = new Map<string, string>();
