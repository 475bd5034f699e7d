// Read-only facts for Check installation. Nothing here writes: no setter, no lock, no property
// write, no Calendar change. Methods newer than @types/google-apps-script 2.0.13 (Form.isPublished,
// AuthorizationInfo.getAuthorizedScopes) are feature-tested at run time, and each call's failure
// is the caller's to turn into a failed check.
import type { EventView, FormFacts, ScopeFacts, TriggerView } from '../domain/install/checks';
import { listEvents_ } from './calendar';
import { linkedForm_ } from './form';
import { hasAuthorizationInfo_, isPublished_ } from './platform';
import { spreadsheet_ } from './spreadsheet';

export { INSTALLER_PROPERTY } from './triggers';

interface AuthorizationInfoLike {
  getAuthorizationStatus(): unknown;
  getAuthorizationUrl(): string | null;
  getAuthorizedScopes?: () => string[] | null;
}

export function scopeFacts_(manifestScopes: readonly string[]): ScopeFacts {
  const app = ScriptApp as unknown as { AuthorizationStatus?: { REQUIRED?: unknown } };
  if (!hasAuthorizationInfo_()) return { supported: false, required: false, missing: [], authorizationUrl: '' };
  // Asked about the manifest's scopes: the status then covers exactly what the product needs.
  const info = ScriptApp.getAuthorizationInfo(ScriptApp.AuthMode.FULL, [...manifestScopes]) as unknown as AuthorizationInfoLike;
  const status = info.getAuthorizationStatus();
  // The enum value is whatever the runtime gives (a string today); compared as text either way.
  const requiredValue: unknown = app.AuthorizationStatus?.REQUIRED ?? 'REQUIRED';
  const required = String(status) === String(requiredValue);
  let missing: string[] = [];
  if (typeof info.getAuthorizedScopes === 'function') {
    const granted = info.getAuthorizedScopes();
    if (Array.isArray(granted)) {
      const have = new Set(granted.map(String));
      missing = manifestScopes.filter((s) => !have.has(s));
    }
  }
  const authorizationUrl = required || missing.length > 0 ? String(info.getAuthorizationUrl() ?? '') : '';
  return { supported: true, required, missing, authorizationUrl };
}

type FormFactsRead = Omit<FormFacts, 'registrationOpen' | 'registrationDeadlineText'>;

export function formFacts_(): FormFactsRead {
  const spreadsheetId = spreadsheet_().getId();
  const form = linkedForm_();
  if (!form) return { exists: false, title: '', published: null, accepting: false, requiresLogin: null, destinationId: '', spreadsheetId };
  const f = form as GoogleAppsScript.Forms.Form & { requiresLogin?: () => boolean };
  const published = isPublished_(form);
  let requiresLogin: boolean | null = null;
  if (typeof f.requiresLogin === 'function') {
    try {
      requiresLogin = Boolean(f.requiresLogin());
    } catch {
      // a consumer account's form has no domain to restrict to
      requiresLogin = null;
    }
  }
  let destinationId: string;
  try {
    destinationId = String(form.getDestinationId() ?? '');
  } catch {
    destinationId = '';
  }
  return { exists: true, title: form.getTitle(), published, accepting: form.isAcceptingResponses(), requiresLogin, destinationId, spreadsheetId };
}

/** The current user's triggers of this project (Google lists nobody else's). */
export function myTriggers_(): TriggerView[] {
  return ScriptApp.getProjectTriggers().map((t) => {
    let sourceId: string;
    try {
      sourceId = String(t.getTriggerSourceId() ?? '');
    } catch {
      sourceId = '';
    }
    // compared with the enum's own values: String() of an enum member is not documented
    const type = t.getEventType();
    const eventType = type === ScriptApp.EventType.ON_FORM_SUBMIT ? 'ON_FORM_SUBMIT' : type === ScriptApp.EventType.CLOCK ? 'CLOCK' : String(type);
    return { handler: t.getHandlerFunction(), eventType, sourceId };
  });
}

export function calendarEvents_(calendarId: string): EventView[] {
  return listEvents_(calendarId).map((e) => ({ id: e.id, start: e.start, end: e.end, meetLink: e.meetLink }));
}

export function spreadsheetId_(): string {
  return spreadsheet_().getId();
}

export function spreadsheetTimeZone_(): string {
  return spreadsheet_().getSpreadsheetTimeZone();
}

/** The spreadsheet's editors (owner included), lower-cased; null when Google will not list them. */
export function editorEmails_(): string[] | null {
  try {
    return spreadsheet_()
      .getEditors()
      .map((u) => String(u.getEmail() ?? '').toLowerCase())
      .filter((e) => e !== '');
  } catch {
    return null;
  }
}

export function effectiveUserEmail_(): string {
  try {
    return String(Session.getEffectiveUser().getEmail() ?? '');
  } catch {
    return '';
  }
}

export function platformFormatDate_(date: Date, timeZone: string, pattern: string): string {
  return Utilities.formatDate(date, timeZone, pattern);
}
