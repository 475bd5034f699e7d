// A 'Form Responses 1' row → a typed response. Google writes that tab: Timestamp (a Date cell),
// 'Email Address', then one column per question titled as the question, checkbox answers joined
// by ", ". Staff may rename or add questions, so every answer is looked up by title and may be
// missing.
import { isDate, text } from '../program/cells';
import { columnIndex, gridReader, isBlankRow, type Grid } from '../program/grid';
import { responseKey } from '../program/ids';
import { QUESTIONS, RESPONSE_COLUMNS } from '../program/layout';
import { labelKey } from '../program/programParse';

/** Sheets refuses a cell longer than this. */
export const CELL_LIMIT = 50000;

export interface FormResponse {
  /** sheet row in 'Form Responses 1' */
  row: number;
  key: string;
  timestamp: Date | null;
  /** lower-cased */
  email: string;
  firstName: string;
  lastName: string;
  jobTitle: string;
  agency: string;
  agencyType: string;
  state: string;
  /** the chosen option labels, as the respondent saw them */
  communities: string[];
  hopes: string;
  commitment: string;
  /** no email and no answer at all: not a response anyone can act on */
  blank: boolean;
  /** question titles whose answers were longer than a cell holds and were cut */
  truncated: string[];
  /** every column of the row except Timestamp, for the record */
  answers: { question: string; answer: string }[];
}

/**
 * Splits a checkbox cell into option labels. Options are joined with ", "; a label that itself
 * contains a comma (staff edited it) is put back together when the joined parts match a known label.
 */
export function splitChoices(cell: string, knownLabels: readonly string[]): string[] {
  const parts = cell
    .split(',')
    .map((p) => p.trim())
    .filter((p) => p !== '');
  const known = new Set(knownLabels.map(labelKey));
  const out: string[] = [];
  for (let i = 0; i < parts.length;) {
    let taken = 1;
    for (let j = parts.length; j > i + 1; j--) {
      if (known.has(labelKey(parts.slice(i, j).join(', ')))) {
        taken = j - i;
        break;
      }
    }
    const label = parts.slice(i, i + taken).join(', ');
    if (!out.includes(label)) out.push(label);
    i += taken;
  }
  return out;
}

/**
 * Parses the rows of the responses tab (blank rows without a timestamp are skipped), except those
 * whose key is in `skip` (already handled: only their key is computed).
 */
export function parseResponses(grid: Grid, knownLabels: readonly string[], skip?: ReadonlySet<string>, fromIndex = 0): FormResponse[] {
  const read = gridReader(grid);
  const out: FormResponse[] = [];
  const tsCol = columnIndex(grid, RESPONSE_COLUMNS.timestamp);
  const emailCol = columnIndex(grid, RESPONSE_COLUMNS.email);
  grid.rows.forEach((row, i) => {
    if (i < fromIndex) return;
    if (skip && tsCol >= 0) {
      const ts = row[tsCol];
      if (isDate(ts)) {
        const email = emailCol >= 0 ? text(row[emailCol]).toLowerCase() : '';
        if (skip.has(responseKey(ts, email.length > CELL_LIMIT ? email.slice(0, CELL_LIMIT) : email, i + 2))) return;
      }
    }
    if (isBlankRow(row)) return;
    const r = read(i);
    const truncated: string[] = [];
    const answer = (title: string): string => {
      const s = text(r(title));
      if (s.length > CELL_LIMIT) {
        truncated.push(title);
        return s.slice(0, CELL_LIMIT);
      }
      return s;
    };
    const ts = r(RESPONSE_COLUMNS.timestamp);
    const timestamp = isDate(ts) ? new Date(ts.getTime()) : null;
    const email = answer(RESPONSE_COLUMNS.email).toLowerCase();
    const answers = grid.headers
      .map((h, c) => ({ question: h, answer: text(row[c]) }))
      .filter((a) => a.question !== '' && a.question.toLowerCase() !== RESPONSE_COLUMNS.timestamp.toLowerCase());
    const response: FormResponse = {
      row: i + 2,
      key: '',
      timestamp,
      email,
      firstName: answer(QUESTIONS.firstName),
      lastName: answer(QUESTIONS.lastName),
      jobTitle: answer(QUESTIONS.jobTitle),
      agency: answer(QUESTIONS.agency),
      agencyType: answer(QUESTIONS.agencyType),
      state: answer(QUESTIONS.state),
      communities: splitChoices(answer(QUESTIONS.communities), knownLabels),
      hopes: answer(QUESTIONS.hopes),
      commitment: answer(QUESTIONS.commitment),
      blank: !email && answers.every((a) => a.answer === ''),
      truncated,
      answers,
    };
    response.key = responseKey(timestamp, email, response.row);
    out.push(response);
  });
  return out;
}

/** The key of the response in data row `index` (0-based), or '' for a row without a timestamp. */
export function rowKey(grid: Grid, index: number): string {
  const row = grid.rows[index];
  if (!row) return '';
  const tsCol = columnIndex(grid, RESPONSE_COLUMNS.timestamp);
  const emailCol = columnIndex(grid, RESPONSE_COLUMNS.email);
  const ts = tsCol >= 0 ? row[tsCol] : '';
  if (!isDate(ts)) return '';
  const email = emailCol >= 0 ? text(row[emailCol]).toLowerCase() : '';
  return responseKey(ts, email.length > CELL_LIMIT ? email.slice(0, CELL_LIMIT) : email, index + 2);
}

/**
 * Where to resume scanning: every data row before `count` was handled when the mark was written,
 * and the row just before it had `key`. If staff deleted, inserted or sorted rows since, the key no
 * longer matches and the whole tab is scanned again.
 */
export interface ScanMark {
  count: number;
  key: string;
}

export function resumeIndex(grid: Grid, mark: ScanMark | null): number {
  if (!mark || mark.count < 1 || mark.count > grid.rows.length) return 0;
  return rowKey(grid, mark.count - 1) === mark.key && mark.key !== '' ? mark.count : 0;
}
