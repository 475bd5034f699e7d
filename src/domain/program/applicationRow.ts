// Applications rows ⇄ Application. The sheet shows the community's NAME (what staff read); the
// model holds its KEY (what the API and the other tabs use).
import { isDate, text } from './cells';
import { findCommunity } from './programParse';
import { columnIndex, type Grid, type RowReader } from './grid';
import { FLAGS, STATUSES, type Application, type Community, type Flag, type Status } from './model';
import { APPLICATION_HEADERS } from './layout';

export type ApplicationField = keyof Application;

/** Model field → exact header of the Applications tab. */
export const APPLICATION_COLUMNS: Record<keyof Application, string> = {
  id: 'Application ID',
  responseKey: 'Response Key',
  submitted: 'Submitted',
  email: 'Email',
  firstName: 'First Name',
  lastName: 'Last Name',
  jobTitle: 'Job Title',
  agency: 'Agency',
  agencyType: 'Agency Type',
  state: 'State',
  community: 'Community',
  cohort: 'Cohort',
  flags: 'Flags',
  status: 'Status',
  decidedBy: 'Decided By',
  decidedAt: 'Decided At',
  note: 'Note',
  notified: 'Notified',
  invited: 'Invited',
  agendaSent: 'Agenda Sent',
  followUpSent: 'Follow-up Sent',
};

/** The date columns: every other Applications column holds text applicants or staff fill. */
const DATE_COLUMNS: readonly string[] = [APPLICATION_COLUMNS.submitted, APPLICATION_COLUMNS.decidedAt];

/** Free-text columns whose cells applicants or staff fill. */
export const TEXT_COLUMNS: readonly string[] = APPLICATION_HEADERS.filter((h) => !DATE_COLUMNS.includes(h));

export function parseFlags(v: unknown): Flag[] {
  if (v === '' || v === null || v === undefined) return [];
  const out: Flag[] = [];
  for (const part of text(v).split(',')) {
    const f = part.trim().toLowerCase() as Flag;
    if ((FLAGS as readonly string[]).includes(f) && !out.includes(f)) out.push(f);
  }
  return out;
}

export function formatFlags(flags: readonly Flag[]): string {
  return flags.join(', ');
}

/** Status cell → Status (case-insensitive); blank or unknown text reads as Pending. */
const STATUS_BY_LOWER = new Map<string, Status>(STATUSES.map((s) => [s.toLowerCase(), s]));

export function parseStatus(v: unknown): Status {
  return STATUS_BY_LOWER.get(text(v).toLowerCase()) ?? 'Pending';
}

function date(v: unknown): Date | null {
  return isDate(v) ? v : null;
}

/** One Applications row; null for a row without an email and without an ID (blank or junk). */
export function applicationFromRow(r: RowReader, communities: Community[]): Application | null {
  const id = text(r(APPLICATION_COLUMNS.id));
  const email = text(r(APPLICATION_COLUMNS.email)).toLowerCase();
  if (!id && !email) return null;
  const communityCell = text(r(APPLICATION_COLUMNS.community));
  const community = findCommunity(communities, communityCell);
  const submitted = r(APPLICATION_COLUMNS.submitted);
  return {
    id,
    responseKey: text(r(APPLICATION_COLUMNS.responseKey)),
    submitted: date(submitted) ?? new Date(0),
    email,
    firstName: text(r(APPLICATION_COLUMNS.firstName)),
    lastName: text(r(APPLICATION_COLUMNS.lastName)),
    jobTitle: text(r(APPLICATION_COLUMNS.jobTitle)),
    agency: text(r(APPLICATION_COLUMNS.agency)),
    agencyType: text(r(APPLICATION_COLUMNS.agencyType)),
    state: text(r(APPLICATION_COLUMNS.state)),
    community: community ? community.key : communityCell,
    cohort: text(r(APPLICATION_COLUMNS.cohort)),
    flags: parseFlags(r(APPLICATION_COLUMNS.flags)),
    status: parseStatus(r(APPLICATION_COLUMNS.status)),
    decidedBy: text(r(APPLICATION_COLUMNS.decidedBy)),
    decidedAt: date(r(APPLICATION_COLUMNS.decidedAt)),
    note: text(r(APPLICATION_COLUMNS.note)),
    notified: text(r(APPLICATION_COLUMNS.notified)),
    invited: text(r(APPLICATION_COLUMNS.invited)),
    // optional fields: absent (not '') when blank, so rows without member emails read as before
    agendaSent: text(r(APPLICATION_COLUMNS.agendaSent)) || undefined,
    followUpSent: text(r(APPLICATION_COLUMNS.followUpSent)) || undefined,
  };
}

