// The application form, rendered from the form model the bundle's setup() created (items,
// titles, help text, choices, required, page breaks), checked the way Google Forms checks it,
// and submitted through the emulator's submitForm: the same path as a real respondent
// (Form Responses 1 row, then the installed form-submit triggers).
import type { DevForm, DevFormItem } from '../devWire';
import { ApiError, getJson, postJson } from './api';
import { byId, h, replace } from './dom';

interface Page {
  title: string;
  helpText: string;
  items: { item: DevFormItem; index: number }[];
}

const EMAIL = '__email__';
let form: DevForm;
let pages: Page[] = [];
let pageIndex = 0;
const answers = new Map<string, string | string[]>();

function splitPages(f: DevForm): Page[] {
  const out: Page[] = [{ title: '', helpText: '', items: [] }];
  f.items.forEach((item, index) => {
    if (item.kind === 'page') out.push({ title: item.title, helpText: item.helpText, items: [] });
    else out[out.length - 1].items.push({ item, index });
  });
  return out;
}

function fieldId(index: number): string {
  return `q${index}`;
}

function required(): HTMLElement {
  return h('span', { class: 'required', 'aria-hidden': 'true' }, ' *');
}

/** The star stays outside the label, so a question's accessible name is exactly its title. */
function title(id: string, item: DevFormItem): HTMLElement {
  return h('div', { class: 'qtitle' }, h('label', { for: id }, item.title), item.required ? required() : null);
}

function question(item: DevFormItem, index: number): HTMLElement {
  const id = fieldId(index);
  const help = item.helpText ? h('div', { class: 'help', id: `${id}-help` }, item.helpText) : null;
  const describedBy = item.helpText ? `${id}-help` : undefined;
  const err = h('div', { class: 'field-error', id: `${id}-error`, role: 'alert' });
  const value = answers.get(item.title);
  const store = (v: string | string[]): void => {
    answers.set(item.title, v);
    err.textContent = '';
  };
  switch (item.kind) {
    case 'section':
      return h('div', { class: 'gcard section' }, h('h2', {}, item.title), help);
    case 'text':
    case 'paragraph':
    case 'other': {
      const input =
        item.kind === 'paragraph'
          ? h('textarea', { id, rows: 3, required: item.required, 'aria-describedby': describedBy })
          : h('input', { id, type: 'text', required: item.required, 'aria-describedby': describedBy, autocomplete: 'off' });
      input.value = typeof value === 'string' ? value : '';
      input.addEventListener('input', () => store(input.value));
      return h('div', { class: 'gcard', 'data-question': item.title }, title(id, item), help, input, err);
    }
    case 'list': {
      const select = h(
        'select',
        { id, required: item.required, 'aria-describedby': describedBy },
        h('option', { value: '' }, 'Choose'),
        item.choices.map((c) => h('option', { value: c }, c)),
      );
      select.value = typeof value === 'string' ? value : '';
      select.addEventListener('change', () => store(select.value));
      return h('div', { class: 'gcard', 'data-question': item.title }, title(id, item), help, select, err);
    }
    case 'choice':
    case 'checkbox': {
      const multi = item.kind === 'checkbox';
      const chosen = new Set(Array.isArray(value) ? value : typeof value === 'string' && value ? [value] : []);
      const options = item.choices.map((c, ci) => {
        const input = h('input', { type: multi ? 'checkbox' : 'radio', name: id, id: `${id}-${ci}`, value: c, checked: chosen.has(c) });
        input.addEventListener('change', () => {
          const boxes = [...document.querySelectorAll<HTMLInputElement>(`input[name="${id}"]`)];
          const picked = boxes.filter((b) => b.checked).map((b) => b.value);
          store(multi ? picked : (picked[0] ?? ''));
        });
        return h('div', { class: 'option' }, input, h('label', { for: `${id}-${ci}` }, c));
      });
      return h(
        'div',
        {
          class: 'gcard',
          role: multi ? 'group' : 'radiogroup',
          'aria-labelledby': `${id}-title`,
          'data-question': item.title,
          'aria-required': item.required ? 'true' : undefined,
          'aria-describedby': describedBy,
        },
        h('div', { class: 'qtitle' }, h('span', { id: `${id}-title` }, item.title), item.required ? required() : null),
        help,
        options,
        err,
      );
    }
    default:
      return h('div', {});
  }
}

function missing(item: DevFormItem): boolean {
  const v = answers.get(item.title);
  if (Array.isArray(v)) return v.length === 0;
  return (v ?? '').trim() === '';
}

