// The review pages' state (sidebar and review window share it): the review state from the server,
// the selection, the decision in flight and its outcome, and the live refresh.
//
// Live: every `pollMs` (20 s; a test sets window.__COP_POLL_MS__) the page asks the server for the
// Applications revision (getReviewRevision: one script-property read, whatever the sheet's size)
// and loads the full state only when it differs from the one its state came with. A refresh
// replaces the data only: the selection, the filters, the typed note and the focus stay.
//
// The selection remembers each application's status WHEN IT WAS SELECTED, and a decision sends
// that as `expected`: a row someone else changed since is refused by the server for that row
// (with the reason), even though the refreshed list already shows its new status.
//
// The poll interval and the words for a change: live.ts (re-exported here).
// Length: one hook; its load, poll, selection and decide share the same refs and state, so it stays whole.
import { useCallback, useEffect, useMemo, useRef, useState } from 'preact/hooks';
import type { DecideRequest, DecideSuccess, Decision, ReviewState, WireStatus } from '../../shared/wire';
import { call, errorText } from '../rpc';
import { indexApplications, type Indexed } from './filter';
import { describeChange, pollInterval, type LiveStatus } from './live';

export { DEFAULT_POLL_MS, describeChange, pollInterval, type LiveStatus } from './live';

export const MAX_PER_REQUEST = 5000;

/** One application a decision acts on, with the status the reviewer saw. */
export interface Target {
  id: string;
  expected: WireStatus;
}

export interface DecisionOutcome {
  decision: Decision;
  result: DecideSuccess;
  /** names as they were when the decision was made */
  names: Map<string, string>;
  /** increases with every outcome, so the message can announce a repeat */
  seq: number;
}

export interface Review {
  state: ReviewState | null;
  index: Indexed[];
  byId: Map<string, Indexed>;
  /** what the page waits for ('' when idle); decision buttons are disabled meanwhile */
  busy: string;
  error: string;
  setError: (message: string) => void;
  outcome: DecisionOutcome | null;
  dismissOutcome: () => void;
  /** id → status when selected */
  selection: ReadonlyMap<string, WireStatus>;
  select: (ids: readonly string[], on: boolean) => void;
  clearSelection: () => void;
  reload: () => Promise<ReviewState | null>;
  /** `replaceSelection`: after a decision on the selection, keep only the refused rows selected */
  decide: (
    decision: Decision,
    targets: readonly Target[],
    options: { note?: string; overrideCapacity?: boolean; replaceSelection: boolean },
  ) => Promise<DecisionOutcome | null>;
  live: LiveStatus;
  /** the time the last state took from arrival to first paint (ms), for the benchmark */
  renderMs: number | null;
}

