// What one decide() did, compactly: who changed, who was skipped and why, and the emails. It sits
// in the decision bar, so the list stays in view.
import type { ReviewState } from '../../shared/wire';
import type { DecisionOutcome } from '../review/useReview';
import { formatDate, nameList, plural } from '../review/format';
import { DONE } from '../review/vocabulary';

export function emailsText(outcome: DecisionOutcome, state: ReviewState | null): string {
  const { result } = outcome;
  const parts = [`Emails sent: ${result.sent}.`];
  if (result.pending > 0) {
    const notifyFrom = state ? Date.parse(state.notifyFrom) : NaN;
    const now = state ? Date.parse(state.now) : NaN;
    const why =
      state && now < notifyFrom
        ? `notifications start ${formatDate(state.notifyFrom, state.timeZone)}`
        : 'they go out with the next hourly sync or "Send due notifications"';
    parts.push(`${plural(result.pending, 'notification')} waiting (${why}).`);
  }
  return parts.join(' ');
}

export function ResultMessage({
  outcome,
  state,
  onDismiss,
  nameOf,
}: {
  outcome: DecisionOutcome;
  state: ReviewState | null;
  onDismiss: () => void;
  nameOf: (id: string) => string;
}) {
  const { result, decision } = outcome;
  const name = (id: string) => outcome.names.get(id) ?? nameOf(id);
  const changed = result.changed.map(name);
  const skipped = result.skipped;
  return (
    <section class={`result${skipped.length ? ' has-skipped' : ''}`} aria-labelledby="result-heading">
      <h2 id="result-heading" class="sr-only">
        Result
      </h2>
      <div aria-live="polite" key={outcome.seq}>
        <p>
          {changed.length ? `${DONE[decision]} ${changed.length}: ${nameList(changed)}.` : 'Nothing changed.'} {emailsText(outcome, state)}
        </p>
        {skipped.length ? (
          <details open={skipped.length <= 3}>
            <summary>Skipped {skipped.length}</summary>
            <ul class="skipped">
              {skipped.slice(0, 50).map((s) => (
                <li key={s.id}>
                  {name(s.id)}: {s.reason}
                </li>
              ))}
            </ul>
            {skipped.length > 50 ? <p>…and {skipped.length - 50} more.</p> : null}
          </details>
        ) : null}
        {result.warning ? <p class="error-text">{result.warning}</p> : null}
      </div>
      <button type="button" class="link" onClick={onDismiss}>
        Dismiss result
      </button>
    </section>
  );
}
