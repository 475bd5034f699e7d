// JSON for a Workspace's state (npm start keeps it across restarts): Dates are tagged {$date: iso}.
import { isDate, isPlainObject } from './realm';
import type { WorkspaceState } from './state';

export interface WorkspaceJSON {
  version: 1;
  now: string;
  state: unknown;
}

export function encode(v: unknown): unknown {
  if (isDate(v)) return { $date: new Date(v.getTime()).toISOString() };
  if (Array.isArray(v)) return v.map((x) => (x === undefined ? null : encode(x)));
  if (isPlainObject(v)) {
    const out: Record<string, unknown> = {};
    for (const [k, x] of Object.entries(v)) if (x !== undefined) out[k] = encode(x);
    return out;
  }
  return v;
}

export function decode(v: unknown): unknown {
  if (Array.isArray(v)) return v.map(decode);
  if (isPlainObject(v)) {
    if (typeof v.$date === 'string' && Object.keys(v).length === 1) return new Date(v.$date);
    const out: Record<string, unknown> = {};
    for (const [k, x] of Object.entries(v)) out[k] = decode(x);
    return out;
  }
  return v;
}

/** Sparse sheet rows are stored with nulls; the model wants undefined holes. */
export function reviveState(raw: unknown): WorkspaceState {
  const state = decode(raw) as WorkspaceState;
  for (const s of state.spreadsheet.sheets) {
    s.rows = s.rows.map((r) => (r ? r.map((c) => (c === null ? undefined : c)) : []));
  }
  return state;
}
