// The review sidebar: loads the review state in one call, lets staff filter, select, preview and
// decide, and shows exactly what each decision did. The list is paged, so 5,000 applications
// render as 50 rows; filtering runs over an index built once per load.
import { nextFromWaitlist } from '../shared/clientRules';
import type { Decision, DecideRequest, DecideSuccess, ReviewState, WireApplication, WireCommunity, WireStatus } from '../shared/wire';
import { communityName, renderDetail } from './detail';
import { el, nextId, replaceChildren, type Child } from './dom';
import { ANY, applyFilter, EMPTY_FILTER, indexApplications, NO_FLAGS, pageOf, type Filter, type Indexed } from './filter';
import { plural } from './format';
import { capacityText, renderOverview } from './overview';
import { renderResult } from './result';
import { call, errorText } from '../ui/rpc';

const PAGE_SIZE = 50;
const MAX_PER_REQUEST = 5000;
const STATUSES: WireStatus[] = ['Pending', 'Accepted', 'Waitlisted', 'Declined', 'Withdrawn'];
const FLAG_OPTIONS = ['late', 'eligibility-review', 'resubmitted', 'personal-email', 'incomplete', 'unknown-community'];
const ACTIONS: { decision: Decision; label: string; cls: string }[] = [
  { decision: 'accept', label: 'Accept', cls: 'action' },
  { decision: 'waitlist', label: 'Waitlist', cls: '' },
  { decision: 'decline', label: 'Decline', cls: '' },
  { decision: 'withdraw', label: 'Withdraw', cls: '' },
  { decision: 'reopen', label: 'Reopen', cls: '' },
];

type View = 'list' | 'detail' | 'overview';

interface Model {
  state: ReviewState | null;
  index: Indexed[];
  byId: Map<string, Indexed>;
  filter: Filter;
  filtered: Indexed[];
  page: number;
  selected: Set<string>;
  view: View;
  detailId: string | null;
  busy: boolean;
}

const m: Model = {
  state: null,
  index: [],
  byId: new Map(),
  filter: { ...EMPTY_FILTER },
  filtered: [],
  page: 0,
  selected: new Set(),
  view: 'list',
  detailId: null,
  busy: false,
};

// ---------------------------------------------------------------------------------------------
// The page skeleton is built once; its parts are refreshed in place so focus and typed text stay.

const root = document.getElementById('app') as HTMLElement;

const programHeading = el('h1', { class: 'program' }, 'Communities of Practice');
const whoLine = el('p', { class: 'muted who' });
const refreshButton = el('button', { type: 'button', onclick: () => void reload() }, 'Refresh');
const tabList = el('button', { type: 'button', class: 'tab', 'aria-pressed': 'true', onclick: () => showView('list') }, 'Applications');
const tabOverview = el('button', { type: 'button', class: 'tab', 'aria-pressed': 'false', onclick: () => showView('overview') }, 'Overview');
const alertBox = el('div', { class: 'error', role: 'alert' });
const resultBox = el('div', { class: 'result-box' });
const busyLine = el('p', { class: 'muted busy', role: 'status' });

const communitySelect = el('select', { id: 'f-community', onchange: () => setFilter({ community: communitySelect.value }) });
const statusSelect = el('select', { id: 'f-status', onchange: () => setFilter({ status: statusSelect.value as Filter['status'] }) });
const flagSelect = el('select', { id: 'f-flag', onchange: () => setFilter({ flag: flagSelect.value }) });
const searchInput = el('input', {
  id: 'f-search',
  type: 'search',
  placeholder: 'Name, email, agency or state',
  autocomplete: 'off',
  oninput: () => setFilter({ query: searchInput.value }),
});
const countsBox = el('div', { class: 'counts-box' });
const offersBox = el('div', { class: 'offers' });
const summaryLine = el('p', { class: 'summary', 'aria-live': 'polite' });
const selectAll = el('input', { type: 'checkbox', id: 'select-all', onchange: () => toggleAllShown(selectAll.checked) });
const selectAllLabel = el('label', { for: 'select-all' }, 'Select all shown');
const clearButton = el('button', { type: 'button', class: 'link', onclick: () => clearSelection() }, 'Clear selection');
const appList = el('ul', { class: 'apps', 'aria-label': 'Applications' });
const prevButton = el('button', { type: 'button', onclick: () => goPage(m.page - 1) }, 'Previous page');
const nextButton = el('button', { type: 'button', onclick: () => goPage(m.page + 1) }, 'Next page');
const pageLine = el('span', { class: 'muted' });

