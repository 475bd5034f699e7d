// checkInstallation() on the built bundle: a clean install passes every check, each check fails
// (or warns) on the broken install it exists for, the check changes nothing, and its service calls
// do not grow with the sheet. The menu item shows the same checks in a dialog.
import { Workspace } from '../../emulator';
import type { WorkspaceJSON } from '../../emulator';
import { setCell } from '../../emulator/spreadsheet/sheetModel';
import { CHECK_IDS } from '../../src/domain/install/checks';
import { OWNER, STAFF } from './intake.support';

interface Check {
  id: string;
  title: string;
  status: 'ok' | 'warn' | 'fail';
  detail: string;
  fix?: string;
}
interface Result {
  ok: true;
  checks: Check[];
}

const OPEN = '2023-07-20T14:00:00Z';
const OPTIONS = { scriptTimeZone: 'America/New_York', owner: OWNER, editors: [STAFF], mailQuota: 100 };

let installed: WorkspaceJSON;
beforeAll(() => {
  const ws = new Workspace({ now: OPEN, ...OPTIONS });
  ws.run('setup');
  installed = ws.toJSON();
});

function fresh(now = OPEN): Workspace {
  return Workspace.fromJSON(installed, { ...OPTIONS, now });
}

function check(ws: Workspace, user = OWNER): Result {
  return ws.run('checkInstallation', [], { user }) as Result;
}

function byId(r: Result, id: string): Check {
  const c = r.checks.find((x) => x.id === id);
  if (!c) throw new Error(`no check ${id}`);
  return c;
}

function setSetting(ws: Workspace, name: string, value: unknown): void {
  const sheet = ws.state.spreadsheet.sheets.find((s) => s.name === 'Settings')!;
  const rows = ws.sheet('Settings')!.values;
  const r = rows.findIndex((row) => row[0] === name);
  if (r < 0) throw new Error(`no setting ${name}`);
  setCell(sheet, r + 1, 2, { v: value as string });
}

const WRITE = /\.(set|insert|append|delete|create|remove|patch|update|add|send|clear|publish|moveTo|copy)/i;

describe('checkInstallation on a clean install (registration open)', () => {
  it('passes every check, with the SPEC ids in order, each titled and explained', () => {
    const ws = fresh();
    const r = check(ws);
    expect(r.ok).toBe(true);
    expect(r.checks.map((c) => c.id)).toEqual([...CHECK_IDS]);
    for (const c of r.checks) {
      expect(c.title).toBeTruthy();
      expect(c.detail).toBeTruthy();
      expect([c.id, c.status]).toEqual([c.id, 'ok']);
    }
  });

  it('changes nothing: same state, no service call that writes, no lock', () => {
    const ws = fresh();
    const before = JSON.stringify(ws.toJSON().state);
    check(ws);
    const ex = ws.lastExecution!;
    expect(ex.calls.filter((c) => WRITE.test(c.method)).map((c) => c.method)).toEqual([]);
    expect(ex.calls.some((c) => c.service === 'LockService')).toBe(false);
    const after = JSON.parse(JSON.stringify(ws.toJSON().state)) as Record<string, unknown>;
    const was = JSON.parse(before) as Record<string, unknown>;
    // the execution log and the id counter are the emulator's bookkeeping, not the workspace
    delete after.seq;
    delete was.seq;
    expect(after).toEqual(was);
  });

  it('costs a fixed number of service calls, the same with 2,000 applications', () => {
    const small = fresh();
    check(small);
    const base = small.lastExecution!.calls.length;
    const big = fresh();
    const sheet = big.state.spreadsheet.sheets.find((s) => s.name === 'Applications')!;
    for (let r = 2; r <= 2001; r++) {
      setCell(sheet, r, 1, { v: `app-${r}` });
      setCell(sheet, r, 4, { v: `a${r}@state.gov` });
      setCell(sheet, r, 14, { v: 'Pending' });
    }
    check(big);
    expect(big.lastExecution!.calls.length).toBe(base);
    expect(base).toBeLessThanOrEqual(45);
  });

  it('menu "Check installation" shows the checks in a modal dialog, for a staff member too', () => {
    const ws = fresh();
    const text = ws.run('showInstallationCheck', [], { user: STAFF }) as string;
    expect(text).toMatch(/Installed by owner@careertech\.org/);
    const dialog = ws.ui.dialogs.at(-1)!;
    expect(dialog.title).toBe('Check installation');
    expect(dialog.modal).toBe(true);
    for (const id of CHECK_IDS) expect(dialog.html).toContain(`data-check="${id}"`);
    expect(dialog.html).toContain('Close');
  });
});

