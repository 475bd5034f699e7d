// Wire types of the program-year dialog: proposeProgramYear() → ProgramYearProposal (edited by
// staff) → startProgramYear(proposal). JSON-safe: every instant is an ISO-8601 string. The
// server writes them with the program zone's offset ("2027-08-24T14:00:00-04:00") so the local
// wall-clock time is readable; it accepts any offset or Z, and a string without one
// ("2027-08-24T14:00", "2027-08-01") as wall-clock time in the program's zone.

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

/** What proposeProgramYear() returns: the proposal plus what the dialog explains around it. */
export interface ProposeOk extends ProgramYearProposal {
  ok: true;
  /** the program that is current now (the one to be archived) */
  current: { program: string; years: string };
  /** the new program's years label, e.g. "2027–2028" */
  years: string;
  /** how far every date moved: whole weeks (0 when resuming a switch that already wrote the new year) */
  shiftWeeks: number;
  /** tabs the switch renames, e.g. ["Applications → Applications 2023–2024", ...] */
  archive: string[];
  /** true when a switch to this program was started and not finished: applying finishes it */
  resume: boolean;
  /** facts the dialog shows before applying (e.g. decisions never emailed) */
  notes: string[];
}

export type ProposeResult = ProposeOk | { ok: false; error: string; authorizationUrl?: string };

export interface StartOk {
  ok: true;
  program: string;
  /** true when this program year was already in place: nothing changed */
  alreadyApplied: boolean;
  /** tabs renamed with the old years */
  archived: string[];
  /** the new form's responder link ('' if unknown) */
  formUrl: string;
  /** the new form's responses tab */
  responsesTab: string;
  /** meeting events on the program calendar for the new year */
  events: number;
  summary: string;
}

export type StartResult = StartOk | { ok: false; error: string; problems?: ProposalProblem[]; authorizationUrl?: string };