const listView = el(
  'section',
  { class: 'view', 'aria-labelledby': 'list-heading' },
  el('h2', { id: 'list-heading', class: 'sr-only' }, 'Applications'),
  countsBox,
  offersBox,
  el(
    'div',
    { class: 'filters' },
    el('div', { class: 'field' }, el('label', { for: 'f-community' }, 'Community'), communitySelect),
    el('div', { class: 'field half' }, el('label', { for: 'f-status' }, 'Status'), statusSelect),
    el('div', { class: 'field half' }, el('label', { for: 'f-flag' }, 'Flag'), flagSelect),
    el('div', { class: 'field' }, el('label', { for: 'f-search' }, 'Search'), searchInput),
  ),
  summaryLine,
  el('div', { class: 'select-row' }, el('span', { class: 'check' }, selectAll, selectAllLabel), clearButton),
  appList,
  el('nav', { class: 'pager', 'aria-label': 'Pages' }, prevButton, pageLine, nextButton),
);
const detailView = el('section', { class: 'view', hidden: true });
const overviewView = el('section', { class: 'view', hidden: true, 'aria-label': 'Overview' });

const selectionLine = el('p', { class: 'selection', 'aria-live': 'polite' });
const noteInput = el('textarea', { id: 'note', rows: '2', maxlength: '2000', placeholder: 'Recorded in the Note column and the Log' });
const overrideBox = el('input', { type: 'checkbox', id: 'override' });
const readOnlyLine = el('p', { class: 'muted', hidden: true }, 'Only the reviewers listed in Settings can decide. You can look, filter and preview.');
const actionButtons = ACTIONS.map((a) =>
  el('button', { type: 'button', class: a.cls, 'data-decision': a.decision, onclick: () => void decideSelected(a.decision) }, a.label),
);
const previewDecision = el(
  'select',
  { id: 'preview-decision' },
  ACTIONS.filter((a) => a.decision !== 'reopen').map((a) => el('option', { value: a.decision }, a.label)),
);
const previewButton = el('button', { type: 'button', onclick: () => void preview() }, 'Preview email');
// Outside the sticky action panel: an email is long, and the panel must not cover the page.
const previewBox = el('div', { class: 'preview' });

const noteField = el('div', { class: 'field' }, el('label', { for: 'note' }, 'Note (optional)'), noteInput);
const overrideRow = el('div', { class: 'check' }, overrideBox, el('label', { for: 'override' }, 'Override capacity (accept even when full)'));
const previewRow = el(
  'div',
  { class: 'preview-row' },
  el('label', { for: 'preview-decision' }, 'Email for'),
  previewDecision,
  previewButton,
);

const actionsPanel = el(
  'section',
  { class: 'actions', 'aria-label': 'Decide' },
  selectionLine,
  readOnlyLine,
  noteField,
  overrideRow,
  el('div', { class: 'buttons' }, actionButtons),
  previewRow,
);

replaceChildren(
  root,
  el('header', { class: 'top' }, el('div', {}, programHeading, whoLine), refreshButton),
  el('nav', { class: 'tabs', 'aria-label': 'Views' }, tabList, tabOverview),
  alertBox,
  busyLine,
  resultBox,
  previewBox,
  listView,
  detailView,
  overviewView,
  actionsPanel,
);
alertBox.hidden = true;

// ---------------------------------------------------------------------------------------------
// Errors are always shown; nothing is swallowed.

function showError(message: string): void {
  alertBox.hidden = false;
  replaceChildren(
    alertBox,
    el('p', {}, message),
    el('button', { type: 'button', class: 'link', onclick: () => clearError() }, 'Dismiss error'),
  );
}

function clearError(): void {
  alertBox.hidden = true;
  replaceChildren(alertBox);
}

window.addEventListener('error', (e) => showError(`Something went wrong in the sidebar: ${e.message}`));
window.addEventListener('unhandledrejection', (e) => showError(`Something went wrong in the sidebar: ${errorText(e.reason)}`));

// ---------------------------------------------------------------------------------------------
// Busy: every control that calls the server is disabled while a call is in flight.

