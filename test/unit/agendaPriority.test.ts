// Agendas by deadline (src/domain/members/plan.ts) and the mail reserve confirmations leave them
// (src/domain/notify/mailReserve.ts).
import { agendaDueOnceTold, planAgendaEmails } from '../../src/domain/members/plan';
import { confirmationAllowance, formatReserve, MAX_AGE_MS, REFRESH_MS, reserveOf, reserveUpdate } from '../../src/domain/notify/mailReserve';
import { app, program } from './dueFixtures';

describe('agenda emails by deadline', () => {
  it('plans the member whose meeting starts soonest first, whatever the sheet order', () => {
    const p = program();
    // Learner Voice meeting 1 is 2023-08-31, clna meeting 1 2023-08-29: both windows open on 08-25
    for (const m of p.meetings) if (m.number === 1 && (m.community === 'clna' || m.community === 'learner-voice')) m.agenda = 'Agenda';
    const told = { status: 'Accepted', notified: 'Accepted' } as const;
    const apps = [
      app({ ...told, community: 'learner-voice', email: 'lv1@state.gov' }),
      app({ ...told, community: 'clna', email: 'clna1@state.gov' }),
      app({ ...told, community: 'learner-voice', email: 'lv2@state.gov' }),
      app({ ...told, community: 'clna', email: 'clna2@state.gov' }),
    ];
    const plans = planAgendaEmails(apps, p, new Date('2023-08-25T14:00:00Z'));
    expect(plans.map((x) => x.to)).toEqual(['clna1@state.gov', 'clna2@state.gov', 'lv1@state.gov', 'lv2@state.gov']);
  });
});

describe('a member whose next agenda falls due before this one expires', () => {
  // clna meeting 1 starts 2023-08-29 (window from 08-22), Learner Voice meeting 1 2023-08-31 (from 08-24)
  const p = program();
  for (const m of p.meetings) if (m.number === 1 && (m.community === 'clna' || m.community === 'learner-voice')) m.agenda = 'Agenda';
  const told = { status: 'Accepted', notified: 'Accepted' } as const;
  const apps = [
    app({ ...told, id: 'B1', community: 'clna', email: 'both@state.gov' }),
    app({ ...told, id: 'B2', community: 'learner-voice', email: 'both@state.gov' }),
    app({ ...told, id: 'C1', community: 'clna', email: 'clna@state.gov' }),
    app({ ...told, id: 'L1', community: 'learner-voice', email: 'lv@state.gov' }),
  ];
  it('goes after everyone else: when the quota is short, one email later carries both agendas', () => {
    const plans = planAgendaEmails(apps, p, new Date('2023-08-22T20:00:00Z'));
    expect(plans.map((x) => [x.to, x.items.length])).toEqual([
      ['clna@state.gov', 1],
      ['both@state.gov', 1],
    ]);
  });
  it('once both are due, is one email, soonest meeting first again', () => {
    const plans = planAgendaEmails(apps, p, new Date('2023-08-25T14:00:00Z'));
    expect(plans.map((x) => [x.to, x.items.length])).toEqual([
      ['both@state.gov', 2],
      ['clna@state.gov', 1],
      ['lv@state.gov', 1],
    ]);
  });
  it('is not held for an agenda not filled in yet, or one that falls due too late', () => {
    const noAgenda = program();
    for (const m of noAgenda.meetings) if (m.number === 1 && m.community === 'clna') m.agenda = 'Agenda';
    expect(planAgendaEmails(apps, noAgenda, new Date('2023-08-22T20:00:00Z')).map((x) => x.to)).toEqual(['both@state.gov', 'clna@state.gov']);
    const late = program();
    for (const m of late.meetings) if (m.community === 'clna' || m.community === 'learner-voice') m.agenda = 'Agenda';
    // Learner Voice meeting 2 falls due long after clna meeting 1 has started: nothing to wait for
    const lateApps = apps.filter((a) => a.id !== 'B2').concat(app({ ...told, id: 'B3', community: 'learner-voice', email: 'both@state.gov', agendaSent: '1' }));
    expect(planAgendaEmails(lateApps, late, new Date('2023-08-22T20:00:00Z'))[0].to).toBe('both@state.gov');
  });
});

