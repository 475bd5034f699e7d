// The program-year dialog (menu "New program year…"): shows proposeProgramYear()'s proposal,
// lets staff edit every date and the communities (add, rename, remove, capacity), asks for
// confirmation, applies it with startProgramYear(), and shows the result. The server validates;
// a refused proposal comes back with one message per field, shown next to that field.
//
// Dates are edited as wall-clock values in the program's zone: the server's ISO strings carry
// that zone's offset, so their first characters ARE the local date and time; what we send back
// has no offset ("2027-09-10T23:59"), which the server reads in the program zone.
//
// Its parts: draft.ts (the editable copy), fields.tsx, ProgramSection, CommunitySection with
// MeetingsTable, ConfirmFooter.
import { useEffect, useRef, useState } from 'preact/hooks';
import type { ProposalProblem, ProposeOk } from '../../../shared/programYear';
import { closeHost } from '../../host';
import { call, errorText } from '../../rpc';
import { CommunitySection } from './CommunitySection';
import { ConfirmFooter } from './ConfirmFooter';
import { newUid, slug, toDraft, toProposal, type CommunityDraft, type Draft, type MeetingDraft, type View } from './draft';
import { fieldId } from './fields';
import { ProgramSection } from './ProgramSection';

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
        <ProgramSection draft={draft} problems={problems} edit={edit} />

        <section aria-labelledby="h-communities">
          <h2 id="h-communities">Communities and meetings</h2>
          {draft.communities.map((c, ci) => (
            <CommunitySection
              key={c.uid}
              c={c}
              ci={ci}
              meetings={byCommunity(c.key)}
              problems={problems}
              edit={edit}
              setCommunity={setCommunity}
              setMeeting={setMeeting}
            />
          ))}
          <button
            type="button"
            onClick={() =>
              edit(
                (d) => ({
                  ...d,
                  communities: [
                    ...d.communities,
                    { uid: newUid(), key: '', keyEdited: false, name: '', description: '', cohortStart: '', cohortEnd: '', capacity: '' },
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

      <ConfirmFooter
        confirming={view.kind === 'confirm'}
        busy={busy}
        program={draft.program}
        info={info}
        onApply={apply}
        onConfirm={() => setView({ kind: 'confirm' })}
        onBack={() => setView({ kind: 'edit' })}
      />
    </div>
  );
}
