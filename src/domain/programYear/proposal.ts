// The shape of a program-year proposal (the dialog edits it; startProgramYear validates it).
// JSON-safe: every instant is an ISO-8601 string. The server writes them with the program zone's
// offset ("2027-08-24T14:00:00-04:00") so the local wall-clock time is readable; it accepts any
// offset or Z, and a string without one ("2027-08-24T14:00", "2027-08-01") as wall-clock time in
// the program's zone. src/shared/programYear.ts re-exports these for the wire.

export interface ProposalSettings {
  /** IANA zone of the program; a proposal cannot change it (edit Settings → Time zone instead) */
  timeZone: string;
  registrationDeadline: string;
  notifyFrom: string;
}

export interface ProposalCommunity {
  /** stable key (lower-case letters, digits, hyphens); the Meetings rows and the API use it */
  key: string;
  /** the form's checkbox label: no commas */
  name: string;
  description: string;
  cohortStart: string;
  cohortEnd: string;
  /** null = no limit */
  capacity: number | null;
}

export interface ProposalMeeting {
  /** community key */
  community: string;
  /** 1 to 4 */
  number: number;
  start: string;
  end: string;
}

export interface ProgramYearProposal {
  /** the new program's name, e.g. "2027–2028 Communities of Practice" */
  program: string;
  settings: ProposalSettings;
  communities: ProposalCommunity[];
  meetings: ProposalMeeting[];
}

/** One thing to fix; `field` names the input (e.g. "meetings.3.start", "communities.1.name", "program"). */
export interface ProposalProblem {
  field: string;
  message: string;
}
