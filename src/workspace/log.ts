// The Log tab: an append-only audit trail (Time, Actor, Action, Application IDs, Details, Response Key).
import { LOG_HEADERS, TABS } from '../domain/layout';
import { now } from './clock';
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

/** Appends the entries as rows (one setValues), without reading the existing rows. Call under the script lock. */
export function appendLog_(entries: LogEntry[]): void {
  if (entries.length === 0) return;
  const at = now();
  appendRows_(
    logHead(),
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

/** Every response key the Log records (one getValues of that column). */
export function loggedResponseKeys_(): Set<string> {
  const head = readHead_(TABS.log);
  if (!head) return new Set();
  return new Set(
    readColumn_(head, 'Response Key')
      .map((v) => String(v ?? '').trim())
      .filter(Boolean),
  );
}
