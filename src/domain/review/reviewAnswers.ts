// The form answers behind each application, keyed by response key, for the sidebar's detail view.
// Only the key and the answers are needed here, so this reads the grid directly (a full
// parseResponses of 5,000 rows costs more than the rest of getReviewState).
import { isDate, text } from '../program/cells';
import { columnIndex, isBlankRow, normalizeHeader, type Grid } from '../program/grid';
import { responseKey } from '../program/ids';
import { QUESTIONS, RESPONSE_COLUMNS } from '../program/layout';

export type Answers = { question: string; answer: string }[];

/**
 * Answers the Applications row already carries as fields; sending them twice would double the
 * payload for 5,000 applications. What remains: hopes, commitment, every community chosen, and
 * any question staff added to the form.
 */
export const ANSWERS_ON_THE_ROW: ReadonlySet<string> = new Set(
  [
    RESPONSE_COLUMNS.timestamp,
    RESPONSE_COLUMNS.email,
    QUESTIONS.firstName,
    QUESTIONS.lastName,
    QUESTIONS.jobTitle,
    QUESTIONS.agency,
    QUESTIONS.agencyType,
    QUESTIONS.state,
  ].map(normalizeHeader),
);

export function answersByResponseKey(grid: Grid): Map<string, Answers> {
  const byKey = new Map<string, Answers>();
  const tsCol = columnIndex(grid, RESPONSE_COLUMNS.timestamp);
  const emailCol = columnIndex(grid, RESPONSE_COLUMNS.email);
  const kept = grid.headers
    .map((question, c) => ({ question: String(question ?? '').trim(), c }))
    .filter(({ question }) => question !== '' && !ANSWERS_ON_THE_ROW.has(normalizeHeader(question)));
  grid.rows.forEach((row, i) => {
    if (isBlankRow(row)) return;
    const ts = tsCol >= 0 ? row[tsCol] : '';
    const timestamp = isDate(ts) ? new Date(ts.getTime()) : null;
    const email = emailCol >= 0 ? text(row[emailCol]).toLowerCase() : '';
    // The same key intake gives the response (domain/ids), so applications find their answers.
    const key = responseKey(timestamp, email, i + 2);
    byKey.set(
      key,
      kept.map(({ question, c }) => ({ question, answer: c < row.length ? text(row[c]) : '' })),
    );
  });
  return byKey;
}
