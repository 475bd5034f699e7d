// This run's journal and the one a cut-off run left behind (see deliver.ts, "Exactly-once"): the
// journal written as the run sends and changes events, and the leftover applied before planning.
import { formatInvited, parseInvited } from '../../domain/notify/due';
import {
  addNumbers,
  emptyEntries,
  entryCount,
  invitedFromAttendees,
  JOURNAL_ENTRIES_PER_KEY,
  journalKey,
  meetingKey,
  type JournalEntries,
} from '../../domain/notify/journal';
import type { Status } from '../../domain/program/model';
import { getEvent_ } from '../../workspace/calendar';
import { setProperty_ } from '../../workspace/properties';
import type { StoredApplication } from '../../workspace/applicationsRepo';
import type { Changed, State } from './run';

/**
 * This run's journal (see the top of deliver.ts): one property per ~100 entries, rewritten whole after each
 * success, so recording one email or event is one call.
 */
export class RunJournal {
  private seq = 0;
  private chunk: JournalEntries = emptyEntries();
  /** keys this run has written (or tried to) */
  readonly keys: string[] = [];

  constructor(private readonly holder: string) {}

  /** An email sent: one Properties.setProperty. Throws what the service throws (the change is then only in memory). */
  recordEmail(notified: { id: string; status: Status }[]): void {
    this.next();
    for (const x of notified) this.chunk.n[x.id] = x.status;
    this.write();
  }

  /** A member email sent (agenda `a` or follow-up `f`): one Properties.setProperty. */
  recordMember(kind: 'a' | 'f', items: { id: string; meeting: number }[]): void {
    this.next();
    for (const x of items) addNumbers(this.chunk[kind], x.id, [x.meeting]);
    this.write();
  }

  /** An event about to be changed (written ahead): one Properties.setProperty. */
  markEvent(key: string): void {
    this.next();
    if (this.chunk.e.indexOf(key) < 0) this.chunk.e.push(key);
    this.write();
  }

  private next(): void {
    if (entryCount(this.chunk) >= JOURNAL_ENTRIES_PER_KEY) {
      this.seq += 1;
      this.chunk = emptyEntries();
    }
  }

  private write(): void {
    const key = journalKey(this.holder, this.seq);
    if (this.keys[this.keys.length - 1] !== key) this.keys.push(key);
    // member-email maps only when used: a value stays as small as it can be
    const { n, e, a, f } = this.chunk;
    setProperty_(key, JSON.stringify({ n, e, ...(Object.keys(a).length ? { a } : {}), ...(Object.keys(f).length ? { f } : {}) }));
  }
}

/** The leftover journal applied to the applications read: an email journalled was sent, whatever the Status is now. */
export function applyLeftover(leftover: JournalEntries, byId: Map<string, StoredApplication>, changed: Changed): void {
  for (const [id, status] of Object.entries(leftover.n)) {
    const app = byId.get(id);
    if (!app) continue;
    app.notified = status;
    changed.set(id, app);
  }
  for (const [kind, field] of [
    ['a', 'agendaSent'],
    ['f', 'followUpSent'],
  ] as const) {
    for (const [id, nums] of Object.entries(leftover[kind])) {
      const app = byId.get(id);
      if (!app) continue;
      app[field] = formatInvited([...parseInvited(app[field] ?? ''), ...nums]);
      changed.set(id, app);
    }
  }
}

/**
 * Events a cut-off run was about to change: `Invited` is set from their attendee lists (one
 * Events.get each). false when one could not be read: the leftover journal is then kept for the
 * next run, which tries again.
 */
export function reconcileLeftoverEvents_(state: State, byId: Map<string, StoredApplication>, changed: Changed): boolean {
  const calendarId = state.program.settings.calendarId;
  let ok = true;
  for (const key of state.leftover.entries.e) {
    const m = state.program.meetings.find((x) => meetingKey(x) === key);
    if (!m || !m.eventId || !calendarId) continue;
    try {
      const event = getEvent_(calendarId, m.eventId);
      if (!event) continue;
      const emails = event.attendees.map((a) => a.email || '');
      for (const x of invitedFromAttendees(state.apps.applications, m, emails)) {
        const app = byId.get(x.id) as StoredApplication;
        app.invited = x.invited;
        changed.set(x.id, app);
      }
    } catch {
      ok = false;
    }
  }
  return ok;
}
