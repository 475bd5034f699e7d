// Calendar "usage limits exceeded" (SPEC behaviour 6): it stops invitations for the run (no loop
// over the remaining events) and the next run goes on; nothing is lost.
import { addApplications, AFTER_NOTIFY, newProgram } from './notify.support';

describe('Calendar usage limits', () => {
  it('stops inviting at the first refusal; emails still go; the next run invites everyone, once', () => {
    const ws = newProgram(AFTER_NOTIFY);
    addApplications(ws, [
      { id: 'A1', email: 'ann@ohio.gov', community: 'clna', status: 'Accepted' },
      { id: 'A2', email: 'bob@ohio.gov', community: 'learner-voice', status: 'Accepted' },
    ]);
    ws.faults.setCalendarUsageLimited(true);
    const summary = ws.run('sendDueNotifications') as string;
    const exec = ws.lastExecution!;
    // one refused patch, then no further Calendar write: 8 events were due
    expect(exec.calls.filter((c) => c.method === 'Events.patch')).toHaveLength(1);
    expect(exec.error).toBeUndefined();
    expect(summary).toMatch(/Calendar usage limits exceeded: the remaining invitations wait/);
    expect(ws.outbox.map((m) => m.to).sort()).toEqual(['ann@ohio.gov', 'bob@ohio.gov']);
    expect(ws.invitationsSent).toEqual([]);
    expect(ws.records('Applications').map((r) => r.Invited)).toEqual(['', '']);
    expect(ws.records('Log').some((r) => r.Action === 'invitations-paused')).toBe(true);

    // the limit lifts: the next run (the hourly sweep) invites both to their four meetings, once
    ws.faults.setCalendarUsageLimited(false);
    ws.clock.advance(60 * 60 * 1000);
    ws.run('sweep');
    expect(ws.invitationsSent.filter((i) => i.kind === 'invitation')).toHaveLength(8);
    expect(ws.outbox).toHaveLength(2);
    ws.clock.advance(60 * 60 * 1000);
    ws.run('sweep');
    expect(ws.invitationsSent).toHaveLength(8);
    expect(ws.records('Applications').map((r) => String(r.Invited))).toEqual(['1, 2, 3, 4', '1, 2, 3, 4']);
  });
});
