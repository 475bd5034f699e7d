// Feature tests for the platform as of late 2026 (research/apps-script-platform.md section 9). The
// methods below are newer than @types/google-apps-script (declared in src/types/platform.d.ts) and
// may be missing from an older runtime or another fake of Apps Script, so each use checks first.

type Form = GoogleAppsScript.Forms.Form;

function hasMethod(obj: unknown, name: string): boolean {
  return obj !== null && obj !== undefined && typeof (obj as Record<string, unknown>)[name] === 'function';
}

/**
 * A new form that is published and accepting responses. Forms made through the API after 30 June
 * 2026 start unpublished: `FormApp.create(title, true)` publishes at once; where only `create(title)`
 * exists, `setPublished(true)` follows when the form has it (a runtime without it publishes by default).
 * `first` runs right after the form exists, before anything else touches it.
 */
export function createPublishedForm_(title: string, first?: (form: Form) => void): Form {
  const form = FormApp.create(title, true);
  // what must happen before any other call (e.g. linking, so a cut-off run can find the form)
  if (first) first(form);
  // An older runtime ignores the second argument; publish explicitly if the form says it is not.
  if (isPublished_(form) === false) form.setPublished(true);
  return form;
}

/** Whether the form is published; null when the platform has no notion of it (all forms published). */
export function isPublished_(form: Form): boolean | null {
  return hasMethod(form, 'isPublished') ? form.isPublished() : null;
}

/** Publishes an unpublished form (publishing also enables accepting responses). Returns whether it changed. */
export function publishForm_(form: Form): boolean {
  if (isPublished_(form) !== false || !hasMethod(form, 'setPublished')) return false;
  form.setPublished(true);
  return true;
}

/** Whether this runtime reports granted scopes (granular consent) at all. */
export function hasAuthorizationInfo_(): boolean {
  return typeof ScriptApp !== 'undefined' && hasMethod(ScriptApp, 'getAuthorizationInfo');
}
