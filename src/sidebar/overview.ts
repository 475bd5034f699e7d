// The overview: per community, a bar of Pending / Accepted / Waitlisted / Declined against the
// capacity, and a map-like grid of the 56 states and territories it reaches. The bar and grid are
// pictures for sighted staff; the same facts are in the text beside them for everyone else.
import type { ReviewState, WireCommunity } from '../shared/wire';
import { coverage } from './coverage';
import { el, type Child } from './dom';
import { plural } from './format';
import { stateCode } from './states';

// Accepted first, so the bar's left part reads against the capacity mark.
const BAR_STATUSES = ['Accepted', 'Waitlisted', 'Pending', 'Declined'] as const;

export function capacityText(c: WireCommunity): string {
  const accepted = c.counts.Accepted;
  if (c.capacity === null) return `${plural(accepted, 'member')} · no capacity limit`;
  const free = c.capacity - accepted;
  return `${accepted} of ${c.capacity} seats taken · ${free >= 0 ? `${free} free` : `${-free} over capacity`}`;
}

export function statusBar(c: WireCommunity): HTMLElement {
  const total = BAR_STATUSES.reduce((n, s) => n + c.counts[s], 0);
  const scale = Math.max(total, c.capacity ?? 0, 1);
  const label = `${BAR_STATUSES.map((s) => `${s} ${c.counts[s]}`).join(', ')}${c.capacity === null ? ', no capacity limit' : `, capacity ${c.capacity}`}`;
  const bar = el('div', { class: 'bar', role: 'img', 'aria-label': label });
  for (const s of BAR_STATUSES) {
    if (c.counts[s] === 0) continue;
    bar.appendChild(el('span', { class: `seg seg-${s.toLowerCase()}`, style: `width:${(100 * c.counts[s]) / scale}%` }));
  }
  if (c.capacity !== null) {
    bar.appendChild(el('span', { class: 'cap-mark', style: `left:calc(${(100 * c.capacity) / scale}% - 1px)` }));
  }
  return bar;
}

function legend(c: WireCommunity): HTMLElement {
  return el(
    'ul',
    { class: 'legend' },
    BAR_STATUSES.map((s) => el('li', {}, el('span', { class: `swatch seg-${s.toLowerCase()}`, 'aria-hidden': 'true' }), `${s} ${c.counts[s]}`)),
    c.counts.Withdrawn ? el('li', {}, `Withdrawn ${c.counts.Withdrawn}`) : null,
  );
}

function stateGrid(states: readonly string[], members: Set<string>, applicants: Set<string>): HTMLElement {
  return el(
    'div',
    { class: 'state-grid', 'aria-hidden': 'true' },
    states.map((s) => {
      const kind = members.has(s) ? 'member' : applicants.has(s) ? 'applicant' : 'none';
      return el('span', { class: `st st-${kind}`, title: `${s}: ${kind === 'member' ? 'members' : kind === 'applicant' ? 'applicants, no members' : 'no applicants'}` }, stateCode(s));
    }),
  );
}

function listDetails(summary: string, names: readonly string[]): HTMLElement {
  return el('details', { class: 'states' }, el('summary', {}, summary), el('p', {}, names.length ? names.join(', ') : 'None.'));
}

export function renderOverview(state: ReviewState, offers: (c: WireCommunity) => Child): HTMLElement {
  const wrap = el('div', { class: 'overview' });
  for (const c of state.communities) {
    const cov = coverage(state.states, state.applications, c.key);
    const total = c.counts.Pending + c.counts.Accepted + c.counts.Waitlisted + c.counts.Declined + c.counts.Withdrawn;
    wrap.appendChild(
      el(
        'section',
        { class: 'card', 'aria-label': c.name },
        el('h3', {}, c.name),
        el('p', { class: 'muted' }, `${plural(total, 'application')} · ${capacityText(c)}`),
        statusBar(c),
        legend(c),
        offers(c),
        el('h4', {}, 'State coverage'),
        el('p', {}, `Applicants from ${cov.applicantStates} of ${state.states.length} states and territories; members from ${cov.members.length}.`),
        stateGrid(state.states, new Set(cov.members), new Set(cov.applicantsOnly)),
        el('p', { class: 'grid-key', 'aria-hidden': 'true' },
          el('span', { class: 'st st-member' }, 'AA'), ' members ',
          el('span', { class: 'st st-applicant' }, 'AA'), ' applicants only ',
          el('span', { class: 'st st-none' }, 'AA'), ' none'),
        listDetails(`With members (${cov.members.length})`, cov.members),
        listDetails(`Applicants but no members (${cov.applicantsOnly.length})`, cov.applicantsOnly),
        listDetails(`No applicants (${cov.none.length})`, cov.none),
        cov.other.length ? listDetails(`Other state values (${cov.other.length})`, cov.other) : null,
      ),
    );
  }
  if (state.communities.length === 0) wrap.appendChild(el('p', {}, 'No communities are set up yet. Run Set up from the menu.'));
  return wrap;
}
