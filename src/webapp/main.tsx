// The applicant's personal page (doGet). Its data arrives inline (the boot JSON doGet puts before
// <main id="app">); after a withdrawal it asks applicantView again. Every value from the sheet is
// rendered as JSX text or attribute, never as markup; links are only https URLs.
import { render } from 'preact';
import { useEffect, useRef, useState } from 'preact/hooks';
import type { ApplicantBoot, ApplicantCommunity, ApplicantMeeting, ApplicantStatus, ApplicantView, ApplicantViewResult } from '../shared/applicant';
import { buildIcs } from './ics';
import { call } from './rpc';

function readBoot(): ApplicantBoot {
  try {
    const boot = JSON.parse(document.getElementById('boot')?.textContent ?? 'null') as ApplicantBoot | null;
    if (boot && typeof boot === 'object' && boot.view && typeof boot.view === 'object') return boot;
  } catch {
    // fall through
  }
  return { token: '', view: { ok: false, error: 'This page could not be loaded. Use the link in your most recent email from the program.' } };
}

const STATUS_CLASS: Record<ApplicantStatus, string> = {
  'Under review': 'status-review',
  Accepted: 'status-accepted',
  Waitlisted: 'status-waitlisted',
  Declined: 'status-declined',
  Withdrawn: 'status-withdrawn',
};

const STATUS_TEXT: Record<ApplicantStatus, string> = {
  'Under review': 'Your application is under review.',
  Accepted: 'Welcome: you are a member of this community.',
  Waitlisted: 'You are on the waitlist. We will write to you if a seat frees up.',
  Declined: 'We could not offer you a seat in this community this year.',
  Withdrawn: 'You have withdrawn from this community.',
};

