// The review window: the table of applications (sortable, paged) beside the details of the active
// one, the filters above, the decision bar below. Keyboard: ↑/↓ move, Space selects, A/W/D/X/R
// decide, / searches. Decisions act on the selection, or on the application shown when nothing
// is selected.
import { useCallback, useEffect, useMemo, useRef, useState } from 'preact/hooks';
import type { WireStatus } from '../../../shared/wire';
import { AppTable } from '../../components/AppTable';
import { CountsTable } from '../../components/Counts';
import { DecisionBar } from '../../components/DecisionBar';
import { Detail } from '../../components/Detail';
import { ErrorBanner } from '../../components/ErrorBanner';
import { Filters } from '../../components/Filters';
import { LiveLine } from '../../components/LiveLine';
import { OfferBlock, offerFor, Offers, type Offer } from '../../components/Offers';
import { Overview } from '../../components/Overview';
import { PreviewControls, PreviewPanel, usePreview } from '../../components/Preview';
import { ResultMessage } from '../../components/ResultMessage';
import { ViewPanel, ViewTabs, type ViewDef } from '../../components/ViewTabs';
import { MembersView } from '../../members/MembersView';
import { applyFilter, EMPTY_FILTER, pageOf, sortItems, type Filter, type Sort, type SortKey } from '../../review/filter';
import { countShownSelected, selectedTargets, staleSelected, staleText } from '../../review/selection';
import { useDecisionFlow, type Targets } from '../../review/useDecisionFlow';
import { useReview } from '../../review/useReview';
import { ACTIONS } from '../../review/vocabulary';

import { TableHead } from './TableHead';
const PAGE_SIZE = 100;

// The window's views. Adding one (e.g. members) = one entry here + one <ViewPanel> below.
type ViewId = 'list' | 'overview' | 'members';
const VIEWS: ViewDef<ViewId>[] = [
  { id: 'list', label: 'Applications' },
  { id: 'overview', label: 'Overview' },
  { id: 'members', label: 'Members' },
];

function typingIn(target: EventTarget | null): boolean {
  const el = target as HTMLElement | null;
  if (!el || !el.tagName) return false;
  const tag = el.tagName.toLowerCase();
  if (tag === 'textarea' || tag === 'select') return true;
  if (tag === 'input') return !['checkbox', 'radio', 'button'].includes((el as HTMLInputElement).type);
  return el.isContentEditable;
}

