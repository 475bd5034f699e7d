// Applying a proposal (startProgramYear): begin (validate, record the switch), archive and write
// the tabs, the new form, the meetings on the calendar, then open the form and log the switch.
// Every step checks the stored record first, so a cut-off run applied again resumes.
import { columnIndex } from '../../domain/program/grid';
import { TABS } from '../../domain/program/layout';
import { parseRecord, stageAtLeast, SWITCH_PROPERTY, type SwitchRecord } from '../../domain/programYear/record';
import { summarizeProblems, validateProposal, type ValidProposal } from '../../domain/programYear/validate';
import { yearsLabel } from '../../domain/programYear/years';
import type { StartResult } from '../../shared/programYear';
import { now } from '../../workspace/clock';
import { FORM_ID } from '../../workspace/form';
import { withScriptLock_ } from '../../workspace/lock';
import { appendLog_ } from '../../workspace/log';
import { loadProgram_ } from '../../workspace/programRepo';
import { allProperties_ } from '../../workspace/properties';
import { spreadsheet_ } from '../../workspace/spreadsheet';
import { readTable_ } from '../../workspace/table';
import { ensureCalendarAndMeetings_ } from '../meetings';
import { archiveAndWrite_, archivePlan_ } from './archive';
import { closeOldForm_, ensureNewForm_, openNewForm_, switchPointers_ } from './forms';
import { actor_, isTimeLimit, mustRefresh_, saveRecord_ } from './progress';

const STARTED_ACTION = 'Program year started';

/** The id of the form now in place, without a Forms call (this runs under the lock). */
function currentFormId(props: Record<string, string>): string {
  if (props[FORM_ID]) return props[FORM_ID];
  const url = spreadsheet_().getFormUrl() || '';
  const m = /\/forms\/d\/([\w-]+)/.exec(url);
  return m && m[1] !== 'e' ? m[1] : '';
}

interface Begun {
  record: SwitchRecord;
  valid: ValidProposal;
}

type BeginResult = { begun: Begun } | { result: StartResult };

function begin(input: unknown): BeginResult {
  return withScriptLock_((): BeginResult => {
    const { program } = loadProgram_();
    const props = allProperties_();
    let record = parseRecord(props[SWITCH_PROPERTY]);
    const name =
      input && typeof input === 'object' && typeof (input as { program?: unknown }).program === 'string'
        ? String((input as { program: string }).program).trim()
        : '';

    if (record && record.stage === 'done' && record.to === name && program.settings.program === name) {
      return {
        result: {
          ok: true,
          program: name,
          alreadyApplied: true,
          archived: record.archives.map(([, a]) => a),
          formUrl: '',
          responsesTab: record.responsesTab,
          events: program.meetings.filter((m) => m.eventId).length,
          summary: `${name} is already the current program year: nothing was changed.`,
        },
      };
    }
    const resuming = !!record && record.stage !== 'done';
    if (resuming && stageAtLeast(record as SwitchRecord, 'sheet') && name !== (record as SwitchRecord).to) {
      return {
        result: {
          ok: false,
          error: `A switch to "${(record as SwitchRecord).to}" was started and has not finished. Open New program year… again: it shows that year; apply it to finish, then start another year if needed.`,
          problems: [{ field: 'program', message: `Finish the switch to "${(record as SwitchRecord).to}" first.` }],
        },
      };
    }
    const checked = validateProposal(input, {
      timeZone: program.settings.timeZone,
      currentProgram: resuming ? (record as SwitchRecord).from : program.settings.program,
      now: now(),
    });
    if (!checked.ok) return { result: { ok: false, error: summarizeProblems(checked.problems), problems: checked.problems } };

    if (!resuming) {
      const label = yearsLabel(program.settings.program, program.communities, program.settings.timeZone);
      record = {
        v: 1,
        from: program.settings.program,
        fromLabel: label,
        to: checked.value.program,
        archives: archivePlan_(label),
        oldFormId: currentFormId(props),
        newFormId: '',
        built: false,
        responsesTab: '',
        stage: 'start',
        at: now().toISOString(),
      };
      saveRecord_(record);
    } else if ((record as SwitchRecord).to !== checked.value.program) {
      // still at 'start': nothing of the new year is written yet, so another name may take over
      (record as SwitchRecord).to = checked.value.program;
      saveRecord_(record as SwitchRecord);
    }
    return { begun: { record: record as SwitchRecord, valid: checked.value } };
  });
}

function finish(record: SwitchRecord, who: string): number {
  return withScriptLock_(() => {
    mustRefresh_(record);
    const log = readTable_(TABS.log);
    const actionCol = log ? columnIndex(log, 'Action') : -1;
    const detailsCol = log ? columnIndex(log, 'Details') : -1;
    const logged = !!log && log.rows.some((r) => r[actionCol] === STARTED_ACTION && String(r[detailsCol]).includes(record.to));
    if (!logged) {
      appendLog_([
        {
          actor: who,
          action: STARTED_ACTION,
          details: `${record.to} replaces ${record.from}. Archived: ${record.archives.map(([t, a]) => `${t} → ${a}`).join(', ') || 'nothing'}. New form ${record.newFormId}, responses in "${record.responsesTab}". The old form stopped accepting responses.`,
        },
      ]);
    }
    saveRecord_(record, 'done');
    return loadProgram_().program.meetings.filter((m) => m.eventId).length;
  });
}

function apply(input: unknown): StartResult {
  const started = begin(input);
  if ('result' in started) return started.result;
  const { record, valid } = started.begun;
  const who = actor_();
  const settings = withScriptLock_(() => loadProgram_().program.settings);

  closeOldForm_(record, { name: settings.contactName, email: settings.contactEmail });
  if (record.stage === 'start') {
    withScriptLock_(() => {
      // another run (a second dialog) may have done this step meanwhile: the stored record says
      mustRefresh_(record);
      if (record.stage !== 'start') return;
      archiveAndWrite_(record, valid);
      saveRecord_(record, 'sheet');
    });
  }
  const form = ensureNewForm_(record);
  withScriptLock_(() => {
    mustRefresh_(record);
    if (record.stage === 'sheet') switchPointers_(record);
  });

  const calendar = ensureCalendarAndMeetings_();
  if (/failed/i.test(calendar)) {
    return {
      ok: false,
      error: `The new year is in place but some meetings could not be created on the calendar (${calendar}). Apply again to finish; nothing is sent twice.`,
    };
  }
  openNewForm_(form);
  const events = finish(record, who);
  let formUrl: string;
  try {
    formUrl = form.getPublishedUrl();
  } catch {
    formUrl = '';
  }
  const archived = record.archives.map(([, a]) => a);
  return {
    ok: true,
    program: record.to,
    alreadyApplied: false,
    archived,
    formUrl,
    responsesTab: record.responsesTab,
    events,
    summary: [
      `${record.to} is the current program year.`,
      archived.length ? `Kept last year's tabs as ${archived.join(', ')}.` : '',
      `The ${record.from} form no longer accepts responses; the new form does, with its responses in "${record.responsesTab}".`,
      `${events} meeting${events === 1 ? '' : 's'} on the program calendar. Nothing was emailed.`,
    ]
      .filter(Boolean)
      .join(' '),
  };
}

export function startProgramYear_(input: unknown): StartResult {
  try {
    return apply(input);
  } catch (err) {
    if (isTimeLimit(err)) throw err;
    return {
      ok: false,
      error: `The new program year was not finished: ${(err as Error)?.message ?? String(err)}. Apply the same proposal again to resume where it stopped.`,
    };
  }
}
