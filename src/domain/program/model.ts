// The program's records as the rest of the code sees them, after parsing at the edges.
// Dates are real Date instants here; the wire (src/shared) carries ISO strings instead.

export const STATUSES = ['Pending', 'Accepted', 'Waitlisted', 'Declined', 'Withdrawn'] as const;
export type Status = (typeof STATUSES)[number];

/** Advisory tags; never an automatic rejection. `unknown-community` marks a form option no Communities row matches. */
export const FLAGS = ['late', 'eligibility-review', 'resubmitted', 'personal-email', 'incomplete', 'unknown-community'] as const;
export type Flag = (typeof FLAGS)[number];

export const AGENCY_TYPES = ['Lead state CTE agency', 'State-level partnering agency', 'Other'] as const;

export interface Community {
  key: string;
  name: string;
  description: string;
  cohortStart: Date;
  cohortEnd: Date;
  /** null = no limit */
  capacity: number | null;
}

export interface Meeting {
  /** community key */
  community: string;
  /** 1..4 */
  number: number;
  start: Date;
  end: Date;
  /** Calendar API event id ('' until setup created it) */
  eventId: string;
  /** the Agenda cell: a link or text staff fill in ('' or absent = none yet) */
  agenda?: string;
}

export interface Settings {
  program: string;
  timeZone: string;
  registrationDeadline: Date;
  notifyFrom: Date;
  contactName: string;
  contactEmail: string;
  senderName: string;
  calendarId: string;
  sendConfirmations: boolean;
  closeFormAtDeadline: boolean;
  /** lower-cased; empty = every editor may decide */
  reviewers: string[];
  /** days before a meeting its agenda email goes out (absent = 7, the seeded default) */
  agendaLeadDays?: number;
  /** email a member who missed a held meeting (absent = off) */
  sendAttendanceFollowUp?: boolean;
}

export interface Program {
  settings: Settings;
  communities: Community[];
  meetings: Meeting[];
}

export interface Application {
  id: string;
  responseKey: string;
  submitted: Date;
  email: string;
  firstName: string;
  lastName: string;
  jobTitle: string;
  agency: string;
  agencyType: string;
  state: string;
  /** community key, or the raw option label when flagged unknown-community */
  community: string;
  cohort: string;
  flags: Flag[];
  status: Status;
  decidedBy: string;
  decidedAt: Date | null;
  note: string;
  /** the status last emailed to the applicant ('' = never) */
  notified: string;
  /** meeting numbers the member is currently a guest of, e.g. "1, 2, 3, 4" ('' = none) */
  invited: string;
  /** meeting numbers whose agenda email the member was sent, e.g. "1, 2" ('' or absent = none) */
  agendaSent?: string;
  /** meeting numbers whose attendance follow-up email the member was sent ('' or absent = none) */
  followUpSent?: string;
}
