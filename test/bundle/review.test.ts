// The review endpoints and the menu, on the built bundle (dist/Code.js) in the emulator.
import { countCalls, Workspace, type Execution } from '../../emulator';
import type { DecideResult, ReviewStateResult } from '../../src/shared/wire';
import { makeApplicants, type Applicant } from './reviewFixtures';
import { OWNER, seedWorkspace, setCapacity, setSetting, STAFF } from './reviewWorkspace';

const BOSS = 'boss@careertech.org';

function state(ws: Workspace, user = STAFF): Extract<ReviewStateResult, { ok: true }> {
  const res = ws.run('getReviewState', [], { user }) as ReviewStateResult;
  if (!res.ok) throw new Error(res.error);
  return res;
}

function decide(ws: Workspace, request: unknown, user = STAFF): DecideResult {
  return ws.run('decide', [request], { user }) as DecideResult;
}

function last(ws: Workspace): Execution {
  const exec = ws.lastExecution;
  if (!exec) throw new Error('nothing ran');
  return exec;
}

function menuItems(ws: Workspace): { label: string; fn: string }[] {
  const menu = ws.ui.menus.at(-1);
  return (menu?.items ?? []).flatMap((i) => ('label' in i ? [{ label: i.label, fn: i.fn }] : []));
}

function rowOf(ws: Workspace, id: string): Record<string, unknown> {
  const row = ws.records('Applications').find((r) => r['Application ID'] === id);
  if (!row) throw new Error(`no row ${id}`);
  return row;
}

function logRows(ws: Workspace): Record<string, unknown>[] {
  return ws.records('Log');
}

/** The Log rows decide() wrote (notify adds its own rows after them). */
function decisionLog(ws: Workspace): Record<string, unknown>[] {
  return logRows(ws).filter((r) => String(r.Action).startsWith('decide'));
}

describe('getReviewState', () => {
  const apps = makeApplicants(12);
  let ws: Workspace;
  beforeAll(() => {
    ws = seedWorkspace(apps);
  });

  it('returns the SPEC shape, JSON-safe, with ISO instants, in one call', () => {
    const s = state(ws);
    expect(JSON.parse(JSON.stringify(s))).toEqual(s);
    expect(s.user).toBe(STAFF);
    expect(s.canDecide).toBe(true);
    expect(s.states).toHaveLength(56);
    expect(s.communities.map((c) => c.key)).toEqual(['clna', 'learner-voice', 'data-accountability', 'k12-postsecondary']);
    const clna = s.communities[0];
    expect(clna).toMatchObject({ name: 'Comprehensive Local Needs Assessment', capacity: null });
    expect(clna.cohortStart).toMatch(/^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d(\.\d+)?(Z|[+-]\d\d:\d\d)$/);
    expect(clna.meetings).toHaveLength(4);
    expect(clna.meetings[0].start).toBe('2023-08-29T18:00:00.000Z');
    const expectedCounts = { Pending: 0, Accepted: 0, Waitlisted: 0, Declined: 0, Withdrawn: 0 };
    for (const a of apps.filter((x) => x.community === 'clna')) expectedCounts[a.status]++;
    expect(clna.counts).toEqual(expectedCounts);

    expect(s.applications).toHaveLength(12);
    const first = s.applications.find((a) => a.id === apps[0].id);
    expect(first).toMatchObject({
      email: apps[0].email,
      firstName: apps[0].firstName,
      community: 'clna',
      status: apps[0].status,
      submittedAt: apps[0].submitted.toISOString(),
      flags: ['late'],
    });
    expect(first?.answers).toContainEqual({ question: 'What do you hope to gain?', answer: apps[0].hopes });
    const decided = s.applications.find((a) => a.id === apps[3].id);
    expect(decided?.decidedAt).toBe(apps[3].decidedAt?.toISOString());
  });

  it('reads each tab once: the call count does not depend on the number of applications', () => {
    state(ws);
    const small = countCalls(last(ws), 'SpreadsheetApp');
    const big = seedWorkspace(makeApplicants(2000));
    const t0 = Date.now();
    expect(state(big).applications).toHaveLength(2000);
    const ms = Date.now() - t0;
    expect(countCalls(last(big), 'SpreadsheetApp')).toBe(small);
    // 5 tabs (Settings, Communities, Meetings, Applications, Form Responses 1) × 3 calls + 1.
    expect(small).toBeLessThanOrEqual(16);

    console.log(`getReviewState: ${small} Spreadsheet calls; 2,000 applications in ${ms} ms`);
  });

  it('tells a non-reviewer they cannot decide', () => {
    const w = seedWorkspace(makeApplicants(3));
    setSetting(w, 'Reviewers', BOSS);
    expect(state(w, STAFF).canDecide).toBe(false);
    expect(state(w, BOSS).canDecide).toBe(true);
  });
});