function setBusy(busy: boolean, what = ''): void {
  m.busy = busy;
  root.setAttribute('aria-busy', String(busy));
  busyLine.textContent = busy ? what : '';
  refreshButton.disabled = busy;
  previewButton.disabled = busy;
  for (const b of Array.from(root.querySelectorAll<HTMLButtonElement>('button[data-offer]'))) b.disabled = busy;
  updateSelectionUi();
}

// ---------------------------------------------------------------------------------------------
// Loading

async function reload(): Promise<boolean> {
  setBusy(true, 'Loading applications…');
  try {
    const asked = performance.now();
    const res = await call('getReviewState');
    if (!res.ok) {
      showError(`Could not load the applications: ${res.error}`);
      return false;
    }
    const received = performance.now();
    setState(res);
    // Timings for tests and for anyone profiling a large sheet in the browser's tools.
    performance.measure('cop:getReviewState', { start: asked, end: received });
    performance.measure('cop:render', { start: received, end: performance.now() });
    return true;
  } catch (e) {
    showError(`Could not load the applications: ${errorText(e)}`);
    return false;
  } finally {
    setBusy(false);
  }
}

function setState(state: ReviewState): void {
  m.state = state;
  m.index = indexApplications(state.applications);
  m.byId = new Map(m.index.map((i) => [i.app.id, i]));
  for (const id of Array.from(m.selected)) if (!m.byId.has(id)) m.selected.delete(id);
  if (m.detailId && !m.byId.has(m.detailId)) {
    m.detailId = null;
    if (m.view === 'detail') m.view = 'list';
  }
  programHeading.textContent = state.program || 'Communities of Practice';
  whoLine.textContent = state.user ? `Signed in as ${state.user}` : '';
  readOnlyLine.hidden = state.canDecide;
  fillFilterOptions(state);
  renderCounts(state);
  renderOffers();
  applyAndRenderList();
  if (m.view === 'overview') renderOverviewView();
  if (m.view === 'detail') renderDetailView();
  showView(m.view, false);
}

function option(value: string, label: string, selected: boolean): HTMLOptionElement {
  return el('option', { value, selected }, label);
}

function fillFilterOptions(state: ReviewState): void {
  const f = m.filter;
  replaceChildren(
    communitySelect,
    option(ANY, 'All communities', f.community === ANY),
    state.communities.map((c) => option(c.key, c.name, f.community === c.key)),
  );
  replaceChildren(statusSelect, option(ANY, 'Any status', f.status === ANY), STATUSES.map((s) => option(s, s, f.status === s)));
  replaceChildren(
    flagSelect,
    option(ANY, 'Any flags', f.flag === ANY),
    option(NO_FLAGS, 'No flags', f.flag === NO_FLAGS),
    FLAG_OPTIONS.map((s) => option(s, s, f.flag === s)),
  );
}

function renderCounts(state: ReviewState): void {
  const abbr = (short: string, long: string) => el('th', { scope: 'col' }, el('abbr', { title: long }, short));
  replaceChildren(
    countsBox,
    el(
      'table',
      { class: 'counts' },
      el('caption', { class: 'sr-only' }, 'Applications by community and status, and capacity'),
      el('thead', {}, el('tr', {}, el('th', { scope: 'col' }, 'Community'), abbr('Pend', 'Pending'), abbr('Acc', 'Accepted'), abbr('Wait', 'Waitlisted'), abbr('Decl', 'Declined'), abbr('Cap', 'Capacity'))),
      el(
        'tbody',
        {},
        state.communities.map((c) =>
          el(
            'tr',
            {},
            el('th', { scope: 'row' }, c.name),
            el('td', {}, c.counts.Pending),
            el('td', { class: c.capacity !== null && c.counts.Accepted > c.capacity ? 'over' : '' }, c.counts.Accepted),
            el('td', {}, c.counts.Waitlisted),
            el('td', {}, c.counts.Declined),
            el('td', {}, c.capacity === null ? '—' : c.capacity),
          ),
        ),
      ),
    ),
  );
}

// ---------------------------------------------------------------------------------------------
// "Promote next from waitlist": when a community with a capacity has a free seat and someone waits.

function offerFor(c: WireCommunity): { app: WireApplication; freeSeats: number } | null {
  if (!m.state) return null;
  const rows = m.index.map((i) => ({
    app: i.app,
    status: i.app.status,
    community: i.app.community,
    waitlistedAt: i.app.decidedAt ? Date.parse(i.app.decidedAt) : Number.MAX_SAFE_INTEGER,
    submittedAt: i.app.submittedAt ? Date.parse(i.app.submittedAt) : Number.MAX_SAFE_INTEGER,
    order: i.order,
  }));
  const offer = nextFromWaitlist(rows, c);
  return offer ? { app: offer.next.app, freeSeats: offer.freeSeats } : null;
}

