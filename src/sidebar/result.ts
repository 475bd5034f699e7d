// What one decide() did, in words: who changed, who was skipped and why, and the emails.
import type { Decision, DecideSuccess, ReviewState } from '../shared/wire';
import { el } from './dom';
import { formatDate, nameList, plural } from './format';

const DONE: Record<Decision, string> = {
  accept: 'Accepted',
  waitlist: 'Waitlisted',
  decline: 'Declined',
  withdraw: 'Withdrawn',
  reopen: 'Reopened (back to Pending)',
};

export function renderResult(
  decision: Decision,
  result: DecideSuccess,
  nameOf: (id: string) => string,
  state: ReviewState | null,
  onDismiss: () => void,
): HTMLElement {
  const changed = result.changed.map(nameOf);
  const emails: string[] = [`Emails sent: ${result.sent}.`];
  if (result.pending > 0) {
    const notifyFrom = state ? new Date(state.notifyFrom) : null;
    const now = state ? new Date(state.now) : null;
    const why =
      notifyFrom && now && now < notifyFrom
        ? `notifications start ${formatDate(state!.notifyFrom, state!.timeZone)}`
        : 'they go out with the next hourly sync or "Send due notifications"';
    emails.push(`${plural(result.pending, 'notification')} waiting (${why}).`);
  }
  return el(
    'section',
    { class: 'result', 'aria-labelledby': 'result-heading' },
    el('h2', { id: 'result-heading', tabindex: '-1' }, 'Result'),
    el('p', {}, changed.length ? `${DONE[decision]} ${changed.length}: ${nameList(changed)}.` : 'Nothing changed.'),
    result.skipped.length
      ? el(
          'div',
          {},
          el('p', {}, `Skipped ${result.skipped.length}:`),
          el('ul', { class: 'skipped' }, result.skipped.slice(0, 50).map((s) => el('li', {}, `${nameOf(s.id)}: ${s.reason}`))),
          result.skipped.length > 50 ? el('p', {}, `…and ${result.skipped.length - 50} more.`) : null,
        )
      : null,
    el('p', {}, emails.join(' ')),
    result.warning ? el('p', { class: 'error-text' }, result.warning) : null,
    el('button', { type: 'button', class: 'link', onclick: () => onDismiss() }, 'Dismiss result'),
  );
}
