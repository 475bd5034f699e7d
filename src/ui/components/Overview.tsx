// The overview: per community, a bar of Accepted / Waitlisted / Pending / Declined against the
// capacity, and a map-like grid of the 56 states and territories it reaches. The bar and grid are
// pictures for sighted staff; the same facts are in the text beside them for everyone else.
import type { ComponentChildren } from 'preact';
import type { ReviewState, WireCommunity } from '../../shared/wire';
import { coverage } from '../review/coverage';
import { plural } from '../review/format';
import { stateCode } from '../review/states';
import { capacityText } from './Counts';

// Accepted first, so the bar's left part reads against the capacity mark.
const BAR_STATUSES = ['Accepted', 'Waitlisted', 'Pending', 'Declined'] as const;

export function StatusBar({ c }: { c: WireCommunity }) {
  const total = BAR_STATUSES.reduce((n, s) => n + c.counts[s], 0);
  const scale = Math.max(total, c.capacity ?? 0, 1);
  const label = `${BAR_STATUSES.map((s) => `${s} ${c.counts[s]}`).join(', ')}${c.capacity === null ? ', no capacity limit' : `, capacity ${c.capacity}`}`;
  return (
    <div class="bar" role="img" aria-label={label}>
      {BAR_STATUSES.filter((s) => c.counts[s] > 0).map((s) => (
        <span key={s} class={`seg seg-${s.toLowerCase()}`} style={{ width: `${(100 * c.counts[s]) / scale}%` }} />
      ))}
      {c.capacity !== null ? <span class="cap-mark" style={{ left: `calc(${(100 * c.capacity) / scale}% - 1px)` }} /> : null}
    </div>
  );
}

function Legend({ c }: { c: WireCommunity }) {
  return (
    <ul class="legend">
      {BAR_STATUSES.map((s) => (
        <li key={s}>
          <span class={`swatch seg-${s.toLowerCase()}`} aria-hidden="true" />
          {s} {c.counts[s]}
        </li>
      ))}
      {c.counts.Withdrawn ? <li>Withdrawn {c.counts.Withdrawn}</li> : null}
    </ul>
  );
}

function StateGrid({ states, members, applicants }: { states: readonly string[]; members: Set<string>; applicants: Set<string> }) {
  return (
    <div class="state-grid" aria-hidden="true">
      {states.map((s) => {
        const kind = members.has(s) ? 'member' : applicants.has(s) ? 'applicant' : 'none';
        const title = `${s}: ${kind === 'member' ? 'members' : kind === 'applicant' ? 'applicants, no members' : 'no applicants'}`;
        return (
          <span key={s} class={`st st-${kind}`} title={title}>
            {stateCode(s)}
          </span>
        );
      })}
    </div>
  );
}

function ListDetails({ summary, names }: { summary: string; names: readonly string[] }) {
  return (
    <details class="states">
      <summary>{summary}</summary>
      <p>{names.length ? names.join(', ') : 'None.'}</p>
    </details>
  );
}

export function Overview({ state, offer }: { state: ReviewState; offer: (c: WireCommunity) => ComponentChildren }) {
  if (state.communities.length === 0) return <p>No communities are set up yet. Run Set up from the menu.</p>;
  return (
    <div class="overview">
      {state.communities.map((c) => {
        const cov = coverage(state.states, state.applications, c.key);
        const total = c.counts.Pending + c.counts.Accepted + c.counts.Waitlisted + c.counts.Declined + c.counts.Withdrawn;
        return (
          <section key={c.key} class="card" aria-label={c.name}>
            <h3>{c.name}</h3>
            <p class="muted">
              {plural(total, 'application')} · {capacityText(c)}
            </p>
            <StatusBar c={c} />
            <Legend c={c} />
            {offer(c)}
            <h4>State coverage</h4>
            <p>
              Applicants from {cov.applicantStates} of {state.states.length} states and territories; members from {cov.members.length}.
            </p>
            <StateGrid states={state.states} members={new Set(cov.members)} applicants={new Set(cov.applicantsOnly)} />
            <p class="grid-key" aria-hidden="true">
              <span class="st st-member">AA</span> members <span class="st st-applicant">AA</span> applicants only <span class="st st-none">AA</span> none
            </p>
            <ListDetails summary={`With members (${cov.members.length})`} names={cov.members} />
            <ListDetails summary={`Applicants but no members (${cov.applicantsOnly.length})`} names={cov.applicantsOnly} />
            <ListDetails summary={`No applicants (${cov.none.length})`} names={cov.none} />
            {cov.other.length ? <ListDetails summary={`Other state values (${cov.other.length})`} names={cov.other} /> : null}
          </section>
        );
      })}
    </div>
  );
}