function offerBlock(c: WireCommunity): Child {
  const offer = offerFor(c);
  if (!offer) return null;
  const name = m.byId.get(offer.app.id)?.fullName ?? offer.app.email;
  const button = el(
    'button',
    {
      type: 'button',
      class: 'action',
      'data-offer': offer.app.id,
      disabled: m.busy || !m.state?.canDecide,
      onclick: () =>
        void runDecide('accept', { applicationIds: [offer.app.id], decision: 'accept', expected: { [offer.app.id]: 'Waitlisted' } }),
    },
    `Offer the seat to ${name}`,
  );
  return el(
    'div',
    { class: 'offer' },
    el('p', {}, `${c.name}: ${plural(offer.freeSeats, 'seat')} free. Next on the waiting list: ${name}.`),
    button,
  );
}

function renderOffers(): void {
  if (!m.state) return;
  replaceChildren(offersBox, m.state.communities.map((c) => offerBlock(c)));
}

// ---------------------------------------------------------------------------------------------
// The list

function setFilter(change: Partial<Filter>): void {
  m.filter = { ...m.filter, ...change };
  m.page = 0;
  applyAndRenderList();
}

function applyAndRenderList(): void {
  m.filtered = applyFilter(m.index, m.filter);
  renderList();
}

function goPage(page: number): void {
  m.page = page;
  renderList();
}

function renderList(): void {
  const state = m.state;
  if (!state) return;
  const page = pageOf(m.filtered, m.page, PAGE_SIZE);
  m.page = page.page;
  const names = new Map(state.communities.map((c) => [c.key, c.name]));
  const frag = document.createDocumentFragment();
  for (const item of page.items) frag.appendChild(listItem(item, names.get(item.app.community) ?? item.app.community));
  replaceChildren(appList, frag);
  if (page.items.length === 0) appList.appendChild(el('li', { class: 'empty' }, m.index.length ? 'No applications match these filters.' : 'No applications yet.'));
  summaryLine.textContent = m.filtered.length
    ? `Showing ${page.first}–${page.last} of ${m.filtered.length.toLocaleString('en-US')}${m.filtered.length !== m.index.length ? ` (${m.index.length.toLocaleString('en-US')} in all)` : ''}`
    : `Showing 0 of ${m.index.length.toLocaleString('en-US')}`;
  pageLine.textContent = `Page ${page.page + 1} of ${page.pages}`;
  prevButton.disabled = page.page === 0;
  nextButton.disabled = page.page >= page.pages - 1;
  updateSelectionUi();
}

function listItem(item: Indexed, community: string): HTMLElement {
  const { app } = item;
  const cbId = `sel-${item.order}`;
  const metaId = `meta-${item.order}`;
  const box = el('input', {
    type: 'checkbox',
    id: cbId,
    'data-id': app.id,
    checked: m.selected.has(app.id),
    'aria-describedby': metaId,
    onchange: () => toggleOne(app.id, box.checked),
  });
  const where = [app.agency, app.state].filter(Boolean).join(' · ');
  return el(
    'li',
    { class: 'app' },
    el(
      'div',
      { class: 'app-head' },
      box,
      el('label', { for: cbId }, el('span', { class: 'name' }, item.fullName), el('span', { class: 'sr-only' }, ', '), el('span', { class: 'comm' }, community)),
      el('span', { class: `badge b-${app.status.toLowerCase()}` }, app.status),
    ),
    el(
      'div',
      { class: 'meta', id: metaId },
      el('span', { class: 'sr-only' }, `${app.status}. `),
      where ? el('div', {}, where) : null,
      el('div', { class: 'email' }, app.email),
      app.flags.length ? el('div', { class: 'flags' }, app.flags.map((f) => el('span', { class: 'flag' }, f))) : null,
    ),
    el('button', { type: 'button', class: 'link', 'aria-label': `Details for ${item.fullName}`, onclick: () => openDetail(app.id) }, 'Details'),
  );
}

// ---------------------------------------------------------------------------------------------
// Selection

