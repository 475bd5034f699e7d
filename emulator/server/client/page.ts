// The spreadsheet page: controls (clock, runs, demo, reset, acting user), the add-on menu built
// by the bundle's onOpen, the views (sheet grid, form, outbox, calendar, executions) and the
// 300 px sidebar frame holding the real dist/Sidebar.html.
// Length: the dev page's one controller (controls, menus, sidebar and dialog frames, view switching);
// each view renders in its own module (sheetView, outboxView, calendarView, executionsView).
import type { DemoProgress, DevError, DevExecution, DevMenu, DevState, RunResponse } from '../devWire';
import { ApiError, getJson, postJson } from './api';
import { byId, h, replace } from './dom';
import { renderSheet, wireFormulaBar } from './sheetView';
import { renderOutbox } from './outboxView';
import { renderCalendar } from './calendarView';
import { renderExecutions } from './executionsView';

type View = 'sheet' | 'form' | 'outbox' | 'calendar' | 'executions';
const VIEWS: View[] = ['sheet', 'form', 'outbox', 'calendar', 'executions'];

// Shown when the bundle's onOpen has not built a menu (it failed, or is not written yet): the
// SPEC's menu items, so the product can still be driven.
const FALLBACK_MENU: DevMenu = {
  title: 'Communities of Practice',
  items: [
    { label: 'Set up', fn: 'setup' },
    { label: 'Review applications', fn: 'showSidebar' },
    { label: 'Review applications (large window)', fn: 'showReviewWindow' },
    { label: 'Sync responses now', fn: 'sweep' },
    { label: 'Send due notifications', fn: 'sendDueNotifications' },
    { label: 'Check installation', fn: 'showInstallationCheck' },
  ],
};

let state: DevState | null = null;
let view: View = (localStorage.getItem('dev.view') as View | null) ?? 'sheet';
let user = localStorage.getItem('dev.user') ?? '';
let menus: DevMenu[] = [];
let menuFromBundle = false;
let busy = 0;

function setStatus(text: string): void {
  byId('status').textContent = text;
}

function showError(what: string, error: DevError): void {
  const banner = byId('banner');
  banner.hidden = false;
  const stack =
    error.stack && error.stack !== error.message ? h('details', {}, h('summary', {}, 'Server-side stack'), h('pre', { class: 'stack' }, error.stack)) : null;
  replace(
    banner,
    h(
      'div',
      { class: 'banner-head' },
      h('strong', {}, `${what} failed: `),
      h('span', { class: 'banner-message' }, error.message),
      h(
        'span',
        { class: 'banner-actions' },
        error.kind === 'bundle' ? h('button', { type: 'button', onclick: () => showView('executions') }, 'Show in Executions') : null,
        h(
          'button',
          {
            type: 'button',
            'aria-label': 'Dismiss',
            onclick: () => {
              banner.hidden = true;
            },
          },
          'Dismiss',
        ),
      ),
    ),
    stack,
  );
}

function clearError(): void {
  byId('banner').hidden = true;
}

/** Runs an action with the controls disabled, reporting failures in the banner. */
async function act<T>(label: string, fn: () => Promise<T>): Promise<T | undefined> {
  busy++;
  document.body.classList.add('busy');
  setStatus(`${label}…`);
  try {
    const result = await fn();
    return result;
  } catch (e) {
    const error: DevError = e instanceof ApiError ? e.error : { kind: 'request', message: String(e), stack: '' };
    showError(label, error);
    setStatus(`${label}: failed`);
    return undefined;
  } finally {
    busy--;
    if (busy === 0) document.body.classList.remove('busy');
    await refresh(true);
  }
}

async function runFn(fn: string, label: string): Promise<RunResponse | undefined> {
  // A bundle exception comes back as HTTP 500 whose body carries the server-side stack: act()
  // shows it in the banner, and the Executions view has the full execution.
  return act(label, async () => {
    const r = await postJson<RunResponse>('/api/run', { fn, args: [], user });
    clearError();
    setStatus(`${label}: ${summarise(r.ok ? r.value : null, r.executions)}`);
    return r;
  });
}

function summarise(value: unknown, executions: DevExecution[]): string {
  const text = value === null || value === undefined ? 'done' : typeof value === 'string' ? value : JSON.stringify(value);
  const ms = executions.reduce((n, e) => n + (e.durationMs ?? 0), 0);
  return `${text.length > 160 ? text.slice(0, 160) + '…' : text} (${executions.length} execution${executions.length === 1 ? '' : 's'}, ${ms} ms emulated)`;
}

// ---------------------------------------------------------------- menus