export function ReviewWindow() {
  const review = useReview();
  const { state, index, byId, selection } = review;
  const [view, setView] = useState<ViewId>('list');
  const [filter, setFilterState] = useState<Filter>(EMPTY_FILTER);
  const [sort, setSort] = useState<Sort | null>(null);
  const [page, setPage] = useState(0);
  /** the application shown beside the table, with the status it had when it became active */
  const [active, setActive] = useState<{ id: string; seen: WireStatus | null } | null>(null);
  const preview = usePreview();
  const searchRef = useRef<HTMLInputElement>(null);
  const tableWrap = useRef<HTMLDivElement>(null);
  const focusActive = useRef(false);

  const communityNames = useMemo(() => new Map(state?.communities.map((c) => [c.key, c.name]) ?? []), [state]);
  const filtered = useMemo(() => applyFilter(index, filter), [index, filter]);
  const sorted = useMemo(() => sortItems(filtered, sort, (k) => communityNames.get(k) ?? k), [filtered, sort, communityNames]);
  const pg = pageOf(sorted, page, PAGE_SIZE);
  const shownSelected = countShownSelected(filtered, selection);
  const activeItem = active ? byId.get(active.id) : undefined;

  // The active row: kept across refreshes while it exists; else the first row shown.
  useEffect(() => {
    if (!state) return;
    if (active && activeItem) {
      if (active.seen === null) setActive({ id: active.id, seen: activeItem.app.status });
      return;
    }
    const first = pg.items[0];
    setActive(first ? { id: first.app.id, seen: first.app.status } : null);
  }, [state, active, activeItem, pg.items]);

  // After a keyboard move, focus follows the active row's checkbox.
  useEffect(() => {
    if (!focusActive.current || !active) return;
    focusActive.current = false;
    const box = tableWrap.current?.querySelector<HTMLInputElement>(`input[data-id="${CSS.escape(active.id)}"]`);
    box?.focus();
    box?.closest('tr')?.scrollIntoView({ block: 'nearest' });
  }, [active, pg.page]);

  const targetsNow = (): Targets => {
    if (selection.size > 0) return { targets: selectedTargets(index, selection), replaceSelection: true };
    if (active && activeItem && active.seen) return { targets: [{ id: active.id, expected: active.seen }], replaceSelection: false };
    return { targets: [], replaceSelection: false };
  };
  const flow = useDecisionFlow(review, targetsNow, () => setActive((a) => (a ? { id: a.id, seen: null } : a)));

  const setFilter = (change: Partial<Filter>) => {
    setFilterState((f) => ({ ...f, ...change }));
    setPage(0);
    setActive(null);
  };
  const toggle = useCallback((id: string, on: boolean) => review.select([id], on), [review.select]);
  const activate = useCallback((id: string) => setActive((a) => (a?.id === id ? a : { id, seen: null })), []);
  const onSort = (key: SortKey) => {
    setSort((s) => (s?.key === key ? { key, dir: s.dir === 'asc' ? 'desc' : 'asc' } : { key, dir: 'asc' }));
    setPage(0);
  };

  const move = (delta: number | 'first' | 'last') => {
    const list = sorted;
    if (list.length === 0) return;
    const at = active ? list.findIndex((i) => i.app.id === active.id) : -1;
    const to = delta === 'first' ? 0 : delta === 'last' ? list.length - 1 : Math.min(list.length - 1, Math.max(0, (at < 0 ? 0 : at) + delta));
    const item = list[to];
    focusActive.current = true;
    setPage(Math.floor(to / PAGE_SIZE));
    setActive({ id: item.app.id, seen: item.app.status });
  };

  const onTableKey = (e: KeyboardEvent) => {
    if (e.altKey || e.ctrlKey || e.metaKey) return;
    if (e.key === 'ArrowDown' || e.key === 'ArrowUp') {
      e.preventDefault();
      move(e.key === 'ArrowDown' ? 1 : -1);
    } else if (e.key === 'PageDown' || e.key === 'PageUp') {
      e.preventDefault();
      move(e.key === 'PageDown' ? 10 : -10);
    } else if ((e.key === 'Home' || e.key === 'End') && (e.target as HTMLElement).tagName === 'INPUT') {
      e.preventDefault();
      move(e.key === 'Home' ? 'first' : 'last');
    }
  };

  // Decision and search shortcuts anywhere in the window, except while typing. The listener is
  // registered once and calls the handler of the latest render: an effect re-registering it would
  // run after paint, so a key pressed just after "2 selected" appears would still reach the
  // previous render's handler and decide on the previous selection.
  const onDocumentKey = useRef<(e: KeyboardEvent) => void>(() => undefined);
  onDocumentKey.current = (e: KeyboardEvent) => {
    if (e.altKey || e.ctrlKey || e.metaKey || e.defaultPrevented || view !== 'list') return;
    if (typingIn(e.target)) return;
    if (e.key === '/') {
      e.preventDefault();
      searchRef.current?.focus();
      return;
    }
    const action = ACTIONS.find((a) => a.key === e.key.toLowerCase());
    if (!action || flow.confirming || review.busy || !state?.canDecide) return;
    e.preventDefault();
    flow.request(action.decision);
  };
  useEffect(() => {
    const onKey = (e: KeyboardEvent) => onDocumentKey.current(e);
    document.addEventListener('keydown', onKey);
    return () => document.removeEventListener('keydown', onKey);
  }, []);

  const offer = (o: Offer) => flow.requestFor('accept', { targets: [{ id: o.app.id, expected: 'Waitlisted' }], replaceSelection: false });
  const canDecide = state?.canDecide ?? false;
  const hidden = selection.size - shownSelected;
  const stale = staleSelected(selection, byId);
  const activeChanged = active?.seen && activeItem && activeItem.app.status !== active.seen ? active.seen : null;

  const targetLine =
    selection.size > 0 ? (
      <>
        <span>{selection.size.toLocaleString('en-US')} selected</span>
        {hidden > 0 ? <span> ({hidden.toLocaleString('en-US')} not shown by the filters)</span> : null}
        <button type="button" class="link inline" onClick={review.clearSelection}>
          Clear selection
        </button>
      </>
    ) : activeItem ? (
      <span>Decide on {activeItem.fullName} (shown beside the table), or select applications</span>
    ) : (
      <span>Select applications to decide on them.</span>
    );

  const previewTarget = () => {
    const first = selection.size > 0 ? byId.get(selectedTargets(index, selection)[0].id) : activeItem;
    return first ? { id: first.app.id, name: first.fullName, context: selection.size > 1 ? ` (first of ${selection.size} selected)` : '' } : null;
  };
  const result = review.outcome ? (
    <ResultMessage outcome={review.outcome} state={state} onDismiss={review.dismissOutcome} nameOf={(id) => byId.get(id)?.fullName ?? id} />
  ) : null;

  return (
    <div class="window">
      <header class="top">
        <div>
          <h1 class="program">{state?.program || 'Communities of Practice'}</h1>
          {state?.user ? <p class="muted who">Signed in as {state.user}</p> : null}
        </div>
        <ViewTabs views={VIEWS} current={view} onChange={(v) => setView(v)} />
        <LiveLine live={review.live} />
        <button type="button" disabled={Boolean(review.busy)} onClick={() => void review.reload()}>
          Refresh
        </button>
      </header>
      <ErrorBanner message={review.error} onDismiss={() => review.setError('')} />
      {!state ? (
        <p>{review.busy || 'Loading…'}</p>
      ) : (
        <>
          <ViewPanel label="Applications" hidden={view !== 'list'}>
            <h2 class="sr-only">Applications</h2>
            <div class="strip">
              <CountsTable state={state} />
              <Offers communities={state.communities} index={index} disabled={Boolean(review.busy) || !canDecide} onOffer={offer} />
            </div>
            <Filters communities={state.communities} filter={filter} onChange={setFilter} layout="row" searchRef={searchRef} />
            <div class="panes">
              <div class="table-pane">
                <TableHead
                  shown={filtered.length}
                  total={index.length}
                  shownSelected={shownSelected}
                  pg={pg}
                  onSelectAll={(on) =>
                    review.select(
                      filtered.map((i) => i.app.id),
                      on,
                    )
                  }
                  setPage={setPage}
                />
                <div class="table-scroll" ref={tableWrap}>
                  <AppTable
                    state={state}
                    items={pg.items}
                    communityNames={communityNames}
                    selection={selection}
                    activeId={active?.id ?? null}
                    sort={sort}
                    onSort={onSort}
                    onToggle={toggle}
                    onActivate={activate}
                    onKeyDown={onTableKey}
                    emptyText={index.length ? 'No applications match these filters.' : 'No applications yet.'}
                  />
                </div>
              </div>
              {/* focusable: it scrolls on its own, and keyboard users must be able to scroll it */}
              <aside class="detail-pane" aria-label="Application details" tabIndex={0}>
                <PreviewPanel preview={preview} />
                {activeItem ? (
                  <Detail
                    state={state}
                    app={activeItem.app}
                    changedNote={
                      activeChanged
                        ? `Changed elsewhere since you opened it: it is ${activeItem.app.status} now, you saw ${activeChanged}. A decision on it will be refused; move away and back to decide on it as it is now.`
                        : undefined
                    }
                  />
                ) : (
                  <p class="muted">No application to show.</p>
                )}
              </aside>
            </div>
            <DecisionBar
              flow={flow}
              canDecide={canDecide}
              busy={review.busy}
              hasTargets={selection.size > 0 || activeItem !== undefined}
              targetLine={targetLine}
              staleNote={staleText(stale)}
              shortcuts
              result={result}
              preview={
                <PreviewControls
                  preview={preview}
                  disabled={Boolean(review.busy) || (selection.size === 0 && !activeItem)}
                  onPreview={() => {
                    const t = previewTarget();
                    void preview.open(t, t?.context);
                  }}
                />
              }
            />
          </ViewPanel>
          <ViewPanel label="Overview" hidden={view !== 'overview'}>
            <h2 class="sr-only">Overview</h2>
            {view === 'overview' ? result : null}
            {view === 'overview' ? (
              <Overview
                state={state}
                offer={(c) => {
                  const o = offerFor(index, c);
                  return o ? <OfferBlock offer={o} disabled={Boolean(review.busy) || !canDecide} onOffer={offer} /> : null;
                }}
              />
            ) : null}
          </ViewPanel>
          <ViewPanel label="Members" hidden={view !== 'members'}>
            {view === 'members' ? <MembersView layout="window" embedded /> : null}
          </ViewPanel>
        </>
      )}
    </div>
  );
}
