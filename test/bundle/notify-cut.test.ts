// A delivery run cut off by the time limit before each of its service calls, then re-run: every
// email and invitation ends up delivered exactly once and nothing is lost, except that a cut
// exactly between a successful MailApp.sendEmail and the one call that journals it
// (Properties.setProperty) can only give at-least-once: that email goes out a second time, once.
// Those cut points are printed. A cut anywhere after the journal entry (later sends, the events,
// the end-of-run sheet write) duplicates nothing: the next run applies the journal first.
import { Workspace, type Execution } from '../../emulator';
import { addApplications, AFTER_NOTIFY, app, calendarMail, mailsTo, newProgram, OWNER, setCell, type Applicant } from './notify.support';

const HOUR = 3600_000;

describe('a run cut off at every possible point', () => {
  // Ann: accepted to clna and declined for learner voice (one email); Bob: accepted to clna;
  // Cat: waitlisted. Due: 3 emails, and 4 clna events to patch with Ann and Bob.
  const people: Applicant[] = [
    { id: 'C1', email: 'ann@ohio.gov', community: 'clna', status: 'Accepted' },
    { id: 'C2', email: 'ann@ohio.gov', community: 'learner-voice', status: 'Declined' },
    { id: 'C3', email: 'bob@ohio.gov', community: 'clna', status: 'Accepted' },
    { id: 'C4', email: 'cat@ohio.gov', community: 'data-accountability', status: 'Waitlisted' },
  ];
  const emails = ['ann@ohio.gov', 'bob@ohio.gov', 'cat@ohio.gov'];

  /** A copy of the prepared workspace (structuredClone keeps Dates; 5× faster than fromJSON). */
  function fresh(state: Workspace['state']): Workspace {
    return new Workspace({ now: AFTER_NOTIFY, owner: OWNER }, structuredClone(state));
  }

  /** 1-based call numbers n such that a cut before call n falls after a sendEmail and before its record. */
  function windows(exec: Execution): { n: number; to: string }[] {
    const out: { n: number; to: string }[] = [];
    const calls = exec.calls;
    let sends = 0;
    calls.forEach((c, i) => {
      if (c.method !== 'MailApp.sendEmail') return;
      const to = emails[sends++];
      // the record is the very next call: the window is that one call
      expect(calls[i + 1]?.method).toBe('Properties.setProperty');
      out.push({ n: i + 2, to });
    });
    return out;
  }

  it('ends, after re-runs, with every email and invitation delivered exactly once (at most one duplicate, only in the send→record window)', () => {
    const base = newProgram(AFTER_NOTIFY);
    addApplications(base, people);
    const json = base.state;

    const reference = fresh(json);
    reference.run('sendDueNotifications');
    const uncut = reference.lastExecution!;
    const N = uncut.calls.length;
    const expectedInvites = calendarMail(reference).sort();
    expect(expectedInvites).toHaveLength(8);
    const win = windows(uncut);
    expect(win).toHaveLength(emails.length);
    const duplicates: string[] = [];
    const started = Date.now();

    for (let n = 1; n <= N + 1; n++) {
      const ws = fresh(json);
      ws.faults.cutAtCall(n);
      ws.run('sendDueNotifications', [], { catch: true });
      const cut = ws.lastExecution!;
      expect(cut.cutOff).toBe(n <= N);
      // the next hourly run (a second one would find nothing: the checks below see everything done)
      ws.clock.advance(HOUR);
      ws.run('sendDueNotifications');

      const inWindow = win.filter((w) => w.n === n).map((w) => w.to);
      for (const e of emails) {
        const count = mailsTo(ws, e).length;
        if (inWindow.includes(e)) {
          expect(count).toBeGreaterThanOrEqual(1);
          expect(count).toBeLessThanOrEqual(2);
          if (count === 2) duplicates.push(`cut before call ${n} (${uncut.calls[n - 1].method}, after the send to ${e}): ${e} got 2`);
        } else {
          expect({ n, e, count }).toEqual({ n, e, count: 1 });
        }
      }
      expect({ n, invites: calendarMail(ws).sort() }).toEqual({ n, invites: expectedInvites });
      expect(['C1', 'C2', 'C3', 'C4'].map((id) => app(ws, id).Notified)).toEqual(['Accepted', 'Declined', 'Accepted', 'Waitlisted']);
      expect(['C1', 'C3'].map((id) => app(ws, id).Invited)).toEqual(['1, 2, 3, 4', '1, 2, 3, 4']);
      // the re-run wrote and cleared whatever journal the cut left
      expect({ n, journal: Object.keys(ws.properties.script).filter((k) => k.startsWith('cop.journal.')) }).toEqual({ n, journal: [] });
    }
    console.log(
      `cut-anywhere: ${N} calls in an uncut run, cut before each of 1..${N} (+ no cut), ${((Date.now() - started) / 1000).toFixed(1)} s.\n` +
        `send→record window cut points: ${win.map((w) => `${w.n} (${uncut.calls[w.n - 1].method}, ${w.to})`).join(', ')}\n` +
        `duplicates seen:\n  ${duplicates.join('\n  ') || 'none'}`,
    );
    expect(duplicates.length).toBe(win.length);
  });
});

