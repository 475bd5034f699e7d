// Applicants for the review tests: realistic rows for the Applications tab and the matching
// 'Form Responses 1' rows (so the detail view has every answer), generated in bulk.
import { APPLICATION_HEADERS } from '../../src/domain/program/layout';
import { DEFAULT_COMMUNITIES, STATES_AND_TERRITORIES } from '../../src/domain/program/defaults';

export interface Applicant {
  id: string;
  email: string;
  firstName: string;
  lastName: string;
  jobTitle: string;
  agency: string;
  agencyType: string;
  state: string;
  /** community key */
  community: string;
  status: 'Pending' | 'Accepted' | 'Waitlisted' | 'Declined' | 'Withdrawn';
  flags: string[];
  submitted: Date;
  decidedAt?: Date;
  decidedBy?: string;
  hopes: string;
}

const FIRST = ['Maria', 'James', 'Aisha', 'Wei', 'Carlos', 'Fatima', 'Liam', 'Priya', 'Noah', 'Keiko', 'Omar', 'Grace'];
const LAST = ['Garcia', 'Smith', 'Khan', 'Chen', 'Lopez', 'Okafor', 'Brown', 'Patel', 'Nguyen', 'Sato', 'Haddad', 'Kim'];
const STATUS_CYCLE: Applicant['status'][] = ['Pending', 'Pending', 'Pending', 'Accepted', 'Waitlisted', 'Declined', 'Pending'];

export function responseKeyOf(a: Pick<Applicant, 'submitted' | 'email'>): string {
  return `${a.submitted.toISOString()} ${a.email}`;
}

/** n applicants, deterministic, spread over the four communities and the 56 states. */
export function makeApplicants(n: number, start = new Date('2023-08-01T14:00:00Z')): Applicant[] {
  return Array.from({ length: n }, (_, i) => {
    const first = FIRST[i % FIRST.length];
    const last = `${LAST[Math.floor(i / FIRST.length) % LAST.length]}${i >= 144 ? i : ''}`;
    const status = STATUS_CYCLE[i % STATUS_CYCLE.length];
    const submitted = new Date(start.getTime() + i * 60_000);
    return {
      id: `APP-T${String(i).padStart(6, '0')}`,
      email: `${first}.${last}.${i}@state${i % 50}.gov`.toLowerCase(),
      firstName: first,
      lastName: last,
      jobTitle: 'CTE State Director',
      agency: `${STATES_AND_TERRITORIES[i % 56]} Department of Education`,
      agencyType: 'Lead state CTE agency',
      state: STATES_AND_TERRITORIES[(i * 7) % 56],
      community: DEFAULT_COMMUNITIES[i % 4].key,
      status,
      flags: i % 11 === 0 ? ['late'] : [],
      submitted,
      decidedAt: status === 'Pending' ? undefined : new Date(submitted.getTime() + 86_400_000),
      decidedBy: status === 'Pending' ? undefined : 'staff@careertech.org',
      hopes: `Learn from peers (${i})`,
    };
  });
}

export function communityName(key: string): string {
  return DEFAULT_COMMUNITIES.find((c) => c.key === key)?.name ?? key;
}

/** Header row + one row per applicant, in the SPEC's Applications column order. */
export function applicationRows(apps: readonly Applicant[]): unknown[][] {
  const rows: unknown[][] = [APPLICATION_HEADERS.slice()];
  for (const a of apps) {
    const record: Record<string, unknown> = {
      'Application ID': a.id,
      'Response Key': responseKeyOf(a),
      Submitted: a.submitted,
      Email: a.email,
      'First Name': a.firstName,
      'Last Name': a.lastName,
      'Job Title': a.jobTitle,
      Agency: a.agency,
      'Agency Type': a.agencyType,
      State: a.state,
      Community: communityName(a.community),
      Cohort: '',
      Flags: a.flags.join(', '),
      Status: a.status,
      'Decided By': a.decidedBy ?? '',
      'Decided At': a.decidedAt ?? '',
      Note: '',
      Notified: '',
      Invited: '',
    };
    rows.push(APPLICATION_HEADERS.map((h) => record[h]));
  }
  return rows;
}

export const RESPONSE_HEADERS = [
  'Timestamp',
  'Email Address',
  'First name',
  'Last name',
  'Job title',
  'Agency or organization',
  'Agency type',
  'State',
  'Communities of Practice',
  'What do you hope to gain?',
  'Commitment',
];

/** Header row + one Form Responses row per applicant. */
export function responseRows(apps: readonly Applicant[]): unknown[][] {
  return [
    RESPONSE_HEADERS,
    ...apps.map((a) => [
      a.submitted,
      a.email,
      a.firstName,
      a.lastName,
      a.jobTitle,
      a.agency,
      a.agencyType,
      a.state,
      communityName(a.community),
      a.hopes,
      'I commit to attend and engage in the four meetings and do the pre-work',
    ]),
  ];
}