async function openSpreadsheet(): Promise<void> {
  // Opening the spreadsheet fires the onOpen simple trigger, which builds the add-on menu.
  try {
    const r = await postJson<RunResponse & { state: DevState }>('/api/open', { user });
    menus = r.state.menus;
    menuFromBundle = menus.length > 0;
  } catch (e) {
    menus = e instanceof ApiError && typeof e.body === 'object' && e.body !== null && 'state' in e.body ? (e.body as { state: DevState }).state.menus : [];
    menuFromBundle = menus.length > 0;
    if (!menuFromBundle && e instanceof ApiError) setStatus(`onOpen failed (${e.message}); showing the SPEC's menu instead`);
  }
  renderMenus();
}

function renderMenus(): void {
  const host = byId('addon-menus');
  const list = menuFromBundle ? menus : [FALLBACK_MENU];
  replace(
    host,
    list.map((m, i) => {
      const id = `addon-menu-${i}`;
      const panel = h(
        'div',
        { class: 'menu-panel', role: 'menu', id, hidden: true },
        m.items.map((item) =>
          h(
            'button',
            {
              type: 'button',
              role: 'menuitem',
              onclick: () => {
                panel.hidden = true;
                button.setAttribute('aria-expanded', 'false');
                void menuItem(item.fn, item.label);
              },
            },
            item.label,
          ),
        ),
        menuFromBundle ? null : h('div', { class: 'menu-note' }, 'onOpen built no menu: this is the SPEC’s menu'),
      );
      const button = h(
        'button',
        {
          type: 'button',
          class: 'menu-button',
          'aria-haspopup': 'menu',
          'aria-expanded': 'false',
          'aria-controls': id,
          onclick: () => {
            panel.hidden = !panel.hidden;
            button.setAttribute('aria-expanded', String(!panel.hidden));
          },
        },
        m.title,
      );
      return h('span', { class: 'menu' }, button, panel);
    }),
  );
}

async function menuItem(fn: string, label: string): Promise<void> {
  const r = await runFn(fn, label);
  if (fn === 'showSidebar' && r?.ok) openSidebar();
  if (r?.ok) await refresh();
}

// ---------------------------------------------------------------- sidebar

function sidebarSrc(): string {
  return `/sidebar?user=${encodeURIComponent(user)}`;
}

function openSidebar(): void {
  localStorage.setItem('dev.sidebar', 'open');
  byId('sidebar').hidden = false;
  byId('sidebar-open').hidden = true;
  const frame = byId<HTMLIFrameElement>('sidebar-frame');
  frame.src = sidebarSrc();
}

function closeSidebar(): void {
  localStorage.setItem('dev.sidebar', 'closed');
  byId('sidebar').hidden = true;
  byId('sidebar-open').hidden = false;
  byId<HTMLIFrameElement>('sidebar-frame').src = 'about:blank';
}

// ---------------------------------------------------------------- dialogs

// Each dialog the bundle shows (its own HTML, as given to showModalDialog / showModelessDialog) is
// opened once, when a new one appears in the state, for the user who opened it.
let dialogSeen = -1;
let dialogSize = { width: 600, height: 400 };

function showDialogIfNew(s: DevState): void {
  const d = s.dialog;
  // none yet (a fresh or just reset workspace): its first dialog will be number 0 again
  if (!d) {
    dialogSeen = -1;
    return;
  }
  if (d.n === dialogSeen) return;
  dialogSeen = d.n;
  if (d.user && d.user !== user) return;
  dialogSize = { width: d.width, height: d.height };
  const layer = byId('dialog-layer');
  layer.classList.toggle('modal', d.modal);
  layer.hidden = false;
  byId('dialog-title').textContent = d.title;
  sizeDialog();
  byId<HTMLIFrameElement>('dialog-frame').src = `/dialog?n=${d.n}&user=${encodeURIComponent(user)}`;
}

function sizeDialog(): void {
  const box = byId('dialog');
  box.style.width = `${dialogSize.width}px`;
  // the title bar takes about 40 px of the height the script asked for, as in Sheets
  box.style.height = `${dialogSize.height + 40}px`;
}

function closeDialog(): void {
  byId('dialog-layer').hidden = true;
  byId<HTMLIFrameElement>('dialog-frame').src = 'about:blank';
}

// ---------------------------------------------------------------- views

function showView(v: View): void {
  view = v;
  localStorage.setItem('dev.view', v);
  for (const name of VIEWS) {
    byId(`view-${name}`).hidden = name !== v;
    byId(`tab-${name}`).setAttribute('aria-selected', String(name === v));
  }
  if (v === 'form') {
    const frame = byId<HTMLIFrameElement>('form-frame');
    if (!frame.src.endsWith('/form')) frame.src = '/form';
  }
  void renderView();
}

