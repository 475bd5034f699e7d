// Selection helpers shared by the review pages.
import type { WireStatus } from '../../shared/wire';
import type { Indexed } from './filter';
import { nameList, plural } from './format';
import type { Target } from './useReview';

/** The selected applications in sheet order, each with the status it had when selected. */
export function selectedTargets(index: readonly Indexed[], selection: ReadonlyMap<string, WireStatus>): Target[] {
  if (selection.size === 0) return [];
  const out: Target[] = [];
  for (const i of index) {
    const seen = selection.get(i.app.id);
    if (seen) out.push({ id: i.app.id, expected: seen });
  }
  return out;
}

/** Selected applications whose status changed (elsewhere) since they were selected. */
export function staleSelected(selection: ReadonlyMap<string, WireStatus>, byId: ReadonlyMap<string, Indexed>): Indexed[] {
  const out: Indexed[] = [];
  for (const [id, seen] of selection) {
    const item = byId.get(id);
    if (item && item.app.status !== seen) out.push(item);
  }
  return out;
}

export function staleText(stale: readonly Indexed[]): string {
  if (stale.length === 0) return '';
  const names = nameList(
    stale.map((i) => `${i.fullName} (now ${i.app.status})`),
    3,
  );
  return `${plural(stale.length, 'selected application')} changed elsewhere since you selected ${stale.length === 1 ? 'it' : 'them'}: ${names}. A decision will skip ${stale.length === 1 ? 'it' : 'them'}; select ${stale.length === 1 ? 'it' : 'them'} again to decide on the current status.`;
}

export function countShownSelected(items: readonly Indexed[], selection: ReadonlyMap<string, unknown>): number {
  let n = 0;
  for (const i of items) if (selection.has(i.app.id)) n++;
  return n;
}
