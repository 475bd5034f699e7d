// Granular OAuth consent (since 2025): a user may approve only some of the manifest's scopes, and a
// call into a service whose scope is missing then fails halfway through a run. This reads what the
// current user granted, once, before anything changes. Feature-tested: a runtime without
// ScriptApp.getAuthorizationInfo grants all or nothing, so there the check passes.
import { hasAuthorizationInfo_ } from './platform';

/** The manifest's oauthScopes (appsscript.json; test/unit/scopes.test.ts keeps the two equal). */
export const MANIFEST_SCOPES: readonly string[] = [
  // not .currentonly: the applicant web app has no active spreadsheet and opens this one by ID
  'https://www.googleapis.com/auth/spreadsheets',
  'https://www.googleapis.com/auth/forms',
  'https://www.googleapis.com/auth/calendar',
  'https://www.googleapis.com/auth/script.send_mail',
  'https://www.googleapis.com/auth/script.scriptapp',
  'https://www.googleapis.com/auth/script.container.ui',
  'https://www.googleapis.com/auth/userinfo.email',
];

/** What each scope lets the product do, in the words the consent screen's reader needs. */
const SCOPE_PURPOSE: Record<string, string> = {
  'https://www.googleapis.com/auth/spreadsheets.currentonly': 'read and write this spreadsheet',
  'https://www.googleapis.com/auth/spreadsheets': 'read and write this spreadsheet (also from the applicant web app, which opens it by ID)',
  'https://www.googleapis.com/auth/forms': 'manage the application form',
  'https://www.googleapis.com/auth/calendar': 'manage the meetings calendar and send invitations',
  'https://www.googleapis.com/auth/script.send_mail': 'send email as you',
  'https://www.googleapis.com/auth/script.scriptapp': 'run the form-submit and hourly triggers',
  'https://www.googleapis.com/auth/script.container.ui': 'show its sidebar and dialogs',
  'https://www.googleapis.com/auth/userinfo.email': 'know your email address',
};

export interface ScopeStatus {
  ok: boolean;
  /** Scopes of the manifest the user has not granted (empty when ok, or when the runtime cannot say which). */
  missing: string[];
  /** Where the user grants them (Google's authorization page), when the platform gives one. */
  authorizationUrl: string | null;
}

/** The current user's grant of the manifest's scopes. Two ScriptApp calls; never throws. */
export function scopeStatus_(): ScopeStatus {
  if (!hasAuthorizationInfo_()) return { ok: true, missing: [], authorizationUrl: null };
  let info: GoogleAppsScript.Script.AuthorizationInfo;
  try {
    info = ScriptApp.getAuthorizationInfo(ScriptApp.AuthMode.FULL);
    if (info.getAuthorizationStatus() !== ScriptApp.AuthorizationStatus.REQUIRED) return { ok: true, missing: [], authorizationUrl: null };
  } catch {
    // The check itself failed (an older runtime, a transient error): let the run go on; a missing
    // scope would still stop the first call that needs it.
    return { ok: true, missing: [], authorizationUrl: null };
  }
  let url: string | null;
  let missing: string[] = [];
  try {
    url = info.getAuthorizationUrl() || null;
  } catch {
    url = null;
  }
  try {
    const granted = typeof info.getAuthorizedScopes === 'function' ? info.getAuthorizedScopes() : null;
    if (Array.isArray(granted)) missing = MANIFEST_SCOPES.filter((s) => !granted.includes(s));
  } catch {
    missing = [];
  }
  return { ok: false, missing, authorizationUrl: url };
}

/** One sentence naming what the missing permissions are for (or that some are missing). */
export function describeMissing_(missing: readonly string[]): string {
  const purposes = Array.from(new Set(missing.map((s) => SCOPE_PURPOSE[s] ?? s)));
  return purposes.length > 0
    ? `This Google account has not granted every permission Communities of Practice needs (missing: ${purposes.join('; ')}).`
    : 'This Google account has not granted every permission Communities of Practice needs.';
}