function toggleOne(id: string, on: boolean): void {
  if (on) m.selected.add(id);
  else m.selected.delete(id);
  const box = appList.querySelector<HTMLInputElement>(`input[data-id="${CSS.escape(id)}"]`);
  if (box && box.checked !== on) box.checked = on;
  updateSelectionUi();
}

function toggleAllShown(on: boolean): void {
  for (const i of m.filtered) {
    if (on) m.selected.add(i.app.id);
    else m.selected.delete(i.app.id);
  }
  for (const box of Array.from(appList.querySelectorAll<HTMLInputElement>('input[data-id]'))) box.checked = on;
  updateSelectionUi();
}

function clearSelection(): void {
  m.selected.clear();
  for (const box of Array.from(root.querySelectorAll<HTMLInputElement>('input[data-id]'))) box.checked = false;
  updateSelectionUi();
}

function updateSelectionUi(): void {
  const shown = m.filtered.length;
  let shownSelected = 0;
  for (const i of m.filtered) if (m.selected.has(i.app.id)) shownSelected++;
  selectAll.checked = shown > 0 && shownSelected === shown;
  selectAll.indeterminate = shownSelected > 0 && shownSelected < shown;
  selectAll.disabled = shown === 0;
  selectAllLabel.textContent = `Select all shown (${shown.toLocaleString('en-US')})`;
  const hidden = m.selected.size - shownSelected;
  selectionLine.textContent = m.selected.size
    ? `${m.selected.size.toLocaleString('en-US')} selected${hidden > 0 && m.view === 'list' ? ` (${hidden.toLocaleString('en-US')} not shown by the filters)` : ''}`
    : 'Select applications to decide on them.';
  clearButton.disabled = m.selected.size === 0;
  const canDecide = m.state?.canDecide ?? false;
  for (const b of actionButtons) b.disabled = m.busy || m.selected.size === 0 || !canDecide;
  // The panel stays small until there is something to act on, leaving room for the list.
  noteField.hidden = m.selected.size === 0 || !canDecide;
  overrideRow.hidden = m.selected.size === 0 || !canDecide;
  previewRow.hidden = m.selected.size === 0 && m.view !== 'detail';
  actionsPanel.hidden = m.view === 'overview';
}

function selectedInOrder(): Indexed[] {
  return m.index.filter((i) => m.selected.has(i.app.id));
}

// ---------------------------------------------------------------------------------------------
// Views

/** Shows one view; `refresh` re-renders the list (off when setState has just rendered it). */
function showView(view: View, refresh = true): void {
  m.view = view;
  listView.hidden = view !== 'list';
  detailView.hidden = view !== 'detail';
  overviewView.hidden = view !== 'overview';
  tabList.setAttribute('aria-pressed', String(view !== 'overview'));
  tabOverview.setAttribute('aria-pressed', String(view === 'overview'));
  if (view === 'overview') renderOverviewView();
  if (view === 'list' && refresh) renderList();
  updateSelectionUi();
}

function renderOverviewView(): void {
  if (!m.state) return;
  replaceChildren(overviewView, el('h2', { class: 'sr-only' }, 'Overview'), renderOverview(m.state, (c) => offerBlock(c)));
}

function openDetail(id: string): void {
  m.detailId = id;
  renderDetailView();
  showView('detail');
  detailView.querySelector<HTMLElement>('#detail-heading')?.focus();
}

function renderDetailView(): void {
  const state = m.state;
  const item = m.detailId ? m.byId.get(m.detailId) : undefined;
  if (!state || !item) return;
  const id = item.app.id;
  const boxId = nextId('detail-sel');
  const box = el('input', { type: 'checkbox', id: boxId, checked: m.selected.has(id), onchange: () => toggleOne(id, box.checked) });
  replaceChildren(
    detailView,
    el('button', { type: 'button', class: 'link', onclick: () => backToList() }, '← Back to the list'),
    renderDetail(state, item.app, el('div', { class: 'check' }, box, el('label', { for: boxId }, `Select ${item.fullName} for a decision`))),
    el('p', { class: 'muted' }, `${communityName(state, item.app.community)}: ${capacityFor(state, item.app.community)}`),
  );
}

function capacityFor(state: ReviewState, key: string): string {
  const c = state.communities.find((x) => x.key === key);
  return c ? capacityText(c) : 'not a configured community';
}

function backToList(): void {
  const id = m.detailId;
  showView('list');
  const box = id ? appList.querySelector<HTMLInputElement>(`input[data-id="${CSS.escape(id)}"]`) : null;
  (box ?? searchInput).focus();
}

