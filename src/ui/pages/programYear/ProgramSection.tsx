// The dialog's first section: the program's name and its two dates (registration deadline, notify from).
import type { ProposalProblem } from '../../../shared/programYear';
import type { Draft, Edit } from './draft';
import { ErrorText, Field, problemsFor } from './fields';

export function ProgramSection({ draft, problems, edit }: { draft: Draft; problems: ProposalProblem[]; edit: Edit }) {
  return (
    <section aria-labelledby="h-program">
      <h2 id="h-program">Program</h2>
      <div class="row">
        <div class="grow">
          <Field field="program" label="Program name" value={draft.program} problems={problems} onInput={(v) => edit((d) => ({ ...d, program: v }))} />
        </div>
        <Field
          field="settings.registrationDeadline"
          label="Registration deadline"
          type="datetime-local"
          value={draft.deadline}
          problems={problems}
          onInput={(v) => edit((d) => ({ ...d, deadline: v }))}
        />
        <Field
          field="settings.notifyFrom"
          label="Notify from"
          type="datetime-local"
          value={draft.notifyFrom}
          problems={problems}
          onInput={(v) => edit((d) => ({ ...d, notifyFrom: v }))}
        />
      </div>
      <ErrorText id="f-settings-timeZone-error" problems={problemsFor(problems, 'settings.timeZone', 'settings', 'proposal', 'communities', 'meetings')} />
    </section>
  );
}
