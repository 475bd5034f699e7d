import { probeWorkspace } from './helpers';

const sheet = "var sh = SpreadsheetApp.getActiveSpreadsheet().getSheetByName('Sheet1');";

function errorOf(src: string): string | undefined {
  const r = probeWorkspace().run('jsError', [sheet + src]) as { message: string; isError: boolean } | null;
  return r ? r.message : undefined;
}

describe('ranges', () => {
  it('are 1-based', () => {
    const ws = probeWorkspace();
    ws.run('js', [sheet + "sh.getRange(1, 1).setValue('a'); sh.getRange(2, 3).setValue('c');"]);
    expect(ws.sheet('Sheet1')?.values).toEqual([
      ['a', '', ''],
      ['', '', 'c'],
    ]);
    expect(
      ws.run('js', [
        sheet +
          "return [sh.getRange('C2').getValue(), sh.getRange('A1:C2').getNumRows(), sh.getRange('A1:C2').getA1Notation(), sh.getRange(2, 1, 1, 3).getA1Notation()];",
      ]),
    ).toEqual(['c', 2, 'A1:C2', 'A2:C2']);
  });

  it.each([
    ['sh.getRange(0, 1)', 'The starting row of the range is too small.'],
    ['sh.getRange(1, 0)', 'The starting column of the range is too small.'],
    ['sh.getRange(1, 1, 0, 1)', 'The number of rows in the range must be at least 1.'],
    ['sh.getRange(1, 1, 1, 0)', 'The number of columns in the range must be at least 1.'],
    ['sh.getRange(1001, 1)', 'The coordinates of the range are outside the dimensions of the sheet.'],
    ['sh.getRange(1, 27)', 'The coordinates of the range are outside the dimensions of the sheet.'],
    ["sh.getRange('not a range')", 'Range not found'],
  ])('%s throws %j', (src, message) => {
    expect(errorOf(src)).toBe(message);
  });

  it('throws Apps Script errors that are Errors of the bundle realm', () => {
    const r = probeWorkspace().run('jsError', [sheet + 'sh.getRange(0, 1);']);
    expect(r).toEqual({ message: 'The starting row of the range is too small.', name: 'Exception', isError: true });
  });

  it('refuses setValues with the wrong number of rows or columns', () => {
    expect(errorOf('sh.getRange(1, 1, 3, 2).setValues([[1, 2], [3, 4]]);')).toBe(
      'The number of rows in the data does not match the number of rows in the range. The data has 2 but the range has 3.',
    );
    expect(errorOf('sh.getRange(1, 1, 2, 3).setValues([[1, 2], [3, 4]]);')).toBe(
      'The number of columns in the data does not match the number of columns in the range. The data has 2 but the range has 3.',
    );
  });

  it('round-trips numbers, booleans, Dates and empty cells', () => {
    const ws = probeWorkspace();
    const out = ws.run('js', [
      sheet +
        'var d = new Date(Date.UTC(2023, 7, 1, 14, 3, 22)); sh.getRange(1, 1, 1, 4).setValues([[1.5, true, d, null]]);' +
        'var v = sh.getRange(1, 1, 1, 4).getValues()[0]; return [v[0], v[1], v[2] instanceof Date, v[2].getTime() === d.getTime(), v[3]];',
    ]);
    expect(out).toEqual([1.5, true, true, true, '']);
    expect(ws.sheet('Sheet1')?.values[0]).toEqual([1.5, true, new Date('2023-08-01T14:03:22Z')]);
  });

  it('shows Dates in the spreadsheet time zone like Sheets (M/d/yyyy H:mm:ss)', () => {
    const ws = probeWorkspace();
    const out = ws.run('js', [
      sheet +
        "sh.getRange('A1').setValue(new Date(Date.UTC(2023, 7, 1, 14, 3, 22))); return [sh.getRange('A1').getDisplayValue(), sh.getRange('A1').getNumberFormat()];",
    ]);
    expect(out).toEqual(['8/1/2023 10:03:22', 'M/d/yyyy H:mm:ss']);
    ws.run('js', [sheet + "sh.getRange('A1').setNumberFormat('yyyy-mm-dd hh:mm');"]);
    expect(ws.sheet('Sheet1')?.displayValues[0][0]).toBe('2023-08-01 10:03');
  });

  describe('strings written by setValue(s)', () => {
    const cases: [string, unknown, string, string][] = [
      // input, getValue, getFormula, getDisplayValue
      ['=1+1', 2, '=1+1', '2'],
      ['=NOSUCH(1)', '#NAME?', '=NOSUCH(1)', '#NAME?'],
      ["'=1+1", '=1+1', '', '=1+1'],
      ["'0042", '0042', '', '0042'],
      ['+1+1', 2, '=+1+1', '2'],
      ['-2+3', 1, '=-2+3', '1'],
      ['@SUM(A2)', 0, '=SUM(A2)', '0'],
      ['-', '-', '', '-'],
      ['-foo', '-foo', '', '-foo'],
      ['+1 555 123 4567', '+1 555 123 4567', '', '+1 555 123 4567'],
      ['0042', 42, '', '42'],
      ['-3.5', -3.5, '', '-3.5'],
      ['1,234', 1234, '', '1234'],
      ['TRUE', true, '', 'TRUE'],
      ['Jane', 'Jane', '', 'Jane'],
    ];
    it.each(cases)('%j → value %j, formula %j', (input, value, formula, display) => {
      const ws = probeWorkspace();
      const out = ws.run('js', [sheet + "var r = sh.getRange('A1'); r.setValue(arg); return [r.getValue(), r.getFormula(), r.getDisplayValue()];", input]);
      expect(out).toEqual([value, formula, display]);
    });

    it("are kept as text in a cell formatted '@'", () => {
      const ws = probeWorkspace();
      const out = ws.run('js', [
        sheet + "var r = sh.getRange('A1:C1'); r.setNumberFormat('@'); r.setValues([['=1+1', '0042', '+1+1']]); return [r.getValues()[0], r.getFormulas()[0]];",
      ]);
      expect(out).toEqual([
        ['=1+1', '0042', '+1+1'],
        ['', '', ''],
      ]);
    });

    it('parses date-looking strings into Dates in the spreadsheet time zone', () => {
      const ws = probeWorkspace();
      ws.run('js', [sheet + "sh.getRange('A1:B1').setValues([['2023-08-29', '8/29/2023 14:00:00']]);"]);
      expect(ws.sheet('Sheet1')?.values[0]).toEqual([new Date('2023-08-29T04:00:00Z'), new Date('2023-08-29T18:00:00Z')]);
    });
  });

  it('tracks the last row and column with content, appendRow and getDataRange', () => {
    const ws = probeWorkspace();
    const out = ws.run('js', [
      sheet +
        'var a = [sh.getLastRow(), sh.getLastColumn(), sh.getMaxRows(), sh.getMaxColumns()];' +
        "sh.appendRow(['h1', 'h2']); sh.appendRow(['x', '', 'z']); sh.getRange('B5').setValue(1); sh.getRange('B5').clearContent();" +
        'return [a, sh.getLastRow(), sh.getLastColumn(), sh.getDataRange().getA1Notation(), sh.getDataRange().getValues()];',
    ]);
    expect(out).toEqual([
      [0, 0, 1000, 26],
      2,
      3,
      'A1:C2',
      [
        ['h1', 'h2', ''],
        ['x', '', 'z'],
      ],
    ]);
  });

  it('clearContent keeps number formats; getFormulas/setFormulas work on blocks', () => {
    const ws = probeWorkspace();
    const out = ws.run('js', [
      sheet +
        "var r = sh.getRange('A1:B1'); r.setNumberFormats([['@', '0.00']]); r.setValues([[1, 2]]); r.clearContent();" +
        "sh.getRange('A2:B2').setFormulas([['=1+2', '=A2*2']]);" +
        "return [r.getNumberFormats()[0], r.getValues()[0], sh.getRange('A2:B2').getValues()[0], sh.getRange('A2:B2').getFormulas()[0]];",
    ]);
    expect(out).toEqual([
      ['@', '0.00'],
      ['', ''],
      [3, 6],
      ['=1+2', '=A2*2'],
    ]);
  });

  it('formats numbers by number format for display values', () => {
    const ws = probeWorkspace();
    const out = ws.run('js', [
      sheet +
        "var r = sh.getRange('A1:D1'); r.setValues([[1234.5, 0.25, 3, 7]]); r.setNumberFormats([['#,##0.00', '0%', '0.0', '@']]); return r.getDisplayValues()[0];",
    ]);
    expect(out).toEqual(['1,234.50', '25%', '3.0', '7']);
  });

  it('records formatting, frozen rows, widths and data validation', () => {
    const ws = probeWorkspace();
    const out = ws.run('js', [
      sheet +
        "var r = sh.getRange('A1:C1'); r.setFontWeight('bold').setBackground('#eeeeee').setWrap(true); sh.setFrozenRows(1); sh.setColumnWidth(2, 240); sh.autoResizeColumns(1, 3);" +
        "var rule = SpreadsheetApp.newDataValidation().requireValueInList(['Pending', 'Accepted'], true).setAllowInvalid(false).build();" +
        "sh.getRange('B2:B10').setDataValidation(rule);" +
        "return [sh.getFrozenRows(), sh.getRange('B1').getFontWeight(), sh.getRange('A1').getBackground(), sh.getRange('B5').getDataValidation().getCriteriaValues()[0], sh.getRange('A5').getDataValidation()];",
    ]);
    expect(out).toEqual([1, 'bold', '#eeeeee', ['Pending', 'Accepted'], null]);
    expect(ws.sheet('Sheet1')?.frozenRows).toBe(1);
    expect(ws.state.spreadsheet.sheets[0].formats.map((f) => f.property)).toEqual(['fontWeight', 'background', 'wrap']);
  });
});