export function useReview(): Review {
  const [state, setState] = useState<ReviewState | null>(null);
  const [busy, setBusyState] = useState('');
  const [error, setError] = useState('');
  const [outcome, setOutcome] = useState<DecisionOutcome | null>(null);
  const [selection, setSelection] = useState<ReadonlyMap<string, WireStatus>>(new Map());
  const [live, setLive] = useState<LiveStatus>({ checkedAt: null, lastChange: '', lastChangeAt: null, failing: '' });
  const [renderMs, setRenderMs] = useState<number | null>(null);

  // Refs for the poll loop and for callbacks that must see the latest values.
  const stateRef = useRef<ReviewState | null>(null);
  const busyRef = useRef('');
  const loadSeq = useRef(0);
  const loading = useRef(0);
  const outcomeSeq = useRef(0);
  const receivedAt = useRef<number | null>(null);

  const setBusy = (what: string) => {
    busyRef.current = what;
    setBusyState(what);
  };

  const index = useMemo(() => (state ? indexApplications(state.applications) : []), [state]);
  const byId = useMemo(() => new Map(index.map((i) => [i.app.id, i])), [index]);

  // Timing of the first paint after a state arrived (the benchmark's "first render").
  useEffect(() => {
    if (receivedAt.current === null) return;
    const start = receivedAt.current;
    receivedAt.current = null;
    const end = performance.now();
    setRenderMs(Math.round(end - start));
    performance.measure('cop:render', { start, end });
  }, [state]);

  const apply = useCallback((next: ReviewState, silent: boolean) => {
    const before = stateRef.current;
    stateRef.current = next;
    receivedAt.current = performance.now();
    setState(next);
    const ids = new Set(next.applications.map((a) => a.id));
    setSelection((sel) => {
      let gone = false;
      for (const id of sel.keys()) if (!ids.has(id)) gone = true;
      if (!gone) return sel;
      return new Map([...sel].filter(([id]) => ids.has(id)));
    });
    if (silent && before) {
      const change = describeChange(before, next);
      if (change) setLive((l) => ({ ...l, lastChange: change, lastChangeAt: new Date() }));
    }
  }, []);

  /** Loads the state; a later load wins over an earlier one that answers late. */
  const load = useCallback(
    async (silent: boolean): Promise<ReviewState | null> => {
      const seq = ++loadSeq.current;
      loading.current++;
      if (!silent) setBusy('Loading applications…');
      try {
        const asked = performance.now();
        const res = await call('getReviewState');
        if (seq !== loadSeq.current) return stateRef.current;
        if (!res.ok) {
          if (!silent) setError(`Could not load the applications: ${res.error}`);
          else setLive((l) => ({ ...l, failing: res.error }));
          return null;
        }
        performance.measure('cop:getReviewState', { start: asked, end: performance.now() });
        apply(res, silent);
        return res;
      } catch (e) {
        if (!silent) setError(`Could not load the applications: ${errorText(e)}`);
        else setLive((l) => ({ ...l, failing: errorText(e) }));
        return null;
      } finally {
        loading.current--;
        if (!silent && seq === loadSeq.current) setBusy('');
      }
    },
    [apply],
  );

  const reload = useCallback(() => {
    setError('');
    return load(false);
  }, [load]);

  // First load, then the live poll.
  useEffect(() => {
    void load(false);
    let timer: ReturnType<typeof setTimeout> | undefined;
    let stopped = false;
    let ticking = false;
    const schedule = () => {
      if (!stopped) timer = setTimeout(() => void tick(), pollInterval());
    };
    const tick = async () => {
      if (ticking) return;
      ticking = true;
      try {
        // Hidden pages do not poll; a decision or a load in flight will bring fresh data anyway.
        if (document.hidden || busyRef.current || loading.current > 0 || !stateRef.current) return;
        const res = await call('getReviewRevision');
        if (!res.ok) {
          setLive((l) => ({ ...l, failing: res.error }));
          return;
        }
        setLive((l) => ({ ...l, checkedAt: new Date(), failing: '' }));
        if (stateRef.current && res.revision !== stateRef.current.revision && !busyRef.current) await load(true);
      } catch (e) {
        setLive((l) => ({ ...l, failing: errorText(e) }));
      } finally {
        ticking = false;
        schedule();
      }
    };
    const onVisible = () => {
      if (document.hidden) return;
      if (timer) clearTimeout(timer);
      void tick();
    };
    schedule();
    document.addEventListener('visibilitychange', onVisible);
    return () => {
      stopped = true;
      if (timer) clearTimeout(timer);
      document.removeEventListener('visibilitychange', onVisible);
    };
  }, [load]);

  const select = useCallback((ids: readonly string[], on: boolean) => {
    setSelection((sel) => {
      const next = new Map(sel);
      for (const id of ids) {
        if (!on) next.delete(id);
        else if (!next.has(id)) {
          const status = stateRef.current?.applications.find((a) => a.id === id)?.status;
          if (status) next.set(id, status);
        }
      }
      return next;
    });
  }, []);
  // find() per id is O(n) each; select-all of 5,000 uses the index instead.
  const selectFast = useCallback(
    (ids: readonly string[], on: boolean) => {
      if (ids.length < 20) return select(ids, on);
      setSelection((sel) => {
        const next = new Map(sel);
        for (const id of ids) {
          if (!on) next.delete(id);
          else if (!next.has(id)) {
            const status = byId.get(id)?.app.status;
            if (status) next.set(id, status);
          }
        }
        return next;
      });
    },
    [select, byId],
  );

  const clearSelection = useCallback(() => setSelection(new Map()), []);

  const decide = useCallback(
    async (decision: Decision, targets: readonly Target[], options: { note?: string; overrideCapacity?: boolean; replaceSelection: boolean }) => {
      if (busyRef.current) return null;
      if (targets.length === 0) {
        setError('Select at least one application first.');
        return null;
      }
      if (targets.length > MAX_PER_REQUEST) {
        setError(`Decide on at most ${MAX_PER_REQUEST.toLocaleString('en-US')} applications at a time (${targets.length.toLocaleString('en-US')} selected).`);
        return null;
      }
      setError('');
      const names = new Map(targets.map((t) => [t.id, byId.get(t.id)?.fullName ?? t.id]));
      const expected: Record<string, WireStatus> = {};
      for (const t of targets) expected[t.id] = t.expected;
      const request: DecideRequest = { applicationIds: targets.map((t) => t.id), decision, expected };
      const note = options.note?.trim();
      if (note) request.note = note;
      if (options.overrideCapacity) request.overrideCapacity = true;
      setBusy('Saving the decision…');
      let result: DecideSuccess;
      try {
        const res = await call('decide', request);
        if (!res.ok) {
          setError(`Nothing was changed: ${res.error}`);
          return null;
        }
        result = res;
      } catch (e) {
        setError(`The decision could not be saved: ${errorText(e)}`);
        return null;
      } finally {
        setBusy('');
      }
      const fresh = await load(false);
      const statusNow = new Map((fresh ?? stateRef.current)?.applications.map((a) => [a.id, a.status]) ?? []);
      setSelection((sel) => {
        if (options.replaceSelection) {
          // Keep the refused rows selected (with the status they have now) so staff can act on
          // them again, e.g. tick "Override capacity" and accept.
          const next = new Map<string, WireStatus>();
          for (const s of result.skipped) {
            const st = statusNow.get(s.id);
            if (st) next.set(s.id, st);
          }
          return next;
        }
        // A decision on one shown application: the selection stays; its own entry follows it.
        const next = new Map(sel);
        for (const id of result.changed) if (next.has(id)) next.set(id, statusNow.get(id) ?? (next.get(id) as WireStatus));
        return next;
      });
      const done: DecisionOutcome = { decision, result, names, seq: ++outcomeSeq.current };
      setOutcome(done);
      return done;
    },
    [byId, load],
  );

  return {
    state,
    index,
    byId,
    busy,
    error,
    setError,
    outcome,
    dismissOutcome: useCallback(() => setOutcome(null), []),
    selection,
    select: selectFast,
    clearSelection,
    reload,
    decide,
    live,
    renderMs,
  };
}
