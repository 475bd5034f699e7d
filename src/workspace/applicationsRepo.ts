// The Applications tab as Application records with their sheet row numbers.
import {
  applicationKeysFromGrid,
  applicationRecord,
  applicationsFromGrid,
  APPLICATION_COLUMNS,
  type ApplicationField,
  type ApplicationKeys,
} from '../domain/program/applicationRow';
import { columnIndex } from '../domain/program/grid';
import { APPLICATION_HEADERS, TABS } from '../domain/program/layout';
import type { Application, Community } from '../domain/program/model';
import { getProperty_, setProperty_ } from './properties';
import { appendRows_, ensureTab_, readColumn_, readEnsuredTable_, readHead_, readTable_, writeRows_, type Table, type TableHead } from './table';

/**
 * The Applications revision: a script property every write of Applications rows replaces with a new
 * value, so open sidebars and review windows can ask "did anything change?" in one cheap call
 * (getReviewRevision) instead of reading the whole tab. Every code path that writes Applications
 * rows goes through saveApplications_ / appendApplications_ (or calls bumpApplicationsRevision_).
 */
export const APPLICATIONS_REVISION_KEY = 'applications.revision';

/** A new, unique revision (the time plus a random part: two writes in one millisecond differ). */
export function bumpApplicationsRevision_(): void {
  setProperty_(APPLICATIONS_REVISION_KEY, `${Date.now().toString(36)}-${Math.random().toString(36).slice(2, 8)}`);
}

/** The current revision ('' before the first write since the feature existed). */
export function readApplicationsRevision_(): string {
  return getProperty_(APPLICATIONS_REVISION_KEY) ?? '';
}

export interface StoredApplication extends Application {
  /** sheet row number */
  row: number;
}

/** The tab plus what maps community keys to the names it shows: enough to write rows. */
export interface ApplicationsSheet {
  table: Table;
  communities: Community[];
}

export interface ApplicationsTable extends ApplicationsSheet {
  table: Table;
  /** non-blank rows, in sheet order */
  applications: StoredApplication[];
  /** the communities used to map names ⇄ keys */
  communities: Community[];
}

/**
 * Reads the Applications tab with one getValues (creating it, or adding missing headers, first).
 * Call under the script lock when you will write back.
 */
export function readApplications_(communities: Community[]): ApplicationsTable {
  const table = applicationsTable();
  const applications: StoredApplication[] = applicationsFromGrid(table, communities).map(({ index, app }) => Object.assign(app, { row: index + 2 }));
  return { table, applications, communities };
}

function applicationsTable(): Table {
  let table = readTable_(TABS.applications);
  if (!table || APPLICATION_HEADERS.some((h) => columnIndex(table as Table, h) < 0)) {
    ensureTab_(TABS.applications, APPLICATION_HEADERS);
    table = readEnsuredTable_(TABS.applications);
  }
  return table;
}

function repairedHead(): TableHead {
  ensureTab_(TABS.applications, APPLICATION_HEADERS);
  return readHead_(TABS.applications) as TableHead;
}

/** The identifying columns intake matches a response against (applicationKeysFromGrid reads these). */
const KEY_HEADERS = [
  APPLICATION_COLUMNS.id,
  APPLICATION_COLUMNS.responseKey,
  APPLICATION_COLUMNS.email,
  APPLICATION_COLUMNS.community,
  APPLICATION_COLUMNS.status,
];

/**
 * Each row's identifying cells, reading only those five columns (one getValues each) and the header:
 * every form submission runs this, and the whole tab is four times as many cells. Enough to append
 * rows; to update existing rows, read the tab with readApplications_.
 */
export function readApplicationKeys_(communities: Community[]): { table: TableHead; communities: Community[]; keys: ApplicationKeys[] } {
  const found = readHead_(TABS.applications);
  const head = found && APPLICATION_HEADERS.every((h) => columnIndex(found, h) >= 0) ? found : repairedHead();
  const columns = KEY_HEADERS.map((h) => readColumn_(head, h));
  const rows: unknown[][] = [];
  for (let i = 0; i < Math.max(0, head.lastRow - 1); i++) rows.push(columns.map((col) => col[i] ?? ''));
  return { table: head, communities, keys: applicationKeysFromGrid({ headers: KEY_HEADERS.slice(), rows }, communities) };
}

/**
 * Writes the given fields of the given applications back to their rows (all fields by default;
 * with `fields`, only those need to be set on the objects).
 */
export function saveApplications_(at: ApplicationsSheet, apps: ({ row: number } & Partial<Application>)[], fields?: readonly ApplicationField[]): void {
  if (apps.length === 0) return;
  writeRows_(
    at.table,
    apps.map((app) => ({ row: app.row, values: applicationRecord(app as Application, at.communities, fields) })),
    { fill: APPLICATION_HEADERS, last: 'Response Key' },
  );
  bumpApplicationsRevision_();
}

/** Appends new applications at the end; returns them with their row numbers. */
export function appendApplications_(at: { table: TableHead; communities: Community[] } | ApplicationsTable, apps: Application[]): StoredApplication[] {
  if (apps.length === 0) return [];
  const first = appendRows_(
    at.table,
    apps.map((app) => applicationRecord(app, at.communities)),
  );
  bumpApplicationsRevision_();
  const stored = apps.map((app, i) => ({ ...app, row: first + i }));
  if ('applications' in at) at.applications.push(...stored);
  return stored;
}

export { APPLICATION_COLUMNS };
