// The switch's progress record as a run holds it (src/domain/programYear/record.ts): saved before
// each change and refreshed under the lock, so two runs at once, or a cut-off run resumed, agree.
import { parseRecord, SWITCH_PROPERTY, type Stage, type SwitchRecord } from '../../domain/programYear/record';
import { getProperty_, setProperty_ } from '../../workspace/properties';

export function isTimeLimit(err: unknown): boolean {
  return /exceeded maximum execution time/i.test(String((err as Error)?.message ?? err));
}

export function actor_(): string {
  try {
    return Session.getActiveUser().getEmail() || Session.getEffectiveUser().getEmail() || 'system';
  } catch {
    return 'system';
  }
}

export function saveRecord_(record: SwitchRecord, stage?: Stage): void {
  if (stage) record.stage = stage;
  setProperty_(SWITCH_PROPERTY, JSON.stringify(record));
}

/**
 * Copies the stored record's progress into `record` (two runs at once each hold a copy). Returns
 * false when the stored record is gone or is another switch's. Call under the lock.
 */
function refresh_(record: SwitchRecord): boolean {
  const stored = parseRecord(getProperty_(SWITCH_PROPERTY));
  if (!stored || stored.to !== record.to || stored.at !== record.at) return false;
  Object.assign(record, stored);
  return true;
}

/** refresh_(), or stop this run: another run changed the switch (another proposal took over). */
export function mustRefresh_(record: SwitchRecord): void {
  if (!refresh_(record)) throw new Error('another run changed this program-year switch meanwhile; open New program year… again to see where it stands');
}
