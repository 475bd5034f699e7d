// Step 3 of a delivery run, after the emails (see deliver.ts): the meeting invitations, one change
// per event, each event marked in the journal before it is read and patched.
import type { Budget } from '../../domain/notify/budget';
import { formatInvited, mergeAttendees, parseInvited, type EventPlan } from '../../domain/notify/due';
import { meetingKey } from '../../domain/notify/journal';
import { getEvent_, setAttendees_ } from '../../workspace/calendar';
import { ACTOR, errorText, type Run } from './run';

/**
 * Calendar's abuse limit ("Calendar usage limits exceeded."): every further call that emails guests
 * would fail the same way for hours, so the run stops inviting and the rest waits for a later run.
 */
function isCalendarLimit(err: unknown): boolean {
  return /usage limits exceeded|rate ?limit|too many invitations/i.test(errorText(err));
}

export function inviteAll_(events: EventPlan[], run: Run, budget: Budget): void {
  for (const ev of events) {
    if (run.result.calendarLimited) return;
    if (!budget.canStart()) {
      run.result.stopped = 'time';
      return;
    }
    if (budget.time(() => inviteOne(ev, run)) === 'stop') return;
  }
}

/** One event: mark it in the journal, then get, merge, patch (only when something changes), and update `Invited` in memory. */
function inviteOne(ev: EventPlan, run: Run): 'done' | 'stop' {
  const { state, byId, log, result } = run;
  const calendarId = state.program.settings.calendarId;
  const m = ev.meeting;
  const label = `${m.community} meeting ${m.number}`;
  const allIds = [...ev.add, ...ev.remove].map((x) => x.applicationId);
  const fail = (why: string) => {
    result.failures += 1;
    log.push({ actor: ACTOR, action: 'invitation-failed', applicationIds: allIds, details: `${label}: ${why}` });
  };
  if (!calendarId || !m.eventId) {
    fail('no calendar event yet; run setup');
    return 'done';
  }
  try {
    // written ahead: a run cut off after the patch leaves the mark, and the next run reads the
    // attendees back into `Invited` (see the top of deliver.ts)
    run.journal.markEvent(meetingKey(m));
  } catch (err) {
    // nothing was changed; the event stays due
    log.push({ actor: ACTOR, action: 'record-delayed', applicationIds: allIds, details: `${label} left for the next run: ${errorText(err)}` });
    result.stopped = 'time';
    return 'stop';
  }
  try {
    // Get and patch back to back: the list we send is the event's own list plus our changes, so
    // guests staff added by hand stay (the API replaces the whole attendees array).
    const event = getEvent_(calendarId, m.eventId);
    if (!event) throw new Error('the event was deleted; run setup to recreate it');
    const next = mergeAttendees(
      event.attendees,
      ev.add.map((x) => x.email),
      ev.remove.map((x) => x.email),
    );
    if (next) {
      setAttendees_(calendarId, m.eventId, next);
      result.eventsUpdated += 1;
    }
  } catch (err) {
    if (isCalendarLimit(err)) {
      // Nothing changed on this event; it and every later one stay due (Invited is not updated).
      result.calendarLimited = true;
      log.push({
        actor: ACTOR,
        action: 'invitations-paused',
        applicationIds: allIds,
        details: `${label}: Calendar refused (${errorText(err)}); invitations wait for a later run`,
      });
      return 'stop';
    }
    fail(errorText(err));
    return 'done';
  }
  const change = (id: string, f: (nums: number[]) => number[]) => {
    const app = byId.get(id);
    if (!app) return;
    app.invited = formatInvited(f(parseInvited(app.invited)));
    run.changed.set(id, app);
  };
  for (const x of ev.add) change(x.applicationId, (nums) => [...nums, m.number]);
  for (const x of ev.remove) change(x.applicationId, (nums) => nums.filter((n) => n !== m.number));
  log.push({ actor: ACTOR, action: 'invitations-updated', applicationIds: allIds, details: `${label}: ${ev.add.length} added, ${ev.remove.length} removed` });
  return 'done';
}
