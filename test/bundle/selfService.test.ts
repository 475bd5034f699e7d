// The applicant web app (SPEC behaviour 9) on the built bundle: personal links in every email, the
// page before and after the notify date, self-service withdrawal end to end, links reset.
import { countCalls } from '../../emulator';
import { nextFromWaitlist } from '../../src/shared/clientRules';
import { NEUTRAL_ERROR, type ApplicantView } from '../../src/shared/applicant';
import type { DecideResult, ReviewStateResult } from '../../src/shared/wire';
import {
  AFTER_NOTIFY,
  apply,
  CONTACT,
  doGet,
  idOf,
  JANE,
  mailsTo,
  program,
  ROB,
  SAM,
  snapshot,
  STAFF,
  tokenFor,
  view,
  WEB_APP_URL,
  withdraw,
} from './selfService.support';
import { setCell } from './reviewWorkspace';

const LV = 'Learner Voice';
const DA = 'Data and Accountability';

function ok(v: ReturnType<typeof view>): ApplicantView {
  if (!v.ok) throw new Error(`expected a view, got ${v.error}`);
  return v;
}

function decide(ws: ReturnType<typeof program>, ids: string[], decision: string): DecideResult {
  return ws.run('decide', [{ applicationIds: ids, decision }], { user: STAFF }) as DecideResult;
}

describe('personal links', () => {
  it('every email to an applicant carries one when the web app is deployed; none without', () => {
    const ws = program();
    apply(ws);
    const confirmations = ws.outbox.filter((m) => /we received your application/.test(m.subject));
    expect(confirmations.map((m) => m.to).sort()).toEqual([JANE, ROB, SAM].sort());
    for (const m of confirmations) {
      expect(m.body).toContain(`${WEB_APP_URL}?t=`);
      expect(m.htmlBody).toContain(`href="${WEB_APP_URL}?t=`);
    }
    // The token does not show the email, differs per applicant, is web-safe base64.
    const jane = tokenFor(ws, JANE);
    expect(jane).toMatch(/^[A-Za-z0-9_-]{40,}$/);
    expect(jane).not.toContain('jane');
    expect(tokenFor(ws, SAM)).not.toBe(jane);
    // The secret was created once, on first use, in script properties.
    expect(Object.keys(ws.properties.script).filter((k) => /secret/i.test(k))).toHaveLength(1);

    // Decision emails carry the same link.
    decide(ws, [idOf(ws, JANE, LV)], 'accept');
    ws.clock.set(AFTER_NOTIFY);
    ws.run('sweep');
    const decision = mailsTo(ws, JANE).at(-1);
    expect(decision?.subject).toMatch(/Welcome/);
    expect(tokenFor(ws, JANE)).toBe(jane);

    const plain = program({ webApp: false });
    apply(plain);
    expect(plain.outbox.length).toBe(3);
    for (const m of plain.outbox) expect(m.body).not.toMatch(/\?t=|personal page/);
    expect(Object.keys(plain.properties.script).filter((k) => /secret/i.test(k))).toHaveLength(0);
  });

  it('setup stores the spreadsheet ID; the web app opens the sheet by it, never the active spreadsheet', () => {
    const ws = program();
    apply(ws);
    expect(Object.values(ws.properties.script)).toContain(ws.spreadsheetId);
    const page = doGet(ws, { parameter: { t: tokenFor(ws, JANE) } });
    expect(page.boot.view.ok).toBe(true);
    const calls = ws.lastExecution?.calls.map((c) => c.method) ?? [];
    expect(calls).toContain('SpreadsheetApp.openById');
    expect(calls).not.toContain('SpreadsheetApp.getActiveSpreadsheet');
    expect(calls).not.toContain('SpreadsheetApp.getActive');
  });
});

