// A1 notation: 'B2', 'A1:C3', 'A:A', '2:5', 'A2:C', "'My tab'!A1:B2".
export interface GridRect {
  row: number; // 1-based
  col: number;
  numRows: number;
  numCols: number;
}

export interface ParsedA1 {
  sheetName: string | null;
  rect: GridRect;
}

export function columnLetter(col: number): string {
  let s = '';
  let n = col;
  while (n > 0) {
    const m = (n - 1) % 26;
    s = String.fromCharCode(65 + m) + s;
    n = Math.floor((n - 1) / 26);
  }
  return s;
}

export function columnNumber(letters: string): number {
  let n = 0;
  for (const ch of letters.toUpperCase()) n = n * 26 + (ch.charCodeAt(0) - 64);
  return n;
}

export function toA1(rect: GridRect): string {
  const start = `${columnLetter(rect.col)}${rect.row}`;
  if (rect.numRows === 1 && rect.numCols === 1) return start;
  return `${start}:${columnLetter(rect.col + rect.numCols - 1)}${rect.row + rect.numRows - 1}`;
}

const CELL = /^\$?([A-Za-z]{1,3})?\$?(\d+)?$/;

/** Parses A1 notation against a sheet of `maxRows` x `maxCols`; null when it is not valid A1. */
export function parseA1(input: string, maxRows: number, maxCols: number): ParsedA1 | null {
  let text = input.trim();
  let sheetName: string | null = null;
  const bang = text.lastIndexOf('!');
  if (bang >= 0) {
    sheetName = text.slice(0, bang);
    if (sheetName.startsWith("'") && sheetName.endsWith("'")) sheetName = sheetName.slice(1, -1).replace(/''/g, "'");
    text = text.slice(bang + 1);
  }
  const [a, b, extra] = text.split(':');
  if (extra !== undefined || !a) return null;
  const p = CELL.exec(a);
  if (!p || (!p[1] && !p[2])) return null;
  if (b === undefined) {
    if (!p[1] || !p[2]) return null;
    const row = Number(p[2]);
    if (row < 1) return null;
    return { sheetName, rect: { row, col: columnNumber(p[1]), numRows: 1, numCols: 1 } };
  }
  const q = CELL.exec(b);
  if (!q || (!q[1] && !q[2])) return null;
  const c1 = p[1] ? columnNumber(p[1]) : 1;
  const r1 = p[2] ? Number(p[2]) : 1;
  const c2 = q[1] ? columnNumber(q[1]) : p[1] && !p[2] && !q[2] ? maxCols : maxCols;
  const r2 = q[2] ? Number(q[2]) : maxRows;
  // 'A:A' (whole columns) and '1:1' (whole rows) need both ends of the same kind.
  if ((!p[2] && q[2]) || (!p[1] && q[1])) return null;
  if (r1 < 1 || r2 < 1) return null;
  const row = Math.min(r1, r2);
  const col = Math.min(c1, q[1] ? c2 : maxCols);
  const lastCol = Math.max(c1, q[1] ? c2 : maxCols);
  return { sheetName, rect: { row, col, numRows: Math.max(r1, r2) - row + 1, numCols: lastCol - col + 1 } };
}