// ---------------------------------------------------------------------------------------------
// Deciding

async function decideSelected(decision: Decision): Promise<void> {
  const items = selectedInOrder();
  if (items.length === 0) {
    showError('Select at least one application first.');
    return;
  }
  if (items.length > MAX_PER_REQUEST) {
    showError(`Decide on at most ${MAX_PER_REQUEST.toLocaleString('en-US')} applications at a time (${items.length.toLocaleString('en-US')} selected).`);
    return;
  }
  const expected: Record<string, WireStatus> = {};
  for (const i of items) expected[i.app.id] = i.app.status;
  const request: DecideRequest = { applicationIds: items.map((i) => i.app.id), decision, expected };
  const note = noteInput.value.trim();
  if (note) request.note = note;
  if (overrideBox.checked) request.overrideCapacity = true;
  await runDecide(decision, request);
}

async function runDecide(decision: Decision, request: DecideRequest): Promise<void> {
  if (m.busy) return;
  clearError();
  const names = new Map(request.applicationIds.map((id) => [id, m.byId.get(id)?.fullName ?? id]));
  setBusy(true, 'Saving the decision…');
  let result: DecideSuccess | null = null;
  try {
    const res = await call('decide', request);
    if (!res.ok) {
      showError(`Nothing was changed: ${res.error}`);
      return;
    }
    result = res;
  } catch (e) {
    showError(`The decision could not be saved: ${errorText(e)}`);
    return;
  } finally {
    setBusy(false);
  }
  const done = result;
  // Keep the refused rows selected so staff can act on them (e.g. override capacity and retry).
  m.selected = new Set(done.skipped.map((s) => s.id));
  noteInput.value = '';
  overrideBox.checked = false;
  replaceChildren(previewBox);
  await reload();
  replaceChildren(
    resultBox,
    renderResult(decision, done, (id) => names.get(id) ?? m.byId.get(id)?.fullName ?? id, m.state, () => replaceChildren(resultBox)),
  );
  resultBox.querySelector<HTMLElement>('#result-heading')?.focus();
}

// ---------------------------------------------------------------------------------------------
// Preview of the email a decision sends

async function preview(): Promise<void> {
  const target = m.view === 'detail' && m.detailId ? m.byId.get(m.detailId) : selectedInOrder()[0];
  const decision = previewDecision.value as Decision;
  if (!target) {
    replaceChildren(previewBox, el('p', { class: 'muted', id: 'preview-heading' }, 'Select an application (or open its details) to preview its email.'));
    return;
  }
  setBusy(true, 'Preparing the preview…');
  try {
    const res = await call('previewNotification', target.app.id, decision);
    if ('ok' in res && res.ok === false) {
      replaceChildren(previewBox, el('p', { class: 'error-text' }, `No preview: ${res.error}`));
      return;
    }
    if (!('subject' in res)) throw new Error('the server returned no email');
    const frame = el('iframe', { title: `HTML version of the email to ${target.fullName}`, sandbox: '', class: 'html-preview' });
    // The HTML is the server's own escaped email; the sandbox (no scripts, no same origin) keeps
    // even a broken escape from running anything here.
    frame.srcdoc = res.html;
    replaceChildren(
      previewBox,
      el(
        'section',
        { 'aria-labelledby': 'preview-heading' },
      el('h2', { id: 'preview-heading', tabindex: '-1' }, `Email to ${target.fullName}`),
      el('p', { class: 'muted' }, `If you choose ${previewDecision.selectedOptions[0]?.textContent ?? decision}${m.selected.size > 1 && m.view !== 'detail' ? ` (first of ${m.selected.size} selected)` : ''}`),
      el('p', {}, el('strong', {}, 'Subject: '), res.subject),
      el('pre', { class: 'mail-text' }, res.text),
      el('details', {}, el('summary', {}, 'HTML version'), frame),
      el('button', { type: 'button', class: 'link', onclick: () => replaceChildren(previewBox) }, 'Close preview'),
      ),
    );
    previewBox.querySelector<HTMLElement>('#preview-heading')?.focus();
    previewBox.scrollIntoView({ block: 'start' });
  } catch (e) {
    showError(`The preview failed: ${errorText(e)}`);
  } finally {
    setBusy(false);
  }
}

updateSelectionUi();
void reload();