function safeHttps(url: string): string {
  return /^https:\/\/[^\s<>"']+$/i.test(url) ? url : '';
}

function domId(applicationId: string): string {
  return `c-${applicationId.replace(/[^\w-]/g, '')}`;
}

function Meeting({ m }: { m: ApplicantMeeting }) {
  const link = safeHttps(m.meetLink);
  const agendaLink = safeHttps(m.agenda);
  return (
    <li>
      <p class="meeting-title">
        Meeting {m.number}
        {m.held ? <span class="muted"> (held)</span> : null}
      </p>
      <p>{m.when}</p>
      {!m.held && link ? (
        <p>
          <a href={link} target="_blank" rel="noopener noreferrer">
            Join on Google Meet
          </a>{' '}
          <span class="muted">({link.replace(/^https:\/\//, '')})</span>
        </p>
      ) : null}
      {m.agenda ? (
        <p>
          Agenda:{' '}
          {agendaLink ? (
            <a href={agendaLink} target="_blank" rel="noopener noreferrer">
              {agendaLink}
            </a>
          ) : (
            m.agenda
          )}
        </p>
      ) : null}
    </li>
  );
}

function icsHref(view: ApplicantView, c: ApplicantCommunity): string {
  const ics = buildIcs(
    `${c.name} (${view.program})`,
    view.timeZone,
    c.meetings.map((m) => ({
      uid: `${c.applicationId}-meeting-${m.number}@communities-of-practice`,
      summary: `${c.name}: Community of Practice meeting ${m.number}`,
      description: [m.agenda ? `Agenda: ${m.agenda}` : '', m.meetLink ? `Google Meet: ${m.meetLink}` : ''].filter(Boolean).join('\n'),
      url: safeHttps(m.meetLink),
      start: m.start,
      end: m.end,
    })),
    new Date(),
  );
  return `data:text/calendar;charset=utf-8,${encodeURIComponent(ics)}`;
}

interface CardProps {
  view: ApplicantView;
  c: ApplicantCommunity;
  confirming: boolean;
  busy: boolean;
  onAsk: () => void;
  onCancel: () => void;
  onWithdraw: () => void;
}

function Community({ view, c, confirming, busy, onAsk, onCancel, onWithdraw }: CardProps) {
  const id = domId(c.applicationId);
  const confirmId = `${id}-confirm`;
  const yes = useRef<HTMLButtonElement>(null);
  const ask = useRef<HTMLButtonElement>(null);
  const wasConfirming = useRef(false);
  // Focus follows the question: into it when it opens, back to the button when it is dismissed.
  useEffect(() => {
    if (confirming) yes.current?.focus();
    else if (wasConfirming.current) ask.current?.focus();
    wasConfirming.current = confirming;
  }, [confirming]);
  return (
    <section class="ap-card" aria-labelledby={id}>
      <h2 id={id}>{c.name}</h2>
      {c.cohort ? <p class="muted">Cohort: {c.cohort}</p> : null}
      <p>
        <span class={`status ${STATUS_CLASS[c.status]}`}>{c.status}</span>
      </p>
      <p>{STATUS_TEXT[c.status]}</p>
      {c.status === 'Under review' && !view.decisionsOut ? <p class="muted">Decisions go out by email from {view.decisionsFromLabel}.</p> : null}
      {c.meetings.length ? (
        <>
          <h3>Your meetings</h3>
          <p class="muted">Times are in {view.timeZone}.</p>
          <ol class="meetings">
            {c.meetings.map((m) => (
              <Meeting key={m.number} m={m} />
            ))}
          </ol>
          <div class="ap-actions">
            <a class="button" href={icsHref(view, c)} download={`${c.key || 'community'}-meetings.ics`}>
              Add these meetings to my calendar (.ics)
            </a>
          </div>
        </>
      ) : null}
      {c.canWithdraw && !confirming ? (
        <div class="ap-actions">
          <button type="button" ref={ask} aria-expanded="false" disabled={busy} onClick={onAsk}>
            Withdraw from {c.name}…
          </button>
        </div>
      ) : null}
      {c.canWithdraw && confirming ? (
        <div class="ap-confirm" id={confirmId} role="group" aria-labelledby={`${confirmId}-q`}>
          <p id={`${confirmId}-q`}>
            <strong>Withdraw from {c.name}?</strong>
          </p>
          <p>
            {c.status === 'Accepted'
              ? 'You will be removed from the remaining meetings and your seat will be offered to someone else. This cannot be undone on this page.'
              : 'Your application for this community will be withdrawn. This cannot be undone on this page.'}
          </p>
          <div class="ap-actions">
            <button type="button" class="danger" ref={yes} disabled={busy} onClick={onWithdraw}>
              {busy ? 'Withdrawing…' : 'Yes, withdraw'}
            </button>
            <button type="button" disabled={busy} onClick={onCancel}>
              No, keep my application
            </button>
          </div>
        </div>
      ) : null}
    </section>
  );
}

type Notice = { kind: 'ok' | 'error'; text: string } | null;

function Page({ boot }: { boot: ApplicantBoot }) {
  const [view, setView] = useState<ApplicantViewResult>(boot.view);
  const [confirming, setConfirming] = useState('');
  const [busy, setBusy] = useState(false);
  const [notice, setNotice] = useState<Notice>(null);
  const status = useRef<HTMLDivElement>(null);

  async function withdraw(c: ApplicantCommunity): Promise<void> {
    if (busy) return;
    setBusy(true);
    let next: Notice;
    try {
      const result = await call('applicantWithdraw', { token: boot.token, applicationId: c.applicationId });
      next = result.ok ? { kind: 'ok', text: `You have withdrawn from ${c.name}. The program team has been told.` } : { kind: 'error', text: result.error };
    } catch {
      next = { kind: 'error', text: 'The page could not reach the server. Nothing was changed; please try again.' };
    }
    try {
      const fresh = await call('applicantView', boot.token);
      if (fresh.ok) setView(fresh);
    } catch {
      // keep what is shown; the notice says what happened
    }
    setBusy(false);
    setConfirming('');
    setNotice(next);
    setTimeout(() => status.current?.focus(), 0);
  }

  const live = (
    <div role="status" aria-live="polite" tabIndex={-1} ref={status}>
      {notice ? <div class={`notice notice-${notice.kind}`}>{notice.text}</div> : null}
    </div>
  );
  if (!view.ok) {
    return (
      <>
        <h1>Your applications</h1>
        {live}
        <p>{view.error}</p>
      </>
    );
  }
  return (
    <>
      <h1>Your applications</h1>
      <p class="lede">
        {view.firstName ? `Hello ${view.firstName}. ` : ''}This is your personal page for the {view.program}.
      </p>
      {live}
      {view.communities.length ? (
        view.communities.map((c) => (
          <Community
            key={c.applicationId}
            view={view}
            c={c}
            confirming={confirming === c.applicationId}
            busy={busy}
            onAsk={() => {
              setNotice(null);
              setConfirming(c.applicationId);
            }}
            onCancel={() => setConfirming('')}
            onWithdraw={() => void withdraw(c)}
          />
        ))
      ) : (
        <p>There are no applications under this address any more.</p>
      )}
      <footer>
        <p>
          Questions? Write to {view.contactName} at <a href={`mailto:${view.contactEmail}`}>{view.contactEmail}</a>.
        </p>
        <p>This link is personal: please do not forward it.</p>
      </footer>
    </>
  );
}

render(<Page boot={readBoot()} />, document.getElementById('app') as HTMLElement);