describe('the page', () => {
  it('shows Under review before the notify date (no decision early), then the status and the meetings', () => {
    const ws = program();
    apply(ws);
    const token = tokenFor(ws, JANE);
    decide(ws, [idOf(ws, JANE, LV)], 'accept');
    decide(ws, [idOf(ws, JANE, DA)], 'decline');

    const before = doGet(ws, { parameter: { t: token }, parameters: { t: [token] }, queryString: `t=${token}` });
    expect(before.error).toBeUndefined();
    expect(before.title).toBe('Your Communities of Practice applications');
    expect(before.xFrameOptionsMode).toBe('DEFAULT');
    expect(before.metaTags).toContainEqual({ name: 'viewport', content: 'width=device-width, initial-scale=1' });
    expect(before.boot.token).toBe(token);
    const early = ok(before.boot.view);
    expect(early.decisionsOut).toBe(false);
    expect(early.communities.map((c) => [c.name, c.status, c.meetings.length])).toEqual([
      [LV, 'Under review', 0],
      [DA, 'Under review', 0],
    ]);
    expect(early.communities.map((c) => c.cohort)).toEqual(['August 2023 – February 2024', 'September 2023 – March 2024']);
    // Nothing in the page's data tells the decision.
    expect(JSON.stringify(before.boot)).not.toMatch(/Accepted|Declined|meet\.google/);
    // Withdraw is offered on both: hiding it on the declined one would tell.
    expect(early.communities.map((c) => c.canWithdraw)).toEqual([true, true]);

    ws.clock.set(AFTER_NOTIFY);
    const after = ok(view(ws, token));
    expect(after.decisionsOut).toBe(true);
    expect(after.communities.map((c) => [c.name, c.status])).toEqual([
      [LV, 'Accepted'],
      [DA, 'Declined'],
    ]);
    const lv = after.communities[0];
    expect(lv.meetings.map((m) => m.number)).toEqual([1, 2, 3, 4]);
    expect(lv.meetings[0].when).toBe('Thursday, August 31, 2023, 2:00–3:30 pm ET (America/New_York)');
    expect(lv.meetings[0].start).toBe('2023-08-31T18:00:00.000Z');
    expect(lv.meetings.every((m) => /^https:\/\/meet\.google\.com\//.test(m.meetLink))).toBe(true);
    expect(after.timeZone).toBe('America/New_York');
    expect(after.communities[1].canWithdraw).toBe(false);
    expect(after.communities[1].meetings).toEqual([]);
    // Another applicant's page shows only their own community.
    expect(ok(view(ws, tokenFor(ws, SAM))).communities.map((c) => c.name)).toEqual([LV]);
  });
});

describe('agendas', () => {
  it('the page shows a meeting agenda, and the agenda email carries the personal link', () => {
    const ws = program();
    apply(ws);
    decide(ws, [idOf(ws, JANE, LV)], 'accept');
    ws.clock.set(AFTER_NOTIFY);
    ws.run('sweep');
    const meeting1 = ws.records('Meetings').find((r) => r.Community === 'learner-voice' && r.Meeting === 1);
    setCell(ws, 'Meetings', { header: 'Event ID', value: meeting1?.['Event ID'] }, 'Agenda', 'https://example.org/agenda-1');
    const token = tokenFor(ws, JANE);
    expect(ok(view(ws, token)).communities[0].meetings[0].agenda).toBe('https://example.org/agenda-1');
    ws.clock.set('2023-08-25T14:00:00Z');
    ws.run('sweep');
    const agenda = mailsTo(ws, JANE).at(-1);
    expect(agenda?.body).toContain('https://example.org/agenda-1');
    expect(tokenFor(ws, JANE)).toBe(token);
  });
});

describe('withdrawal', () => {
  it('goes through the staff path: row, Log, calendar, one contact email, the waitlist offer; twice changes nothing', () => {
    const ws = program();
    apply(ws);
    const jane = tokenFor(ws, JANE);
    const janeLv = idOf(ws, JANE, LV);
    const samLv = idOf(ws, SAM, LV);
    decide(ws, [janeLv], 'accept');
    decide(ws, [samLv], 'waitlist');
    ws.clock.set(AFTER_NOTIFY);
    ws.run('sweep');
    const lvEvents = () => ws.events().filter((e) => /Learner Voice/.test(e.summary));
    expect(lvEvents().every((e) => e.attendees.some((a) => a.email === JANE))).toBe(true);
    const outboxBefore = ws.outbox.length;

    expect(withdraw(ws, { token: jane, applicationId: janeLv })).toEqual({ ok: true });

    const row = ws.records('Applications').find((r) => r['Application ID'] === janeLv) as Record<string, unknown>;
    expect(row.Status).toBe('Withdrawn');
    expect(row['Decided By']).toBe(JANE);
    expect(row.Notified).toBe('Withdrawn');
    expect(row.Invited).toBe('');
    const log = ws.records('Log').filter((r) => String(r['Application IDs']).includes(janeLv) && /withdraw/.test(String(r.Action)));
    expect(log.map((r) => [r.Actor, r.Action])).toEqual([[JANE, 'decide withdraw (self-service)']]);
    // The member left every remaining meeting (all four are still ahead on Aug 16).
    expect(lvEvents().every((e) => !e.attendees.some((a) => a.email === JANE))).toBe(true);
    // One email to the contact, and the applicant's own withdrawal notice (notification rules).
    const sent = ws.outbox.slice(outboxBefore);
    expect(sent.filter((m) => m.to === CONTACT)).toHaveLength(1);
    expect(sent.find((m) => m.to === CONTACT)?.subject).toBe('2023–2024 Communities of Practice: Jane Doe withdrew from Learner Voice');
    expect(sent.filter((m) => m.to === JANE)).toHaveLength(1);
    expect(sent.length).toBe(2);
    // The page shows it.
    expect(ok(view(ws, jane)).communities.find((c) => c.name === LV)).toMatchObject({ status: 'Withdrawn', canWithdraw: false, meetings: [] });

    // The sidebar's waitlist offer: the freed seat goes to Sam (first waitlisted), staff accepts.
    const state = ws.run('getReviewState', [], { user: STAFF }) as ReviewStateResult;
    if (!state.ok) throw new Error(state.error);
    const lv = state.communities.find((c) => c.key === 'learner-voice');
    const rows = state.applications.map((a, order) => ({
      ...a,
      waitlistedAt: Date.parse(a.decidedAt ?? '') || 0,
      submittedAt: Date.parse(a.submittedAt ?? '') || 0,
      order,
    }));
    expect(nextFromWaitlist(rows, { key: 'learner-voice', capacity: lv?.capacity ?? null })?.next.email).toBe(SAM);
    expect(decide(ws, [samLv], 'accept')).toMatchObject({ ok: true, changed: [samLv] });

    // Twice: the same neutral answer, and nothing changes.
    const frozen = snapshot(ws);
    expect(withdraw(ws, { token: jane, applicationId: janeLv })).toEqual({ ok: false, error: NEUTRAL_ERROR });
    expect(snapshot(ws)).toBe(frozen);
  });

  it('works before the notify date too (the email about it waits for that date)', () => {
    const ws = program();
    apply(ws);
    const janeDa = idOf(ws, JANE, DA);
    const before = ws.outbox.length;
    expect(withdraw(ws, { token: tokenFor(ws, JANE), applicationId: janeDa })).toEqual({ ok: true });
    expect(ws.records('Applications').find((r) => r['Application ID'] === janeDa)?.Status).toBe('Withdrawn');
    expect(ws.outbox.slice(before).map((m) => m.to)).toEqual([CONTACT]);
    const page = ok(view(ws, tokenFor(ws, JANE)));
    expect(page.communities.map((c) => [c.name, c.status])).toEqual([
      [LV, 'Under review'],
      [DA, 'Withdrawn'],
    ]);
  });
});

describe('Reset applicant links', () => {
  it('makes every old link neutral; new emails carry working links', () => {
    const ws = program();
    apply(ws);
    const old = tokenFor(ws, JANE);
    expect(ok(view(ws, old)).communities).toHaveLength(2);
    ws.run('resetApplicantLinks', [], { user: STAFF });
    expect(ws.ui.alerts.some((a) => /Reset applicant links\?/.test(a.title ?? a.prompt))).toBe(true);
    expect(view(ws, old)).toEqual({ ok: false, error: NEUTRAL_ERROR });
    expect(ws.records('Log').some((r) => r.Action === 'Reset applicant links' && r.Actor === STAFF)).toBe(true);
    decide(ws, [idOf(ws, JANE, LV)], 'accept');
    ws.clock.set(AFTER_NOTIFY);
    ws.run('sweep');
    const fresh = tokenFor(ws, JANE);
    expect(fresh).not.toBe(old);
    expect(ok(view(ws, fresh)).communities[0].status).toBe('Accepted');
  });

  it('checks a bad token before reading anything of the sheet', () => {
    const ws = program();
    apply(ws);
    const t = tokenFor(ws, JANE);
    const tampered = t.slice(0, 10) + (t[10] === 'A' ? 'B' : 'A') + t.slice(11);
    view(ws, tampered);
    expect(countCalls(ws.lastExecution!, 'SpreadsheetApp')).toBe(0);
    view(ws, '<script>');
    expect(ws.lastExecution!.calls.filter((c) => c.service !== 'CacheService' && c.service !== 'Utilities')).toEqual([]);
  });
});
