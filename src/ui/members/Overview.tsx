// Commitment at a glance: per meeting of the community, the invitation answers and the attendance
// recorded, and the members who missed two or more held meetings.
import type { WireMembersCommunity, WireMembersMeeting } from '../../shared/wire';
import { meetingDay, meetingShortDay } from './format';

/** "2 came, 1 missed" once held (and recorded), else why there is nothing to show. */
function attendanceText(m: WireMembersMeeting): string {
  if (!m.held) return 'not held yet';
  if (m.counts.attended + m.counts.absent === 0) return 'not recorded';
  return `${m.counts.attended} came, ${m.counts.absent} missed`;
}

export function Overview({ community, timeZone }: { community: WireMembersCommunity; timeZone: string }) {
  const missed = community.members.filter((m) => community.missedTwoOrMore.includes(m.id));
  return (
    <section aria-labelledby="overview-title">
      <h2 id="overview-title">Attendance per meeting</h2>
      {/* Three columns, so the sidebar's 300 px hold it: the answers wrap as badges (as under the
          meeting above), the attendance reads as a phrase. */}
      <table class="counts members-overview">
        <thead>
          <tr>
            <th scope="col">Meeting</th>
            <th scope="col">Answers</th>
            <th scope="col">Attendance</th>
          </tr>
        </thead>
        <tbody>
          {community.meetings.map((m) => (
            <tr key={m.number}>
              <th scope="row">
                <span title={meetingDay(m.start, timeZone)}>
                  {m.number}. {meetingShortDay(m.start, timeZone)}
                </span>
              </th>
              <td class="answers">
                <span class="badge b-accepted">Yes {m.counts.yes}</span> <span class="badge b-declined">No {m.counts.no}</span>{' '}
                <span class="badge b-waitlisted">Maybe {m.counts.maybe}</span> <span class="badge b-pending">No answer {m.counts.noAnswer}</span>
              </td>
              <td class="attendance">{attendanceText(m)}</td>
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
