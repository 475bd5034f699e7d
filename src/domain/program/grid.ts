// A tab's contents as plain data (row 1 = headers), looked up by normalised header name.
import { cellString } from './cells';

export interface Grid {
  headers: string[];
  /** data rows (sheet row 2 onwards) */
  rows: unknown[][];
}

/** 'Response  key ' and 'response key' name the same column. */
export function normalizeHeader(header: unknown): string {
  return cellString(header).replace(/\s+/g, ' ').trim().toLowerCase();
}

/** 0-based index of the column with this header, or -1. */
export function columnIndex(grid: Pick<Grid, 'headers'>, header: string): number {
  const wanted = normalizeHeader(header);
  let normalized = normalizedHeaders.get(grid.headers);
  if (!normalized || normalized.length !== grid.headers.length) {
    normalized = grid.headers.map(normalizeHeader);
    normalizedHeaders.set(grid.headers, normalized);
  }
  return normalized.indexOf(wanted);
}

/** Normalised copies of header rows (a header row is looked up many times per read). */
const normalizedHeaders = new WeakMap<readonly unknown[], string[]>();

/** Reads cells of a row by header; a missing column or cell reads as ''. */
export type RowReader = (header: string) => unknown;

export function rowReader(grid: Pick<Grid, 'headers'>, row: readonly unknown[]): RowReader {
  const cache = new Map<string, number>();
  return (header) => {
    let c = cache.get(header);
    if (c === undefined) {
      c = columnIndex(grid, header);
      cache.set(header, c);
    }
    return c >= 0 && c < row.length ? row[c] : '';
  };
}

/** A reader factory that resolves every header once for the whole grid. */
export function gridReader(grid: Grid): (i: number) => RowReader {
  const cache = new Map<string, number>();
  const col = (header: string): number => {
    let c = cache.get(header);
    if (c === undefined) {
      c = columnIndex(grid, header);
      cache.set(header, c);
    }
    return c;
  };
  return (i) => {
    const row = grid.rows[i] ?? [];
    return (header) => {
      const c = col(header);
      return c >= 0 && c < row.length ? row[c] : '';
    };
  };
}

export function isBlankRow(row: readonly unknown[]): boolean {
  return row.every((v) => v === '' || v === null || v === undefined);
}
