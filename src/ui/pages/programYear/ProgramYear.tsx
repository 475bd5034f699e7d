// The program-year dialog (menu "New program year…"): shows proposeProgramYear()'s proposal,
// lets staff edit every date and the communities (add, rename, remove, capacity), asks for
// confirmation, applies it with startProgramYear(), and shows the result. The server validates;
// a refused proposal comes back with one message per field, shown next to that field.
//
// Dates are edited as wall-clock values in the program's zone: the server's ISO strings carry
// that zone's offset, so their first characters ARE the local date and time; what we send back
// has no offset ("2027-09-10T23:59"), which the server reads in the program zone.
import { useEffect, useRef, useState } from 'preact/hooks';
import type { ProgramYearProposal, ProposalProblem, ProposeOk, StartOk } from '../../../shared/programYear';
import { closeHost } from '../../host';
import { call, errorText } from '../../rpc';

interface MeetingDraft {
  community: string;
  number: number;
  date: string;
  startTime: string;
  endTime: string;
}

interface CommunityDraft {
  /** stable id for rendering (keys may be edited) */
  uid: number;
  key: string;
  keyEdited: boolean;
  name: string;
  description: string;
  cohortStart: string;
  cohortEnd: string;
  capacity: string;
}

interface Draft {
  program: string;
  timeZone: string;
  deadline: string;
  notifyFrom: string;
  communities: CommunityDraft[];
  meetings: MeetingDraft[];
}

type View =
  { kind: 'loading' } | { kind: 'failed'; error: string } | { kind: 'edit' } | { kind: 'confirm' } | { kind: 'applying' } | { kind: 'done'; result: StartOk };

let nextUid = 1;

const local = (iso: string): string => iso.slice(0, 16);
const day = (iso: string): string => iso.slice(0, 10);
const time = (iso: string): string => iso.slice(11, 16);

function slug(name: string): string {
  return name
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '')
    .slice(0, 40)
    .replace(/-+$/g, '');
}

function toDraft(p: ProgramYearProposal): Draft {
  return {
    program: p.program,
    timeZone: p.settings.timeZone,
    deadline: local(p.settings.registrationDeadline),
    notifyFrom: local(p.settings.notifyFrom),
    communities: p.communities.map((c) => ({
      uid: nextUid++,
      key: c.key,
      keyEdited: true,
      name: c.name,
      description: c.description,
      cohortStart: day(c.cohortStart),
      cohortEnd: day(c.cohortEnd),
      capacity: c.capacity === null ? '' : String(c.capacity),
    })),
    meetings: p.meetings.map((m) => ({ community: m.community, number: m.number, date: day(m.start), startTime: time(m.start), endTime: time(m.end) })),
  };
}

/** The proposal to send, with the index each meeting has in it (problems name meetings by index). */
function toProposal(d: Draft): ProgramYearProposal {
  return {
    program: d.program,
    settings: { timeZone: d.timeZone, registrationDeadline: d.deadline, notifyFrom: d.notifyFrom },
    communities: d.communities.map((c) => ({
      key: c.key,
      name: c.name,
      description: c.description,
      cohortStart: c.cohortStart,
      cohortEnd: c.cohortEnd,
      capacity: c.capacity.trim() === '' ? null : Number(c.capacity),
    })),
    meetings: d.meetings.map((m) => ({
      community: m.community,
      number: m.number,
      start: m.date && m.startTime ? `${m.date}T${m.startTime}` : m.date,
      end: m.date && m.endTime ? `${m.date}T${m.endTime}` : m.date,
    })),
  };
}

const WEEKDAYS = ['Sun', 'Mon', 'Tue', 'Wed', 'Thu', 'Fri', 'Sat'];

/** "Tue" for "2027-08-24" (a calendar date: its weekday is the same in every zone). */
function weekday(date: string): string {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(date);
  return m ? WEEKDAYS[new Date(Date.UTC(+m[1], +m[2] - 1, +m[3])).getUTCDay()] : '';
}

function fieldId(field: string): string {
  return `f-${field.replace(/[^A-Za-z0-9]+/g, '-')}`;
}

/** Problems on a meeting's start or end show at its date/time inputs. */
function problemsFor(problems: ProposalProblem[], ...fields: string[]): ProposalProblem[] {
  return problems.filter((p) => fields.includes(p.field));
}

