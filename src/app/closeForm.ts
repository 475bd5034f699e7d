// Closing the form at the registration deadline (the sweep's Form step): once, and only if
// 'Close form at deadline' is TRUE; if staff reopen the form afterwards, it stays open.
import { formatLongDate, formatTime, zoneAbbreviation } from '../domain/program/dates';
import { now } from '../workspace/clock';
import { closeForm_, linkedForm_ } from '../workspace/form';
import { withScriptLock_ } from '../workspace/lock';
import { appendLog_ } from '../workspace/log';
import { readProgram_ } from '../workspace/programRepo';
import { getProperty_, setProperty_ } from '../workspace/properties';

/** Script property: when the sweep closed the form after the deadline (it does so once). */
export const FORM_CLOSED = 'formClosedAt';

/**
 * After the registration deadline, if 'Close form at deadline' is TRUE, stops the form accepting
 * responses (closed message names the contact). Done once: if staff reopen the form afterwards,
 * sweep leaves it open.
 */
export function closeFormIfDue_(): string {
  const { settings } = readProgram_();
  if (!settings.closeFormAtDeadline) return 'Form: closing at the deadline is turned off.';
  const at = now();
  if (at.getTime() <= settings.registrationDeadline.getTime()) return 'Form: open until the registration deadline.';
  if (getProperty_(FORM_CLOSED)) return 'Form: already closed once after the deadline; left as staff set it.';
  const form = linkedForm_();
  if (!form) return 'Form: no linked form to close.';
  const tz = settings.timeZone;
  const when = `${formatLongDate(settings.registrationDeadline, tz)} at ${formatTime(settings.registrationDeadline, tz)} ${zoneAbbreviation(settings.registrationDeadline, tz)}`;
  const message = `Registration for the ${settings.program} closed on ${when}. Questions? Contact ${settings.contactName} at ${settings.contactEmail}.`;
  const closed = closeForm_(form, message);
  setProperty_(FORM_CLOSED, at.toISOString());
  withScriptLock_(() =>
    appendLog_([
      {
        actor: 'system',
        action: closed ? 'Form closed' : 'Form already closed',
        details: closed
          ? `Registration deadline passed; the form stopped accepting responses. Closed message: ${message}`
          : 'Registration deadline passed; the form was already closed.',
      },
    ]),
  );
  return closed ? 'Form: closed (registration deadline passed).' : 'Form: was already closed.';
}
