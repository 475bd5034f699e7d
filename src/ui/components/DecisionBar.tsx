// The decision bar: what the buttons act on, the note, the capacity override, the five decisions
// (named exactly Accept, Waitlist, Decline, Withdraw, Reopen), the confirmation they may ask for,
// and the result of the last decision. It stays in view below the list.
import type { ComponentChildren } from 'preact';
import { useEffect, useRef } from 'preact/hooks';
import type { DecisionFlow } from '../review/useDecisionFlow';
import { ACTIONS } from '../review/vocabulary';

export function Confirmation({ flow }: { flow: DecisionFlow }) {
  const confirmRef = useRef<HTMLButtonElement>(null);
  const c = flow.confirming;
  useEffect(() => {
    if (c) confirmRef.current?.focus();
  }, [c]);
  if (!c) return null;
  return (
    <div
      class="confirm"
      role="alertdialog"
      aria-labelledby="confirm-question"
      aria-describedby="confirm-detail"
      onKeyDown={(e) => {
        if (e.key === 'Escape') {
          e.preventDefault();
          flow.cancel();
        }
      }}
    >
      <p id="confirm-question" class="confirm-q">
        {c.question}
      </p>
      <p id="confirm-detail" class="muted">
        {c.detail}
      </p>
      <div class="buttons">
        <button type="button" class={c.decision === 'decline' || c.decision === 'withdraw' ? 'danger' : 'action'} ref={confirmRef} onClick={flow.confirm}>
          Confirm
        </button>
        <button type="button" onClick={flow.cancel}>
          Cancel
        </button>
      </div>
    </div>
  );
}

export function DecisionBar({
  flow,
  canDecide,
  busy,
  hasTargets,
  targetLine,
  staleNote,
  shortcuts,
  result,
  preview,
}: {
  flow: DecisionFlow;
  canDecide: boolean;
  busy: string;
  hasTargets: boolean;
  /** "3 selected", "Jane Doe (shown)" */
  targetLine: ComponentChildren;
  /** selected rows changed elsewhere since they were selected */
  staleNote?: string;
  /** show the keyboard shortcuts (the review window) */
  shortcuts?: boolean;
  result?: ComponentChildren;
  preview?: ComponentChildren;
}) {
  const disabled = Boolean(busy) || !hasTargets || !canDecide || flow.confirming !== null;
  return (
    <section class="actions" aria-label="Decide">
      {result}
      <p class="busy muted" role="status">
        {busy}
      </p>
      <p class="selection" aria-live="polite">
        {targetLine}
      </p>
      {staleNote ? <p class="stale-note">{staleNote}</p> : null}
      {!canDecide ? <p class="muted">Only the reviewers listed in Settings can decide. You can look, filter and preview.</p> : null}
      {hasTargets && canDecide ? (
        <div class="decide-fields">
          <div class="field note-field">
            <label for="note">Note (optional)</label>
            <textarea
              id="note"
              rows={2}
              maxLength={2000}
              placeholder="Recorded in the Note column and the Log"
              value={flow.note}
              onInput={(e) => flow.setNote(e.currentTarget.value)}
            />
          </div>
          <div class="check">
            <input type="checkbox" id="override" checked={flow.override} onChange={(e) => flow.setOverride(e.currentTarget.checked)} />
            <label for="override">Override capacity (accept even when full)</label>
          </div>
        </div>
      ) : null}
      <div class="buttons decisions">
        {ACTIONS.map((a) => (
          <button
            key={a.decision}
            type="button"
            class={a.cls || undefined}
            data-decision={a.decision}
            disabled={disabled}
            aria-keyshortcuts={shortcuts ? a.key.toUpperCase() : undefined}
            title={shortcuts ? `${a.label} (key ${a.key.toUpperCase()})` : undefined}
            onClick={() => flow.request(a.decision)}
          >
            {a.label}
          </button>
        ))}
      </div>
      <Confirmation flow={flow} />
      {shortcuts ? (
        <p class="keys muted">
          Keys in the table: <kbd>↑</kbd>/<kbd>↓</kbd> move, <kbd>Space</kbd> select,{' '}
          {ACTIONS.map((a, i) => (
            <span key={a.key}>
              <kbd>{a.key.toUpperCase()}</kbd> {a.label}
              {i < ACTIONS.length - 1 ? ', ' : ''}
            </span>
          ))}
          , <kbd>/</kbd> search.
        </p>
      ) : null}
      {preview}
    </section>
  );
}