function ErrorText({ id, problems }: { id: string; problems: ProposalProblem[] }) {
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

function Field({ field, label, value, type = 'text', problems, onInput, hideLabel, extra }: InputProps) {
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

export function ProgramYear() {
  const [view, setView] = useState<View>({ kind: 'loading' });
  const [info, setInfo] = useState<ProposeOk | null>(null);
  const [draft, setDraft] = useState<Draft | null>(null);
  const [problems, setProblems] = useState<ProposalProblem[]>([]);
  const [error, setError] = useState('');
  const summaryRef = useRef<HTMLDivElement>(null);

  useEffect(() => {
    call('proposeProgramYear')
      .then((r) => {
        if (!r.ok) {
          setView({ kind: 'failed', error: r.error });
          return;
        }
        setInfo(r);
        setDraft(toDraft(r));
        setView({ kind: 'edit' });
      })
      .catch((e: unknown) => setView({ kind: 'failed', error: errorText(e) }));
  }, []);

  useEffect(() => {
    if (error && summaryRef.current) summaryRef.current.focus();
  }, [error]);

  if (view.kind === 'loading') return <p aria-busy="true">Loading the proposal…</p>;
  if (view.kind === 'failed') {
    return (
      <div class="panel" role="alert">
        <h1>New program year</h1>
        <p class="error">{view.error}</p>
        <button type="button" onClick={closeHost}>
          Close
        </button>
      </div>
    );
  }
  if (!draft || !info) return null;

  const edit = (change: (d: Draft) => Draft, structural = false): void => {
    setDraft(change(draft));
    if (structural) setProblems([]);
  };
  const setCommunity = (uid: number, patch: Partial<CommunityDraft>): void =>
    edit((d) => {
      const old = d.communities.find((c) => c.uid === uid) as CommunityDraft;
      const next = { ...old, ...patch };
      // a new community's key follows its name until staff edit the key themselves
      if (patch.name !== undefined && !old.keyEdited) next.key = slug(patch.name);
      const meetings = next.key !== old.key ? d.meetings.map((m) => (m.community === old.key ? { ...m, community: next.key } : m)) : d.meetings;
      return { ...d, communities: d.communities.map((c) => (c.uid === uid ? next : c)), meetings };
    });
  const setMeeting = (index: number, patch: Partial<MeetingDraft>): void =>
    edit((d) => ({ ...d, meetings: d.meetings.map((m, i) => (i === index ? { ...m, ...patch } : m)) }));

  if (view.kind === 'done') {
    const r = view.result;
    return (
      <div class="panel">
        <h1>{r.alreadyApplied ? 'Already the current program year' : 'The new program year has started'}</h1>
        <p role="status">{r.summary}</p>
        {r.formUrl ? (
          <p>
            New application form:{' '}
            <a href={r.formUrl} target="_blank" rel="noopener noreferrer">
              {r.formUrl}
            </a>
          </p>
        ) : null}
        <button type="button" class="action" onClick={closeHost}>
          Close
        </button>
      </div>
    );
  }

  const apply = (): void => {
    setView({ kind: 'applying' });
    call('startProgramYear', toProposal(draft))
      .then((r) => {
        if (r.ok) {
          setView({ kind: 'done', result: r });
          return;
        }
        setProblems(r.problems ?? []);
        setError(r.error);
        setView({ kind: 'edit' });
      })
      .catch((e: unknown) => {
        setProblems([]);
        setError(errorText(e));
        setView({ kind: 'edit' });
      });
  };

  const busy = view.kind === 'applying';
  const byCommunity = (key: string): { m: MeetingDraft; i: number }[] =>
    draft.meetings
      .map((m, i) => ({ m, i }))
      .filter((x) => x.m.community === key)
      .sort((a, b) => a.m.number - b.m.number);
  const unplaced = problems.filter((p) => !document.getElementById(fieldId(p.field)) && !/^meetings\.\d+\.(start|end)$/.test(p.field));

  return (
    <div class="program-year">
      <header>
        <h1>New program year</h1>
        <p>
          Now: <strong>{info.current.program}</strong>. Proposed: every date moved {info.shiftWeeks} week{info.shiftWeeks === 1 ? '' : 's'}
          {info.shiftWeeks > 0
            ? ` (about ${Math.round((info.shiftWeeks * 7) / 365.25)} year${Math.round((info.shiftWeeks * 7) / 365.25) === 1 ? '' : 's'})`
            : ''}
          , so each meeting keeps its weekday and time. Times are in {draft.timeZone}.
        </p>
        <p class="muted">
          Applying keeps last year's data ({info.archive.join('; ') || 'no tabs to archive'}), closes the {info.current.program} form, opens a new form, and
          creates the meetings on the program calendar. Nothing is emailed.
        </p>
        {info.notes.map((n) => (
          <p class="note" key={n}>
            {n}
          </p>
        ))}
      </header>

      {error ? (
        <div class="error-summary" role="alert" tabIndex={-1} ref={summaryRef}>
          <p>
            <strong>{error}</strong>
          </p>
          {problems.length > 1 || unplaced.length > 0 ? (
            <ul>
              {problems.map((p) => (
                <li key={`${p.field}:${p.message}`}>{p.message}</li>
              ))}
            </ul>
          ) : null}
        </div>
      ) : null}

      <fieldset disabled={busy || view.kind === 'confirm'}>
        <legend class="sr-only">The new program year</legend>
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

        <section aria-labelledby="h-communities">
          <h2 id="h-communities">Communities and meetings</h2>
          {draft.communities.map((c, ci) => {
            const meetings = byCommunity(c.key);
            const headingId = `h-community-${c.uid}`;
            return (
              <section class="community" key={c.uid} aria-labelledby={headingId}>
                <div class="community-head">
                  <h3 id={headingId}>{c.name || `Community ${ci + 1}`}</h3>
                  <button
                    type="button"
                    class="link"
                    aria-label={`Remove the community ${c.name || ci + 1}`}
                    onClick={() =>
                      edit(
                        (d) => ({ ...d, communities: d.communities.filter((x) => x.uid !== c.uid), meetings: d.meetings.filter((m) => m.community !== c.key) }),
                        true,
                      )
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
                      const mine = problemsFor(
                        problems,
                        `meetings.${i}.start`,
                        `meetings.${i}.end`,
                        `meetings.${i}.number`,
                        `meetings.${i}.community`,
                        `meetings.${i}`,
                      );
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
                      problemsFor(problems, `meetings.${i}.start`, `meetings.${i}.end`, `meetings.${i}.number`, `meetings.${i}.community`, `meetings.${i}`)
                        .length > 0,
                  )
                  .map(({ i }) => (
                    <ErrorText
                      key={i}
                      id={`${fieldId(`meetings.${i}.start`)}-error`}
                      problems={problemsFor(
                        problems,
                        `meetings.${i}.start`,
                        `meetings.${i}.end`,
                        `meetings.${i}.number`,
                        `meetings.${i}.community`,
                        `meetings.${i}`,
                      )}
                    />
                  ))}
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
          })}
          <button
            type="button"
            onClick={() =>
              edit(
                (d) => ({
                  ...d,
                  communities: [
                    ...d.communities,
                    { uid: nextUid++, key: '', keyEdited: false, name: '', description: '', cohortStart: '', cohortEnd: '', capacity: '' },
                  ],
                }),
                true,
              )
            }
          >
            Add a community
          </button>
        </section>
      </fieldset>

      <footer>
        {view.kind === 'confirm' ? (
          <div class="confirm" role="alertdialog" aria-labelledby="confirm-title" aria-describedby="confirm-text">
            <p id="confirm-title">
              <strong>Start {draft.program}?</strong>
            </p>
            <p id="confirm-text">
              {info.archive.length ? `Renames ${info.archive.join(', ')}. ` : ''}The {info.current.program} form stops accepting responses; a new form opens for{' '}
              {draft.program}; the meetings are created on the program calendar. Nothing is emailed.
            </p>
            <button type="button" class="action" onClick={apply} ref={(b) => b?.focus()}>
              Start the new year
            </button>{' '}
            <button type="button" onClick={() => setView({ kind: 'edit' })}>
              Go back
            </button>
          </div>
        ) : (
          <div>
            <button type="button" class="action" disabled={busy} onClick={() => setView({ kind: 'confirm' })}>
              {busy ? 'Applying…' : 'Apply…'}
            </button>{' '}
            <button type="button" disabled={busy} onClick={closeHost}>
              Cancel
            </button>
            {busy ? (
              <span role="status" class="muted">
                {' '}
                Starting the new year: this takes a minute.
              </span>
            ) : null}
          </div>
        )}
      </footer>
    </div>
  );
}
