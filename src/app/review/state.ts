// getReviewState(): everything the sidebar shows, in one round trip. Reads Settings, Communities,
// Meetings, Applications and the form responses (for every answer), one getValues each.
import { STATES_AND_TERRITORIES } from '../../domain/program/defaults';
import { TABS } from '../../domain/program/layout';
import type { Application } from '../../domain/program/model';
import { answersByResponseKey, type Answers } from '../../domain/review/reviewAnswers';
import { mayDecide } from '../../domain/review/decisions';
import { toReviewState } from './wireState';
import type { ReviewStateResult } from '../../shared/wire';
import { readApplications_ } from '../../workspace/applicationsRepo';
import { now } from '../../workspace/clock';
import { readProgram_ } from '../../workspace/programRepo';
import { activeUserEmail_ } from '../../workspace/session';
import { readTable_ } from '../../workspace/table';
import { failure } from './failure';

function answersOfResponses(): Map<string, Answers> {
  const table = readTable_(TABS.responses);
  return table && table.headers.length > 0 ? answersByResponseKey(table) : new Map();
}

export function reviewState_(): ReviewStateResult {
  try {
    const user = activeUserEmail_();
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
    });
  } catch (e) {
    return failure('Could not load the applications', e);
  }
}