/**
 * Every Applications row of a grid (with its 0-based index), resolving each column once: the tab can
 * hold thousands of rows and is read on every submission.
 */
export function applicationsFromGrid(grid: Grid, communities: Community[]): { index: number; app: Application }[] {
  const fields = Object.keys(APPLICATION_COLUMNS) as (keyof Application)[];
  const cols = fields.map((f) => columnIndex(grid, APPLICATION_COLUMNS[f]));
  const out: { index: number; app: Application }[] = [];
  const rows = grid.rows;
  for (let i = 0; i < rows.length; i++) {
    const row = rows[i];
    const values: unknown[] = cols.map((c) => (c >= 0 && c < row.length ? row[c] : ''));
    const r: RowReader = (header) => values[headerSlot.get(header) ?? -1] ?? '';
    const app = applicationFromRow(r, communities);
    if (app) out.push({ index: i, app });
  }
  return out;
}

/** What intake needs of every existing row to recognise a resubmission or a re-run. */
export interface ApplicationKeys {
  id: string;
  responseKey: string;
  email: string;
  /** community key (raw label when no community matches) */
  community: string;
  status: Status;
  /** sheet row */
  row: number;
}

/** The identifying cells of every Applications row (cheap: five cells a row, no dates). */
export function applicationKeysFromGrid(grid: Grid, communities: Community[]): ApplicationKeys[] {
  const [cId, cKey, cEmail, cCommunity, cStatus] = (['id', 'responseKey', 'email', 'community', 'status'] as const).map((f) =>
    columnIndex(grid, APPLICATION_COLUMNS[f]),
  );
  const at = (row: unknown[], c: number): string => (c >= 0 && c < row.length ? text(row[c]) : '');
  const out: ApplicationKeys[] = [];
  const rows = grid.rows;
  for (let i = 0; i < rows.length; i++) {
    const row = rows[i];
    const id = at(row, cId);
    const email = at(row, cEmail).toLowerCase();
    if (!id && !email) continue;
    const label = at(row, cCommunity);
    const community = findCommunity(communities, label);
    out.push({ id, responseKey: at(row, cKey), email, community: community ? community.key : label, status: parseStatus(at(row, cStatus)), row: i + 2 });
  }
  return out;
}

const headerSlot = new Map<string, number>((Object.keys(APPLICATION_COLUMNS) as (keyof Application)[]).map((f, i) => [APPLICATION_COLUMNS[f], i]));

/** The cell value of one field (Dates stay Dates; the community key becomes its name). */
export function applicationCell(app: Application, field: keyof Application, communities: Community[]): unknown {
  switch (field) {
    case 'community': {
      const c = communities.find((x) => x.key === app.community);
      return c ? c.name : app.community;
    }
    case 'flags':
      return formatFlags(app.flags);
    case 'submitted':
      return app.submitted;
    case 'decidedAt':
      return app.decidedAt ?? '';
    default:
      return app[field] ?? '';
  }
}

/** Header → cell for the given fields (all fields by default). */
export function applicationRecord(app: Application, communities: Community[], fields?: readonly (keyof Application)[]): Record<string, unknown> {
  const record: Record<string, unknown> = {};
  for (const field of fields ?? (Object.keys(APPLICATION_COLUMNS) as (keyof Application)[])) {
    record[APPLICATION_COLUMNS[field]] = applicationCell(app, field, communities);
  }
  return record;
}
