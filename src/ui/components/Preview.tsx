// The email a decision will send, for one application: subject, plain text, and the HTML version
// in a sandboxed frame (no scripts, no same origin).
import { useCallback, useState } from 'preact/hooks';
import type { Decision, NotificationPreview } from '../../shared/wire';
import { call, errorText } from '../rpc';
import { ACTIONS } from '../review/vocabulary';

export interface PreviewShown {
  name: string;
  decisionLabel: string;
  context: string;
  mail: NotificationPreview | null;
  error: string;
}

export function usePreview() {
  const [shown, setShown] = useState<PreviewShown | null>(null);
  const [loading, setLoading] = useState(false);
  const [decision, setDecision] = useState<Decision>('accept');
  const open = useCallback(
    async (target: { id: string; name: string } | null, context = '') => {
      const decisionLabel = ACTIONS.find((a) => a.decision === decision)?.label ?? decision;
      if (!target) {
        setShown({ name: '', decisionLabel, context, mail: null, error: 'Select an application (or open its details) to preview its email.' });
        return;
      }
      setLoading(true);
      try {
        const res = await call('previewNotification', target.id, decision);
        if ('ok' in res && res.ok === false) setShown({ name: target.name, decisionLabel, context, mail: null, error: `No preview: ${res.error}` });
        else if ('subject' in res) setShown({ name: target.name, decisionLabel, context, mail: res, error: '' });
        else setShown({ name: target.name, decisionLabel, context, mail: null, error: 'No preview: the server returned no email.' });
      } catch (e) {
        setShown({ name: target.name, decisionLabel, context, mail: null, error: `The preview failed: ${errorText(e)}` });
      } finally {
        setLoading(false);
      }
    },
    [decision],
  );
  return { shown, loading, decision, setDecision, open, close: () => setShown(null) };
}

export type PreviewState = ReturnType<typeof usePreview>;

export function PreviewControls({ preview, disabled, onPreview }: { preview: PreviewState; disabled: boolean; onPreview: () => void }) {
  return (
    <div class="preview-row">
      <label for="preview-decision">Email for</label>
      <select id="preview-decision" value={preview.decision} onChange={(e) => preview.setDecision(e.currentTarget.value as Decision)}>
        {ACTIONS.filter((a) => a.decision !== 'reopen').map((a) => (
          <option key={a.decision} value={a.decision}>
            {a.label}
          </option>
        ))}
      </select>
      <button type="button" disabled={disabled || preview.loading} onClick={onPreview}>
        Preview email
      </button>
    </div>
  );
}

export function PreviewPanel({ preview, headingRef }: { preview: PreviewState; headingRef?: { current: HTMLHeadingElement | null } }) {
  const s = preview.shown;
  if (!s) return null;
  return (
    <section class="preview" aria-labelledby="preview-heading">
      {s.mail ? (
        <>
          <h2 id="preview-heading" tabIndex={-1} ref={headingRef}>
            Email to {s.name}
          </h2>
          <p class="muted">
            If you choose {s.decisionLabel}
            {s.context}
          </p>
          <p>
            <strong>Subject: </strong>
            {s.mail.subject}
          </p>
          <pre class="mail-text">{s.mail.text}</pre>
          <details>
            <summary>HTML version</summary>
            <iframe title={`HTML version of the email to ${s.name}`} sandbox="" class="html-preview" srcdoc={s.mail.html} />
          </details>
        </>
      ) : (
        <p id="preview-heading" class={s.error.startsWith('Select') ? 'muted' : 'error-text'} tabIndex={-1}>
          {s.error}
        </p>
      )}
      <button type="button" class="link" onClick={preview.close}>
        Close preview
      </button>
    </section>
  );
}