describe('spreadsheet and tabs', () => {
  it('inserts, finds, renames and deletes tabs; refuses duplicate names', () => {
    const ws = probeWorkspace();
    const out = ws.run('js', [
      "var ss = SpreadsheetApp.getActiveSpreadsheet(); ss.insertSheet('Applications'); ss.insertSheet('Log', 0);" +
        "var dup; try { ss.insertSheet('applications'); } catch (e) { dup = e.message; }" +
        "ss.deleteSheet(ss.getSheetByName('Sheet1'));" +
        'return [ss.getSheets().map(function (s) { return s.getName(); }), ss.getSheetByName("Nope"), dup];',
    ]);
    expect(out).toEqual([['Log', 'Applications'], null, 'A sheet with the name "applications" already exists. Please enter another name.']);
    expect(ws.sheetNames()).toEqual(['Log', 'Applications']);
  });

  it('knows its id, url, name, time zone, owner and editors; toasts and flush', () => {
    const ws = probeWorkspace();
    const out = ws.run('js', [
      "var ss = SpreadsheetApp.getActiveSpreadsheet(); ss.toast('Saved', 'CoP'); SpreadsheetApp.flush();" +
        'return [ss.getId() === SpreadsheetApp.openById(ss.getId()).getId(), ss.getUrl().indexOf(ss.getId()) > 0, ss.getName(), ss.getSpreadsheetTimeZone(), ss.getOwner().getEmail(), ss.getEditors().map(function (u) { return u.getEmail(); }), ss.getFormUrl()];',
    ]);
    expect(out).toEqual([
      true,
      true,
      'Communities of Practice',
      'America/New_York',
      'owner@careertech.org',
      ['owner@careertech.org', 'staff@careertech.org'],
      null,
    ]);
    expect(ws.ui.toasts).toEqual([{ message: 'Saved', title: 'CoP', timeoutSeconds: 5, at: new Date('2023-08-01T14:00:00Z') }]);
  });

  it('records menus, sidebars and alerts from the Ui', () => {
    const ws = probeWorkspace();
    const out = ws.run('js', [
      'var ui = SpreadsheetApp.getUi();' +
        "ui.createAddonMenu().addItem('Review applications', 'showSidebar').addSeparator().addItem('Set up', 'setup').addToUi();" +
        "ui.createMenu('Tools').addSubMenu(ui.createMenu('More').addItem('Sync', 'sweep')).addToUi();" +
        "ui.showSidebar(HtmlService.createHtmlOutput('<p>hi</p>').setTitle('Review'));" +
        "return [ui.alert('Done'), ui.alert('Sure?', 'Really?', ui.ButtonSet.YES_NO), ui.Button.OK];",
    ]);
    expect(out).toEqual(['OK', 'YES', 'OK']);
    expect(ws.ui.menus).toEqual([
      {
        title: 'Communities of Practice',
        addon: true,
        items: [{ label: 'Review applications', fn: 'showSidebar' }, { separator: true }, { label: 'Set up', fn: 'setup' }],
      },
      { title: 'Tools', addon: false, items: [{ subMenu: { title: 'More', addon: false, items: [{ label: 'Sync', fn: 'sweep' }] } }] },
    ]);
    expect(ws.ui.sidebars).toEqual([{ title: 'Review', html: '<p>hi</p>', width: 300, user: 'owner@careertech.org', at: expect.any(Date) }]);
    expect(ws.ui.alerts.map((a) => [a.title, a.prompt, a.response])).toEqual([
      ['', 'Done', 'OK'],
      ['Sure?', 'Really?', 'YES'],
    ]);
  });

  it('exposes records() keyed by header for rows 2..last', () => {
    const ws = probeWorkspace();
    ws.run('js', [sheet + "sh.getRange(1, 1, 3, 2).setValues([['Name', 'Score'], ['Ann', 3], ['Bo', '']]);"]);
    expect(ws.records('Sheet1')).toEqual([
      { Name: 'Ann', Score: 3 },
      { Name: 'Bo', Score: '' },
    ]);
  });
});
