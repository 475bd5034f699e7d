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
export function escapeHtml(text: string | null | undefined): string {
  return (text ?? '').replace(/[&<>"']/g, (c) => HTML_ESCAPES[c]);
}

/**
 * Sheets parses a written string starting with one of these as a formula (OWASP CSV injection:
 * = + - @ TAB CR). A leading apostrophe would itself be eaten as the text marker, so it needs one too.
 */
const FORMULA_TRIGGER = /^[=+\-@\t\r']/;

/** Strings Sheets would silently turn into a number, percentage, boolean, date or time. */
const REINTERPRETED = [
  /^\s*[+-]?(\d[\d,]*)?(\.\d+)?(e[+-]?\d+)?\s*%?\s*$/i,
  /^\s*(true|false)\s*$/i,
  /^\s*\d{1,4}[-/.]\d{1,2}([-/.]\d{1,4})?([ T]\d{1,2}:\d{2}(:\d{2})?)?\s*$/,
  /^\s*\d{1,2}:\d{2}(:\d{2})?\s*(am|pm)?\s*$/i,
  /^\s*\$\s*[\d,.]+\s*$/,
];

/** True when Sheets would treat this string as a formula if written as is. */
export function needsTextPrefix(s: string): boolean {
  return FORMULA_TRIGGER.test(s);
}

/**
 * The value to write so the sheet shows exactly `value` as text. Strings that Sheets would take for a
 * formula (or a number, date or boolean) get a leading apostrophe, which Sheets stores as "this is
 * text" and does not show; in a cell formatted as plain text ('@') Sheets parses nothing and would keep
 * the apostrophe, so there the string is written as is. Non-strings pass through.
 */
export function asSheetText<T>(value: T, numberFormat?: string): T | string {
  if (typeof value !== 'string' || value === '') return value;
  if (numberFormat === '@') return value;
  if (needsTextPrefix(value) || REINTERPRETED.some((re) => re.test(value) && /\d|true|false/i.test(value))) return `'${value}`;
  return value;
}
