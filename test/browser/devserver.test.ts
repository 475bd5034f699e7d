// `npm start`, end to end in headless Chromium: the dev server (after the suite's build) on a free
// port with its own state folder, and the whole story a newcomer would click through: set up,
// three applicants apply through the form page, a reviewer decides in the real sidebar, the clock
// moves to the notify date, sweep runs; the outbox and the calendar show exactly the expected
// emails and guests, and their downloads parse with real parsers.
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { request as httpRequest } from 'node:http';
import { chromium, type Browser, type FrameLocator, type Page } from 'playwright-core';
import { simpleParser } from 'mailparser';
import ICAL from 'ical.js';
import { parse as parseCsv } from 'csv-parse/sync';
import { REPO_ROOT, spawnDevServer, startDevServer, type DevServerProcess } from '../../emulator/server/process';
import type { DevCalendar, DevMail, DevSheet, DevState } from '../../emulator/server/devWire';

jest.setTimeout(120_000);

const OWNER = 'efabillar@careertech.org';
const REVIEWER = 'kgreen@careertech.org';
const LV = 'Learner Voice';

interface Applicant {
  first: string;
  last: string;
  email: string;
  agency: string;
  agencyType: string;
  state: string;
  decision: 'Accept' | 'Waitlist' | 'Decline';
  status: string;
}

const APPLICANTS: Applicant[] = [
  {
    first: 'Ada',
    last: 'Lovelace',
    email: 'ada.lovelace@education.ohio.gov',
    agency: 'Ohio Department of Education',
    agencyType: 'Lead state CTE agency',
    state: 'Ohio',
    decision: 'Accept',
    status: 'Accepted',
  },
  {
    first: 'Grace',
    last: 'Hopper',
    email: 'grace.hopper@tcsg.edu',
    agency: 'Technical College System of Georgia',
    agencyType: 'State-level partnering agency',
    state: 'Georgia',
    decision: 'Waitlist',
    status: 'Waitlisted',
  },
  {
    first: 'Alan',
    last: 'Turing',
    email: 'alan.turing@gmail.com',
    agency: 'Self-employed',
    agencyType: 'Other',
    state: 'Vermont',
    decision: 'Decline',
    status: 'Declined',
  },
];

let server: DevServerProcess;
let browser: Browser;
let dataDir: string;

async function api<T>(path: string): Promise<T> {
  const res = await fetch(server.base + path);
  if (!res.ok) throw new Error(`${path}: HTTP ${res.status} ${await res.text()}`);
  return (await res.json()) as T;
}

async function post<T>(path: string, body: unknown): Promise<{ status: number; body: T }> {
  const res = await fetch(server.base + path, { method: 'POST', headers: { 'Content-Type': 'application/json' }, body: JSON.stringify(body) });
  return { status: res.status, body: (await res.json()) as T };
}

beforeAll(async () => {
  for (const f of ['Code.js', 'Sidebar.html']) {
    if (!existsSync(join(REPO_ROOT, 'dist', f))) throw new Error(`dist/${f} is missing: run npm run build first (npm test does)`);
  }
  dataDir = mkdtempSync(join(tmpdir(), 'cop-devserver-'));
  [server, browser] = await Promise.all([
    startDevServer(dataDir),
    chromium.launch({
      executablePath: '/usr/bin/chromium',
      args: [
        '--no-sandbox',
        '--disable-gpu',
        '--disable-background-networking',
        '--disable-component-update',
        '--disable-sync',
        '--no-first-run',
        '--disable-quic',
      ],
    }),
  ]);
});

afterAll(async () => {
  await browser?.close();
  await server?.stop();
  if (dataDir) rmSync(dataDir, { recursive: true, force: true });
});

