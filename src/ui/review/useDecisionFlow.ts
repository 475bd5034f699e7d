// From a click (or a key) on a decision to the request: who it acts on, the confirmation it needs,
// the note and the capacity override typed for it.
//
// Decline and Withdraw, and any decision on more than 10 applications, ask first, naming the count
// and the community. The note survives live refreshes (it is state here, not in the data) and is
// cleared only after a decision that used it went through.
import { useCallback, useState } from 'preact/hooks';
import type { Decision, ReviewState } from '../../shared/wire';
import type { Indexed } from './filter';
import { formatDate, nameList, plural } from './format';
import type { Review, Target } from './useReview';
import { ACTIONS } from './vocabulary';

export const CONFIRM_OVER = 10;

export interface Targets {
  targets: Target[];
  /** a decision on the selection keeps only the refused rows selected afterwards */
  replaceSelection: boolean;
}

export interface Confirming extends Targets {
  decision: Decision;
  /** whether the typed note and override go with it (not for a waitlist offer) */
  withNote: boolean;
  question: string;
  detail: string;
}

export function needsConfirmation(decision: Decision, count: number): boolean {
  return decision === 'decline' || decision === 'withdraw' || count > CONFIRM_OVER;
}

/** "Decline 3 applications in Learner Voice (Ann Lee, Bo Diaz and Cy Ng)?" */
export function confirmationQuestion(decision: Decision, targets: readonly Target[], byId: ReadonlyMap<string, Indexed>, state: ReviewState | null): string {
  const verb = ACTIONS.find((a) => a.decision === decision)?.label ?? decision;
  const perCommunity = new Map<string, number>();
  for (const t of targets) {
    const key = byId.get(t.id)?.app.community ?? '';
    perCommunity.set(key, (perCommunity.get(key) ?? 0) + 1);
  }
  const nameOfCommunity = (key: string) => state?.communities.find((c) => c.key === key)?.name ?? (key || 'no community');
  const where =
    perCommunity.size === 1
      ? `in ${nameOfCommunity([...perCommunity.keys()][0])}`
      : `in ${perCommunity.size} communities (${[...perCommunity].map(([k, n]) => `${nameOfCommunity(k)}: ${n}`).join(', ')})`;
  const names = targets.length <= 3 ? ` (${nameList(targets.map((t) => byId.get(t.id)?.fullName ?? t.id))})` : '';
  return `${verb} ${plural(targets.length, 'application')} ${where}${names}?`;
}

export function consequence(decision: Decision, state: ReviewState | null): string {
  if (decision === 'reopen') return 'They go back to Pending; no email is sent for a reopened application.';
  if (!state) return '';
  const notifyFrom = Date.parse(state.notifyFrom);
  const now = Date.parse(state.now);
  return now < notifyFrom
    ? `Each applicant is emailed the decision from ${formatDate(state.notifyFrom, state.timeZone)}.`
    : 'Each applicant is emailed the decision now.';
}

export interface DecisionFlow {
  note: string;
  setNote: (note: string) => void;
  override: boolean;
  setOverride: (on: boolean) => void;
  confirming: Confirming | null;
  /** starts a decision on what `targetsNow()` returns: asks first when it must */
  request: (decision: Decision) => void;
  /** a decision on given targets (the waitlist offer) */
  requestFor: (decision: Decision, targets: Targets) => void;
  confirm: () => void;
  cancel: () => void;
}

export function useDecisionFlow(review: Review, targetsNow: () => Targets, onDone?: () => void): DecisionFlow {
  const [note, setNote] = useState('');
  const [override, setOverride] = useState(false);
  const [confirming, setConfirming] = useState<Confirming | null>(null);

  const run = useCallback(
    async (decision: Decision, t: Targets, withNote: boolean) => {
      setConfirming(null);
      const done = await review.decide(decision, t.targets, {
        note: withNote ? note : undefined,
        overrideCapacity: withNote ? override : false,
        replaceSelection: t.replaceSelection,
      });
      if (done && withNote) {
        setNote('');
        setOverride(false);
      }
      if (done) onDone?.();
    },
    [review, note, override, onDone],
  );

  const ask = useCallback(
    (decision: Decision, t: Targets, withNote: boolean) => {
      if (review.busy) return;
      if (t.targets.length === 0) {
        review.setError('Select at least one application first.');
        return;
      }
      if (!needsConfirmation(decision, t.targets.length)) {
        void run(decision, t, withNote);
        return;
      }
      setConfirming({
        ...t,
        decision,
        withNote,
        question: confirmationQuestion(decision, t.targets, review.byId, review.state),
        detail: consequence(decision, review.state),
      });
    },
    [review, run],
  );

  return {
    note,
    setNote,
    override,
    setOverride,
    confirming,
    request: (decision) => ask(decision, targetsNow(), true),
    requestFor: (decision, t) => ask(decision, t, false),
    confirm: () => {
      if (confirming) void run(confirming.decision, confirming, confirming.withNote);
    },
    cancel: () => setConfirming(null),
  };
}
