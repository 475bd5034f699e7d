// Which applications the list shows. Pure, so it is unit-tested without a browser; the search text
// of each application is built once per load, so filtering 5,000 rows per keystroke stays cheap.
import type { WireApplication, WireStatus } from '../../shared/wire';

export const ANY = '';
export const NO_FLAGS = '(none)';

export interface Filter {
  community: string;
  status: WireStatus | typeof ANY;
  flag: string;
  query: string;
}

export const EMPTY_FILTER: Filter = { community: ANY, status: ANY, flag: ANY, query: '' };

export interface Indexed {
  app: WireApplication;
  /** lower-cased "first last email agency state" */
  haystack: string;
  fullName: string;
  /** sheet order, for stable sorting */
  order: number;
}

export function fullName(app: Pick<WireApplication, 'firstName' | 'lastName' | 'email'>): string {
  const name = `${app.firstName} ${app.lastName}`.trim();
  return name || app.email || '(no name)';
}

export function indexApplications(apps: readonly WireApplication[]): Indexed[] {
  return apps.map((app, order) => ({
    app,
    order,
    fullName: fullName(app),
    haystack: `${app.firstName} ${app.lastName} ${app.email} ${app.agency} ${app.state}`.toLowerCase(),
  }));
}

export function matches(item: Indexed, filter: Filter, terms: readonly string[]): boolean {
  const { app } = item;
  if (filter.community !== ANY && app.community !== filter.community) return false;
  if (filter.status !== ANY && app.status !== filter.status) return false;
  if (filter.flag === NO_FLAGS) {
    if (app.flags.length > 0) return false;
  } else if (filter.flag !== ANY && !app.flags.includes(filter.flag)) return false;
  for (const t of terms) if (!item.haystack.includes(t)) return false;
  return true;
}

export function searchTerms(query: string): string[] {
  return query.toLowerCase().split(/\s+/).filter(Boolean);
}

export function applyFilter(items: readonly Indexed[], filter: Filter): Indexed[] {
  const terms = searchTerms(filter.query);
  return items.filter((i) => matches(i, filter, terms));
}

export interface Page<T> {
  items: T[];
  page: number;
  pages: number;
  first: number;
  last: number;
}

export function pageOf<T>(items: readonly T[], page: number, size: number): Page<T> {
  const pages = Math.max(1, Math.ceil(items.length / size));
  const p = Math.min(Math.max(0, page), pages - 1);
  const start = p * size;
  const slice = items.slice(start, start + size);
  return { items: slice, page: p, pages, first: slice.length ? start + 1 : 0, last: start + slice.length };
}

export type SortKey = 'name' | 'agency' | 'state' | 'community' | 'submitted' | 'flags' | 'status';
export interface Sort {
  key: SortKey;
  dir: 'asc' | 'desc';
}

const STATUS_ORDER: Record<string, number> = { Pending: 0, Accepted: 1, Waitlisted: 2, Declined: 3, Withdrawn: 4 };
const collator = new Intl.Collator('en-US', { sensitivity: 'base', numeric: true });

/**
 * Sorts a copy (stable: ties keep sheet order). Names sort by last name, then first name; blanks
 * and missing dates go last whichever the direction, so the interesting rows stay on top.
 */
export function sortItems(items: readonly Indexed[], sort: Sort | null, communityName: (key: string) => string): Indexed[] {
  if (!sort) return items.slice();
  const sign = sort.dir === 'asc' ? 1 : -1;
  const text = (i: Indexed): string => {
    const a = i.app;
    switch (sort.key) {
      case 'name':
        return `${a.lastName} ${a.firstName}`.trim() || a.email;
      case 'agency':
        return a.agency;
      case 'state':
        return a.state;
      case 'community':
        return communityName(a.community);
      case 'flags':
        return a.flags.join(', ');
      default:
        return '';
    }
  };
  const keyed = items.map((i) => {
    let num: number | null = null;
    let str = '';
    if (sort.key === 'submitted') {
      const t = i.app.submittedAt ? Date.parse(i.app.submittedAt) : NaN;
      num = isNaN(t) ? null : t;
    } else if (sort.key === 'status') num = STATUS_ORDER[i.app.status] ?? 9;
    else str = text(i);
    return { i, num, str };
  });
  keyed.sort((x, y) => {
    if (sort.key === 'submitted' || sort.key === 'status') {
      if (x.num === null || y.num === null) return x.num === y.num ? x.i.order - y.i.order : x.num === null ? 1 : -1;
      return sign * (x.num - y.num) || x.i.order - y.i.order;
    }
    if (!x.str || !y.str) return x.str === y.str ? x.i.order - y.i.order : !x.str ? 1 : -1;
    return sign * collator.compare(x.str, y.str) || x.i.order - y.i.order;
  });
  return keyed.map((k) => k.i);
}
