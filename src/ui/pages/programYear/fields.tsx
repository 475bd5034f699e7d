// The dialog's form parts: a labelled input with its problems, and where a problem is shown.
import type { ProposalProblem } from '../../../shared/programYear';

const WEEKDAYS = ['Sun', 'Mon', 'Tue', 'Wed', 'Thu', 'Fri', 'Sat'];

/** "Tue" for "2027-08-24" (a calendar date: its weekday is the same in every zone). */
export function weekday(date: string): string {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(date);
  return m ? WEEKDAYS[new Date(Date.UTC(+m[1], +m[2] - 1, +m[3])).getUTCDay()] : '';
}

export function fieldId(field: string): string {
  return `f-${field.replace(/[^A-Za-z0-9]+/g, '-')}`;
}

/** Problems on a meeting's start or end show at its date/time inputs. */
export function problemsFor(problems: ProposalProblem[], ...fields: string[]): ProposalProblem[] {
  return problems.filter((p) => fields.includes(p.field));
}

export function ErrorText({ id, problems }: { id: string; problems: ProposalProblem[] }) {
  if (problems.length === 0) return null;
  return (
    <p class="error" id={id}>
      {problems.map((p) => p.message).join(' ')}
    </p>
  );
}

interface InputProps {
  field: string;
  label: string;
  value: string;
  type?: string;
  problems: ProposalProblem[];
  onInput: (value: string) => void;
  hideLabel?: boolean;
  extra?: Record<string, string | number>;
}

export function Field({ field, label, value, type = 'text', problems, onInput, hideLabel, extra }: InputProps) {
  const id = fieldId(field);
  const mine = problemsFor(problems, field);
  return (
    <div class={`field${mine.length ? ' invalid' : ''}`}>
      <label for={id} class={hideLabel ? 'sr-only' : undefined}>
        {label}
      </label>
      <input
        id={id}
        type={type}
        value={value}
        aria-invalid={mine.length ? 'true' : undefined}
        aria-describedby={mine.length ? `${id}-error` : undefined}
        onInput={(e) => onInput(e.currentTarget.value)}
        {...(extra ?? {})}
      />
      <ErrorText id={`${id}-error`} problems={mine} />
    </div>
  );
}
