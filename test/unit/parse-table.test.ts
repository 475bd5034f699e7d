// table.ts over a tiny fake sheet: reads once, writes in contiguous blocks, never touches staff columns.
import { appendRows_, ensureTab_, readTable_, writeRows_ } from '../../src/workspace/table';
import { forgetSheets_ } from '../../src/workspace/spreadsheet';

class FakeSheet {
  calls: string[] = [];
  frozen = 0;
  formats: Record<string, string> = {};
  constructor(
    public cells: unknown[][],
    public maxRows = 10,
  ) {}
  getDataRange() {
    this.calls.push('getDataRange');
    return {
      getValues: () => {
        this.calls.push('getValues');
        return this.cells.map((r) => r.slice());
      },
    };
  }
  getLastRow() {
    this.calls.push('getLastRow');
    return this.cells.length;
  }
  getLastColumn() {
    this.calls.push('getLastColumn');
    return this.cells[0]?.length ?? 0;
  }
  getMaxRows() {
    this.calls.push('getMaxRows');
    return this.maxRows;
  }
  getMaxColumns() {
    return 26;
  }
  getFrozenRows() {
    return this.frozen;
  }
  setFrozenRows(n: number) {
    this.frozen = n;
  }
  insertRowsAfter(_after: number, n: number) {
    this.calls.push(`insertRowsAfter ${n}`);
    this.maxRows += n;
  }
  getRange(row: number, col: number, rows = 1, cols = 1) {
    // eslint-disable-next-line @typescript-eslint/no-this-alias -- the fake Range's own methods have their own `this` (the Range, returned for chaining)
    const sheet = this;
    return {
      getNumberFormats() {
        sheet.calls.push('getNumberFormats');
        return Array.from({ length: rows }, (_, i) => Array.from({ length: cols }, (_, j) => sheet.formats[`${row + i},${col + j}`] ?? ''));
      },
      getValues() {
        sheet.calls.push('getValues');
        return sheet.cells.slice(row - 1, row - 1 + rows).map((r) => r.slice(col - 1, col - 1 + cols));
      },
      setValues(values: unknown[][]) {
        sheet.calls.push(`setValues ${row},${col} ${rows}x${cols}`);
        expect(values.length).toBe(rows);
        values.forEach((v, i) => {
          expect(v.length).toBe(cols);
          while (sheet.cells.length < row + i) sheet.cells.push(new Array(sheet.cells[0].length).fill(''));
          v.forEach((x, j) => (sheet.cells[row - 1 + i][col - 1 + j] = x));
        });
        return this;
      },
      setFontWeight() {
        return this;
      },
    };
  }
}

let sheets: Record<string, FakeSheet>;
beforeEach(() => {
  forgetSheets_();
  sheets = {};
  (globalThis as Record<string, unknown>).SpreadsheetApp = {
    getActiveSpreadsheet: () => ({
      getSheetByName: (n: string) => sheets[n] ?? null,
      insertSheet: (n: string) => (sheets[n] = new FakeSheet([[]])),
    }),
  };
});

it('reads by header and writes one block per contiguous run of updated columns', () => {
  sheets.T = new FakeSheet([
    ['ID', 'Staff', ' status ', 'Note'],
    ['a', 's1', 'Pending', ''],
    ['b', '=SUM(1)', 'Pending', '=evil'],
    ['c', 's3', 'Pending', ''],
  ]);
  const t = readTable_('T')!;
  expect(sheets.T.calls).toEqual(['getDataRange', 'getValues']);
  writeRows_(t, [
    { row: 2, values: { Status: 'Accepted', Note: '+1' } },
    { row: 4, values: { Status: 'Declined', ID: 'c2' } },
  ]);
  expect(sheets.T.calls.slice(2)).toEqual(['setValues 2,1 3x1', 'setValues 2,3 3x2']);
  expect(sheets.T.cells.map((r) => r.join('|'))).toEqual(['ID|Staff| status |Note', "a|s1|Accepted|'+1", "b|=SUM(1)|Pending|'=evil", 'c2|s3|Declined|']);
});

it('puts the apostrophe before parseable strings whatever the cell format (a format alone is not proven to stop parsing)', () => {
  sheets.T = new FakeSheet([
    ['ID', 'Name'],
    ['a', 'x'],
  ]);
  sheets.T.formats['3,2'] = '@';
  appendRows_(readTable_('T')!, [{ ID: '=1', Name: '=2' }]);
  expect(sheets.T.cells[2]).toEqual(["'=1", "'=2"]);
});

it('appends after the last row, growing the sheet when needed', () => {
  sheets.T = new FakeSheet(
    [
      ['ID', 'Name'],
      ['a', 'x'],
    ],
    2,
  );
  const t = readTable_('T')!;
  const first = appendRows_(t, [
    { ID: 'b', Name: '@me' },
    { ID: 'c', Name: 'z' },
  ]);
  expect(first).toBe(3);
  expect(sheets.T.calls.slice(2)).toEqual(['getMaxRows', 'insertRowsAfter 2', 'setValues 3,1 2x2']);
  expect(sheets.T.cells[2]).toEqual(['b', "'@me"]);
  expect(t.rows).toHaveLength(3);
});

it('creates a missing tab with frozen headers, then only repairs missing headers', () => {
  const first = ensureTab_('New', ['A', 'B']);
  expect(first.created).toBe(true);
  expect(sheets.New.frozen).toBe(1);
  sheets.Old = new FakeSheet([['a ', 'Mine']]);
  const again = ensureTab_('Old', ['A', 'B']);
  expect(again).toMatchObject({ created: false, addedHeaders: ['B'] });
  expect(sheets.Old.cells[0]).toEqual(['a ', 'Mine', 'B']);
});
