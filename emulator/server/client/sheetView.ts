// The grid of one tab (display values, as the Sheets UI shows them) and the tab strip.
// Clicking a cell shows its formula, if any, in the formula bar: that is where a formula written
// from applicant text would show up. A data cell (row 2 on) can be edited in the formula bar, as
// staff type into the sheet (a meeting's Agenda, a community's Capacity); the header row stays as
// Set up wrote it, since the code finds its columns by header.
import type { DevSheet, DevState } from '../devWire';
import { getJson, postJson } from './api';
import { h, replace } from './dom';

/** What the formula bar is editing: the tab, the 1-based row and the column's header. */
interface Editing {
  sheet: string;
  row: number;
  header: string;
}
let editing: Editing | null = null;

/** Sheets reads what is typed: a number as a number, TRUE/FALSE as a boolean, anything else as text. */
export function typedValue(text: string): string | number | boolean {
  const t = text.trim();
  if (/^-?\d+(\.\d+)?$/.test(t)) return Number(t);
  if (/^(true|false)$/i.test(t)) return t.toUpperCase() === 'TRUE';
  return text;
}

/** Wires the formula bar once: Enter saves the edited cell through POST /api/cell; Escape restores it. */
export function wireFormulaBar(bar: HTMLFormElement, input: HTMLInputElement, onSaved: () => Promise<void>, onError: (message: string) => void): void {
  let original = '';
  input.addEventListener('focus', () => {
    original = input.value;
  });
  input.addEventListener('keydown', (e) => {
    if (e.key === 'Escape') input.value = original;
  });
  bar.addEventListener('submit', (e) => {
    e.preventDefault();
    const target = editing;
    if (!target || input.readOnly) return;
    postJson('/api/cell', { ...target, value: typedValue(input.value) })
      .then(() => {
        original = input.value;
        return onSaved();
      })
      .catch((err: unknown) => onError(`Could not edit ${target.sheet} row ${target.row}: ${String(err)}`));
  });
}

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

export async function renderSheet(state: DevState, grid: HTMLElement, tabs: HTMLElement, cellRef: HTMLElement, cellContent: HTMLInputElement): Promise<void> {
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
            onclick: (e: Event) => {
              grid.querySelector('td.selected')?.classList.remove('selected');
              (e.currentTarget as HTMLElement).classList.add('selected');
              cellRef.textContent = `${columnName(c)}${r + 1}`;
              cellContent.value = formula || text;
              const header = sheet.displayValues[0]?.[c] ?? '';
              editing = r >= 1 && header && !formula ? { sheet: sheet.name, row: r + 1, header } : null;
              cellContent.readOnly = editing === null;
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