/** Fills what the current page of the form shows, page after page, then submits. */
async function apply(page: Page, a: Applicant): Promise<void> {
  await page.goto(`${server.base}/form`);
  const text: Record<string, string> = {
    Email: a.email,
    'First name': a.first,
    'Last name': a.last,
    'Job title': 'CTE Program Specialist',
    'Agency or organization': a.agency,
    'What do you hope to gain?': 'Ideas, peers, and practical tools.',
  };
  for (let pageNo = 0; pageNo < 5; pageNo++) {
    await page.locator('form').waitFor();
    for (const [label, value] of Object.entries(text)) {
      const field = page.getByLabel(label, { exact: true });
      if (await field.count()) await field.fill(value);
    }
    for (const [label, value] of [
      ['Agency type', a.agencyType],
      ['State', a.state],
    ]) {
      const radio = page.getByRole('radiogroup', { name: label, exact: true });
      if (await radio.count()) await radio.getByRole('radio', { name: value, exact: true }).check();
      const select = page.getByRole('combobox', { name: label, exact: true });
      if (await select.count()) await select.selectOption(value);
    }
    const communities = page.getByRole('group', { name: 'Communities of Practice', exact: true });
    if (await communities.count()) await communities.getByRole('checkbox', { name: LV, exact: true }).check();
    const commitment = page.getByRole('group', { name: 'Commitment', exact: true });
    if (await commitment.count()) await commitment.getByRole('checkbox').first().check();
    const next = page.getByRole('button', { name: 'Next', exact: true });
    if (await next.count()) {
      await next.click();
      continue;
    }
    await page.getByRole('button', { name: 'Submit', exact: true }).click();
    await page.getByRole('button', { name: 'Submit another response' }).waitFor();
    return;
  }
  throw new Error('the form has more pages than expected');
}

/** Set up, Sync responses now (the sweep) and Send due notifications end with a modal result dialog: read, close. */
async function closeResultDialog(page: Page, title: RegExp): Promise<void> {
  const layer = page.locator('#dialog-layer');
  await layer.waitFor({ state: 'visible', timeout: 30_000 });
  expect(await page.locator('#dialog-title').textContent()).toMatch(title);
  await page.frameLocator('#dialog-frame').getByRole('button', { name: 'Close' }).click();
  await layer.waitFor({ state: 'hidden' });
}

async function statusAfter(page: Page, label: RegExp): Promise<string> {
  const status = page.locator('#status');
  try {
    await status.filter({ hasText: label }).waitFor({ timeout: 30_000 });
  } catch (e) {
    throw new Error(
      `status never matched ${label}; it reads: ${JSON.stringify(await status.textContent())}; banner: ${JSON.stringify(await page.locator('#banner').textContent())}`,
      { cause: e },
    );
  }
  return (await status.textContent()) ?? '';
}

async function saveDownload(page: Page, click: () => Promise<void>): Promise<string> {
  const [download] = await Promise.all([page.waitForEvent('download'), click()]);
  const file = join(dataDir, download.suggestedFilename());
  await download.saveAs(file);
  return file;
}

/** Reads until the check passes (or throws the last failure after the timeout). */
async function eventually<T>(read: () => Promise<T>, check: (value: T) => void, timeout = 15_000): Promise<T> {
  const end = Date.now() + timeout;
  for (;;) {
    const value = await read();
    try {
      check(value);
      return value;
    } catch (e) {
      if (Date.now() > end) throw e;
    }
    await new Promise((r) => setTimeout(r, 100));
  }
}

function column(sheet: DevSheet, header: string): string[] {
  const c = sheet.displayValues[0].indexOf(header);
  if (c < 0) throw new Error(`no ${header} column in ${sheet.name}`);
  return sheet.displayValues.slice(1).map((r) => r[c]);
}

