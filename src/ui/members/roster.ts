// A community's roster as CSV (RFC 4180: CRLF line ends, every field quoted, quotes doubled), with
// spreadsheet-formula neutralising per OWASP "CSV Injection": a field whose first character is
// = + - @ TAB or CR (also after leading blanks, which some spreadsheets skip) gets a leading
// apostrophe, so Sheets or Excel opening the file shows it as text, never runs it.
// Runs in the members view (the file is built in the browser; the server sends the members once).

export interface RosterMember {
  firstName: string;
  lastName: string;
  agency: string;
  state: string;
  email: string;
}

export const ROSTER_HEADERS = ['Name', 'Agency', 'State', 'Email'] as const;

const FORMULA_START = /^[\s]*[=+\-@\t\r]/;

/** The cell made inert for a spreadsheet (OWASP): a leading apostrophe before a formula trigger. */
export function neutralizeCell(value: string): string {
  const s = String(value ?? '');
  return FORMULA_START.test(s) || /^[\t\r]/.test(s) ? `'${s}` : s;
}

/** One RFC 4180 field: always quoted, embedded quotes doubled (commas and line breaks stay inside). */
export function csvField(value: string): string {
  return `"${neutralizeCell(value).replace(/"/g, '""')}"`;
}

export function fullName(m: Pick<RosterMember, 'firstName' | 'lastName'>): string {
  return [m.firstName.trim(), m.lastName.trim()].filter(Boolean).join(' ');
}

export function rosterRows(members: readonly RosterMember[]): string[][] {
  return members.map((m) => [fullName(m), m.agency, m.state, m.email]);
}

export function rosterCsv(members: readonly RosterMember[]): string {
  const lines = [ROSTER_HEADERS.slice(), ...rosterRows(members)].map((row) => row.map(csvField).join(','));
  return `${lines.join('\r\n')}\r\n`;
}

/** Tab-separated, for pasting into a sheet or an email (tabs and line breaks inside a field become spaces). */
export function rosterTsv(members: readonly RosterMember[]): string {
  const clean = (s: string) => neutralizeCell(s).replace(/[\t\r\n]+/g, ' ');
  return [ROSTER_HEADERS.slice(), ...rosterRows(members)].map((row) => row.map(clean).join('\t')).join('\n');
}

/** A file name for the download: 'clna-roster.csv'. */
export function rosterFileName(communityKey: string): string {
  return `${communityKey.replace(/[^A-Za-z0-9-]+/g, '-') || 'community'}-roster.csv`;
}