describe('decide', () => {
  let apps: Applicant[];
  let ws: Workspace;
  beforeEach(() => {
    apps = makeApplicants(14);
    ws = seedWorkspace(apps);
  });
  const pendingIds = () => apps.filter((a) => a.status === 'Pending').map((a) => a.id);

  it('applies a decision, records who, when and the note, logs it, and sends the emails outside the lock', () => {
    const [a, b] = pendingIds();
    const res = decide(ws, { applicationIds: [a, b], decision: 'accept', note: 'Strong fit', expected: { [a]: 'Pending', [b]: 'Pending' } });
    expect(res).toEqual({ ok: true, changed: [a, b], skipped: [], sent: expect.any(Number), pending: expect.any(Number) });
    const row = rowOf(ws, a);
    expect(row.Status).toBe('Accepted');
    expect(row['Decided By']).toBe(STAFF);
    expect(Math.abs((row['Decided At'] as Date).getTime() - ws.clock.now().getTime())).toBeLessThan(60_000);
    expect(row.Note).toBe('Strong fit');
    const log = decisionLog(ws).at(-1) as Record<string, unknown>;
    expect(log.Actor).toBe(STAFF);
    expect(String(log.Action)).toMatch(/accept/);
    expect(String(log['Application IDs'])).toBe(`${a}, ${b}`);
    const exec = last(ws);
    const writes = exec.calls.filter((c) => c.method.endsWith('setValues'));
    expect(writes.length).toBeGreaterThan(0);
    expect(exec.calls.filter((c) => c.service === 'MailApp' || c.service === 'Calendar').every((c) => !c.lockHeld)).toBe(true);
    const decisionWrites = exec.calls.filter((c) => c.method.endsWith('setValues') && c.lockHeld);
    expect(decisionWrites.length).toBeGreaterThan(0);
  });

  it('skips what cannot change, each with a reason, and changes the rest', () => {
    const accepted = apps.find((x) => x.status === 'Accepted') as Applicant;
    const [p] = pendingIds();
    const res = decide(ws, { applicationIds: [accepted.id, p, 'APP-NOPE'], decision: 'decline' });
    expect(res.ok).toBe(true);
    if (!res.ok) return;
    expect(res.changed).toEqual([p]);
    expect(res.skipped).toEqual([
      { id: accepted.id, reason: expect.stringMatching(/cannot decline an application that is Accepted; reopen it first/) },
      { id: 'APP-NOPE', reason: expect.stringMatching(/not found/) },
    ]);
    expect(rowOf(ws, accepted.id).Status).toBe('Accepted');
  });

  it('refuses a stale row: someone else changed it since the view was loaded', () => {
    const [p] = pendingIds();
    expect(decide(ws, { applicationIds: [p], decision: 'waitlist' }, BOSS).ok).toBe(true);
    const res = decide(ws, { applicationIds: [p], decision: 'decline', expected: { [p]: 'Pending' } });
    expect(res).toMatchObject({
      ok: true,
      changed: [],
      skipped: [{ id: p, reason: expect.stringMatching(/changed since your view was loaded: it is Waitlisted now, you saw Pending/) }],
    });
    expect(rowOf(ws, p).Status).toBe('Waitlisted');
  });

  it('refuses accepts past capacity unless overridden, counting seats as it goes', () => {
    const lv = apps.filter((x) => x.community === 'learner-voice');
    const acceptedNow = lv.filter((x) => x.status === 'Accepted').length;
    setCapacity(ws, 'learner-voice', acceptedNow + 1);
    const candidates = lv.filter((x) => x.status === 'Pending' || x.status === 'Waitlisted').map((x) => x.id);
    expect(candidates.length).toBeGreaterThanOrEqual(2);
    const res = decide(ws, { applicationIds: candidates, decision: 'accept' });
    expect(res).toMatchObject({ ok: true, changed: [candidates[0]] });
    if (!res.ok) return;
    expect(res.skipped.map((s) => s.id)).toEqual(candidates.slice(1));
    expect(res.skipped[0].reason).toMatch(/over capacity: Learner Voice has \d+ of \d+ seats taken/);
    const forced = decide(ws, { applicationIds: [candidates[1]], decision: 'accept', overrideCapacity: true });
    expect(forced).toMatchObject({ ok: true, changed: [candidates[1]], skipped: [] });
    expect(String((decisionLog(ws).at(-1) as Record<string, unknown>).Details)).toMatch(/over capacity/);
  });

  it('reopens any decided application back to Pending', () => {
    const decided = apps.filter((x) => x.status !== 'Pending').map((x) => x.id);
    const res = decide(ws, { applicationIds: decided, decision: 'reopen' });
    expect(res).toMatchObject({ ok: true, changed: decided, skipped: [] });
    for (const id of decided) expect(rowOf(ws, id).Status).toBe('Pending');
  });

  const invalid: [string, unknown[]][] = [
    ['no argument', []],
    ['null', [null]],
    ['a string', ['accept everyone']],
    ['an unknown decision', [{ applicationIds: ['APP-T000000'], decision: 'approve' }]],
    ['ids not a list', [{ applicationIds: 'APP-T000000', decision: 'accept' }]],
    ['duplicate ids', [{ applicationIds: ['APP-T000000', 'APP-T000000'], decision: 'accept' }]],
    ['5,001 ids', [{ applicationIds: Array.from({ length: 5001 }, (_, i) => `X${i}`), decision: 'decline' }]],
    ['a 2,001-character note', [{ applicationIds: ['APP-T000000'], decision: 'accept', note: 'x'.repeat(2001) }]],
    ['a note that is not text', [{ applicationIds: ['APP-T000000'], decision: 'accept', note: { evil: true } }]],
    ['an unknown expected status', [{ applicationIds: ['APP-T000000'], decision: 'accept', expected: { 'APP-T000000': 'Approved' } }]],
    ['overrideCapacity as text', [{ applicationIds: ['APP-T000000'], decision: 'accept', overrideCapacity: 'yes' }]],
    ['an extra field', [{ applicationIds: ['APP-T000000'], decision: 'accept', status: 'Accepted' }]],
  ];
  it.each(invalid)('refuses %s whole, changing nothing and never throwing', (_name, args) => {
    const before = JSON.stringify(ws.sheet('Applications')?.values);
    const logBefore = logRows(ws).length;
    const res = ws.run('decide', args, { user: STAFF, catch: true }) as DecideResult;
    expect(last(ws).error).toBeUndefined();
    expect(res).toEqual({ ok: false, error: expect.stringMatching(/\S/) });
    expect(JSON.stringify(ws.sheet('Applications')?.values)).toBe(before);
    expect(logRows(ws)).toHaveLength(logBefore);
    expect(last(ws).calls.filter((c) => c.method.endsWith('setValues'))).toEqual([]);
    expect(ws.outbox).toHaveLength(0);
  });

  it('stores a note that looks like a formula as text', () => {
    const [p] = pendingIds();
    const note = '=IMPORTXML("https://evil.example/x", "//a")';
    expect(decide(ws, { applicationIds: [p], decision: 'decline', note })).toMatchObject({ ok: true, changed: [p] });
    const sheet = ws.sheet('Applications');
    const headers = (sheet?.values[0] ?? []).map(String);
    const r = (sheet?.values ?? []).findIndex((row) => row[0] === p);
    const c = headers.indexOf('Note');
    expect(sheet?.formulas[r][c]).toBe('');
    expect(sheet?.displayValues[r][c]).toBe(note);
  });

  it('returns an error value, changing nothing, when another process holds the lock', () => {
    const [p] = pendingIds();
    ws.faults.holdScriptLock();
    const res = ws.run('decide', [{ applicationIds: [p], decision: 'accept' }], { user: STAFF, catch: true }) as DecideResult;
    expect(last(ws).error).toBeUndefined();
    expect(res).toEqual({ ok: false, error: expect.stringMatching(/^Nothing was changed: .*lock/i) });
    expect(rowOf(ws, p).Status).toBe('Pending');
  });

  it('lets only the listed reviewers decide', () => {
    setSetting(ws, 'Reviewers', `${BOSS}, someone@careertech.org`);
    const [p] = pendingIds();
    const refused = decide(ws, { applicationIds: [p], decision: 'accept' }, STAFF);
    expect(refused).toEqual({ ok: false, error: expect.stringMatching(/not one of the reviewers/) });
    expect(rowOf(ws, p).Status).toBe('Pending');
    expect(decide(ws, { applicationIds: [p], decision: 'accept' }, BOSS.toUpperCase())).toMatchObject({ ok: true, changed: [p] });
  });
});

