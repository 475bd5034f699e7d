// One meeting of a community: its agenda, the invitation answers, and (once it has started) the
// attendance form: a checkbox per member named with the member's full name, "all who said yes",
// and Save, which records every member of the community (ticked = attended, not ticked = absent).
import { useEffect, useState } from 'preact/hooks';
import type { WireMember, WireMembersMeeting } from '../../shared/wire';
import { call, errorText } from '../rpc';
import { Agenda } from './Agenda';
import { meetingDay, meetingTime, RSVP_LABEL } from './format';

interface Props {
  community: { key: string; name: string; members: WireMember[] };
  meeting: WireMembersMeeting;
  timeZone: string;
  canRecord: boolean;
  /** after a save: reload the state */
  onSaved: (message: string) => void;
}

function initialTicks(meeting: WireMembersMeeting): Set<string> {
  return new Set(meeting.members.filter((m) => m.attended === true).map((m) => m.id));
}

export function MeetingDetail({ community, meeting, timeZone, canRecord, onSaved }: Props) {
  const [ticked, setTicked] = useState<Set<string>>(() => initialTicks(meeting));
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState('');
  useEffect(() => {
    setTicked(initialTicks(meeting));
    setError('');
  }, [community.key, meeting.number, meeting]);
  const rsvpOf = new Map(meeting.members.map((m) => [m.id, m]));
  const recorded = meeting.members.some((m) => m.attended !== null);
  const toggle = (id: string, on: boolean) => {
    const next = new Set(ticked);
    if (on) next.add(id);
    else next.delete(id);
    setTicked(next);
  };
  const allYes = () => setTicked(new Set(meeting.members.filter((m) => m.rsvp === 'accepted').map((m) => m.id)));
  const save = async (e: Event) => {
    e.preventDefault();
    setBusy(true);
    setError('');
    const attended = community.members.filter((m) => ticked.has(m.id)).map((m) => m.id);
    const absent = community.members.filter((m) => !ticked.has(m.id)).map((m) => m.id);
    try {
      const r = await call('recordAttendance', { community: community.key, meeting: meeting.number, attended, absent });
      if (r.ok)
        onSaved(
          `Attendance saved for ${community.name} meeting ${meeting.number}: ${attended.length} attended, ${absent.length} absent (${r.recorded} recorded).`,
        );
      else setError(r.error);
    } catch (err) {
      setError(errorText(err));
    } finally {
      setBusy(false);
    }
  };
  const c = meeting.counts;
  return (
    <section aria-labelledby="meeting-title">
      <h2 id="meeting-title">
        Meeting {meeting.number}: {meetingDay(meeting.start, timeZone)}, {meetingTime(meeting.start, timeZone)}
      </h2>
      {meeting.meetLink ? (
        <p>
          <a href={meeting.meetLink} target="_blank" rel="noopener noreferrer">
            Google Meet link
          </a>
        </p>
      ) : null}
      <h3>Agenda</h3>
      <Agenda text={meeting.agenda} />
      <h3>Answers to the invitation</h3>
      <p class="rsvp-counts" aria-label="Answers to the invitation">
        <span class="badge b-accepted">Yes {c.yes}</span> <span class="badge b-declined">No {c.no}</span>{' '}
        <span class="badge b-waitlisted">Maybe {c.maybe}</span> <span class="badge b-pending">No answer {c.noAnswer}</span>
      </p>
      {meeting.held ? (
        <form onSubmit={(e) => void save(e)} aria-labelledby="attendance-title">
          <h3 id="attendance-title">Who attended{recorded ? '' : ' (not recorded yet)'}</h3>
          {!canRecord ? <p class="muted">Settings lists the reviewers: only they can record attendance.</p> : null}
          {community.members.length ? (
            <div class="select-row">
              <button type="button" class="link" onClick={allYes} disabled={!canRecord || busy}>
                Tick all who said yes
              </button>
              <span class="muted">{ticked.size} ticked</span>
            </div>
          ) : (
            <p class="muted">No members yet.</p>
          )}
          <ul class="apps attendance">
            {community.members.map((m) => {
              const entry = rsvpOf.get(m.id);
              const id = `att-${m.id}`;
              return (
                <li class="app" key={m.id}>
                  <div class="app-head">
                    <input
                      type="checkbox"
                      id={id}
                      checked={ticked.has(m.id)}
                      disabled={!canRecord || busy}
                      onChange={(e) => toggle(m.id, e.currentTarget.checked)}
                    />
                    <label for={id}>
                      <span class="name">{m.fullName}</span>
                    </label>
                    <span class={`badge rsvp-${entry?.rsvp ?? 'needsAction'}`}>{RSVP_LABEL[entry?.rsvp ?? 'needsAction']}</span>
                  </div>
                  {entry && entry.attended !== null ? <div class="meta">{entry.attended ? 'recorded: attended' : 'recorded: absent'}</div> : null}
                </li>
              );
            })}
          </ul>
          {error ? (
            <p class="error" role="alert">
              {error}
            </p>
          ) : null}
          <p>
            <button type="submit" class="action" disabled={!canRecord || busy || !community.members.length}>
              {busy ? 'Saving…' : 'Save attendance'}
            </button>
          </p>
        </form>
      ) : (
        <>
          <p class="muted">Attendance can be recorded once the meeting has started.</p>
          <ul class="apps attendance">
            {community.members.map((m) => {
              const entry = rsvpOf.get(m.id);
              return (
                <li class="app" key={m.id}>
                  <div class="app-head">
                    <span class="name">{m.fullName}</span>
                    <span class={`badge rsvp-${entry?.rsvp ?? 'needsAction'}`}>{RSVP_LABEL[entry?.rsvp ?? 'needsAction']}</span>
                  </div>
                </li>
              );
            })}
          </ul>
        </>
      )}
    </section>
  );
}
