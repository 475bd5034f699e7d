// Everything known about one application: the row's fields and every answer of the response.
import type { ComponentChildren } from 'preact';
import type { ReviewState, WireApplication } from '../../shared/wire';
import { fullName } from '../review/filter';
import { formatDateTime } from '../review/format';
import { capacityText } from './Counts';

function Row({ term, value }: { term: string; value: ComponentChildren }) {
  return (
    <>
      <dt>{term}</dt>
      <dd>{value === '' || value === null || value === undefined ? '—' : value}</dd>
    </>
  );
}

export function communityName(state: ReviewState, key: string): string {
  return state.communities.find((c) => c.key === key)?.name ?? key;
}

export function Detail({
  state,
  app,
  headingRef,
  children,
  changedNote,
}: {
  state: ReviewState;
  app: WireApplication;
  headingRef?: { current: HTMLHeadingElement | null };
  /** e.g. the select box, placed under the heading */
  children?: ComponentChildren;
  /** shown when the application changed elsewhere since it was opened */
  changedNote?: string;
}) {
  const tz = state.timeZone;
  const decided = app.decidedAt ? `${formatDateTime(app.decidedAt, tz)}${app.decidedBy ? ` by ${app.decidedBy}` : ''}` : '';
  const community = state.communities.find((c) => c.key === app.community);
  return (
    <article class="detail" aria-labelledby="detail-heading">
      <h2 id="detail-heading" tabIndex={-1} ref={headingRef}>
        {fullName(app)}
      </h2>
      {changedNote ? <p class="stale-note">{changedNote}</p> : null}
      {children}
      <dl>
        <Row term="Status" value={<span class={`badge b-${app.status.toLowerCase()}`}>{app.status}</span>} />
        <Row term="Community" value={communityName(state, app.community)} />
        <Row term="Capacity" value={community ? capacityText(community) : 'not a configured community'} />
        <Row term="Flags" value={app.flags.join(', ')} />
        <Row term="Email" value={app.email} />
        <Row term="Job title" value={app.jobTitle} />
        <Row term="Agency" value={app.agency} />
        <Row term="Agency type" value={app.agencyType} />
        <Row term="State" value={app.state} />
        <Row term="Submitted" value={formatDateTime(app.submittedAt, tz)} />
        <Row term="Decided" value={decided} />
        <Row term="Note" value={app.note} />
        <Row term="Last emailed" value={app.notified} />
        <Row term="Invited to meetings" value={app.invited} />
        <Row term="Application ID" value={app.id} />
      </dl>
      <h3>Answers</h3>
      {app.answers.length ? (
        <dl class="answers">
          {app.answers.map((a, i) => (
            <Row key={i} term={a.question} value={a.answer} />
          ))}
        </dl>
      ) : (
        <p class="muted">No form answers found for this application.</p>
      )}
    </article>
  );
}