describe('a run cut off after some sends, before its end-of-run sheet write', () => {
  // Five applicants with an email each; D1 and D2 accepted to clna (so events are patched too).
  const people: Applicant[] = [
    { id: 'D1', email: 'dan@ohio.gov', community: 'clna', status: 'Accepted' },
    { id: 'D2', email: 'eve@ohio.gov', community: 'clna', status: 'Accepted' },
    { id: 'D3', email: 'fay@ohio.gov', community: 'learner-voice', status: 'Declined' },
    { id: 'D4', email: 'gus@ohio.gov', community: 'learner-voice', status: 'Waitlisted' },
    { id: 'D5', email: 'hal@ohio.gov', community: 'data-accountability', status: 'Waitlisted' },
  ];

  it('leaves a journal that the next run applies before planning: nothing journalled is sent again', () => {
    const reference = newProgram(AFTER_NOTIFY);
    addApplications(reference, people);
    const json = structuredClone(reference.state);
    reference.run('sendDueNotifications');
    const calls = reference.lastExecution!.calls;
    const sends = calls.map((c, i) => (c.method === 'MailApp.sendEmail' ? i : -1)).filter((i) => i >= 0);
    expect(sends).toHaveLength(5);
    // cut before the call that follows the 3rd email's journal entry (the 4th email's send)
    const cutAt = sends[2] + 3;
    expect(calls[sends[2] + 1].method).toBe('Properties.setProperty');

    const ws = new Workspace({ now: AFTER_NOTIFY, owner: OWNER }, structuredClone(json));
    ws.faults.cutAtCall(cutAt);
    ws.run('sendDueNotifications', [], { catch: true });
    expect(ws.lastExecution!.cutOff).toBe(true);
    expect(ws.outbox.map((m) => m.to)).toEqual(['dan@ohio.gov', 'eve@ohio.gov', 'fay@ohio.gov']);
    // the sheet has not been written yet; the journal holds the three emails
    expect(people.map((p) => app(ws, p.id).Notified)).toEqual(['', '', '', '', '']);
    const journal = Object.entries(ws.properties.script).filter(([k]) => k.startsWith('cop.journal.'));
    expect(journal).toHaveLength(1);
    expect(JSON.parse(journal[0][1])).toEqual({ n: { D1: 'Accepted', D2: 'Accepted', D3: 'Declined' }, e: [] });

    // staff withdraw D2 meanwhile: D2 was told Accepted (journal), so the withdrawal is what is due now
    setCell(ws, 'D2', 'Status', 'Withdrawn');
    ws.clock.advance(HOUR);
    const r = ws.run('sendDueNotifications') as string;
    console.log(`recovery: cut before call ${cutAt} (${calls[cutAt - 1].method}) after 3 sends; next run: ${r}`);
    expect(mailsTo(ws, 'dan@ohio.gov')).toHaveLength(1);
    expect(mailsTo(ws, 'fay@ohio.gov')).toHaveLength(1);
    expect(mailsTo(ws, 'gus@ohio.gov')).toHaveLength(1);
    expect(mailsTo(ws, 'hal@ohio.gov')).toHaveLength(1);
    // the acceptance, then the withdrawal (never the acceptance twice)
    expect(mailsTo(ws, 'eve@ohio.gov').map((m) => m.subject)).toHaveLength(2);
    expect(r).toMatch(/^3 emails sent/);
    expect(people.map((p) => app(ws, p.id).Notified)).toEqual(['Accepted', 'Withdrawn', 'Declined', 'Waitlisted', 'Waitlisted']);
    expect(app(ws, 'D1').Invited).toBe('1, 2, 3, 4');
    expect(app(ws, 'D2').Invited).toBe('');
    expect(Object.keys(ws.properties.script).filter((k) => k.startsWith('cop.journal.'))).toEqual([]);
    // and a further run has nothing to do
    ws.clock.advance(HOUR);
    expect(ws.run('sendDueNotifications')).toMatch(/^0 emails sent; 0 meeting events updated\.$/);
  });
});

describe('a run cut off right after an event patch', () => {
  it('leaves the event marked; the next run reads its attendees into Invited, so a later withdrawal still removes the member', () => {
    const base = newProgram(AFTER_NOTIFY);
    addApplications(base, [{ id: 'G1', email: 'ida@ohio.gov', community: 'clna', status: 'Accepted' }]);
    const json = structuredClone(base.state);
    base.run('sendDueNotifications');
    const calls = base.lastExecution!.calls;
    const patch = calls.findIndex((c) => c.method === 'Events.patch');
    // the mark is written ahead of the event's read and patch
    expect(calls.slice(patch - 2, patch + 1).map((c) => c.method)).toEqual(['Properties.setProperty', 'Events.get', 'Events.patch']);

    const ws = new Workspace({ now: AFTER_NOTIFY, owner: OWNER }, structuredClone(json));
    ws.faults.cutAtCall(patch + 2); // after the first patch
    ws.run('sendDueNotifications', [], { catch: true });
    expect(ws.lastExecution!.cutOff).toBe(true);
    expect(app(ws, 'G1').Invited).toBe('');
    setCell(ws, 'G1', 'Status', 'Withdrawn');
    ws.clock.advance(HOUR);
    ws.run('sendDueNotifications');
    // meeting 1 was read back from the calendar, so the withdrawal removes her from it: a cancellation
    expect(
      calendarMail(ws)
        .filter((m) => m.startsWith('ida@ohio.gov'))
        .map((m) => m.split(' ')[2]),
    ).toEqual(['invitation', 'cancellation']);
    expect(app(ws, 'G1').Invited).toBe('');
    expect(mailsTo(ws, 'ida@ohio.gov')).toHaveLength(2); // accepted, then withdrawn
    expect(Object.keys(ws.properties.script).filter((k) => k.startsWith('cop.journal.'))).toEqual([]);
  });
});
