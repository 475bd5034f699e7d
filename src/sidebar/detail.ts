// Everything known about one application: the row's fields and every answer of the response.
import type { ReviewState, WireApplication } from '../shared/wire';
import { el, type Child } from './dom';
import { fullName } from './filter';
import { formatDateTime } from './format';

function row(term: string, value: Child): HTMLElement[] {
  return [el('dt', {}, term), el('dd', {}, value === '' || value === null || value === undefined ? '—' : value)];
}

export function communityName(state: ReviewState, key: string): string {
  return state.communities.find((c) => c.key === key)?.name ?? key;
}

export function renderDetail(state: ReviewState, app: WireApplication, selectBox: HTMLElement): HTMLElement {
  const tz = state.timeZone;
  const decided = app.decidedAt ? `${formatDateTime(app.decidedAt, tz)}${app.decidedBy ? ` by ${app.decidedBy}` : ''}` : '';
  return el(
    'article',
    { class: 'detail', 'aria-labelledby': 'detail-heading' },
    el('h2', { id: 'detail-heading', tabindex: '-1' }, fullName(app)),
    selectBox,
    el(
      'dl',
      {},
      row('Status', app.status),
      row('Community', communityName(state, app.community)),
      row('Flags', app.flags.join(', ')),
      row('Email', app.email),
      row('Job title', app.jobTitle),
      row('Agency', app.agency),
      row('Agency type', app.agencyType),
      row('State', app.state),
      row('Submitted', formatDateTime(app.submittedAt, tz)),
      row('Decided', decided),
      row('Note', app.note),
      row('Last emailed', app.notified),
      row('Invited to meetings', app.invited),
      row('Application ID', app.id),
    ),
    el('h3', {}, 'Answers'),
    app.answers.length
      ? el('dl', { class: 'answers' }, app.answers.map((a) => row(a.question, a.answer)))
      : el('p', { class: 'muted' }, 'No form answers found for this application.'),
  );
}
