// Test helpers that act on an emulated Workspace the way a person or another script would, through
// the public Apps Script API only (no emulator internals): a small script is run over the SAME
// state as the workspace under test. Use it to put rows in a tab before the code that would write
// them exists, or to do what staff do by hand (add a guest, delete an event).
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { Workspace } from '../../emulator';

let dir: string | null = null;
let seq = 0;

/** Dates cross the JSON boundary of `run` tagged, and are rebuilt inside the script. */
function encode(v: unknown): unknown {
  if (v instanceof Date) return { $date: v.toISOString() };
  if (Array.isArray(v)) return v.map(encode);
  if (v && typeof v === 'object') return Object.fromEntries(Object.entries(v).map(([k, x]) => [k, encode(x)]));
  return v;
}

const PRELUDE = `
function decode_(v) {
  if (v && typeof v === 'object' && !Array.isArray(v) && typeof v.$date === 'string' && Object.keys(v).length === 1) return new Date(v.$date);
  if (Array.isArray(v)) return v.map(decode_);
  if (v && typeof v === 'object') { var o = {}; Object.keys(v).forEach(function (k) { o[k] = decode_(v[k]); }); return o; }
  return v;
}
`;

/**
 * Runs `fn` of the plain-JS `source` as a separate execution over ws's state (its clock set to
 * ws's). Arguments may hold Dates; inside, call decode_(arg) to get them back. Returns the result.
 */
export function runScript(ws: Workspace, source: string, fn: string, args: unknown[] = [], user?: string): unknown {
  if (!dir) dir = mkdtempSync(path.join(tmpdir(), 'cop-script-'));
  const file = path.join(dir, `script${++seq}.js`);
  writeFileSync(file, `${PRELUDE}\n${source}\n`);
  const other = new Workspace({ bundlePath: file, now: ws.clock.now() }, ws.state);
  return other.run(fn, args.map(encode), user ? { user } : {});
}

const APPEND_ROWS = `
function appendRecords_(name, headers, records) {
  records = decode_(records);
  var ss = SpreadsheetApp.getActiveSpreadsheet();
  var sh = ss.getSheetByName(name) || ss.insertSheet(name);
  var lastCol = sh.getLastColumn();
  var head = lastCol > 0 ? sh.getRange(1, 1, 1, lastCol).getValues()[0].map(String) : [];
  if (head.length === 0) head = headers.slice();
  records.forEach(function (r) { Object.keys(r).forEach(function (h) { if (head.indexOf(h) < 0) head.push(h); }); });
  sh.getRange(1, 1, 1, head.length).setValues([head]);
  if (records.length === 0) return sh.getLastRow() + 1;
  var start = Math.max(sh.getLastRow(), 1) + 1;
  var rows = records.map(function (r) { return head.map(function (h) { return r[h] === undefined || r[h] === null ? '' : r[h]; }); });
  sh.getRange(start, 1, rows.length, head.length).setValues(rows);
  return start;
}
`;

/**
 * Appends records (header → cell value) to a tab, creating the tab and any missing header.
 * `headers` is the header row to use when the tab is new or empty. Returns the first row written.
 * Values are written with setValues, as a script would (text that looks like a number becomes one).
 */
export function appendRecords(ws: Workspace, tab: string, records: Record<string, unknown>[], headers: readonly string[] = []): number {
  return runScript(ws, APPEND_ROWS, 'appendRecords_', [tab, headers, records]) as number;
}
