// The Log tab: an append-only audit trail (Time, Actor, Action, Application IDs, Details, Response Key).
import { cellString } from '../domain/program/cells';
import { LOG_HEADERS, TABS } from '../domain/program/layout';
import type { LogLine } from '../domain/intake/confirmationQueue';
import { now } from './clock';
import { columnIndex } from '../domain/program/grid';
import { appendRows_, ensureTab_, readEnsuredTable_, readHead_, readTable_, type Table, type TableHead } from './table';

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
  /** Action, Details and Response Key of every row that has a response key, in order */
  lines: LogLine[];
  /** the Log as read (valid for appending within the same locked section only) */
  log: TableHead;
}

/** Every response key the Log records, reading the tab with one getValues (creating it if missing). */
export function loggedResponseKeys_(): LoggedKeys {
  let table = readTable_(TABS.log);
  if (!table || LOG_HEADERS.some((h) => columnIndex(table as Table, h) < 0)) {
    ensureTab_(TABS.log, LOG_HEADERS);
    table = readEnsuredTable_(TABS.log);
  }
  const c = columnIndex(table, 'Response Key');
  const a = columnIndex(table, 'Action');
  const d = columnIndex(table, 'Details');
  const keys = new Set<string>();
  const lines: LogLine[] = [];
  for (const row of table.rows) {
    const k = c < row.length ? row[c] : '';
    if (typeof k === 'string' ? k !== '' : k !== null && k !== undefined && k !== '') {
      const key = String(k).trim();
      keys.add(key);
      lines.push({ key, action: cellString(row[a]), details: cellString(row[d]) });
    }
  }
  return { keys, lines, log: table };
}
