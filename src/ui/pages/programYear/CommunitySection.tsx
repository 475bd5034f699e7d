// One community of the dialog: its name, key, cohort dates, capacity and description, then its meetings.
import type { ProposalProblem } from '../../../shared/programYear';
import type { CommunityDraft, Edit, MeetingDraft } from './draft';
import { ErrorText, Field, fieldId, problemsFor } from './fields';
import { MeetingsTable } from './MeetingsTable';

interface Props {
  c: CommunityDraft;
  ci: number;
  meetings: { m: MeetingDraft; i: number }[];
  problems: ProposalProblem[];
  edit: Edit;
  setCommunity: (uid: number, patch: Partial<CommunityDraft>) => void;
  setMeeting: (index: number, patch: Partial<MeetingDraft>) => void;
}

export function CommunitySection({ c, ci, meetings, problems, edit, setCommunity, setMeeting }: Props) {
  const headingId = `h-community-${c.uid}`;
  return (
    <section class="community" aria-labelledby={headingId}>
      <div class="community-head">
        <h3 id={headingId}>{c.name || `Community ${ci + 1}`}</h3>
        <button
          type="button"
          class="link"
          aria-label={`Remove the community ${c.name || ci + 1}`}
          onClick={() =>
            edit((d) => ({ ...d, communities: d.communities.filter((x) => x.uid !== c.uid), meetings: d.meetings.filter((m) => m.community !== c.key) }), true)
          }
        >
          Remove
        </button>
      </div>
      <div class="row">
        <div class="grow">
          <Field
            field={`communities.${ci}.name`}
            label="Name (form option)"
            value={c.name}
            problems={problems}
            onInput={(v) => setCommunity(c.uid, { name: v })}
          />
        </div>
        <Field
          field={`communities.${ci}.key`}
          label="Key"
          value={c.key}
          problems={problems}
          onInput={(v) => setCommunity(c.uid, { key: v, keyEdited: true })}
        />
        <Field
          field={`communities.${ci}.cohortStart`}
          label="Cohort start"
          type="date"
          value={c.cohortStart}
          problems={problems}
          onInput={(v) => setCommunity(c.uid, { cohortStart: v })}
        />
        <Field
          field={`communities.${ci}.cohortEnd`}
          label="Cohort end"
          type="date"
          value={c.cohortEnd}
          problems={problems}
          onInput={(v) => setCommunity(c.uid, { cohortEnd: v })}
        />
        <Field
          field={`communities.${ci}.capacity`}
          label="Capacity"
          type="number"
          value={c.capacity}
          problems={problems}
          extra={{ min: 0, step: 1, placeholder: 'no limit' }}
          onInput={(v) => setCommunity(c.uid, { capacity: v })}
        />
      </div>
      <details>
        <summary>Description</summary>
        <div class="field">
          <label for={fieldId(`communities.${ci}.description`)} class="sr-only">
            Description of {c.name || `community ${ci + 1}`}
          </label>
          <textarea
            id={fieldId(`communities.${ci}.description`)}
            rows={2}
            value={c.description}
            onInput={(e) => setCommunity(c.uid, { description: e.currentTarget.value })}
          />
          <ErrorText id={`${fieldId(`communities.${ci}.description`)}-error`} problems={problemsFor(problems, `communities.${ci}.description`)} />
        </div>
      </details>
      <MeetingsTable c={c} ci={ci} meetings={meetings} problems={problems} edit={edit} setMeeting={setMeeting} />
      {meetings.length < 4 ? (
        <button
          type="button"
          onClick={() => {
            const used = new Set(meetings.map(({ m }) => m.number));
            const number = [1, 2, 3, 4].find((n) => !used.has(n)) as number;
            edit((d) => ({ ...d, meetings: [...d.meetings, { community: c.key, number, date: '', startTime: '14:00', endTime: '15:30' }] }), true);
          }}
        >
          Add a meeting to {c.name || `community ${ci + 1}`}
        </button>
      ) : null}
    </section>
  );
}
