// Service calls of the members' operations do not grow with the sheet: a delivery run with one
// agenda email, recordAttendance for one member, getMembersState, at 10 and at 2,000 applications
// (the same fixtures `npm run bench` measures at 10, 1,000 and 5,000).
import { MEMBER_OPERATIONS, membersWorkspaceWith, type MemberOperation } from '../bench/fixture';

function measure(op: MemberOperation, n: number) {
  const { ws, memberId } = membersWorkspaceWith(n);
  const m = MEMBER_OPERATIONS[op](memberId)(ws);
  return { m, ws };
}

describe('members call budgets', () => {
  it.each(['agendaRun', 'recordAttendance', 'getMembersState'] as MemberOperation[])('%s: the same calls at 10 and at 2,000 applications', (op) => {
    const small = measure(op, 10);
    const large = measure(op, 2000);
    const methods = (x: typeof small) => x.m.exec.calls.map((c) => `${c.service}.${c.method}`);
    expect(methods(large)).toEqual(methods(small));
    const calendar = large.m.exec.calls.filter((c) => c.service === 'Calendar').length;
    console.log(
      `${op}: ${large.m.total} calls (${large.m.byService.SpreadsheetApp ?? 0} Spreadsheet, ${calendar} Calendar, ${large.m.byService.MailApp ?? 0} Mail) at 10 and at 2,000 applications`,
    );
    if (op === 'agendaRun') {
      expect(large.ws.outbox.filter((x) => /agenda for/.test(x.subject))).toHaveLength(1);
      expect(calendar).toBe(1);
    }
    if (op === 'recordAttendance') expect(large.m.result).toEqual({ ok: true, recorded: 1 });
    if (op === 'getMembersState') expect(calendar).toBe(1);
  });
});
