// The scope guard: every menu action and every endpoint calls it before changing anything (SPEC
// behaviour 6). With granular consent a user may have granted only some scopes; running on would
// fail at the first call into the missing one, halfway through. So the guard checks first:
//   - an endpoint returns { ok: false, error, authorizationUrl } and does nothing;
//   - a menu action shows how to grant (an alert) and does nothing;
//   - a trigger cannot prompt anyone: it logs, notes it for Check installation, and stops.
import { describeMissing_, scopeStatus_, type ScopeStatus } from '../workspace/scopes';

export interface ScopeFailure {
  ok: false;
  error: string;
  authorizationUrl: string | null;
}

/** Script property: the last time a trigger stopped for missing scopes (read by Check installation). */
export const TRIGGER_SCOPES_PROPERTY = 'cop.triggerScopes';

function howToGrant(status: ScopeStatus): string {
  return status.authorizationUrl
    ? `Open this link, allow every permission, then try again: ${status.authorizationUrl}`
    : 'Run Extensions > Communities of Practice > Set up again and allow every permission Google asks for, then try again.';
}

/** The failure an endpoint returns when scopes are missing, or null when all are granted. */
export function scopeFailure_(): ScopeFailure | null {
  const status = scopeStatus_();
  if (status.ok) return null;
  return { ok: false, error: `${describeMissing_(status.missing)} Nothing was changed. ${howToGrant(status)}`, authorizationUrl: status.authorizationUrl };
}

/** Endpoints: `return guardEndpoint_(() => work(args))`. Missing scopes → the ScopeFailure, `work` never runs. */
export function guardEndpoint_<T>(work: () => T): T | ScopeFailure {
  const failure = scopeFailure_();
  return failure ?? work();
}

/**
 * Menu actions: `return guardMenu_(() => work(), fallback)`. Missing scopes → an alert that says how
 * to grant, and `fallback` is returned; `work` never runs. If even the alert is not allowed (the UI
 * scope is one of the missing ones) the run fails with the same message, which Sheets shows.
 */
export function guardMenu_<T>(work: () => T, fallback: T): T {
  const failure = scopeFailure_();
  if (!failure) return work();
  try {
    const ui = SpreadsheetApp.getUi();
    ui.alert('Permissions needed', failure.error, ui.ButtonSet.OK);
  } catch {
    throw new Error(failure.error);
  }
  return fallback;
}

/**
 * Triggers (form submit, hourly sweep): nobody is there to grant anything. Missing scopes → log,
 * note it in a script property for Check installation, return `fallback`; `work` never runs. Nothing
 * is lost: responses stay in the responses tab and the next run with every scope picks them up.
 */
export function guardTrigger_<T>(name: string, work: () => T, fallback: T): T {
  const status = scopeStatus_();
  if (status.ok) return work();
  const message = `${name}: stopped before changing anything. ${describeMissing_(status.missing)} The person who installed the triggers must run Set up and allow every permission.`;
  console.error(message);
  try {
    PropertiesService.getScriptProperties().setProperty(
      TRIGGER_SCOPES_PROPERTY,
      JSON.stringify({ at: new Date().toISOString(), trigger: name, missing: status.missing }),
    );
  } catch {
    // best effort: the execution log has the message
  }
  return fallback;
}
