// Applications per community and status, with the capacity: the reviewer's first question.
import type { ReviewState, WireCommunity } from '../../shared/wire';
import { plural } from '../review/format';

export function capacityText(c: WireCommunity): string {
  const accepted = c.counts.Accepted;
  if (c.capacity === null) return `${plural(accepted, 'member')} · no capacity limit`;
  const free = c.capacity - accepted;
  return `${accepted} of ${c.capacity} seats taken · ${free >= 0 ? `${free} free` : `${-free} over capacity`}`;
}

export function CountsTable({ state }: { state: ReviewState }) {
  const abbr = (short: string, long: string) => (
    <th scope="col">
      <abbr title={long}>{short}</abbr>
    </th>
  );
  return (
    <table class="counts">
      <caption class="sr-only">Applications by community and status, and capacity</caption>
      <thead>
        <tr>
          <th scope="col">Community</th>
          {abbr('Pend', 'Pending')}
          {abbr('Acc', 'Accepted')}
          {abbr('Wait', 'Waitlisted')}
          {abbr('Decl', 'Declined')}
          {abbr('Cap', 'Capacity')}
        </tr>
      </thead>
      <tbody>
        {state.communities.map((c) => (
          <tr key={c.key}>
            <th scope="row">{c.name}</th>
            <td>{c.counts.Pending}</td>
            <td class={c.capacity !== null && c.counts.Accepted > c.capacity ? 'over' : undefined}>{c.counts.Accepted}</td>
            <td>{c.counts.Waitlisted}</td>
            <td>{c.counts.Declined}</td>
            <td>{c.capacity === null ? <span aria-label="no limit">—</span> : c.capacity}</td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}
