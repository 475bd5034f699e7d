// The Log tab: an append-only audit trail (Time, Actor, Action, Application IDs, Details, Response Key).
import { cellString } from '../domain/program/cells';
import { LOG_HEADERS, TABS } from '../domain/program/layout';
import { QUEUED_ACTION, SENT_ACTION, type LogLine } from '../domain/intake/confirmationQueue';
import { now } from './clock';
import { columnIndex } from '../domain/program/grid';
import { appendRows_, ensureTab_, readColumn_, readHead_, type TableHead } from './table';

/** Sheets refuses a cell longer than this. */
const CELL_LIMIT = 50000;

export interface LogEntry {
  /** defaults to now */
  time?: Date;
  /** who did it: a user's email, or 'system' for triggers */
  actor: string;
  action: string;
  applicationIds?: string[];
  details?: string;
  responseKey?: string;
}

function logHead(): TableHead {
  const head = readHead_(TABS.log);
  if (head && LOG_HEADERS.every((h) => head.headers.some((x) => x.trim().toLowerCase() === h.toLowerCase()))) return head;
  ensureTab_(TABS.log, LOG_HEADERS);
  return readHead_(TABS.log) as TableHead;
}

function clip(s: string): string {
  return s.length > CELL_LIMIT ? `${s.slice(0, CELL_LIMIT - 1)}…` : s;
}

/**
 * Appends the entries as rows (one setValues), without reading the existing rows. Pass the Log you
 * read in the same locked section (see loggedResponseKeys_) to skip reading its header again. Call
 * under the script lock.
 */
export function appendLog_(entries: LogEntry[], log?: TableHead): void {
  if (entries.length === 0) return;
  const at = now();
  appendRows_(
    log ?? logHead(),
    entries.map((e) => ({
      Time: e.time ?? at,
      Actor: e.actor,
      Action: e.action,
      'Application IDs': clip((e.applicationIds ?? []).join(', ')),
      Details: clip(e.details ?? ''),
      'Response Key': e.responseKey ?? '',
    })),
  );
}

export interface LoggedKeys {
  /** every response key the Log records */
  keys: Set<string>;
  /** Action, Details and Response Key of every row that has a response key, in order (Details only from the first unsent confirmation on, '' before) */
  lines: LogLine[];
  /** the Log as read (valid for appending within the same locked section only) */
  log: TableHead;
}

/**
 * Every response key the Log records, and the confirmation ledger's lines (creating the tab if
 * missing). The Log grows by about three rows per response all year, and every submission reads
 * it, so only what the ledger needs is read: the Action and Response Key columns whole, and Details
 * (which carries a queued confirmation's data) only from the first confirmation still unsent on.
 * Rows before that carry '' as details: their confirmations are sent, so nothing reads them.
 */
export function loggedResponseKeys_(): LoggedKeys {
  const head = logHead();
  const actions = readColumn_(head, 'Action');
  const keyCells = readColumn_(head, 'Response Key');
  const rowKeys = keyCells.map((k) => cellString(k).trim());
  const sent = new Set<string>();
  for (let i = 0; i < rowKeys.length; i++) if (rowKeys[i] && cellString(actions[i]) === SENT_ACTION) sent.add(rowKeys[i]);
  let firstUnsent = -1;
  for (let i = 0; i < rowKeys.length && firstUnsent < 0; i++) {
    if (rowKeys[i] && !sent.has(rowKeys[i]) && cellString(actions[i]) === QUEUED_ACTION) firstUnsent = i;
  }
  const d = columnIndex(head, 'Details');
  const details =
    firstUnsent >= 0 && d >= 0
      ? head.sheet
          .getRange(firstUnsent + 2, d + 1, rowKeys.length - firstUnsent, 1)
          .getValues()
          .map((r): unknown => r[0])
      : [];
  const keys = new Set<string>();
  const lines: LogLine[] = [];
  for (let i = 0; i < rowKeys.length; i++) {
    const key = rowKeys[i];
    if (!key) continue;
    keys.add(key);
    lines.push({ key, action: cellString(actions[i]), details: i >= firstUnsent && firstUnsent >= 0 ? cellString(details[i - firstUnsent]) : '' });
  }
  return { keys, lines, log: head };
}