describe('decide: Spreadsheet calls do not grow with the selection or the sheet', () => {
  /** Before the notify date, so the notify step sends nothing and the count is decide's own plus its reads. */
  const BEFORE_NOTIFY = '2023-08-10T14:00:00Z';

  function callsFor(total: number, select: (apps: Applicant[]) => string[], now = BEFORE_NOTIFY) {
    const apps = makeApplicants(total).map((a) => ({ ...a, status: 'Pending' as const, decidedAt: undefined, decidedBy: undefined }));
    const ws = seedWorkspace(apps);
    ws.clock.set(now);
    const ids = select(apps);
    const t0 = Date.now();
    const res = decide(ws, { applicationIds: ids, decision: 'decline' });
    const ms = Date.now() - t0;
    if (!res.ok) throw new Error(res.error);
    const exec = last(ws);
    const firstMail = exec.calls.findIndex((c) => c.service === 'MailApp');
    const beforeMail = exec.calls.slice(0, firstMail < 0 ? exec.calls.length : firstMail);
    return {
      calls: countCalls(exec, 'SpreadsheetApp'),
      decideCalls: beforeMail.filter((c) => c.service === 'SpreadsheetApp').length,
      writes: exec.calls.filter((c) => c.method === 'Range.setValues').length,
      ms,
      changed: res.changed.length,
      sent: res.sent,
      pending: res.pending,
    };
  }

  it('is the same for 1 of 10 rows, all 10, every other of 5,000 and all 5,000', () => {
    const one = callsFor(10, (a) => [a[3].id]);
    const ten = callsFor(10, (a) => a.map((x) => x.id));
    const scattered = callsFor(5000, (a) => a.filter((_, i) => i % 2 === 0).map((x) => x.id));
    const all = callsFor(5000, (a) => a.map((x) => x.id));
    expect(ten).toMatchObject({ changed: 10, sent: 0, pending: 10 });
    expect(scattered).toMatchObject({ changed: 2500, sent: 0, pending: 2500 });
    expect(all).toMatchObject({ changed: 5000, sent: 0, pending: 5000 });
    for (const r of [ten, scattered, all]) {
      expect(r.calls).toBe(one.calls);
      expect(r.writes).toBe(one.writes);
    }

    console.log(
      `decide(): ${one.calls} Spreadsheet calls (${one.writes} setValues) for 1/10, 10/10, 2,500/5,000 and 5,000/5,000 rows; ` + `5,000 rows took ${all.ms} ms`,
    );
  });

  it('keeps its own part constant when emails go out', () => {
    const one = callsFor(10, (a) => [a[3].id], '2023-08-20T14:00:00Z');
    const ten = callsFor(10, (a) => a.map((x) => x.id), '2023-08-20T14:00:00Z');
    expect(one.sent).toBe(1);
    expect(ten.sent).toBe(10);
    expect(ten.decideCalls).toBe(one.decideCalls);

    console.log(`decide() with emails: ${one.decideCalls} Spreadsheet calls before the first email; in total ${one.calls} for 1 email, ${ten.calls} for 10`);
  });

  /** decide accept (capacity overridden) after the notify date: emails and invitations go out in the same execution. */
  function acceptCalls(total: number, pick: number) {
    const apps = makeApplicants(total).map((a) => ({ ...a, status: 'Pending' as const, decidedAt: undefined, decidedBy: undefined }));
    const ws = seedWorkspace(apps);
    ws.clock.set('2023-08-20T14:00:00Z');
    const res = decide(ws, { applicationIds: apps.slice(0, pick).map((a) => a.id), decision: 'accept', overrideCapacity: true });
    if (!res.ok) throw new Error(res.error);
    const exec = last(ws);
    return {
      sent: res.sent,
      sheet: countCalls(exec, 'SpreadsheetApp'),
      sheetMethods: exec.calls.filter((c) => c.service === 'SpreadsheetApp').map((c) => c.method),
      props: countCalls(exec, 'PropertiesService'),
      all: exec.calls.length,
      notified: apps.slice(0, pick).every((a) => rowOf(ws, a.id).Notified === 'Accepted'),
    };
  }

  it('makes the same Spreadsheet calls whether the decision emails 1, 10 or 40 applicants, at 40 or 2,000 rows', () => {
    const r1 = acceptCalls(40, 1);
    const r10 = acceptCalls(40, 10);
    const r40 = acceptCalls(40, 40);
    const small = acceptCalls(10, 10);
    const large = acceptCalls(2000, 10);
    for (const [r, n] of [
      [r1, 1],
      [r10, 10],
      [r40, 40],
      [small, 10],
      [large, 10],
    ] as const) {
      expect(r.sent).toBe(n);
      expect(r.notified).toBe(true);
    }
    for (const r of [r10, r40]) expect(r.sheetMethods).toEqual(r1.sheetMethods);
    expect(large.sheetMethods).toEqual(small.sheetMethods);
    expect(small.sheet).toBe(r1.sheet);

    console.log(
      `decide(accept) after the notify date, Spreadsheet calls: ${r1.sheet} for 1 email, ${r10.sheet} for 10, ${r40.sheet} for 40 (40 rows); ` +
        `${small.sheet} at 10 rows vs ${large.sheet} at 2,000 rows (10 emails). ` +
        `PropertiesService calls 1/10/40: ${r1.props}/${r10.props}/${r40.props}; all calls 1/10/40: ${r1.all}/${r10.all}/${r40.all}`,
    );
  });
});

