import type { DecideResult, PreviewResult, ReviewStateResult } from '../shared/wire';
export function reviewState_(): ReviewStateResult {
  return { ok: false, error: 'not implemented yet' };
}
export function decide_(_request: unknown): DecideResult {
  return { ok: false, error: 'not implemented yet' };
}
export function preview_(_id: unknown, _decision?: unknown): PreviewResult {
  return { ok: false, error: 'not implemented yet' };
}