/** Google Forms refuses to leave a page with a required question unanswered. */
function checkPage(): boolean {
  let ok = true;
  let first: HTMLElement | null = null;
  if (pageIndex === 0 && form.collectsEmail) {
    const v = String(answers.get(EMAIL) ?? '').trim();
    const err = byId('email-error');
    err.textContent = '';
    if (!/^[^\s@<>",;]+@[^\s@<>",;]+\.[^\s@<>",;]+$/.test(v)) {
      err.textContent = v ? 'Must be a valid email' : 'This is a required question';
      ok = false;
      first = first ?? byId('email');
    }
  }
  for (const { item, index } of pages[pageIndex].items) {
    if (!item.required || item.kind === 'section') continue;
    if (missing(item)) {
      const err = document.getElementById(`${fieldId(index)}-error`);
      if (err) err.textContent = 'This is a required question';
      ok = false;
      first = first ?? document.getElementById(fieldId(index)) ?? document.getElementById(`${fieldId(index)}-0`);
    }
  }
  first?.focus();
  return ok;
}

function render(): void {
  const root = byId('form-root');
  const page = pages[pageIndex];
  const last = pageIndex === pages.length - 1;
  const header =
    pageIndex === 0
      ? h(
          'div',
          { class: 'gcard head' },
          h('h1', {}, form.title),
          h('div', { class: 'description' }, form.description),
          h('div', { class: 'required-note' }, '* Indicates required question'),
        )
      : h(
          'div',
          { class: 'gcard head' },
          h('h1', {}, form.title),
          page.title ? h('h2', {}, page.title) : null,
          page.helpText ? h('div', { class: 'description' }, page.helpText) : null,
        );
  let email: HTMLElement | null = null;
  if (pageIndex === 0 && form.collectsEmail) {
    const input = h('input', { id: 'email', type: 'email', required: true, autocomplete: 'email' });
    input.value = String(answers.get(EMAIL) ?? '');
    input.addEventListener('input', () => {
      answers.set(EMAIL, input.value);
      byId('email-error').textContent = '';
    });
    email = h(
      'div',
      { class: 'gcard' },
      h('div', { class: 'qtitle' }, h('label', { for: 'email' }, 'Email'), required()),
      input,
      h('div', { class: 'field-error', id: 'email-error', role: 'alert' }),
    );
  }
  const back =
    pageIndex > 0
      ? h(
          'button',
          {
            type: 'button',
            class: 'secondary',
            onclick: () => {
              pageIndex--;
              render();
            },
          },
          'Back',
        )
      : null;
  const next = last ? h('button', { type: 'submit', class: 'primary' }, 'Submit') : h('button', { type: 'submit', class: 'primary' }, 'Next');
  const status = h('div', { class: 'form-status', role: 'alert', id: 'form-status' });
  const el = h(
    'form',
    { novalidate: true, 'aria-label': form.title },
    header,
    email,
    page.items.map(({ item, index }) => question(item, index)),
    h('div', { class: 'nav' }, back, next, h('span', { class: 'progress' }, `Page ${pageIndex + 1} of ${pages.length}`)),
    status,
  );
  el.addEventListener('submit', (e) => {
    e.preventDefault();
    if (!checkPage()) return;
    if (!last) {
      pageIndex++;
      render();
      window.scrollTo(0, 0);
      return;
    }
    void submit(next, status);
  });
  replace(root, el);
}

async function submit(button: HTMLButtonElement, status: HTMLElement): Promise<void> {
  button.disabled = true;
  const payload: Record<string, string | string[]> = {};
  for (const item of form.items) {
    const v = answers.get(item.title);
    if (v !== undefined && item.kind !== 'page' && item.kind !== 'section') payload[item.title] = v;
  }
  try {
    await postJson('/api/form/submit', { email: String(answers.get(EMAIL) ?? '').trim(), answers: payload });
    if (window.parent !== window) window.parent.postMessage({ source: 'gas-dev', type: 'submitted' }, location.origin);
    done();
  } catch (e) {
    status.textContent = e instanceof ApiError ? e.message : `Could not submit: ${String(e)}`;
    button.disabled = false;
  }
}

function done(): void {
  answers.clear();
  pageIndex = 0;
  replace(
    byId('form-root'),
    h(
      'div',
      { class: 'gcard head done' },
      h('h1', {}, form.title),
      h('p', { class: 'description', role: 'status' }, form.confirmationMessage || 'Your response has been recorded.'),
      h('button', { type: 'button', class: 'link', onclick: () => void load() }, 'Submit another response'),
    ),
  );
}

async function load(): Promise<void> {
  const root = byId('form-root');
  try {
    form = await getJson<DevForm>('/api/form');
  } catch (e) {
    replace(root, h('div', { class: 'gcard head' }, h('h1', {}, 'No form yet'), h('p', {}, e instanceof ApiError ? e.message : String(e))));
    return;
  }
  document.title = form.title || 'Application form';
  if (!form.accepting) {
    replace(
      root,
      h('div', { class: 'gcard head closed' }, h('h1', {}, form.title), h('p', {}, form.closedMessage || 'This form is no longer accepting responses.')),
    );
    return;
  }
  pages = splitPages(form);
  pageIndex = 0;
  render();
}

void load();
