// Wire types of the program-year dialog: proposeProgramYear() → ProgramYearProposal (edited by
// staff) → startProgramYear(proposal). The proposal's shape is the domain's
// (src/domain/programYear/proposal.ts); this module adds what the endpoints return around it.
import type { ProgramYearProposal, ProposalProblem } from '../domain/programYear/proposal';

export type { ProgramYearProposal, ProposalProblem, ProposalSettings, ProposalCommunity, ProposalMeeting } from '../domain/programYear/proposal';

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

export type ProposeResult = ProposeOk | { ok: false; error: string; authorizationUrl?: string | null };

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

export type StartResult = StartOk | { ok: false; error: string; problems?: ProposalProblem[]; authorizationUrl?: string | null };
