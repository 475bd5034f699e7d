// Proposing the next program year (the dialog's first step): the current year moved by whole
// weeks, or, for a switch that stopped after writing the tabs, exactly what the tabs hold.
import { applicationsFromGrid } from '../../domain/program/applicationRow';
import { isNotificationOwed } from '../../domain/notify/due';
import { columnIndex } from '../../domain/program/grid';
import { APPLICATION_HEADERS, TABS } from '../../domain/program/layout';
import type { Program } from '../../domain/program/model';
import { waitingConfirmations_ } from '../intake';
import { isoInZone } from '../../domain/programYear/calendarMath';
import { proposeNextYear } from '../../domain/programYear/propose';
import { parseRecord, stageAtLeast, SWITCH_PROPERTY } from '../../domain/programYear/record';
import { yearsLabel } from '../../domain/programYear/years';
import type { ProgramYearProposal, ProposeResult } from '../../shared/programYear';
import { now } from '../../workspace/clock';
import { loadProgram_ } from '../../workspace/programRepo';
import { allProperties_ } from '../../workspace/properties';
import { readTable_ } from '../../workspace/table';
import { archivePlan_ } from './archive';
import { isTimeLimit } from './progress';

/** The program as a proposal with no move (a switch that already wrote the new year to the tabs). */
function asProposal(program: Program): ProgramYearProposal {
  const tz = program.settings.timeZone;
  const iso = (d: Date): string => isoInZone(d, tz);
  return {
    program: program.settings.program,
    settings: { timeZone: tz, registrationDeadline: iso(program.settings.registrationDeadline), notifyFrom: iso(program.settings.notifyFrom) },
    communities: program.communities.map((c) => ({
      key: c.key,
      name: c.name,
      description: c.description,
      cohortStart: iso(c.cohortStart),
      cohortEnd: iso(c.cohortEnd),
      capacity: c.capacity,
    })),
    meetings: program.meetings.map((m) => ({ community: m.community, number: m.number, start: iso(m.start), end: iso(m.end) })),
  };
}

/** Decisions of the current year never emailed (the switch leaves them in the archived tab). */
function unsentDecisions(program: Program): number {
  const table = readTable_(TABS.applications);
  if (!table || APPLICATION_HEADERS.some((h) => columnIndex(table, h) < 0)) return 0;
  return applicationsFromGrid(table, program.communities).filter(({ app }) => isNotificationOwed(app)).length;
}

export function proposeProgramYear_(): ProposeResult {
  try {
    const { program } = loadProgram_();
    const props = allProperties_();
    const record = parseRecord(props[SWITCH_PROPERTY]);
    const tz = program.settings.timeZone;
    if (record && record.stage !== 'done' && stageAtLeast(record, 'sheet')) {
      // The tabs already hold the new year: propose exactly that, so applying it finishes the switch.
      return {
        ok: true,
        ...asProposal(program),
        current: { program: record.from, years: record.fromLabel },
        years: yearsLabel(program.settings.program, program.communities, tz),
        shiftWeeks: 0,
        archive: record.archives.map(([tab, name]) => `${tab} → ${name}`),
        resume: true,
        notes: [
          `A switch to ${record.to} was started on ${record.at.slice(0, 10)} and did not finish. Apply to finish it; the dates are those already written to the Settings and Meetings tabs.`,
        ],
      };
    }
    const next = proposeNextYear(program, now());
    const notes: string[] = [];
    const unsent = unsentDecisions(program);
    if (unsent > 0) {
      notes.push(
        `${unsent} decision${unsent === 1 ? ' has' : 's have'} not been emailed yet. After the switch they stay in the archived Applications tab and are never sent: send due notifications first if they should go out.`,
      );
    }
    const waiting = waitingConfirmations_();
    if (waiting > 0) {
      notes.push(
        `${waiting} confirmation email${waiting === 1 ? ' is' : 's are'} still waiting to be sent (mail quota). The switch drops them: run Sync responses now first if they should go out.`,
      );
    }
    const plan = record && record.stage !== 'done' ? record.archives : archivePlan_(next.fromLabel);
    return {
      ok: true,
      ...next.proposal,
      current: { program: program.settings.program, years: next.fromLabel },
      years: next.toLabel,
      shiftWeeks: next.weeks,
      archive: plan.map(([tab, name]) => `${tab} → ${name}`),
      resume: !!record && record.stage !== 'done',
      notes,
    };
  } catch (err) {
    if (isTimeLimit(err)) throw err;
    return { ok: false, error: `Could not propose the next program year: ${(err as Error)?.message ?? String(err)}` };
  }
}
