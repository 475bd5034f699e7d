import { useCallback, useEffect, useMemo, useRef, useState } from 'preact/hooks';
import type { WireStatus } from '../../../shared/wire';
import { AppList } from '../../components/AppList';
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
import { applyFilter, EMPTY_FILTER, pageOf, type Filter } from '../../review/filter';
import { countShownSelected, selectedTargets, staleSelected, staleText } from '../../review/selection';
import { useDecisionFlow, type Targets } from '../../review/useDecisionFlow';
import { useReview } from '../../review/useReview';
import { call, errorText } from '../../rpc';

const PAGE_SIZE = 50;

// The sidebar's views. Adding one (e.g. members) = one entry here + one <ViewPanel> below.
type ViewId = 'list' | 'overview' | 'members';
const VIEWS: ViewDef<ViewId>[] = [
  { id: 'list', label: 'Applications' },
  { id: 'overview', label: 'Overview' },
  { id: 'members', label: 'Members' },
];

export function Sidebar() {
  const review = useReview();
  const { state, index, byId, selection } = review;
  const [view, setView] = useState<ViewId>('list');
  const [filter, setFilterState] = useState<Filter>(EMPTY_FILTER);
  const [page, setPage] = useState(0);
  /** the application open in the detail view, with the status it had when opened */
  const [detail, setDetail] = useState<{ id: string; seen: WireStatus | null } | null>(null);
  const preview = usePreview();
  const previewHeading = useRef<HTMLHeadingElement>(null);
  const detailHeading = useRef<HTMLHeadingElement>(null);
  const selectAllRef = useRef<HTMLInputElement>(null);

  const communityNames = useMemo(() => new Map(state?.communities.map((c) => [c.key, c.name]) ?? []), [state]);
  const filtered = useMemo(() => applyFilter(index, filter), [index, filter]);
  const pg = pageOf(filtered, page, PAGE_SIZE);
  const shownSelected = countShownSelected(filtered, selection);

  const detailItem = detail ? byId.get(detail.id) : undefined;
  // The detail view closes when its application is gone; its "seen" status is filled once known.
  useEffect(() => {
    if (detail && !detailItem && state) setDetail(null);
    else if (detail && detailItem && detail.seen === null) setDetail({ id: detail.id, seen: detailItem.app.status });
  }, [detail, detailItem, state]);

  const inDetail = view === 'list' && detail !== null && detailItem !== undefined;
  const targetsNow = (): Targets =>
    inDetail && detail && detail.seen
      ? { targets: [{ id: detail.id, expected: detail.seen }], replaceSelection: false }
      : { targets: selectedTargets(index, selection), replaceSelection: true };
  const flow = useDecisionFlow(review, targetsNow, () => setDetail((d) => (d ? { id: d.id, seen: null } : d)));

  useEffect(() => {
    if (selectAllRef.current) selectAllRef.current.indeterminate = shownSelected > 0 && shownSelected < filtered.length;
  }, [shownSelected, filtered.length]);

  const setFilter = (change: Partial<Filter>) => {
    setFilterState((f) => ({ ...f, ...change }));
    setPage(0);
  };
  const toggle = useCallback((id: string, on: boolean) => review.select([id], on), [review.select]);
  const openDetail = useCallback((id: string) => {
    setDetail({ id, seen: null });
    setTimeout(() => detailHeading.current?.focus(), 0);
  }, []);
  const backToList = () => {
    const id = detail?.id;
    setDetail(null);
    setTimeout(() => {
      const box = id ? document.querySelector<HTMLInputElement>(`ul.apps input[data-id="${CSS.escape(id)}"]`) : null;
      (box ?? document.getElementById('f-search'))?.focus();
    }, 0);
  };
  const offer = (o: Offer) => flow.requestFor('accept', { targets: [{ id: o.app.id, expected: 'Waitlisted' }], replaceSelection: false });
  const openWindow = async () => {
    try {
      await call('showReviewWindow');
    } catch (e) {
      review.setError(`Could not open the review window: ${errorText(e)}`);
    }
  };

  const canDecide = state?.canDecide ?? false;
  const selectedCount = selection.size;
  const hidden = selectedCount - shownSelected;
  const stale = staleSelected(selection, byId);
  const detailChanged = inDetail && detail?.seen && detailItem && detailItem.app.status !== detail.seen ? detail.seen : null;

  const targetLine =
    inDetail && detailItem ? (
      <span>Decide on {detailItem.fullName} (shown)</span>
    ) : selectedCount ? (
      <>
        <span>{selectedCount.toLocaleString('en-US')} selected</span>
        {hidden > 0 ? <span> ({hidden.toLocaleString('en-US')} not shown by the filters)</span> : null}
      </>
    ) : (
      <span>Select applications to decide on them.</span>
    );

  const previewTarget = () => {
    if (inDetail && detailItem) return { id: detailItem.app.id, name: detailItem.fullName, context: '' };
    const first = selectedTargets(index, selection)[0];
    const item = first ? byId.get(first.id) : undefined;
    return item ? { id: item.app.id, name: item.fullName, context: selectedCount > 1 ? ` (first of ${selectedCount} selected)` : '' } : null;
  };

  return (
    <>
      <header class="top">
        <div>
          <h1 class="program">{state?.program || 'Communities of Practice'}</h1>
          {state?.user ? <p class="muted who">Signed in as {state.user}</p> : null}
        </div>
        <button type="button" disabled={Boolean(review.busy)} onClick={() => void review.reload()}>
          Refresh
        </button>
      </header>
      <p class="open-window">
        <button type="button" class="link" onClick={() => void openWindow()}>
          Open the large review window
        </button>
      </p>
      <LiveLine live={review.live} />
      <ViewTabs views={VIEWS} current={view} onChange={(v) => setView(v)} />
      <ErrorBanner message={review.error} onDismiss={() => review.setError('')} />
      <PreviewPanel preview={preview} headingRef={previewHeading} />
      {!state ? (
        <p>{review.busy || 'Loading…'}</p>
      ) : (
        <>
          <ViewPanel label="Applications" hidden={view !== 'list'}>
            {inDetail && detailItem ? (
              <>
                <button type="button" class="link" onClick={backToList}>
                  ← Back to the list
                </button>
                <Detail
                  state={state}
                  app={detailItem.app}
                  headingRef={detailHeading}
                  changedNote={
                    detailChanged
                      ? `Changed elsewhere since you opened it: it is ${detailItem.app.status} now, you saw ${detailChanged}. A decision here will be refused; open it again to decide on it as it is now.`
                      : undefined
                  }
                />
              </>
            ) : (
              <>
                <h2 class="sr-only">Applications</h2>
                <CountsTable state={state} />
                <Offers communities={state.communities} index={index} disabled={Boolean(review.busy) || !canDecide} onOffer={offer} />
                <Filters communities={state.communities} filter={filter} onChange={setFilter} layout="stacked" />
                <p class="summary" aria-live="polite">
                  {filtered.length
                    ? `Showing ${pg.first}–${pg.last} of ${filtered.length.toLocaleString('en-US')}${filtered.length !== index.length ? ` (${index.length.toLocaleString('en-US')} in all)` : ''}`
                    : `Showing 0 of ${index.length.toLocaleString('en-US')}`}
                </p>
                <div class="select-row">
                  <span class="check">
                    <input
                      type="checkbox"
                      id="select-all"
                      ref={selectAllRef}
                      checked={filtered.length > 0 && shownSelected === filtered.length}
                      disabled={filtered.length === 0}
                      onChange={(e) =>
                        review.select(
                          filtered.map((i) => i.app.id),
                          e.currentTarget.checked,
                        )
                      }
                    />
                    <label for="select-all">Select all shown ({filtered.length.toLocaleString('en-US')})</label>
                  </span>
                  <button type="button" class="link" disabled={selectedCount === 0} onClick={review.clearSelection}>
                    Clear selection
                  </button>
                </div>
                <AppList
                  items={pg.items}
                  communityNames={communityNames}
                  selection={selection}
                  onToggle={toggle}
                  onDetails={openDetail}
                  emptyText={index.length ? 'No applications match these filters.' : 'No applications yet.'}
                />
                <nav class="pager" aria-label="Pages">
                  <button type="button" disabled={pg.page === 0} onClick={() => setPage(pg.page - 1)}>
                    Previous page
                  </button>
                  <span class="muted">
                    Page {pg.page + 1} of {pg.pages}
                  </span>
                  <button type="button" disabled={pg.page >= pg.pages - 1} onClick={() => setPage(pg.page + 1)}>
                    Next page
                  </button>
                </nav>
              </>
            )}
          </ViewPanel>
          <ViewPanel label="Overview" hidden={view !== 'overview'}>
            <h2 class="sr-only">Overview</h2>
            {view === 'overview' && review.outcome ? (
              <ResultMessage outcome={review.outcome} state={state} onDismiss={review.dismissOutcome} nameOf={(id) => byId.get(id)?.fullName ?? id} />
            ) : null}
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
            {view === 'members' ? <MembersView layout="sidebar" embedded /> : null}
          </ViewPanel>
        </>
      )}
      {view === 'list' ? (
        <DecisionBar
          flow={flow}
          canDecide={canDecide}
          busy={review.busy}
          hasTargets={inDetail || selectedCount > 0}
          targetLine={targetLine}
          staleNote={inDetail ? undefined : staleText(stale)}
          result={
            review.outcome ? (
              <ResultMessage outcome={review.outcome} state={state} onDismiss={review.dismissOutcome} nameOf={(id) => byId.get(id)?.fullName ?? id} />
            ) : null
          }
          preview={
            inDetail || selectedCount > 0 ? (
              <PreviewControls
                preview={preview}
                disabled={Boolean(review.busy)}
                onPreview={() => {
                  const t = previewTarget();
                  void preview.open(t, t?.context).then(() => {
                    previewHeading.current?.focus();
                    document.querySelector('.preview')?.scrollIntoView({ block: 'start' });
                  });
                }}
              />
            ) : null
          }
        />
      ) : null}
    </>
  );
}
