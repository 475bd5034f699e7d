// getReviewState(): everything the sidebar shows, in one round trip. Reads Settings, Communities,
// Meetings, Applications and the form responses (for every answer), one getValues each.
import { STATES_AND_TERRITORIES } from '../../domain/program/defaults';
import { TABS } from '../../domain/program/layout';
import type { Application } from '../../domain/program/model';
import { answersByResponseKey, type Answers } from '../../domain/review/reviewAnswers';
import { mayDecide } from '../../domain/review/decisions';
import { toReviewState } from './wireState';
import type { ReviewRevisionResult, ReviewStateResult } from '../../shared/wire';
import { readApplications_, readApplicationsRevision_ } from '../../workspace/applicationsRepo';
import { now } from '../../workspace/clock';
import { readProgram_ } from '../../workspace/programRepo';
import { activeUserEmail_ } from '../../workspace/session';
import { readTable_ } from '../../workspace/table';
import { failure } from './failure';

function answersOfResponses(): Map<string, Answers> {
  const table = readTable_(TABS.responses);
  return table && table.headers.length > 0 ? answersByResponseKey(table) : new Map<string, Answers>();
}

export function reviewState_(): ReviewStateResult {
  try {
    const user = activeUserEmail_();
    // Before the rows: a write between the two reads makes the next poll load again, never miss.
    const revision = readApplicationsRevision_();
    const program = readProgram_();
    const { applications } = readApplications_(program.communities);
    const answers = answersOfResponses();
    return toReviewState({
      program,
      applications,
      answersFor: (app: Application) => answers.get(app.responseKey) ?? [],
      now: now(),
      user,
      canDecide: mayDecide(program.settings.reviewers, user),
      states: STATES_AND_TERRITORIES,
      revision,
    });
  } catch (e) {
    return failure('Could not load the applications', e);
  }
}

/**
 * getReviewRevision(): what an open sidebar or review window polls. One script-property read
 * (PropertiesService.getScriptProperties + getProperty), whatever the size of the sheet; the pages
 * load the full state only when the value differs from the one their state came with.
 */
export function reviewRevision_(): ReviewRevisionResult {
  try {
    return { ok: true, revision: readApplicationsRevision_() };
  } catch (e) {
    return failure('Could not check for changes', e);
  }
}