describe('npm start: the whole story in the browser', () => {
  let page: Page;
  let sidebar: FrameLocator;

  it('sets up, takes three applications, decides in the sidebar, notifies on the notify date', async () => {
    const started = Date.now();
    page = await browser.newPage({ viewport: { width: 1400, height: 900 } });
    const pageErrors: string[] = [];
    page.on('pageerror', (e) => pageErrors.push(e.message));
    page.on('dialog', (d) => void d.accept());
    await page.goto(server.base);

    // 0. The server starts on today's date; the 2023–2024 walk-through is one preset away.
    const fresh = await api<DevState>('/api/state');
    expect(Math.abs(new Date(fresh.now).getTime() - started)).toBeLessThan(10 * 60_000);
    await page.getByRole('button', { name: '2023–2024 demo', exact: true }).click();
    await statusAfter(page, /^Clock set to Mon, Jul 24, 2023/);

    // 1. Set up, from the add-on menu the bundle's onOpen built.
    await page.getByRole('button', { name: 'Communities of Practice' }).click();
    await page.getByRole('menuitem', { name: 'Set up' }).click();
    await statusAfter(page, /^Set up: /);
    await closeResultDialog(page, /^Set up/);
    const afterSetup = await api<DevState>('/api/state');
    expect(afterSetup.counts.failures).toBe(0);
    expect(afterSetup.form.exists).toBe(true);
    expect(afterSetup.sheetNames).toEqual(expect.arrayContaining(['Applications', 'Settings', 'Communities', 'Meetings', 'Log']));

    // 2. Three applicants apply through the form page.
    const formPage = await browser.newPage();
    formPage.on('pageerror', (e) => pageErrors.push(`form: ${e.message}`));
    for (const a of APPLICANTS) await apply(formPage, a);
    await formPage.close();
    const apps = await api<DevSheet>(`/api/sheet?name=Applications`);
    expect(column(apps, 'Email').sort()).toEqual(APPLICANTS.map((a) => a.email).sort());
    expect(column(apps, 'Status')).toEqual(['Pending', 'Pending', 'Pending']);

    // 3. A reviewer (an editor, not the owner) decides in the real sidebar.
    await page.locator('#user').selectOption(REVIEWER);
    sidebar = page.frameLocator('#sidebar-frame');
    for (const a of APPLICANTS) {
      const box = sidebar.getByRole('checkbox', { name: new RegExp(`${a.first} ${a.last}`) });
      await box.check();
      await sidebar.getByRole('button', { name: a.decision, exact: true }).click();
      // Decline asks first, naming the count and the community.
      if (a.decision === 'Decline')
        await sidebar
          .getByRole('alertdialog', { name: /Decline 1 application in / })
          .getByRole('button', { name: 'Confirm' })
          .click();
      await eventually(
        async () => {
          const s = await api<DevSheet>('/api/sheet?name=Applications');
          return column(s, 'Status')[column(s, 'Email').indexOf(a.email)];
        },
        (v) => expect(v).toBe(a.status),
        15_000,
      );
    }
    const decided = await api<DevSheet>('/api/sheet?name=Applications');
    expect(new Set(column(decided, 'Decided By'))).toEqual(new Set([REVIEWER]));
    // Before the notify date nothing but the confirmations has gone out.
    const early = await api<DevMail[]>('/api/outbox');
    expect(early.map((m) => m.to).sort()).toEqual(APPLICANTS.map((a) => a.email).sort());

    // 4. The clock moves to the notify date; sweep runs.
    await page.getByRole('button', { name: 'Notify date', exact: true }).click();
    await statusAfter(page, /^Clock set to Tue, Aug 15, 2023/);
    await page.getByRole('button', { name: 'Run sweep', exact: true }).click();
    await statusAfter(page, /^sweep: /);
    await closeResultDialog(page, /^Sync responses now$/);
    expect((await api<DevState>('/api/state')).counts.failures).toBe(0);

    // 5. The outbox: per applicant, the confirmation and then one decision email.
    await page.getByRole('tab', { name: /^Outbox/ }).click();
    const rows = page.getByRole('table', { name: 'Sent emails' }).locator('tbody tr');
    await eventually(
      () => rows.count(),
      (v) => expect(v).toBe(6),
    );
    const outbox = await api<DevMail[]>('/api/outbox');
    expect(outbox).toHaveLength(6);
    for (const a of APPLICANTS) {
      const mine = outbox.filter((m) => m.to === a.email);
      expect(mine).toHaveLength(2);
      const decision = mine[1];
      expect(decision.replyTo).toBe(OWNER);
      expect(decision.hasHtml).toBe(true);
      const word = { Accept: /accept/i, Waitlist: /wait ?list/i, Decline: /(declin|not able|unable|regret)/i }[a.decision];
      expect(`${decision.subject}\n${decision.body}`).toMatch(word);
      expect(decision.body).toContain(LV);
    }
    const adaDecision = outbox.filter((m) => m.to === APPLICANTS[0].email)[1];
    expect(adaDecision.body).toMatch(/Aug(ust)? 31/);

    // The HTML body is shown in a sandboxed frame, never injected into the page.
    await page.locator(`tr[data-mail-id="${adaDecision.id}"]`).click();
    const htmlFrame = page.locator('iframe.mail-html');
    await eventually(
      () => htmlFrame.getAttribute('sandbox'),
      (v) => expect(v).toBe(''),
    );

    // 6. .eml downloads parse with mailparser and carry exactly what was sent.
    const emlFile = await saveDownload(page, () => page.getByRole('link', { name: 'Download .eml' }).click());
    const parsed = await simpleParser(readFileSync(emlFile));
    expect(parsed.subject).toBe(adaDecision.subject);
    expect((parsed.text ?? '').replace(/\r\n/g, '\n').trim()).toBe(adaDecision.body.replace(/\r\n/g, '\n').trim());
    expect(parsed.html).toBeTruthy();
    expect(parsed.replyTo?.value[0].address).toBe(OWNER);
    for (const m of outbox) {
      const res = await fetch(`${server.base}/api/outbox/${encodeURIComponent(m.id)}.eml`);
      const mail = await simpleParser(Buffer.from(await res.arrayBuffer()));
      const to = Array.isArray(mail.to) ? mail.to[0] : mail.to;
      expect(to?.value.map((v) => v.address)).toEqual([m.to]);
      expect(mail.subject).toBe(m.subject);
    }

    // 7. The calendar: Ada, and only Ada, is a guest of the four Learner Voice meetings.
    await page.getByRole('tab', { name: /^Calendar/ }).click();
    const cals = await api<DevCalendar[]>('/api/calendar');
    expect(cals).toHaveLength(1);
    const events = cals[0].events;
    expect(events).toHaveLength(16);
    const lv = events.filter((e) => e.summary.includes(LV));
    expect(lv).toHaveLength(4);
    for (const e of events) {
      expect(e.guests.map((g) => g.email)).toEqual(lv.includes(e) ? [APPLICANTS[0].email] : []);
      expect(e.meetLink).toMatch(/^https:\/\/meet\.google\.com\//);
    }
    expect(lv.map((e) => e.whenLocal)).toEqual([
      'Thu, Aug 31, 2023, 2:00 PM – 3:30 PM EDT',
      'Thu, Oct 26, 2023, 2:00 PM – 3:30 PM EDT',
      'Thu, Dec 14, 2023, 2:00 PM – 3:30 PM EST',
      'Thu, Feb 29, 2024, 2:00 PM – 3:30 PM EST',
    ]);
    for (const e of lv) expect(e.invitations.map((i) => [i.email, i.kind])).toEqual([[APPLICANTS[0].email, 'invitation']]);
    const guestItems = page.getByRole('list', { name: /^Guests of / }).getByRole('listitem');
    await eventually(
      () => guestItems.count(),
      (v) => expect(v).toBe(4),
    );

    // 8. The .ics download imports: ical.js reads 16 events, the guests and New York times.
    const icsFile = await saveDownload(page, () => page.getByRole('link', { name: 'Download calendar .ics' }).click());
    const ics = readFileSync(icsFile, 'utf8');
    expect(ics.split('\r\n').every((l) => Buffer.byteLength(l) <= 75)).toBe(true);
    const comp = new ICAL.Component(ICAL.parse(ics) as unknown[]);
    const vtz = comp.getFirstSubcomponent('vtimezone');
    if (vtz) ICAL.TimezoneService.register(new ICAL.Timezone(vtz));
    const icalEvents = comp.getAllSubcomponents('vevent').map((v) => new ICAL.Event(v));
    expect(icalEvents).toHaveLength(16);
    const icalLv = icalEvents.filter((e) => e.summary.includes(LV));
    expect(icalLv.map((e) => e.startDate.toJSDate().toISOString())).toEqual(lv.map((e) => e.start));
    for (const e of icalLv) expect(e.attendees.map((p) => p.getFirstValue())).toEqual([`mailto:${APPLICANTS[0].email}`]);
    expect(icalEvents.filter((e) => !e.summary.includes(LV)).every((e) => e.attendees.length === 0)).toBe(true);
    const one = await fetch(`${server.base}/api/event/${encodeURIComponent(lv[0].id)}.ics`);
    const single = new ICAL.Component(ICAL.parse(await one.text()) as unknown[]).getAllSubcomponents('vevent');
    expect(single).toHaveLength(1);

    // 9. Members. Staff type the agenda of Learner Voice's first meeting into its Agenda cell (in
    //    the grid's formula bar, as in Sheets): the sweep puts it on the event at once; the agenda
    //    email goes to Ada once, from 7 days (Agenda lead days) before the meeting starts.
    const ada = APPLICANTS[0];
    const AGENDA = 'Welcome and introductions; https://docs.example.org/lv-agenda-1';
    await page.getByRole('tab', { name: 'Sheet', exact: true }).click();
    await page.getByRole('tab', { name: 'Meetings', exact: true }).click();
    const meetingsGrid = page.getByRole('table', { name: 'Tab Meetings' });
    const meetingsSheet = await api<DevSheet>('/api/sheet?name=Meetings');
    const lvFirst = meetingsSheet.displayValues.findIndex((r) => r[0] === 'learner-voice' && r[1] === '1');
    const agendaCol = meetingsSheet.displayValues[0].indexOf('Agenda');
    expect(lvFirst).toBeGreaterThan(0);
    await meetingsGrid.locator('tbody tr').nth(lvFirst).locator('td').nth(agendaCol).click();
    const cellInput = page.getByRole('textbox', { name: 'Cell contents' });
    await cellInput.fill(AGENDA);
    await cellInput.press('Enter');
    await meetingsGrid.getByRole('cell', { name: AGENDA, exact: true }).waitFor();
    await page.getByRole('button', { name: 'Run sweep', exact: true }).click();
    await statusAfter(page, /^sweep: /);
    await closeResultDialog(page, /^Sync responses now$/);
    const withAgenda = (await api<DevCalendar[]>('/api/calendar'))[0].events.find((e) => e.id === lv[0].id);
    expect(withAgenda?.description).toContain(AGENDA);
    // a description change emails no guest, and 16 days ahead no agenda email is due yet
    expect(withAgenda?.invitations).toHaveLength(1);
    expect((await api<DevMail[]>('/api/outbox')).filter((m) => /agenda/i.test(m.subject))).toEqual([]);
    expect((await post('/api/clock', { iso: '2023-08-24T19:00:00Z' })).status).toBe(200);
    for (let i = 0; i < 2; i++) {
      await page.getByRole('button', { name: 'Run sweep', exact: true }).click();
      await statusAfter(page, /^sweep: /);
      await closeResultDialog(page, /^Sync responses now$/);
    }
    const agendaMails = (await api<DevMail[]>('/api/outbox')).filter((m) => /agenda/i.test(m.subject));
    expect(agendaMails.map((m) => m.to)).toEqual([ada.email]);
    expect(agendaMails[0].subject).toContain('Learner Voice meeting 1');
    expect(agendaMails[0].body).toContain(AGENDA);
    expect(agendaMails[0].body).toContain(withAgenda?.meetLink ?? 'no Meet link');

    // Ada answers Yes to her first meeting from the calendar view (as in her Calendar).
    await page.getByRole('tab', { name: /^Calendar/ }).click();
    await page.getByRole('combobox', { name: `Answer of ${ada.email} to ${lv[0].summary}` }).selectOption('accepted');
    await eventually(
      () => api<DevCalendar[]>('/api/calendar'),
      (c) => expect(c[0].events.find((e) => e.id === lv[0].id)?.guests[0]?.responseStatus).toBe('accepted'),
    );
    // The meeting has been held: staff open the Members tab of the sidebar, tick all who said yes, save.
    const clockBefore = (await api<DevState>('/api/state')).now;
    expect((await post('/api/clock', { iso: '2023-08-31T20:00:00Z' })).status).toBe(200);
    await sidebar.getByRole('button', { name: 'Members', exact: true }).click();
    const members = sidebar.getByRole('region', { name: 'Members' });
    await members.getByLabel('Community').selectOption('learner-voice');
    await members.getByLabel('Meeting', { exact: true }).selectOption('1');
    await eventually(
      () => members.getByLabel('Answers to the invitation').textContent(),
      (v) => expect(v).toMatch(/Yes 1/),
    );
    await members.getByRole('button', { name: 'Tick all who said yes' }).click();
    expect(await members.getByRole('checkbox', { name: `${ada.first} ${ada.last}` }).isChecked()).toBe(true);
    await members.getByRole('button', { name: 'Save attendance' }).click();
    await members.getByText(/Attendance saved for Learner Voice meeting 1: 1 attended, 0 absent/).waitFor();
    const attendance = await api<DevSheet>('/api/sheet?name=Attendance');
    const head = attendance.displayValues[0];
    expect(head).toEqual(['Application ID', 'Email', 'Community', 'Meeting', 'RSVP', 'Attended', 'Recorded By', 'Recorded At']);
    const adaAttendance = attendance.displayValues.find((r) => r[1] === ada.email && r[3] === '1');
    expect(adaAttendance?.slice(2, 7)).toEqual(['learner-voice', '1', 'accepted', 'TRUE', REVIEWER]);
    // The roster as CSV, parsed with a real CSV parser.
    const csvFile = await saveDownload(page, () => members.getByRole('link', { name: 'Download CSV' }).click());
    const roster: string[][] = parseCsv(readFileSync(csvFile, 'utf8').replace(/^\ufeff/, ''));
    expect(roster).toEqual([
      ['Name', 'Agency', 'State', 'Email'],
      [`${ada.first} ${ada.last}`, ada.agency, ada.state, ada.email],
    ]);
    // back to where the next steps expect the page: the applications list, the notify-date clock
    await sidebar.getByRole('button', { name: 'Applications', exact: true }).click();
    expect((await post('/api/clock', { iso: clockBefore })).status).toBe(200);

    // 10. Self-service: staff cap Learner Voice at one seat (typed into Communities); Ada opens her
    //    personal page from her email in the outbox and withdraws after the confirmation; the
    //    sidebar offers the freed seat to the waitlisted Grace, and the reviewer gives it to her.
    const communities = await api<DevSheet>('/api/sheet?name=Communities');
    await post('/api/cell', { sheet: 'Communities', row: column(communities, 'Key').indexOf('learner-voice') + 2, header: 'Capacity', value: 1 });
    expect(adaDecision.body).toMatch(/\/exec\?t=[\w-]+/);
    await page.getByRole('tab', { name: /^Outbox/ }).click();
    await page.locator(`tr[data-mail-id="${adaDecision.id}"]`).click();
    const [personal] = await Promise.all([page.context().waitForEvent('page'), page.getByRole('link', { name: 'Open personal page' }).click()]);
    personal.on('pageerror', (e) => pageErrors.push(`personal page: ${e.message}`));
    const card = personal.getByRole('region', { name: LV });
    await card.getByText('Accepted', { exact: true }).waitFor();
    await card.getByRole('button', { name: `Withdraw from ${LV}…` }).click();
    await card.getByRole('button', { name: 'Yes, withdraw' }).click();
    await personal.getByRole('status').getByText(`You have withdrawn from ${LV}.`, { exact: false }).waitFor();
    await card.getByText('Withdrawn', { exact: true }).waitFor();
    await personal.close();
    const afterWithdraw = await api<DevSheet>('/api/sheet?name=Applications');
    const adaRow = column(afterWithdraw, 'Email').indexOf(APPLICANTS[0].email);
    expect(column(afterWithdraw, 'Status')[adaRow]).toBe('Withdrawn');
    expect(column(afterWithdraw, 'Decided By')[adaRow]).toBe(APPLICANTS[0].email);
    expect((await api<DevMail[]>('/api/outbox')).filter((m) => m.to === OWNER && /withdrew/.test(m.subject))).toHaveLength(1);
    await sidebar.getByRole('button', { name: 'Refresh', exact: true }).click();
    await sidebar.getByRole('button', { name: `Offer the seat to ${APPLICANTS[1].first} ${APPLICANTS[1].last}` }).click();
    const confirmOffer = sidebar.getByRole('alertdialog');
    if (await confirmOffer.count()) await confirmOffer.getByRole('button', { name: 'Confirm' }).click();
    await eventually(
      async () => {
        const s = await api<DevSheet>('/api/sheet?name=Applications');
        return column(s, 'Status')[column(s, 'Email').indexOf(APPLICANTS[1].email)];
      },
      (v) => expect(v).toBe('Accepted'),
      15_000,
    );

    expect(pageErrors).toEqual([]);
    expect(Date.now() - started).toBeLessThan(150_000);
  });

  it('shows an exception in the bundle with its server-side stack, as the Executions panel does', async () => {
    const injected = await post<{ ok: boolean }>('/api/fault', {
      method: 'Spreadsheet.getSheetByName',
      nth: 1,
      message: 'Service Spreadsheets failed while accessing document',
      // the sidebar's own reloads (after a decision, on a tab switch) must not take the fault meant for the sweep
      inFunction: 'sweep',
    });
    expect(injected.status).toBe(200);
    await page.getByRole('button', { name: 'Run sweep', exact: true }).click();
    const banner = page.getByRole('alert').filter({ hasText: 'sweep failed' });
    await banner.waitFor();
    await eventually(
      () => banner.textContent(),
      (v) => expect(v).toContain('Service Spreadsheets failed while accessing document'),
    );
    // the run's own dialog reports the error too
    await closeResultDialog(page, /^Sync responses now$/);
    await banner.getByText('Server-side stack').click();
    expect(await banner.locator('pre.stack').textContent()).toMatch(/at .*(Code\.js|CoP_)/);
    await page.getByRole('button', { name: 'Show in Executions' }).click();
    const failed = page.getByRole('table', { name: 'Executions' }).locator('tr.failed').first();
    await eventually(
      () => failed.textContent(),
      (v) => expect(v).toMatch(/sweep.*Failed/),
    );
    await post('/api/fault', { clear: true });
  });

  it('loads demo applicants through the form; hostile text stays text in the grid and the sidebar', async () => {
    const alerts: string[] = [];
    page.on('dialog', (d) => {
      if (d.type() === 'alert') alerts.push(d.message());
    });
    const rowsBefore = (await api<DevSheet>('/api/sheet?name=Form Responses 1')).displayValues.length;
    const started = await post<DevState['demo']>('/api/demo', { count: 10 });
    expect(started.status).toBe(202);
    const done = await eventually(
      () => api<DevState>('/api/state'),
      (s) => expect(s.demo?.running).toBe(false),
      60_000,
    );
    expect(done.demo).toMatchObject({ error: '', rejected: 0, failedExecutions: 0 });
    expect(done.demo?.submitted).toBeGreaterThanOrEqual(12);
    const responses = await api<DevSheet>('/api/sheet?name=Form Responses 1');
    expect(responses.displayValues.length - rowsBefore).toBe(done.demo?.submitted);

    // The grid: markup is shown as text, a formula-looking name is stored as text.
    await page.getByRole('tab', { name: 'Sheet', exact: true }).click();
    await page.getByRole('tab', { name: 'Applications', exact: true }).click();
    const hostile = page.getByRole('table', { name: 'Tab Applications' }).getByRole('cell', { name: '<img src=x onerror=alert(1)>', exact: true });
    await hostile.first().waitFor();
    expect(await page.locator('table.grid img').count()).toBe(0);
    const apps = await api<DevSheet>('/api/sheet?name=Applications');
    const last = column(apps, 'Last Name');
    const i = last.findIndex((v) => v.startsWith('=HYPERLINK('));
    expect(i).toBeGreaterThanOrEqual(0);
    expect(apps.formulas[i + 1].every((f) => f === '')).toBe(true);

    // The sidebar (the real one) lists the same applicant as text.
    await sidebar.getByRole('button', { name: 'Refresh', exact: true }).click();
    await sidebar.getByLabel('Search', { exact: true }).fill('onerror');
    await sidebar.getByText('<img src=x onerror=alert(1)>').first().waitFor();
    expect(await sidebar.locator('img').count()).toBe(0);
    expect(alerts).toEqual([]);
  });

  it('after the deadline, sweep closes the form and the form page shows its closed message', async () => {
    await page.getByRole('button', { name: 'After deadline', exact: true }).click();
    await statusAfter(page, /^Clock set to Sat, Sep 16, 2023/);
    await page.getByRole('button', { name: 'Run sweep', exact: true }).click();
    await statusAfter(page, /^sweep: /);
    await closeResultDialog(page, /^Sync responses now$/);
    const s = await api<DevState>('/api/state');
    expect(s.form).toMatchObject({ exists: true, accepting: false });
    const formPage = await browser.newPage();
    await formPage.goto(`${server.base}/form`);
    await formPage.getByText(/efabillar@careertech\.org/).waitFor();
    expect(await formPage.locator('form').count()).toBe(0);
    await formPage.close();
    const refused = await post<{ ok: boolean; error: { message: string } }>('/api/form/submit', { email: 'late@x.gov', answers: {} });
    expect(refused.status).toBe(403);
    expect(refused.body.error.message).toMatch(/efabillar@careertech\.org/);
  });

  it('keeps the state across a restart, and Reset clears it', async () => {
    const before = await api<DevState>('/api/state');
    const statusesBefore = column(await api<DevSheet>('/api/sheet?name=Applications'), 'Status');
    expect(await server.stop()).toBe(0);
    server = await startDevServer(dataDir, server.port);
    const after = await api<DevState>('/api/state');
    expect(after.now).toBe(before.now);
    expect(after.sheetNames).toEqual(before.sheetNames);
    expect(after.counts.outbox).toBe(before.counts.outbox);
    expect(after.counts.events).toBe(before.counts.events);
    const apps = await api<DevSheet>('/api/sheet?name=Applications');
    expect(column(apps, 'Status')).toEqual(statusesBefore);
    // after the story: Ada withdrew herself, Grace took the freed seat, Alan was declined
    expect(statusesBefore.filter((x) => x !== 'Pending').sort()).toEqual(['Accepted', 'Declined', 'Withdrawn']);

    await page.reload();
    await page.getByRole('button', { name: 'Reset', exact: true }).click();
    const reset = await eventually(
      () => api<DevState>('/api/state'),
      (s) => expect(s.form.exists).toBe(false),
      30_000,
    );
    await statusAfter(page, /^Workspace reset/);
    expect(reset.counts.outbox).toBe(0);
    expect(reset.form.exists).toBe(false);
    expect(reset.counts.events).toBe(0);
    expect(reset.triggers).toEqual([]);
    // (the reopened sidebar may create an empty Applications tab; no applicant survives the reset)
    if (reset.sheetNames.includes('Applications')) {
      expect((await api<DevSheet>('/api/sheet?name=Applications')).displayValues.length).toBeLessThanOrEqual(1);
    }
  });

  it('a newcomer today: Set up, then New program year… in the dialog opens the next open year', async () => {
    // after the Reset above: a fresh workspace on today's date with the seeded 2023–2024 program
    await page.getByRole('button', { name: 'Communities of Practice' }).click();
    await page.getByRole('menuitem', { name: 'Set up' }).click();
    await statusAfter(page, /^Set up: /);
    // a first install today: the 2023 form stays closed, and the summary says to set the program year
    expect((await api<DevState>('/api/state')).form).toMatchObject({ exists: true, accepting: false });
    // Set up's dialog names the one problem and its fix: the program year
    await page.frameLocator('#dialog-frame').locator('li.check.fail[data-check="program-dates"]').waitFor();
    await closeResultDialog(page, /^Set up/);
    await page.getByRole('button', { name: 'Communities of Practice' }).click();
    await page.getByRole('menuitem', { name: 'New program year…' }).click();
    const dialog = page.frameLocator('#dialog-frame');
    const name = dialog.getByLabel('Program name');
    await name.waitFor();
    const program = await name.inputValue();
    expect(program).toMatch(/^\d{4}–\d{4} Communities of Practice$/);
    expect(program).not.toBe('2023–2024 Communities of Practice');
    await dialog.getByRole('button', { name: 'Apply…' }).click();
    await dialog.getByRole('button', { name: 'Start the new year' }).click();
    await dialog.getByRole('heading', { name: 'The new program year has started' }).waitFor({ timeout: 30_000 });
    const s = await api<DevState>('/api/state');
    expect(s.sheetNames).toEqual(expect.arrayContaining(['Applications 2023–2024', 'Log 2023–2024']));
    expect(s.form).toMatchObject({ exists: true, accepting: true, title: `${program} Application` });
    expect(s.counts.failures).toBe(0);
    expect(s.counts.outbox).toBe(0);
  });

  it('says in one line which port is in use and how to pick another, and exits 1', async () => {
    const second = spawnDevServer({ PORT: String(server.port), DATA_DIR: join(dataDir, 'other') });
    const code = await second.exited;
    expect(code).toBe(1);
    const lines = second.output().trim().split('\n');
    expect(lines).toHaveLength(1);
    expect(lines[0]).toMatch(new RegExp(`Port ${server.port} is already in use.*PORT=\\d+ npm start`));
  });
});

describe('npm start: only this machine and this page drive the server', () => {
  function raw(options: { method: string; path: string; headers: Record<string, string>; body?: string }): Promise<number> {
    return new Promise((resolve, reject) => {
      const req = httpRequest({ host: '127.0.0.1', port: server.port, ...options }, (res) => {
        res.resume();
        resolve(res.statusCode ?? 0);
      });
      req.on('error', reject);
      req.end(options.body);
    });
  }

  it('refuses another Host (DNS rebinding), a cross-site Origin, and non-JSON POSTs', async () => {
    const body = JSON.stringify({ fn: 'setup', args: [], user: OWNER });
    const json = { 'Content-Type': 'application/json', Host: `127.0.0.1:${server.port}` };
    expect(await raw({ method: 'GET', path: '/api/state', headers: { Host: `evil.example:${server.port}` } })).toBe(403);
    expect(await raw({ method: 'POST', path: '/api/reset', headers: { ...json, 'Content-Type': 'text/plain' }, body: '{}' })).toBe(415);
    expect(await raw({ method: 'POST', path: '/api/run', headers: { ...json, Origin: 'http://evil.example' }, body })).toBe(403);
    expect(await raw({ method: 'POST', path: '/api/run', headers: { ...json, Origin: 'null' }, body })).toBe(403);
    expect(await raw({ method: 'GET', path: '/api/state', headers: { Host: `localhost:${server.port}` } })).toBe(200);
  });

  it('runs only the public entry points of the bundle (names not ending in _)', async () => {
    const privateFn = await post<{ ok: boolean; error: { message: string } }>('/api/run', { fn: 'runSweep_', args: [], user: OWNER });
    expect(privateFn.status).toBe(404);
    expect(privateFn.body.error.message).toMatch(/runSweep_ is not a public function of dist\/Code\.js/);
    const stranger = await post<{ ok: boolean }>('/api/run', { fn: 'getReviewState', args: [], user: 'mallory@evil.example' });
    expect(stranger.status).toBe(400);
  });
});
