// The Applications tab as Application records with their sheet row numbers.
import { applicationRecord, applicationsFromGrid, APPLICATION_COLUMNS, type ApplicationField } from '../domain/applicationRow';
import { columnIndex } from '../domain/grid';
import { APPLICATION_HEADERS, TABS } from '../domain/layout';
import type { Application, Community } from '../domain/model';
import { appendRows_, ensureTab_, readTable_, writeRows_, type Table } from './table';

export interface StoredApplication extends Application {
  /** sheet row number */
  row: number;
}

export interface ApplicationsTable {
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
  let table = readTable_(TABS.applications);
  if (!table || APPLICATION_HEADERS.some((h) => columnIndex(table as Table, h) < 0)) {
    ensureTab_(TABS.applications, APPLICATION_HEADERS);
    table = readTable_(TABS.applications) as Table;
  }
  const applications: StoredApplication[] = applicationsFromGrid(table, communities).map(({ index, app }) => Object.assign(app, { row: index + 2 }));
  return { table, applications, communities };
}

/** Writes the given fields of the given applications back to their rows (all fields by default). */
export function saveApplications_(at: ApplicationsTable, apps: StoredApplication[], fields?: readonly ApplicationField[]): void {
  writeRows_(
    at.table,
    apps.map((app) => ({ row: app.row, values: applicationRecord(app, at.communities, fields) })),
  );
}

/** Appends new applications at the end; returns them with their row numbers. */
export function appendApplications_(at: ApplicationsTable, apps: Application[]): StoredApplication[] {
  if (apps.length === 0) return [];
  const first = appendRows_(
    at.table,
    apps.map((app) => applicationRecord(app, at.communities)),
  );
  const stored = apps.map((app, i) => ({ ...app, row: first + i }));
  at.applications.push(...stored);
  return stored;
}

export { APPLICATION_COLUMNS };