async function renderView(): Promise<void> {
  if (!state) return;
  const version = state.version;
  try {
    if (view === 'sheet') await renderSheet(state, byId('grid'), byId('sheet-tabs'), byId('cell-ref'), byId<HTMLInputElement>('cell-content'));
    if (view === 'outbox') await renderOutbox(byId('view-outbox'));
    if (view === 'calendar') await renderCalendar(byId('view-calendar'));
    if (view === 'executions') await renderExecutions(byId('view-executions'));
  } catch (e) {
    // A render that raced a change (a reset removing the tab it was reading) is simply redone.
    if (state && state.version !== version) return;
    const latest = await getJson<DevState>('/api/state').catch(() => null);
    if (latest && latest.version !== version) return refresh(true);
    setStatus(`Could not load the ${view} view: ${String(e)}`);
  }
}

// ---------------------------------------------------------------- state

async function refresh(force = false): Promise<void> {
  let next: DevState;
  try {
    next = await getJson<DevState>('/api/state');
  } catch {
    setStatus('The dev server is not answering (stopped?)');
    return;
  }
  const changed = force || !state || next.version !== state.version;
  if (state) showDialogIfNew(next);
  else dialogSeen = next.dialog?.n ?? -1;
  state = next;
  renderControls(next);
  if (changed) await renderView();
}

let demoSeen = false;

function demoText(d: DemoProgress): string {
  const seconds = `${Math.round(d.ms / 100) / 10} s`;
  if (d.running) return `Loading demo applicants: ${d.submitted + d.rejected} of ${d.total} responses submitted through the form (${seconds})…`;
  const refused = d.rejected ? `, ${d.rejected} refused by the closed form` : '';
  const failed = d.failedExecutions ? `, ${d.failedExecutions} failed executions (see Executions)` : '';
  const stopped = d.error ? ` Stopped early: ${d.error}.` : '';
  return `Demo applicants: ${d.submitted} responses submitted through the form${refused}${failed}, in ${seconds}.${stopped}`;
}

function renderControls(s: DevState): void {
  const demo = byId<HTMLButtonElement>('demo');
  demo.disabled = Boolean(s.demo?.running);
  if (s.demo && (s.demo.running || demoSeen)) {
    setStatus(demoText(s.demo));
    demoSeen = s.demo.running;
  }
  byId('now').textContent = s.nowLocal;
  const clockInput = byId<HTMLInputElement>('clock-input');
  if (document.activeElement !== clockInput) clockInput.value = toLocalInput(s);
  byId('now').title = s.now;
  byId('tab-outbox').textContent = `Outbox (${s.counts.outbox})`;
  byId('tab-calendar').textContent = `Calendar (${s.counts.events})`;
  byId('tab-executions').textContent = s.counts.failures
    ? `Executions (${s.counts.executions}, ${s.counts.failures} failed)`
    : `Executions (${s.counts.executions})`;
  if (s.form.title) byId('doc-title').textContent = `${s.form.title} (Responses)`;
  if (s.sidebarTitle) byId('sidebar-title').textContent = s.sidebarTitle;
  const select = byId<HTMLSelectElement>('user');
  if (select.options.length !== s.users.length) {
    replace(
      select,
      s.users.map((u) => h('option', { value: u }, u === s.owner ? `${u} (owner)` : u)),
    );
  }
  select.value = user;
  const presets = byId('presets');
  if (presets.childElementCount !== s.presets.length || [...presets.children].some((b, i) => (b as HTMLElement).dataset.iso !== s.presets[i].iso)) {
    replace(
      presets,
      s.presets.map((p) =>
        h(
          'button',
          {
            type: 'button',
            'data-iso': p.iso,
            title: p.iso,
            onclick: () => void setClock({ iso: p.iso }, p.label),
          },
          p.label,
        ),
      ),
    );
  }
}

async function setClock(body: Record<string, unknown>, label: string): Promise<void> {
  await act(`Clock: ${label}`, async () => {
    const s = await postJson<DevState>('/api/clock', body);
    setStatus(`Clock set to ${s.nowLocal}`);
    return s;
  });
}

function toLocalInput(s: DevState): string {
  // nowLocal is for people; the input wants the wall time in New York as YYYY-MM-DDTHH:mm.
  const parts = new Intl.DateTimeFormat('en-CA', {
    timeZone: s.timeZone,
    hourCycle: 'h23',
    year: 'numeric',
    month: '2-digit',
    day: '2-digit',
    hour: '2-digit',
    minute: '2-digit',
  }).formatToParts(new Date(s.now));
  const get = (t: string): string => parts.find((p) => p.type === t)?.value ?? '00';
  return `${get('year')}-${get('month')}-${get('day')}T${get('hour')}:${get('minute')}`;
}

