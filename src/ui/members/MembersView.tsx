// The members view (SPEC behaviour 8): pick a community, see its meetings' answers and attendance,
// record who attended a held meeting, copy or download the roster. One getMembersState per load
// (the RSVPs of all 16 events in one Calendar call on the server), one recordAttendance per save.
// Everything applicants typed is rendered as text (JSX), never as markup.
import { useEffect, useState } from 'preact/hooks';
import type { MembersState } from '../../shared/wire';
import { call, errorText } from '../rpc';
import { meetingLabel } from './format';
import { MeetingDetail } from './MeetingDetail';
import { Overview } from './Overview';
import { Roster } from './Roster';

export interface MembersViewProps {
  /** 'sidebar' (300 px, one column) or 'window' (the review window: overview beside the meeting) */
  layout?: 'sidebar' | 'window';
  /** inside a page's view tabs (the tab names the view): no page heading of its own */
  embedded?: boolean;
}

/** The meeting to show first: the last one that has started, else the first. */
function defaultMeeting(state: MembersState, key: string): number {
  const c = state.communities.find((x) => x.key === key);
  if (!c || !c.meetings.length) return 1;
  const held = c.meetings.filter((m) => m.held);
  return (held.length ? held[held.length - 1] : c.meetings[0]).number;
}

export function MembersView({ layout = 'sidebar', embedded = false }: MembersViewProps) {
  const [state, setState] = useState<MembersState | null>(null);
  const [error, setError] = useState('');
  const [community, setCommunity] = useState('');
  const [meeting, setMeeting] = useState(0);
  const [message, setMessage] = useState('');
  const [loading, setLoading] = useState(false);

  const load = async (keep?: { community: string; meeting: number }) => {
    setLoading(true);
    try {
      const r = await call('getMembersState');
      if (!r.ok) {
        setError(r.error);
        return;
      }
      setError('');
      setState(r);
      const key = keep?.community && r.communities.some((c) => c.key === keep.community) ? keep.community : (r.communities[0]?.key ?? '');
      setCommunity(key);
      setMeeting(keep?.meeting || defaultMeeting(r, key));
    } catch (e) {
      setError(errorText(e));
    } finally {
      setLoading(false);
    }
  };
  useEffect(() => {
    void load();
  }, []);

  if (error && !state)
    return (
      <p class="error" role="alert">
        {error}
      </p>
    );
  if (!state) return <p>Loading members…</p>;
  const c = state.communities.find((x) => x.key === community);
  const m = c?.meetings.find((x) => x.number === meeting) ?? c?.meetings[0];
  return (
    <div class={`members members-${layout}`}>
      <div class="top">
        <div>
          {embedded ? <h2 class="sr-only">Members</h2> : <h1>Members</h1>}
          {embedded ? null : <p class="muted">{state.program}</p>}
        </div>
        <button type="button" onClick={() => void load({ community, meeting })} disabled={loading}>
          {loading ? 'Reloading…' : 'Reload members'}
        </button>
      </div>
      {state.warning ? (
        <p class="offer" role="note">
          {state.warning}
        </p>
      ) : null}
      {error ? (
        <p class="error" role="alert">
          {error}
        </p>
      ) : null}
      {message ? (
        <p class="result" role="status">
          {message}
        </p>
      ) : null}
      <div class="filters">
        <div class="field">
          <label for="members-community">Community</label>
          <select
            id="members-community"
            value={community}
            onChange={(e) => {
              const key = e.currentTarget.value;
              setCommunity(key);
              setMeeting(defaultMeeting(state, key));
              setMessage('');
            }}
          >
            {state.communities.map((x) => (
              <option key={x.key} value={x.key}>
                {x.name} ({x.members.length})
              </option>
            ))}
          </select>
        </div>
        {c && c.meetings.length ? (
          <div class="field">
            <label for="members-meeting">Meeting</label>
            <select
              id="members-meeting"
              value={String(m?.number ?? '')}
              onChange={(e) => {
                setMeeting(Number(e.currentTarget.value));
                setMessage('');
              }}
            >
              {c.meetings.map((x) => (
                <option key={x.number} value={String(x.number)}>
                  {meetingLabel(x, state.timeZone)}
                </option>
              ))}
            </select>
          </div>
        ) : null}
      </div>
      {c ? (
        <div class="members-body">
          <div class="members-main">
            {m ? (
              <MeetingDetail
                community={c}
                meeting={m}
                timeZone={state.timeZone}
                canRecord={state.canRecord}
                onSaved={(text) => {
                  setMessage(text);
                  void load({ community: c.key, meeting: m.number });
                }}
              />
            ) : (
              <p class="muted">This community has no meetings in the Meetings tab.</p>
            )}
          </div>
          <div class="members-side">
            <Overview community={c} timeZone={state.timeZone} />
            <Roster community={c} />
          </div>
        </div>
      ) : (
        <p class="muted">No communities.</p>
      )}
    </div>
  );
}
