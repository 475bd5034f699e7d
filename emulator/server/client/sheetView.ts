// The read-only grid of one tab (display values, as the Sheets UI shows them) and the tab strip.
// Clicking a cell shows its formula, if any, in the formula bar: that is where a formula written
// from applicant text would show up.
import type { DevSheet, DevState } from '../devWire';
import { getJson } from './api';
import { h, replace } from './dom';

let current = localStorage.getItem('dev.tab') ?? '';

function columnName(i: number): string {
  let n = i + 1;
  let s = '';
  while (n > 0) {
    const r = (n - 1) % 26;
    s = String.fromCharCode(65 + r) + s;
    n = Math.floor((n - 1) / 26);
  }
  return s;
}

export async function renderSheet(state: DevState, grid: HTMLElement, tabs: HTMLElement, cellRef: HTMLElement, cellContent: HTMLElement): Promise<void> {
  if (!state.sheetNames.includes(current)) {
    current = state.sheetNames.includes('Applications') ? 'Applications' : (state.sheetNames[0] ?? '');
  }
  replace(
    tabs,
    state.sheetNames.map((name) =>
      h(
        'button',
        {
          type: 'button',
          role: 'tab',
          class: 'sheet-tab',
          'aria-selected': String(name === current),
          onclick: () => {
            current = name;
            localStorage.setItem('dev.tab', name);
            void renderSheet(state, grid, tabs, cellRef, cellContent);
          },
        },
        name,
      ),
    ),
  );
  if (!current) {
    replace(grid, h('p', { class: 'empty' }, 'The spreadsheet has no tabs yet. Run “Set up” from the Communities of Practice menu.'));
    return;
  }
  const sheet = await getJson<DevSheet>(`/api/sheet?name=${encodeURIComponent(current)}`);
  // Like Sheets, an empty or small tab still shows a grid to its right and below.
  const width = Math.max(8, sheet.displayValues.reduce((n, r) => Math.max(n, r.length), 0) + 1);
  const rows = [...sheet.displayValues, ...Array.from({ length: Math.max(3, 25 - sheet.displayValues.length) }, () => [] as string[])];
  const head = h(
    'tr',
    {},
    h('th', { class: 'corner' }),
    Array.from({ length: width }, (_, c) => h('th', { scope: 'col' }, columnName(c))),
  );
  const body = rows.map((row, r) =>
    h(
      'tr',
      { class: r === 0 ? 'frozen' : undefined },
      h('th', { scope: 'row' }, r + 1),
      Array.from({ length: width }, (_, c) => {
        const text = row[c] ?? '';
        const formula = sheet.formulas[r]?.[c] ?? '';
        return h(
          'td',
          {
            title: text.length > 40 ? text : undefined,
            class: formula ? 'has-formula' : /^-?[\d.,]+$/.test(text) ? 'num' : undefined,
            onclick: () => {
              cellRef.textContent = `${columnName(c)}${r + 1}`;
              cellContent.textContent = formula || text;
            },
          },
          text,
        );
      }),
    ),
  );
  const table = h('table', { class: 'grid', 'aria-label': `Tab ${sheet.name}` }, h('thead', {}, head), h('tbody', {}, body));
  const scroll = grid.scrollTop;
  replace(grid, table, sheet.truncatedRows ? h('p', { class: 'empty' }, `${sheet.truncatedRows} more rows not shown`) : null);
  grid.scrollTop = scroll;
}
