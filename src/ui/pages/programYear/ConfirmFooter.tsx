// The dialog's footer: Apply… asks to confirm (what the switch will do), then starts the new year.
import type { ProposeOk } from '../../../shared/programYear';
import { closeHost } from '../../host';

interface Props {
  confirming: boolean;
  busy: boolean;
  program: string;
  info: ProposeOk;
  onApply: () => void;
  onConfirm: () => void;
  onBack: () => void;
}

export function ConfirmFooter({ confirming, busy, program, info, onApply, onConfirm, onBack }: Props) {
  return (
    <footer>
      {confirming ? (
        <div class="confirm" role="alertdialog" aria-labelledby="confirm-title" aria-describedby="confirm-text">
          <p id="confirm-title">
            <strong>Start {program}?</strong>
          </p>
          <p id="confirm-text">
            {info.archive.length ? `Renames ${info.archive.join(', ')}. ` : ''}The {info.current.program} form stops accepting responses; a new form opens for{' '}
            {program}; the meetings are created on the program calendar. Nothing is emailed.
          </p>
          <button type="button" class="action" onClick={onApply} ref={(b) => b?.focus()}>
            Start the new year
          </button>{' '}
          <button type="button" onClick={onBack}>
            Go back
          </button>
        </div>
      ) : (
        <div>
          <button type="button" class="action" disabled={busy} onClick={onConfirm}>
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
  );
}