// ---------------------------------------------------------------- wiring

function wire(): void {
  for (const v of VIEWS) byId(`tab-${v}`).addEventListener('click', () => showView(v));
  byId('user').addEventListener('change', (e) => {
    user = (e.target as HTMLSelectElement).value;
    localStorage.setItem('dev.user', user);
    setStatus(`Now acting as ${user}`);
    void openSpreadsheet();
    if (!byId('sidebar').hidden) openSidebar();
  });
  byId('clock-set').addEventListener('click', () => {
    const value = byId<HTMLInputElement>('clock-input').value;
    if (value) void setClock({ local: value }, value);
  });
  for (const b of document.querySelectorAll<HTMLButtonElement>('[data-advance]')) {
    b.addEventListener('click', () => void setClock({ advanceMinutes: Number(b.dataset.advance) }, b.textContent ?? ''));
  }
  byId('run-sweep').addEventListener('click', () => void runFn('sweep', 'sweep'));
  wireFormulaBar(byId<HTMLFormElement>('formula-bar'), byId<HTMLInputElement>('cell-content'), () => refresh(true), setStatus);
  byId('run-hourly').addEventListener(
    'click',
    () =>
      void act('Hourly triggers', async () => {
        const r = await postJson<RunResponse>('/api/hourly', {});
        setStatus(`Hourly triggers: ${summarise(r.ok ? r.value : null, r.executions)}`);
        return r;
      }),
  );
  byId('demo').addEventListener(
    'click',
    () =>
      void act('Load demo applicants', async () => {
        const r = await postJson<DemoProgress>('/api/demo', { count: 300 });
        demoSeen = true;
        setStatus(demoText(r));
        return r;
      }),
  );
  byId('reset').addEventListener('click', () => {
    if (!confirm('Reset the emulated workspace? Every tab, email, event and execution is deleted.')) return;
    void act('Reset', async () => {
      const s = await postJson<DevState>('/api/reset', {});
      // the new workspace numbers its dialogs from the start again
      dialogSeen = s.dialog?.n ?? -1;
      setStatus('Workspace reset: a new, empty spreadsheet');
      await openSpreadsheet();
      if (!byId('sidebar').hidden) openSidebar();
      return s;
    });
  });
  byId('sidebar-close').addEventListener('click', closeSidebar);
  byId('dialog-close').addEventListener('click', closeDialog);
  byId('sidebar-reload').addEventListener('click', openSidebar);
  byId('sidebar-open').addEventListener('click', openSidebar);
  window.addEventListener('message', (e: MessageEvent) => {
    if (e.origin !== location.origin) return;
    const data = e.data as { source?: string; type?: string; fn?: string; ok?: boolean; error?: DevError | null };
    if (data?.source !== 'gas-dev') return;
    const fromDialog = e.source === byId<HTMLIFrameElement>('dialog-frame').contentWindow;
    if (data.type === 'close') {
      if (fromDialog) closeDialog();
      else closeSidebar();
    }
    if (data.type === 'resize' && fromDialog) {
      const size = data as { width?: unknown; height?: unknown };
      if (typeof size.width === 'number') dialogSize.width = size.width;
      if (typeof size.height === 'number') dialogSize.height = size.height;
      sizeDialog();
    }
    if (data.type === 'run') {
      if (!data.ok && data.error) showError(`google.script.run.${data.fn ?? '?'}`, data.error);
      void refresh(true);
    }
    if (data.type === 'submitted') void refresh(true);
  });
  document.addEventListener('click', (e) => {
    for (const panel of document.querySelectorAll<HTMLElement>('.menu-panel')) {
      if (!panel.parentElement?.contains(e.target as Node)) {
        panel.hidden = true;
        panel.parentElement?.querySelector('.menu-button')?.setAttribute('aria-expanded', 'false');
      }
    }
  });
}

async function main(): Promise<void> {
  wire();
  await refresh(true);
  if (!state) return;
  if (!state.users.includes(user)) user = state.owner;
  byId<HTMLSelectElement>('user').value = user;
  await openSpreadsheet();
  if (localStorage.getItem('dev.sidebar') === 'closed') closeSidebar();
  else openSidebar();
  showView(VIEWS.includes(view) ? view : 'sheet');
  setInterval(() => {
    if (busy === 0) void refresh();
  }, 2000);
}

void main();