describe('previewNotification', () => {
  const apps = makeApplicants(8);
  let ws: Workspace;
  beforeAll(() => {
    ws = seedWorkspace(apps);
  });
  const pending = apps.find((a) => a.status === 'Pending') as Applicant;

  it('shows the email a decision would send, without sending or changing anything', () => {
    const before = JSON.stringify(ws.sheet('Applications')?.values);
    const res = ws.run('previewNotification', [pending.id, 'accept'], { user: STAFF }) as { subject: string; text: string; html: string };
    expect(res.subject).toMatch(/\S/);
    expect(res.text).toContain(pending.firstName);
    expect(res.html).toMatch(/<\w+/);
    expect(ws.outbox).toHaveLength(0);
    expect(JSON.stringify(ws.sheet('Applications')?.values)).toBe(before);
  });

  it('refuses bad input with an error value', () => {
    for (const args of [[], [42], ['APP-NOPE'], [pending.id, 'approve'], [pending.id, 'reopen']]) {
      const res = ws.run('previewNotification', args, { user: STAFF, catch: true }) as { ok?: boolean; error?: string };
      expect(last(ws).error).toBeUndefined();
      expect(res).toEqual({ ok: false, error: expect.stringMatching(/\S/) });
    }
  });
});

describe('menu and sidebar', () => {
  it('builds the add-on menu in every auth mode, touching only the Ui service', () => {
    for (const authMode of ['NONE', 'LIMITED', 'FULL']) {
      const ws = new Workspace({ now: '2023-08-01T14:00:00Z', owner: OWNER, editors: [STAFF] });
      ws.run('onOpen', [{ authMode }], { user: STAFF });
      const services = new Set(last(ws).calls.map((c) => c.service));
      expect([...services]).toEqual(['SpreadsheetApp']);
      expect(last(ws).calls.every((c) => /Ui|getUi|Menu/.test(c.method))).toBe(true);
      // An add-on menu is titled with the add-on's (or bound project's) name: Communities of Practice.
      expect(ws.ui.menus.at(-1)?.title).toBe('Communities of Practice');
      const items = menuItems(ws);
      // Other items (program year, members) may sit between; these must be there.
      const byLabel = Object.fromEntries(items.map((i) => [i.label, i.fn]));
      expect(byLabel).toMatchObject({
        'Review applications': 'showSidebar',
        'Review applications (large window)': 'showReviewWindow',
        'Sync responses now': 'sweep',
        'Send due notifications': 'sendDueNotifications',
        'Reset applicant links': 'resetApplicantLinks',
        'Set up': 'setup',
        'Check installation': 'showInstallationCheck',
      });
      expect(items[0].label).toBe('Review applications');
      // the installation pair closes the menu: Set up, then Check installation
      expect(items.slice(-2).map((i) => i.label)).toEqual(['Set up', 'Check installation']);
    }
  });

  it('onInstall builds the same menu', () => {
    const ws = new Workspace({ now: '2023-08-01T14:00:00Z', owner: OWNER, editors: [STAFF] });
    ws.run('onInstall', [{ authMode: 'FULL' }], { user: OWNER });
    expect(menuItems(ws).map((i) => i.label)).toContain('Review applications');
  });

  it('showSidebar serves dist/Sidebar.html titled like the menu', () => {
    const ws = new Workspace({ now: '2023-08-01T14:00:00Z', owner: OWNER, editors: [STAFF] });
    ws.run('showSidebar', [], { user: STAFF });
    const sidebar = ws.ui.sidebars.at(-1);
    expect(sidebar?.title).toBe('Communities of Practice');
    expect(sidebar?.html).toContain('id="app"');
  });

  it('showReviewWindow serves dist/ReviewWindow.html as a large modeless dialog', () => {
    const ws = new Workspace({ now: '2023-08-01T14:00:00Z', owner: OWNER, editors: [STAFF] });
    ws.run('showReviewWindow', [], { user: STAFF });
    const dialog = ws.ui.dialogs.at(-1);
    expect(dialog).toMatchObject({ title: 'Review applications', modal: false });
    expect(dialog?.width).toBeGreaterThanOrEqual(1200);
    expect(dialog?.html).toContain('id="app"');
    expect(dialog?.html).toContain('window-page');
  });
});
