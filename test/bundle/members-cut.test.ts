// The agenda emails under a run cut off before each of its service calls, then re-run: every member
// gets the agenda exactly once, except that a cut exactly between a MailApp.sendEmail and the one
// Properties.setProperty that journals it can repeat that email once (the same window as the
// decision emails, src/app/notify/decisionEmails.ts). The event description ends with the agenda, and no guest is
// ever emailed about it.
import { Workspace } from '../../emulator';
import { app, meetingEvent, newProgram, OWNER } from './notify.support';
import { addMembers, agendaMails, setAgenda } from './members.support';

const HOUR = 3600_000;
const AT = '2023-10-20T14:00:00Z'; // 4 days before clna meeting 2, 6 before learner-voice meeting 2

describe('agenda emails cut off at every possible point', () => {
  it('end, after a re-run, exactly once per member and meeting (at most one repeat, only in the send→record window)', () => {
    const base = newProgram(AT);
    // Ann is in two communities (one email covers both agendas), Bob in one
    addMembers(base, [
      { id: 'A1', email: 'ann@ohio.gov', community: 'clna', firstName: 'Ann' },
      { id: 'A2', email: 'ann@ohio.gov', community: 'learner-voice', firstName: 'Ann' },
      { id: 'B1', email: 'bob@ohio.gov', community: 'clna', firstName: 'Bob' },
    ]);
    base.run('sendDueNotifications'); // guests of their meetings
    setAgenda(base, 'clna', 2, 'CLNA agenda');
    setAgenda(base, 'learner-voice', 2, 'LV agenda');
    const json = base.state;
    const invitationsBefore = base.invitationsSent.length;
    const fresh = () => new Workspace({ now: AT, owner: OWNER }, structuredClone(json));

    const reference = fresh();
    reference.run('sendDueNotifications');
    const uncut = reference.lastExecution!;
    const N = uncut.calls.length;
    expect(
      agendaMails(reference)
        .map((m) => m.to)
        .sort(),
    ).toEqual(['ann@ohio.gov', 'bob@ohio.gov']);
    const windows: { n: number; to: string }[] = [];
    const order = agendaMails(reference).map((m) => m.to);
    let sends = 0;
    uncut.calls.forEach((c, i) => {
      if (c.method !== 'MailApp.sendEmail') return;
      expect(uncut.calls[i + 1]?.method).toBe('Properties.setProperty');
      windows.push({ n: i + 2, to: order[sends++] });
    });
    const duplicates: string[] = [];
    const started = Date.now();
    for (let n = 1; n <= N + 1; n++) {
      const ws = fresh();
      ws.faults.cutAtCall(n);
      ws.run('sendDueNotifications', [], { catch: true });
      expect(ws.lastExecution!.cutOff).toBe(n <= N);
      ws.clock.advance(HOUR);
      ws.run('sendDueNotifications');
      const inWindow = windows.filter((w) => w.n === n).map((w) => w.to);
      for (const to of ['ann@ohio.gov', 'bob@ohio.gov']) {
        const count = agendaMails(ws, to).length;
        if (inWindow.includes(to)) {
          expect(count).toBeGreaterThanOrEqual(1);
          expect(count).toBeLessThanOrEqual(2);
          if (count === 2) duplicates.push(`cut before call ${n}: ${to} got 2`);
        } else {
          expect({ n, to, count }).toEqual({ n, to, count: 1 });
        }
      }
      expect({ n, sent: ['A1', 'A2', 'B1'].map((id) => app(ws, id)['Agenda Sent']) }).toEqual({ n, sent: ['2', '2', '2'] });
      expect(meetingEvent(ws, 'clna', 2).description).toContain('Agenda:\nCLNA agenda');
      expect(meetingEvent(ws, 'learner-voice', 2).description).toContain('Agenda:\nLV agenda');
      expect(ws.invitationsSent.length).toBe(invitationsBefore);
      expect(Object.keys(ws.properties.script).filter((k) => k.startsWith('cop.journal.'))).toEqual([]);
      // a third run sends nothing more
      ws.run('sendDueNotifications');
      expect(agendaMails(ws).length).toBe(2 + (inWindow.length && duplicates.some((d) => d.startsWith(`cut before call ${n}:`)) ? 1 : 0));
    }
    console.log(
      `agenda cut-anywhere: ${N} calls in an uncut run (${uncut.calls.map((c) => c.method).join(', ')}), cut before each, ${((Date.now() - started) / 1000).toFixed(1)} s; ` +
        `send→record windows: ${windows.map((w) => `${w.n} (${w.to})`).join(', ')}; duplicates: ${duplicates.join('; ') || 'none'}`,
    );
    expect(duplicates.length).toBe(windows.length);
  });
});
