import type { Failure } from '../../shared/wire';

/** An endpoint's error as a value (google.script.run would otherwise show a bare stack to staff). */
export function failure(context: string, e: unknown): Failure {
  const message = e instanceof Error ? e.message : typeof e === 'object' && e !== null && 'message' in e ? String(e.message) : String(e);
  return { ok: false, error: `${context}: ${message}` };
}
