// A community's meetings in the dialog: date, weekday, start and end time, each row removable, and
// the problems of each meeting under the table.
import type { ProposalProblem } from '../../../shared/programYear';
import type { CommunityDraft, Edit, MeetingDraft } from './draft';
import { ErrorText, fieldId, problemsFor, weekday } from './fields';

interface Props {
  c: CommunityDraft;
  ci: number;
  meetings: { m: MeetingDraft; i: number }[];
  problems: ProposalProblem[];
  edit: Edit;
  setMeeting: (index: number, patch: Partial<MeetingDraft>) => void;
}

export function MeetingsTable({ c, ci, meetings, problems, edit, setMeeting }: Props) {
  return (
    <>
      <table class="meetings">
        <caption class="sr-only">Meetings of {c.name || `community ${ci + 1}`}</caption>
        <thead>
          <tr>
            <th scope="col">Meeting</th>
            <th scope="col">Date</th>
            <th scope="col">Day</th>
            <th scope="col">Starts</th>
            <th scope="col">Ends</th>
            <th scope="col">
              <span class="sr-only">Actions</span>
            </th>
          </tr>
        </thead>
        <tbody>
          {meetings.map(({ m, i }) => {
            const name = `${c.name || 'community'} meeting ${m.number}`;
            const mine = problemsFor(problems, `meetings.${i}.start`, `meetings.${i}.end`, `meetings.${i}.number`, `meetings.${i}.community`, `meetings.${i}`);
            const errId = `${fieldId(`meetings.${i}.start`)}-error`;
            const described = mine.length ? errId : undefined;
            return (
              <tr key={`${c.uid}-${i}`} class={mine.length ? 'invalid' : undefined}>
                <th scope="row">{m.number}</th>
                <td>
                  <label class="sr-only" for={fieldId(`meetings.${i}.start`)}>
                    {name} date
                  </label>
                  <input
                    id={fieldId(`meetings.${i}.start`)}
                    type="date"
                    value={m.date}
                    aria-invalid={mine.length ? 'true' : undefined}
                    aria-describedby={described}
                    onInput={(e) => setMeeting(i, { date: e.currentTarget.value })}
                  />
                </td>
                <td class="muted">{weekday(m.date)}</td>
                <td>
                  <label class="sr-only" for={fieldId(`meetings.${i}.startTime`)}>
                    {name} start time
                  </label>
                  <input
                    id={fieldId(`meetings.${i}.startTime`)}
                    type="time"
                    value={m.startTime}
                    aria-describedby={described}
                    onInput={(e) => setMeeting(i, { startTime: e.currentTarget.value })}
                  />
                </td>
                <td>
                  <label class="sr-only" for={fieldId(`meetings.${i}.end`)}>
                    {name} end time
                  </label>
                  <input
                    id={fieldId(`meetings.${i}.end`)}
                    type="time"
                    value={m.endTime}
                    aria-describedby={described}
                    onInput={(e) => setMeeting(i, { endTime: e.currentTarget.value })}
                  />
                </td>
                <td>
                  <button
                    type="button"
                    class="link"
                    aria-label={`Remove ${name}`}
                    onClick={() => edit((d) => ({ ...d, meetings: d.meetings.filter((_x, j) => j !== i) }), true)}
                  >
                    Remove
                  </button>
                </td>
              </tr>
            );
          })}
        </tbody>
      </table>
      {meetings
        .filter(
          ({ i }) =>
            problemsFor(problems, `meetings.${i}.start`, `meetings.${i}.end`, `meetings.${i}.number`, `meetings.${i}.community`, `meetings.${i}`).length > 0,
        )
        .map(({ i }) => (
          <ErrorText
            key={i}
            id={`${fieldId(`meetings.${i}.start`)}-error`}
            problems={problemsFor(problems, `meetings.${i}.start`, `meetings.${i}.end`, `meetings.${i}.number`, `meetings.${i}.community`, `meetings.${i}`)}
          />
        ))}
    </>
  );
}
