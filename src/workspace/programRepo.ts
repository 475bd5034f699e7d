// Settings / Communities / Meetings tabs → Program (one getValues per tab).
import { parseCommunities, parseMeetings, parseSettings } from '../domain/program/programParse';
import { normalizeHeader } from '../domain/program/grid';
import { TABS, SETTINGS_HEADERS } from '../domain/program/layout';
import type { Program } from '../domain/program/model';
import { appendRows_, ensureTab_, readEnsuredTable_, readTable_, writeRows_, type Table } from './table';

export interface ProgramTables {
  settings: Table | null;
  communities: Table | null;
  meetings: Table | null;
}

export interface LoadedProgram {
  program: Program;
  tables: ProgramTables;
}

/** Reads the three program tabs; a missing tab falls back to the seeded defaults (none for Meetings). */
export function loadProgram_(): LoadedProgram {
  const tables: ProgramTables = {
    settings: readTable_(TABS.settings),
    communities: readTable_(TABS.communities),
    meetings: readTable_(TABS.meetings),
  };
  const settings = parseSettings(tables.settings);
  const communities = parseCommunities(tables.communities, settings);
  const meetings = parseMeetings(tables.meetings, communities, settings);
  return { program: { settings, communities, meetings }, tables };
}

export function readProgram_(): Program {
  return loadProgram_().program;
}

/**
 * Sets one Settings row's Value (e.g. 'Calendar ID'), adding the row if staff deleted it.
 * Pass the Settings table you already read to save a read. Call under the script lock.
 */
export function writeSetting_(name: string, value: unknown, settingsTable?: Table | null): void {
  let table = settingsTable ?? readTable_(TABS.settings);
  if (!table) {
    ensureTab_(TABS.settings, SETTINGS_HEADERS);
    table = readEnsuredTable_(TABS.settings);
  }
  const nameCol = table.headers.findIndex((h) => normalizeHeader(h) === 'setting');
  const i = nameCol < 0 ? -1 : table.rows.findIndex((row) => normalizeHeader(row[nameCol]) === normalizeHeader(name));
  if (i >= 0) writeRows_(table, [{ row: i + 2, values: { Value: value } }]);
  else appendRows_(table, [{ Setting: name, Value: value }]);
}
