// Check installation: what a real install must have for the product to work, judged from facts the
// workspace adapters gathered (src/app/installCheck.ts). Pure: no Apps Script globals here.
//
// Every check has a stable id (the SPEC's), a status and a one-line fix written for the person who
// deployed the sheet, not for a developer: where to click, never what to code. This module gathers
// the check groups (check.ts, setupChecks.ts, programChecks.ts, quotaChecks.ts) and sums them up.
import { type CheckStatus, type InstallCheck, plural } from './check';

export * from './check';
export * from './setupChecks';
export * from './programChecks';
export * from './quotaChecks';

// ------------------------------------------------------------------ summary

export function countByStatus(checks: readonly InstallCheck[]): Record<CheckStatus, number> {
  const out: Record<CheckStatus, number> = { ok: 0, warn: 0, fail: 0 };
  for (const c of checks) out[c.status] += 1;
  return out;
}

/** "All 11 checks passed." / "2 problems, 1 warning, 8 checks ok." */
export function checksHeadline(checks: readonly InstallCheck[]): string {
  const n = countByStatus(checks);
  if (n.fail === 0 && n.warn === 0) return `All ${checks.length} checks passed.`;
  const parts: string[] = [];
  if (n.fail) parts.push(plural(n.fail, 'problem'));
  if (n.warn) parts.push(plural(n.warn, 'warning'));
  parts.push(`${n.ok} OK`);
  return `${parts.join(', ')}.`;
}
