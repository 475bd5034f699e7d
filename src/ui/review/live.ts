// The review pages' live refresh, the parts that are not the hook: how often to poll (20 s; a test
// sets window.__COP_POLL_MS__), the status line's facts, and what a refresh changed, in words.
import type { ReviewState } from '../../shared/wire';
import { plural } from './format';

export const DEFAULT_POLL_MS = 20_000;

export function pollInterval(): number {
  const w = window as unknown as { __COP_POLL_MS__?: unknown };
  return typeof w.__COP_POLL_MS__ === 'number' && w.__COP_POLL_MS__ > 0 ? w.__COP_POLL_MS__ : DEFAULT_POLL_MS;
}

export interface LiveStatus {
  /** when the last poll answered */
  checkedAt: Date | null;
  /** what the last refresh brought, e.g. "2 new applications, 1 changed elsewhere" */
  lastChange: string;
  lastChangeAt: Date | null;
  /** the last poll's error, '' when it worked */
  failing: string;
}

/** What changed between two states, in words ('' when nothing a reviewer would see in the list). */
export function describeChange(before: ReviewState, after: ReviewState): string {
  const old = new Map(before.applications.map((a) => [a.id, a.status]));
  let added = 0;
  let changed = 0;
  for (const a of after.applications) {
    const was = old.get(a.id);
    if (was === undefined) added++;
    else if (was !== a.status) changed++;
  }
  const parts: string[] = [];
  if (added) parts.push(`${plural(added, 'new application')}`);
  if (changed) parts.push(`${plural(changed, 'status', 'statuses')} changed`);
  const removed = before.applications.length + added - after.applications.length;
  if (removed > 0) parts.push(`${plural(removed, 'application')} removed`);
  return parts.join(', ');
}
