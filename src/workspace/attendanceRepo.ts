// The Attendance tab (one row per member and meeting): read with one getValues, created with its
// header row when missing (setup creates it too).
import { attendanceFromGrid, type AttendanceRow } from '../domain/members/attendance';
import { columnIndex } from '../domain/program/grid';
import { ATTENDANCE_HEADERS, TABS } from '../domain/program/layout';
import type { Community } from '../domain/program/model';
import { ensureTab_, readEnsuredTable_, readTable_, type Table } from './table';

export interface AttendanceTable {
  table: Table;
  rows: AttendanceRow[];
}

/** Reads the tab (creating it, or adding missing headers, first). Call under the script lock to write back. */
export function readAttendance_(communities: Community[]): AttendanceTable {
  let table = readTable_(TABS.attendance);
  if (!table || ATTENDANCE_HEADERS.some((h) => columnIndex(table as Table, h) < 0)) {
    ensureTab_(TABS.attendance, ATTENDANCE_HEADERS);
    table = readEnsuredTable_(TABS.attendance);
  }
  return { table, rows: attendanceFromGrid(table, communities) };
}

/** Reads the tab if it exists (no write: for read-only views). */
export function peekAttendance_(communities: Community[]): AttendanceRow[] {
  return attendanceFromGrid(readTable_(TABS.attendance), communities);
}