describe('an acceptance inside an agenda window', () => {
  // clna meeting 1 starts 2023-08-29 18:00Z; with 7 lead days its window opens 08-22
  const p = program();
  for (const m of p.meetings) if (m.number === 1 && m.community === 'clna') m.agenda = 'Agenda';
  const at = (iso: string) => new Date(iso);
  it('makes the agenda due at once: the decision email costs two', () => {
    expect(agendaDueOnceTold([app({ status: 'Accepted', community: 'clna' })], p, at('2023-08-25T14:00:00Z'))).toBe(true);
  });
  it('does not before the window, after the start, for a member who already got it, or for another decision', () => {
    expect(agendaDueOnceTold([app({ status: 'Accepted', community: 'clna' })], p, at('2023-08-21T14:00:00Z'))).toBe(false);
    expect(agendaDueOnceTold([app({ status: 'Accepted', community: 'clna' })], p, at('2023-08-29T18:00:00Z'))).toBe(false);
    expect(agendaDueOnceTold([app({ status: 'Accepted', community: 'clna', agendaSent: '1' })], p, at('2023-08-25T14:00:00Z'))).toBe(false);
    expect(agendaDueOnceTold([app({ status: 'Waitlisted', community: 'clna' })], p, at('2023-08-25T14:00:00Z'))).toBe(false);
    expect(agendaDueOnceTold([app({ status: 'Accepted', community: 'learner-voice' })], p, at('2023-08-25T14:00:00Z'))).toBe(false);
  });
});

describe('the mail reserve', () => {
  const now = Date.parse('2023-08-25T14:00:00Z');
  it('reads what a delivery run kept, recent enough', () => {
    expect(reserveOf(formatReserve(12, now - 3600_000), now)).toBe(12);
    expect(reserveOf(formatReserve(12, now - MAX_AGE_MS - 1), now)).toBe(0); // the sweep stopped: not held back for good
    expect(reserveOf(formatReserve(12, now + MAX_AGE_MS + 1), now)).toBe(0);
  });
  it.each([null, undefined, '', 'x', '12', '{"n":"12","at":1}', '{"n":-3,"at":1}', 'null', '[]'])('reads %p as nothing kept', (raw) => {
    expect(reserveOf(raw, now)).toBe(0);
  });
  it('is rewritten only when its count changes or it is REFRESH_MS old: an hourly run with the quota spent writes nothing', () => {
    const kept = formatReserve(12, now - 3600_000);
    const write = (n: number) => ({ kind: 'write', value: formatReserve(n, now) });
    expect(reserveUpdate(kept, 12, now)).toEqual({ kind: 'keep' });
    expect(reserveUpdate(kept, 11, now)).toEqual(write(11));
    expect(reserveUpdate(formatReserve(12, now - REFRESH_MS), 12, now)).toEqual(write(12));
    expect(reserveUpdate(formatReserve(12, now + 60_000), 12, now)).toEqual(write(12)); // kept "in the future": the clock moved
    expect(reserveUpdate('not json', 12, now)).toEqual(write(12));
    expect(reserveUpdate(undefined, 12, now)).toEqual(write(12));
    expect(reserveUpdate(kept, 0, now)).toEqual({ kind: 'delete' });
    expect(reserveUpdate(undefined, 0, now)).toEqual({ kind: 'keep' });
    // a kept reserve outlives its refresh by more than an hourly run, so it never lapses while the sweep runs
    expect(reserveOf(formatReserve(12, now - REFRESH_MS - 2 * 3600_000), now)).toBe(12);
  });
  it('leaves confirmations what the agendas do not need', () => {
    expect(confirmationAllowance(100, 0)).toBe(100);
    expect(confirmationAllowance(100, 30)).toBe(70);
    expect(confirmationAllowance(20, 30)).toBe(0);
    expect(confirmationAllowance(5, -1)).toBe(5);
  });
});
