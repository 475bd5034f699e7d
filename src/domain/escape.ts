// Applicant text is untrusted: it must never become markup in an email or sidebar, nor a formula
// in the sheet.

const HTML_ESCAPES: Record<string, string> = {
  '&': '&amp;',
  '<': '&lt;',
  '>': '&gt;',
  '"': '&quot;',
  "'": '&#39;',
};

/** Escapes text for HTML element content and quoted attribute values. */
export function escapeHtml(text: unknown): string {
  return String(text ?? '').replace(/[&<>"']/g, (c) => HTML_ESCAPES[c]);
}

/**
 * Sheets parses a written string starting with one of these as a formula (OWASP CSV injection:
 * = + - @ TAB CR). A leading apostrophe makes Sheets store the rest as plain text.
 */
const FORMULA_TRIGGER = /^[=+\-@\t\r]/;

/** True when Sheets would treat this string as a formula (or otherwise reinterpret it) if written as is. */
export function needsTextPrefix(s: string): boolean {
  return FORMULA_TRIGGER.test(s);
}

/**
 * The value to write so the sheet shows exactly `s` as text. Non-strings pass through
 * (Dates, numbers and booleans are stored as themselves).
 */
export function asSheetText<T>(value: T): T | string {
  if (typeof value !== 'string') return value;
  return needsTextPrefix(value) ? `'${value}` : value;
}

