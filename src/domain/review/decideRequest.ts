// decide()'s argument comes from the sidebar, which is untrusted: anyone who can open the sheet
// can call google.script.run with anything. Parse it whole into a typed request or refuse it whole.
import { STATUSES, type Status } from '../program/model';
import { DECISIONS, type Decision } from './decisions';

export const MAX_IDS = 5000;
export const MAX_NOTE = 2000;
export const MAX_ID_LENGTH = 200;

export interface ValidDecideRequest {
  applicationIds: string[];
  decision: Decision;
  /** '' when no note was given */
  note: string;
  expected: Record<string, Status>;
  overrideCapacity: boolean;
}

export type Parsed<T> = { ok: true; value: T } | { ok: false; error: string };

const KNOWN_KEYS = new Set<keyof ValidDecideRequest>(['applicationIds', 'decision', 'note', 'expected', 'overrideCapacity']);

function isPlainObject(v: unknown): v is Record<string, unknown> {
  if (typeof v !== 'object' || v === null || Array.isArray(v)) return false;
  // Any realm's Object.prototype (its own prototype is null): test harnesses pass objects across vm realms.
  const proto = Object.getPrototypeOf(v) as object | null;
  return proto === null || Object.getPrototypeOf(proto) === null;
}

function fail(error: string): { ok: false; error: string } {
  return { ok: false, error: `Invalid request: ${error}` };
}

export function parseDecideRequest(input: unknown): Parsed<ValidDecideRequest> {
  if (!isPlainObject(input)) return fail('expected an object');
  for (const key of Object.keys(input)) {
    if (!KNOWN_KEYS.has(key as keyof ValidDecideRequest)) return fail(`unknown field "${key.slice(0, 40)}"`);
  }

  const ids = input.applicationIds;
  if (!Array.isArray(ids)) return fail('applicationIds must be a list of application IDs');
  if (ids.length === 0) return fail('no applications selected');
  if (ids.length > MAX_IDS) return fail(`at most ${MAX_IDS} applications per request (got ${ids.length})`);
  const seen = new Set<string>();
  for (const id of ids) {
    if (typeof id !== 'string' || id.trim() === '') return fail('every application ID must be a non-empty string');
    if (id.length > MAX_ID_LENGTH) return fail(`application IDs are at most ${MAX_ID_LENGTH} characters`);
    if (seen.has(id)) return fail(`application ID ${id} is listed twice`);
    seen.add(id);
  }

  const decision = input.decision;
  if (typeof decision !== 'string' || !(DECISIONS as readonly string[]).includes(decision)) {
    return fail(`decision must be one of ${DECISIONS.join(', ')}`);
  }

  const note = input.note;
  if (note !== undefined && typeof note !== 'string') return fail('note must be text');
  if (typeof note === 'string' && note.length > MAX_NOTE) return fail(`note is at most ${MAX_NOTE} characters (got ${note.length})`);

  const expected: Record<string, Status> = {};
  if (input.expected !== undefined) {
    if (!isPlainObject(input.expected)) return fail('expected must map application IDs to statuses');
    for (const [id, status] of Object.entries(input.expected)) {
      if (!seen.has(id)) return fail(`expected names ${id.slice(0, MAX_ID_LENGTH)}, which is not in applicationIds`);
      if (typeof status !== 'string' || !(STATUSES as readonly string[]).includes(status)) {
        return fail(`expected status for ${id} must be one of ${STATUSES.join(', ')}`);
      }
      expected[id] = status as Status;
    }
  }

  const override = input.overrideCapacity;
  if (override !== undefined && typeof override !== 'boolean') return fail('overrideCapacity must be true or false');

  return {
    ok: true,
    value: {
      applicationIds: ids as string[],
      decision: decision as Decision,
      note: typeof note === 'string' ? note.trim() : '',
      expected,
      overrideCapacity: override === true,
    },
  };
}

export function parseApplicationId(input: unknown): Parsed<string> {
  if (typeof input !== 'string' || input.trim() === '') return fail('applicationId must be a non-empty string');
  if (input.length > MAX_ID_LENGTH) return fail(`application IDs are at most ${MAX_ID_LENGTH} characters`);
  return { ok: true, value: input };
}

export function parseOptionalDecision(input: unknown): Parsed<Decision | undefined> {
  if (input === undefined || input === null) return { ok: true, value: undefined };
  if (typeof input !== 'string' || !(DECISIONS as readonly string[]).includes(input)) {
    return fail(`decision must be one of ${DECISIONS.join(', ')}`);
  }
  return { ok: true, value: input as Decision };
}
