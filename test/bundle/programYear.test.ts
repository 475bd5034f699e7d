// Program years on the built bundle (SPEC behaviour 7): the 2023–2024 program ran; today is
// 2026-12-07; staff propose the next year, apply it, apply it again; an old-form response is not
// taken; the new year then runs through intake, decisions, notify and invitations.
import { wallClock } from '../../src/domain/program/dates';
import { DEFAULT_MEETINGS } from '../../src/domain/program/defaults';
import type { ProgramYearProposal, StartResult } from '../../src/shared/programYear';
import { answers, OWNER, STAFF } from './intake.support';
import { lastYearRun, propose, snapshot, start, TODAY, workspace } from './programYear.support';

const TZ = 'America/New_York';

describe('a new program year after the 2023–2024 one', () => {
  const ws = lastYearRun();
  const oldApplications = ws.sheet('Applications')!.values;
  const oldLog = ws.sheet('Log')!.values;
  const oldResponses = ws.sheet('Form Responses 1')!.values;
  const oldForm = ws.allForms[0];
  const oldEvents = ws.events().map((e) => ({ id: e.id, start: (e.start as Date).toISOString(), guests: e.attendees.map((a) => a.email) }));
  const outboxBefore = ws.outbox.length;
  const invitationsBefore = ws.invitationsSent.length;
  const proposal = propose(ws);
  const proposeCalls = ws.lastExecution!.calls.length;
  const result = start(ws, proposal);
  const startExecution = ws.lastExecution!;

  it('proposes 2027–2028: the first year whose registration deadline is ahead of today', () => {
    expect(proposal.program).toBe('2027–2028 Communities of Practice');
    expect(proposal.current).toEqual({ program: '2023–2024 Communities of Practice', years: '2023–2024' });
    expect(proposal.years).toBe('2027–2028');
    expect(proposal.shiftWeeks).toBe(208);
    expect(proposal.settings.registrationDeadline).toBe('2027-09-10T23:59:00-04:00');
    expect(proposal.archive).toEqual(['Applications → Applications 2023–2024', 'Log → Log 2023–2024', 'Attendance → Attendance 2023–2024']);
    expect(proposal.resume).toBe(false);
    expect(new Date(proposal.settings.registrationDeadline).getTime()).toBeGreaterThan(new Date(TODAY).getTime());
    expect(proposeCalls).toBeLessThan(40);
  });

  it('moves all 16 meetings by whole weeks: same weekday, 2:00–3:30 pm ET (18:00Z in EDT, 19:00Z in EST)', () => {
    expect(proposal.meetings).toHaveLength(16);
    for (const m of proposal.meetings) {
      const old = DEFAULT_MEETINGS.find((d) => d.community === m.community && d.number === m.number)!;
      const s = new Date(m.start);
      expect(wallClock(s, TZ).weekday).toBe(wallClock(old.start, TZ).weekday);
      expect([wallClock(s, TZ).hour, wallClock(s, TZ).minute]).toEqual([14, 0]);
      expect(s.getUTCHours()).toBe(m.start.endsWith('-04:00') ? 18 : 19);
      expect(new Date(m.end).getTime() - s.getTime()).toBe(90 * 60000);
      expect(Math.round((s.getTime() - old.start.getTime()) / 86400000)).toBe(208 * 7);
    }
  });

  it('applies it: ok, nothing emailed, no invitation sent', () => {
    expect(result).toMatchObject({
      ok: true,
      program: '2027–2028 Communities of Practice',
      alreadyApplied: false,
      archived: ['Applications 2023–2024', 'Log 2023–2024', 'Attendance 2023–2024'],
      responsesTab: 'Form Responses 2',
      events: 16,
    });
    expect(ws.outbox.length).toBe(outboxBefore);
    expect(ws.invitationsSent.length).toBe(invitationsBefore);
    expect(startExecution.calls.filter((c) => c.service === 'MailApp' || c.service === 'GmailApp')).toEqual([]);
  });

  it('keeps the old Applications and Log as tabs named with the old years, untouched, and the old responses tab as it was', () => {
    expect(ws.sheet('Applications 2023–2024')!.values).toEqual(oldApplications);
    expect(ws.sheet('Log 2023–2024')!.values).toEqual(oldLog);
    expect(ws.sheet('Form Responses 1')!.values).toEqual(oldResponses);
    expect(ws.records('Applications')).toEqual([]);
    expect(ws.records('Log').map((r) => r.Action)).toEqual(['Program year started']);
  });

  it('the old form stops accepting responses and otherwise stays as it was', () => {
    const now = ws.allForms.find((f) => f.id === oldForm.id)!;
    expect(now.acceptingResponses).toBe(false);
    expect({ ...now, acceptingResponses: oldForm.acceptingResponses }).toEqual(oldForm);
  });

  it('a new form, published and accepting, linked to this sheet, serves the new year', () => {
    expect(ws.allForms).toHaveLength(2);
    const form = ws.form!;
    expect(form.id).not.toBe(oldForm.id);
    expect(form.title).toBe('2027–2028 Communities of Practice Application');
    expect(form.acceptingResponses).toBe(true);
    expect(form.destinationId).toBe(oldForm.destinationId);
    expect(form.items.map((i) => i.title)).toEqual(oldForm.items.map((i) => i.title));
    expect(ws.sheet('Form Responses 2')!.values[0]).toEqual(ws.sheet('Form Responses 1')!.values[0]);
  });

  it("Settings, Communities and Meetings hold the new year; 16 new events with Meet links; last year's events untouched", () => {
    const settings = Object.fromEntries(ws.records('Settings').map((r) => [String(r.Setting), r.Value]));
    expect(settings.Program).toBe('2027–2028 Communities of Practice');
    expect((settings['Registration deadline'] as Date).toISOString()).toBe('2027-09-11T03:59:00.000Z');
    expect(settings['Contact email']).toBe('efabillar@careertech.org');
    expect(ws.records('Communities').map((c) => [c.Key, (c['Cohort Start'] as Date).toISOString().slice(0, 7)])).toEqual([
      ['clna', '2027-08'],
      ['learner-voice', '2027-08'],
      ['data-accountability', '2027-09'],
      ['k12-postsecondary', '2027-09'],
    ]);
    const meetings = ws.records('Meetings');
    expect(meetings).toHaveLength(16);
    const events = new Map(ws.events().map((e) => [e.id, e]));
    for (const m of meetings) {
      const e = events.get(String(m['Event ID']))!;
      expect(e).toBeDefined();
      expect((e.start as Date).toISOString()).toBe((m.Start as Date).toISOString());
      expect(e.hangoutLink).toMatch(/^https:\/\/meet\.google\.com\//);
      expect(e.attendees).toEqual([]);
      expect(oldEvents.some((o) => o.id === e.id)).toBe(false);
    }
    expect(ws.events()).toHaveLength(32);
    for (const o of oldEvents) {
      const e = events.get(o.id)!;
      expect([(e.start as Date).toISOString(), e.attendees.map((a) => a.email)]).toEqual([o.start, o.guests]);
    }
    expect(oldEvents.some((o) => o.guests.includes('jane@ohio.gov'))).toBe(true);
  });

  it('Check installation is satisfied with the new year (dates ahead, form published and accepting, 16 events)', () => {
    const report = ws.run('checkInstallation', [], { user: OWNER }) as { ok: true; checks: { id: string; status: string; detail: string }[] };
    const status = Object.fromEntries(report.checks.map((c) => [c.id, c.status]));
    expect({ dates: status['program-dates'], published: status['form-published'], linked: status['form-linked'], calendar: status.calendar }).toEqual({
      dates: 'ok',
      published: 'ok',
      linked: 'ok',
      calendar: 'ok',
    });
  });

  it('applying the same proposal again changes nothing', () => {
    const before = snapshot(ws);
    const again = start(ws, proposal);
    expect(again).toMatchObject({ ok: true, alreadyApplied: true, program: '2027–2028 Communities of Practice' });
    expect(snapshot(ws)).toEqual(before);
    expect(ws.lastExecution!.calls.filter((c) => /set|insert|create|append|delete|clear/i.test(c.method) && !/Lock/.test(c.method))).toEqual([]);
  });

  it('proposing again now proposes the year after (2028–2029), never the current one', () => {
    const next = propose(ws);
    expect(next.program).toBe('2028–2029 Communities of Practice');
    expect(next.current.program).toBe('2027–2028 Communities of Practice');
  });

  it('a response to the old form after the switch is not taken into the new year (trigger or sweep)', () => {
    // staff re-open the old form by mistake, and someone applies there
    ws.state.forms.find((f) => f.id === oldForm.id)!.acceptingResponses = true;
    const r = ws.submitForm({ email: 'late@old.gov', answers: answers({ email: 'late@old.gov', communities: ['Learner Voice'] }) }, { formId: oldForm.id });
    expect(r.executions).toHaveLength(1);
    expect(r.executions[0].error).toBeUndefined();
    ws.run('sweep');
    expect(ws.records('Applications')).toEqual([]);
    expect(ws.records('Applications 2023–2024')).toHaveLength(oldApplications.length - 1);
    expect(ws.outbox.length).toBe(outboxBefore);
    ws.state.forms.find((f) => f.id === oldForm.id)!.acceptingResponses = false;
  });

  it('the new year runs through intake, decisions, notify and invitations as 2023 did', () => {
    const r = ws.submitForm({
      email: 'ana@maine.gov',
      answers: answers({ email: 'ana@maine.gov', first: 'Ana', communities: ['Learner Voice', 'Data and Accountability'] }),
    });
    expect(r.executions[0].error).toBeUndefined();
    const rows = ws.records('Applications');
    expect(rows.map((x) => [x.Email, x.Community, x.Status])).toEqual([
      ['ana@maine.gov', 'Learner Voice', 'Pending'],
      ['ana@maine.gov', 'Data and Accountability', 'Pending'],
    ]);
    expect(String(rows[0].Cohort)).toMatch(/2027/);
    const confirmation = ws.outbox.at(-1)!;
    expect(confirmation.to).toBe('ana@maine.gov');
    expect(confirmation.body).toMatch(/2027/);
    expect(confirmation.body).not.toMatch(/2023|2024/);

    // decisions before the notify date wait; on it they go out with the 2027–2028 meetings
    const ids = rows.map((x) => String(x['Application ID']));
    ws.run('decide', [{ applicationIds: ids, decision: 'accept' }], { user: STAFF });
    const waiting = ws.outbox.length;
    ws.clock.set('2027-08-10T13:00:00Z');
    ws.run('sweep');
    const acceptance = ws.outbox.slice(waiting).find((m) => m.to === 'ana@maine.gov')!;
    expect(acceptance).toBeDefined();
    expect(acceptance.body).toMatch(/2027/);
    expect(acceptance.body).not.toMatch(/2023|2024/);
    const meetings = ws.records('Meetings').filter((m) => m.Community === 'learner-voice' || m.Community === 'data-accountability');
    const events = new Map(ws.events().map((e) => [e.id, e]));
    for (const m of meetings) expect(events.get(String(m['Event ID']))!.attendees.map((a) => a.email)).toContain('ana@maine.gov');
    expect(ws.invitationsSent.filter((i) => i.email === 'ana@maine.gov')).toHaveLength(8);
    // and the new form closes at the NEW deadline, not before
    expect(ws.form!.acceptingResponses).toBe(true);
    ws.clock.set('2027-09-11T05:00:00Z');
    ws.run('sweep');
    expect(ws.form!.acceptingResponses).toBe(false);
  });

  it('the sidebar shows the current year only', () => {
    const state = ws.run('getReviewState', [], { user: STAFF }) as {
      ok: true;
      applications: { email: string }[];
      communities: { meetings: { start: string }[] }[];
    };
    expect(state.applications.map((a) => a.email)).toEqual(['ana@maine.gov', 'ana@maine.gov']);
    for (const c of state.communities) for (const m of c.meetings) expect(m.start.slice(0, 4)).toMatch(/2027|2028/);
  });
});

describe('confirmations still queued for last year (mail quota) are named before the switch and dropped by it', () => {
  it('warns, then leaves no queued confirmation and sends nothing', () => {
    const ws = workspace('2023-08-01T14:00:00Z');
    ws.run('setup');
    ws.faults.setMailQuota(0);
    ws.submitForm({ email: 'queued@ohio.gov', answers: answers({ email: 'queued@ohio.gov', communities: ['Learner Voice'] }) });
    // queued in the Log (not in script properties: see src/domain/intake/confirmationQueue.ts)
    expect(ws.records('Log').filter((r) => r.Action === 'Confirmation queued')).toHaveLength(1);
    ws.faults.clear();
    ws.clock.set(TODAY);
    const p = propose(ws);
    expect(p.notes.join(' ')).toMatch(/1 confirmation email is still waiting to be sent .* run Sync responses now first/);
    const outbox = ws.outbox.length;
    expect(start(ws, p).ok).toBe(true);
    expect(Object.keys(ws.properties.script).filter((k) => k.startsWith('confirm:') || k === 'cop.confirmJournal')).toEqual([]);
    ws.run('sweep');
    expect(ws.outbox.length).toBe(outbox);
  });
});

describe('startProgramYear refuses a malformed proposal whole, and never throws', () => {
  const ws = workspace(TODAY);
  const setupSummary = ws.run('setup') as string;
  const good = propose(ws);

  it('(a first install today: setup leaves the 2023 form closed and says to set the program year first)', () => {
    expect(ws.form!.acceptingResponses).toBe(false);
    expect(setupSummary).toMatch(/program year/i);
  });
  const before = snapshot(ws);

  it.each([
    ['nothing', undefined],
    ['a string', 'next year'],
    ['a date that does not parse', { ...good, settings: { ...good.settings, registrationDeadline: 'soon' } }],
    [
      'a meeting before its cohort',
      { ...good, meetings: good.meetings.map((m, i) => (i === 0 ? { ...m, start: '2027-07-06T14:00', end: '2027-07-06T15:30' } : m)) },
    ],
    ['the current program name', { ...good, program: '2023–2024 Communities of Practice' }],
    ['a comma in a community name', { ...good, communities: good.communities.map((c, i) => (i === 0 ? { ...c, name: 'Data, Accountability' } : c)) }],
  ])('%s', (_label, input) => {
    const r = start(ws, input) as Extract<StartResult, { ok: false }>;
    expect(r.ok).toBe(false);
    expect(r.error).toMatch(/\S/);
    expect(ws.lastExecution!.error).toBeUndefined();
    expect(snapshot(ws)).toEqual(before);
  });

  it('names the field and says what to fix', () => {
    const bad: ProgramYearProposal = {
      ...good,
      meetings: good.meetings.map((m, i) => (i === 0 ? { ...m, start: '2027-07-06T14:00', end: '2027-07-06T15:30' } : m)),
    };
    const r = start(ws, bad) as Extract<StartResult, { ok: false }>;
    expect(r.problems).toContainEqual({
      field: 'meetings.0.start',
      message: expect.stringMatching(/before the cohort starts \(August 1, 2027\)\. Move the meeting or the cohort start\./),
    });
    expect(r.error).toMatch(/^The proposal was not applied: /);
  });

  it('the menu has "New program year…", which opens the dialog', () => {
    ws.open(OWNER);
    const items = ws.ui.menus.at(-1)!.items.flatMap((i) => ('label' in i ? [i] : []));
    expect(items.find((i) => i.label === 'New program year…')?.fn).toBe('showProgramYearDialog');
    ws.run('showProgramYearDialog');
    expect(ws.lastExecution!.error).toBeUndefined();
  });
});
