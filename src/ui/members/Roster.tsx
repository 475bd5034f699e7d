// The community's roster (name, agency, state, email): copied as tab-separated text (pastes into a
// sheet or an email) or downloaded as CSV (RFC 4180, formula-neutralised: ./roster.ts).
import { useState } from 'preact/hooks';
import type { WireMembersCommunity } from '../../shared/wire';
import { rosterCsv, rosterFileName, rosterTsv } from './roster';

async function copyText(text: string): Promise<boolean> {
  try {
    if (navigator.clipboard?.writeText) {
      await navigator.clipboard.writeText(text);
      return true;
    }
  } catch {
    // fall through to the textarea (the sidebar's iframe may not allow the clipboard API)
  }
  const area = document.createElement('textarea');
  area.value = text;
  area.setAttribute('readonly', '');
  area.style.position = 'fixed';
  area.style.opacity = '0';
  document.body.appendChild(area);
  area.select();
  let ok: boolean;
  try {
    ok = document.execCommand('copy');
  } catch {
    ok = false;
  }
  area.remove();
  return ok;
}

export function Roster({ community }: { community: WireMembersCommunity }) {
  const [note, setNote] = useState('');
  const csv = rosterCsv(community.members);
  const href = `data:text/csv;charset=utf-8,${encodeURIComponent(`\ufeff${csv}`)}`;
  const copy = async () => {
    const ok = await copyText(rosterTsv(community.members));
    setNote(ok ? `Roster copied (${community.members.length} members).` : 'Copying was blocked: use Download CSV instead.');
  };
  return (
    <section aria-labelledby="roster-title">
      <h2 id="roster-title">Roster ({community.members.length})</h2>
      <div class="roster-actions">
        <button type="button" onClick={() => void copy()} disabled={!community.members.length}>
          Copy roster
        </button>{' '}
        <a class="button-link" href={href} download={rosterFileName(community.key)} aria-disabled={!community.members.length}>
          Download CSV
        </a>
      </div>
      <p class="muted" role="status">
        {note}
      </p>
      <ul class="roster">
        {community.members.map((m) => (
          <li key={m.id}>
            <span class="name">{m.fullName}</span>
            <span class="muted"> {[m.agency, m.state].filter(Boolean).join(', ')}</span>
            <span class="email">{m.email}</span>
          </li>
        ))}
      </ul>
    </section>
  );
}
