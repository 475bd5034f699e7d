// Commitment at a glance: per meeting of the community, the invitation answers and the attendance
// recorded, and the members who missed two or more held meetings.
import type { WireMembersCommunity } from '../../shared/wire';
import { meetingDay } from './format';

export function Overview({ community, timeZone }: { community: WireMembersCommunity; timeZone: string }) {
  const missed = community.members.filter((m) => community.missedTwoOrMore.includes(m.id));
  return (
    <section aria-labelledby="overview-title">
      <h2 id="overview-title">Attendance per meeting</h2>
      <table class="counts members-overview">
        <thead>
          <tr>
            <th scope="col">Meeting</th>
            <th scope="col">
              <abbr title="said yes">Yes</abbr>
            </th>
            <th scope="col">
              <abbr title="said no">No</abbr>
            </th>
            <th scope="col">
              <abbr title="said maybe">Maybe</abbr>
            </th>
            <th scope="col">
              <abbr title="no answer to the invitation">None</abbr>
            </th>
            <th scope="col">
              <abbr title="attended (recorded)">Came</abbr>
            </th>
            <th scope="col">
              <abbr title="missed (recorded)">Missed</abbr>
            </th>
          </tr>
        </thead>
        <tbody>
          {community.meetings.map((m) => (
            <tr key={m.number}>
              <th scope="row">
                {m.number}. {meetingDay(m.start, timeZone)}
              </th>
              <td>{m.counts.yes}</td>
              <td>{m.counts.no}</td>
              <td>{m.counts.maybe}</td>
              <td>{m.counts.noAnswer}</td>
              <td>{m.held ? m.counts.attended : '–'}</td>
              <td>{m.held ? m.counts.absent : '–'}</td>
            </tr>
          ))}
        </tbody>
      </table>
      {missed.length ? (
        <div class="offer" role="note">
          <strong>Missed two or more held meetings ({missed.length}):</strong>
          <ul class="missed">
            {missed.map((m) => (
              <li key={m.id}>
                {m.fullName} <span class="muted">({m.missed} missed)</span>
              </li>
            ))}
          </ul>
        </div>
      ) : (
        <p class="muted">No member has missed two or more held meetings.</p>
      )}
    </section>
  );
}