describe('each check fails (or warns) on the install it is there for', () => {
  it('scopes: a user who granted only some permissions is told which, with the link to grant them; nothing throws', () => {
    const ws = fresh();
    const granted = ['spreadsheets.currentonly', 'script.scriptapp', 'script.container.ui', 'userinfo.email'].map(
      (s) => `https://www.googleapis.com/auth/${s}`,
    );
    ws.setGrantedScopes(granted, OWNER);
    const r = check(ws);
    const c = byId(r, 'scopes');
    expect(c.status).toBe('fail');
    expect(c.detail).toMatch(/forms/);
    expect(c.detail).toMatch(/calendar/);
    expect(c.detail).toMatch(/script\.send_mail/);
    expect((c as Check & { link?: string }).link).toMatch(/^https:\/\//);
    // the services behind the missing scopes cannot be read either: those checks fail, the rest stand
    expect(byId(r, 'form-published').status).toBe('fail');
    expect(byId(r, 'mail-quota').status).toBe('fail');
    expect(byId(r, 'time-zone').status).toBe('ok');
  });

  it('form-published: an unpublished form (made through the API after 30 June 2026 and never published)', () => {
    const ws = fresh();
    ws.state.forms[0].published = false;
    ws.state.forms[0].acceptingResponses = false;
    const c = byId(check(ws), 'form-published');
    expect(c.status).toBe('fail');
    expect(c.detail).toMatch(/not published/);
    expect(c.fix).toMatch(/Set up/);
  });

  it('form-published: a domain-only form while registration is open warns', () => {
    const ws = fresh();
    ws.state.forms[0].requireLogin = true;
    const c = byId(check(ws), 'form-published');
    expect(c.status).toBe('warn');
    expect(c.fix).toMatch(/Anyone with the link/);
  });

  it('form-published: a form that does not accept responses while registration is open', () => {
    const ws = fresh();
    ws.state.forms[0].acceptingResponses = false;
    const c = byId(check(ws), 'form-published');
    expect(c.status).toBe('fail');
    expect(c.fix).toMatch(/Accepting responses/);
  });

  it('form-published: after the deadline a closed form is fine', () => {
    const ws = fresh('2023-10-01T14:00:00Z');
    ws.state.forms[0].acceptingResponses = false;
    expect(byId(check(ws), 'form-published').status).toBe('ok');
  });

  it('form-linked: a form that sends its responses to another spreadsheet', () => {
    const ws = fresh();
    ws.state.forms[0].destinationId = 'another-spreadsheet';
    const r = check(ws);
    expect(byId(r, 'form-linked').status).toBe('fail');
    expect(byId(r, 'form-linked').fix).toMatch(/Set up/);
  });

  it('form-published and form-linked: no form at all', () => {
    const ws = fresh();
    ws.state.forms = [];
    const r = check(ws);
    expect(byId(r, 'form-published').status).toBe('fail');
    expect(byId(r, 'form-linked').status).toBe('fail');
  });

  it('triggers: a deleted hourly trigger', () => {
    const ws = fresh();
    ws.state.triggers = ws.state.triggers.filter((t) => t.eventType !== 'CLOCK');
    const c = byId(check(ws), 'triggers');
    expect(c.status).toBe('fail');
    expect(c.detail).toMatch(/hourly trigger is missing/);
  });

  it('triggers: a second form-submit trigger', () => {
    const ws = fresh();
    const submit = ws.state.triggers.find((t) => t.eventType === 'ON_FORM_SUBMIT')!;
    ws.state.triggers.push({ ...submit, uid: '9999' });
    const c = byId(check(ws), 'triggers');
    expect(c.status).toBe('warn');
    expect(c.detail).toMatch(/2 form-submit triggers/);
  });

  it('triggers: another staff member sees who installed them, and is warned about triggers of their own', () => {
    const ws = fresh();
    const asStaff = byId(check(ws, STAFF), 'triggers');
    expect(asStaff.status).toBe('ok');
    expect(asStaff.detail).toContain(OWNER);
    const submit = ws.state.triggers.find((t) => t.eventType === 'ON_FORM_SUBMIT')!;
    ws.state.triggers.push({ ...submit, uid: '8888', owner: STAFF });
    const twice = byId(check(ws, STAFF), 'triggers');
    expect(twice.status).toBe('warn');
    expect(twice.detail).toMatch(/run twice/);
  });

  it('calendar: a calendar without its events', () => {
    const ws = fresh();
    ws.state.events = [];
    const c = byId(check(ws), 'calendar');
    expect(c.status).toBe('fail');
    expect(c.detail).toMatch(/16 of 16 meetings have no event/);
  });

  it('calendar: events without a Meet link, and a calendar this account cannot open', () => {
    const ws = fresh();
    const first = ws.state.events[0] as unknown as Record<string, unknown>;
    delete first.hangoutLink;
    delete first.conferenceData;
    expect(byId(check(ws), 'calendar').detail).toMatch(/no Google Meet link/);
    setSetting(ws, 'Calendar ID', 'someone-else@group.calendar.google.com');
    const c = byId(check(ws), 'calendar');
    expect(c.status).toBe('fail');
    expect(c.detail).toMatch(/cannot be opened/);
  });

  it('time-zone: a spreadsheet zone that differs from the program zone', () => {
    const ws = fresh();
    ws.state.spreadsheet.timeZone = 'Europe/London';
    const c = byId(check(ws), 'time-zone');
    expect(c.status).toBe('fail');
    expect(c.detail).toContain('Europe/London');
    expect(c.fix).toMatch(/File → Settings/);
  });

  it('mail-quota: 10 emails left today', () => {
    const ws = fresh();
    ws.faults.setMailQuota(10);
    const c = byId(check(ws), 'mail-quota');
    expect(c.status).toBe('warn');
    expect(c.detail).toMatch(/Only 10 email recipients/);
  });

  it('mail-quota: agendas waiting for the quota warn, with what staff can do about it', () => {
    const ws = fresh();
    // what a delivery run leaves when the quota stopped it before every agenda due went out
    ws.state.properties.script['cop.mailReserve'] = JSON.stringify({ n: 37, at: ws.clock.millis() - 3600_000 });
    const c = byId(check(ws), 'mail-quota');
    expect(c.status).toBe('warn');
    expect(c.detail).toMatch(/^37 agenda emails waiting for the daily email quota/);
    expect(c.fix).toMatch(/Agenda lead days/);
    // a reserve from a sweep that stopped long ago says nothing about today
    ws.state.properties.script['cop.mailReserve'] = JSON.stringify({ n: 37, at: ws.clock.millis() - 48 * 3600_000 });
    expect(byId(check(ws), 'mail-quota').status).toBe('ok');
  });

  it('properties: a store past 60 % warns, a full one fails', () => {
    const ws = fresh();
    for (let i = 0; i < 35; i++) ws.state.properties.script[`filler.${i}`] = 'x'.repeat(9000);
    const warn = byId(check(ws), 'properties');
    expect(warn.status).toBe('warn');
    expect(warn.detail).toMatch(/KB used of 500 KB \(6\d %\)/);
    for (let i = 35; i < 56; i++) ws.state.properties.script[`filler.${i}`] = 'x'.repeat(9000);
    expect(byId(check(ws), 'properties').status).toBe('fail');
  });

  it('program-dates: a deadline in the past with no later program year (a first install today)', () => {
    const ws = fresh('2026-12-07T14:00:00Z');
    const c = byId(check(ws), 'program-dates');
    expect(c.status).toBe('fail');
    expect(c.fix).toMatch(/New program year/);
    // registration closed but the meetings still ahead: the year is running, nothing to fix
    expect(byId(check(fresh('2023-10-01T14:00:00Z')), 'program-dates').status).toBe('ok');
  });

  it('reviewers: a reviewer who cannot edit the sheet warns, a malformed entry fails', () => {
    const ws = fresh();
    setSetting(ws, 'Reviewers', `${STAFF}, outsider@example.org`);
    const warn = byId(check(ws), 'reviewers');
    expect(warn.status).toBe('warn');
    expect(warn.detail).toContain('outsider@example.org');
    expect(warn.fix).toMatch(/Share/);
    setSetting(ws, 'Reviewers', 'the program team');
    expect(byId(check(ws), 'reviewers').status).toBe('fail');
    setSetting(ws, 'Reviewers', STAFF);
    const ok = byId(check(ws), 'reviewers');
    expect(ok.status).toBe('ok');
    expect(ok.detail).toMatch(/You \(owner@careertech\.org\) are not one of them/);
  });

  it('date-format: Utilities.formatDate failing makes the check fail, not the run', () => {
    const ws = fresh();
    ws.faults.failNthCall('Utilities.formatDate', 1, new Error('Invalid argument: timeZone'));
    const r = check(ws);
    expect(byId(r, 'date-format').status).toBe('fail');
    expect(byId(r, 'date-format').detail).toMatch(/Invalid argument/);
    expect(r.checks.filter((c) => c.status === 'fail').map((c) => c.id)).toEqual(['date-format']);
  });

  it('a service that throws fails its own check only; checkInstallation never throws', () => {
    const ws = fresh();
    ws.faults.failNthCall('Calendar.Events.list', 1, new Error('Backend Error'));
    ws.faults.failNthCall('MailApp.getRemainingDailyQuota', 1, new Error('Service unavailable'));
    const r = check(ws);
    expect(byId(r, 'calendar').status).toBe('fail');
    expect(byId(r, 'mail-quota').status).toBe('fail');
    expect(byId(r, 'mail-quota').detail).toMatch(/Service unavailable/);
    expect(byId(r, 'time-zone').status).toBe('ok');
  });
});

describe('result dialogs show the full summary (not a toast cut at 160 characters)', () => {
  it('Set up ends with its whole summary and the installation check in one dialog', () => {
    const ws = new Workspace({ now: OPEN, ...OPTIONS });
    const summary = ws.run('setup') as string;
    expect(summary.length).toBeGreaterThan(160);
    const d = ws.ui.dialogs.at(-1)!;
    expect(d.title).toBe('Set up: Communities of Practice');
    for (const line of summary.split('\n'))
      expect(d.html).toContain(line.replace(/&/g, '&amp;').replace(/"/g, '&quot;').replace(/'/g, '&#39;').replace(/</g, '&lt;').replace(/>/g, '&gt;'));
    for (const id of CHECK_IDS) expect(d.html).toContain(`data-check="${id}"`);
    expect(ws.ui.toasts).toEqual([]);
  });

  it('a first install today: the Set up dialog leads with the one problem, the program year to set', () => {
    const ws = new Workspace({ now: '2026-12-07T14:00:00Z', ...OPTIONS });
    ws.run('setup');
    const d = ws.ui.dialogs.at(-1)!;
    expect(d.html).toContain('Set up finished. The installation check found 1 problem to fix: see &quot;What to do&quot; below.');
    expect(d.html.indexOf('data-check="program-dates"')).toBeLessThan(d.html.indexOf('data-check="scopes"'));
  });

  it('Sync responses now and Send due notifications show theirs from the menu; the hourly trigger shows nothing', () => {
    const ws = fresh();
    ws.run('sweep');
    expect(ws.ui.dialogs.at(-1)!.title).toBe('Sync responses now');
    expect(ws.ui.dialogs.at(-1)!.html).toMatch(/Responses: 0 processed/);
    ws.run('sendDueNotifications');
    expect(ws.ui.dialogs.at(-1)!.title).toBe('Send due notifications');
    expect(ws.ui.dialogs.at(-1)!.html).toMatch(/0 emails sent/);
    const shown = ws.ui.dialogs.length;
    ws.clock.advance(2 * 60 * 60 * 1000);
    const runs = ws.runTimeTriggers() as { error?: unknown; calls: { method: string }[] }[];
    expect(runs.length).toBeGreaterThan(0);
    expect(runs.every((e) => !e.error)).toBe(true);
    expect(ws.ui.dialogs.length).toBe(shown);
    // a trigger run does not even try: getUi() throws there
    expect(runs.flatMap((e) => e.calls.map((c) => c.method)).filter((m) => /getUi|showModalDialog/.test(m))).toEqual([]);
  });
});
