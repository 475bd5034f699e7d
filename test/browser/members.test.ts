// The real dist/Members.html (the members view in the sidebar) in headless Chromium, through the
// google.script.run shim to the built bundle in the emulator: the agenda, the invitation answers,
// recording who attended, the commitment overview and the roster CSV (parsed with csv-parse).
import { readFileSync } from 'node:fs';
import { parse } from 'csv-parse/sync';
import type { Browser } from 'playwright-core';
import type { Workspace } from '../../emulator';
import { meetingEvent, newProgram } from '../bundle/notify.support';
import { addMembers, setAgenda } from '../bundle/members.support';
import { axeSeriousViolations, launchChromium, openPage } from '../support/pages';

jest.setTimeout(40_000);
const STAFF = 'staff@careertech.org';

let browser: Browser;
beforeAll(async () => {
  browser = await launchChromium();
});
afterAll(async () => {
  await browser?.close();
});

const HOSTILE_NAME = '<img src=x onerror="window.__pwned=1">';
const FORMULA_AGENCY = '=HYPERLINK("http://evil.example","x")';

function program(): Workspace {
  const ws = newProgram('2023-10-01T14:00:00Z');
  addMembers(ws, [
    { id: 'M1', email: 'ann@ohio.gov', community: 'clna', firstName: 'Ann', lastName: 'Lee' },
    { id: 'M2', email: 'bob@ohio.gov', community: 'clna', firstName: 'Bob', lastName: 'Ray' },
    { id: 'M3', email: 'eve@iowa.gov', community: 'clna', firstName: HOSTILE_NAME, lastName: 'Zed' },
    { id: 'M4', email: 'dee@utah.gov', community: 'learner-voice', firstName: 'Dee', lastName: 'Fox' },
  ]);
  ws.run('sendDueNotifications');
  setAgenda(ws, 'clna', 2, 'Welcome and state updates\nhttps://docs.example.org/clna-2');
  ws.run('sendDueNotifications');
  const ev = meetingEvent(ws, 'clna', 2);
  ws.respondToInvitation(ev.id, 'ann@ohio.gov', 'accepted');
  ws.respondToInvitation(ev.id, 'bob@ohio.gov', 'declined');
  ws.respondToInvitation(ev.id, 'eve@iowa.gov', 'accepted');
  // Eve's agency starts like a formula (applicant text; the sheet shows it as text)
  const sheet = ws.state.spreadsheet.sheets.find((s) => s.name === 'Applications')!;
  const head = sheet.rows[0].map((c) => String(c?.v ?? ''));
  const row = sheet.rows.find((r) => r[head.indexOf('Application ID')]?.v === 'M3')!;
  row[head.indexOf('Agency')] = { v: FORMULA_AGENCY };
  ws.clock.set('2023-10-24T20:00:00Z'); // meeting 2 has been held
  return ws;
}

describe('the members view in the sidebar', () => {
  it('shows the agenda and answers, records who attended, and downloads the roster as CSV', async () => {
    const ws = program();
    const { page, errors, shim } = await openPage(browser, ws, 'Members', { user: STAFF, viewport: { width: 300, height: 1400 } });
    await page.getByRole('heading', { name: /^Meeting 2:/ }).waitFor();
    expect(await page.getByLabel('Community').inputValue()).toBe('clna');
    expect(await page.getByLabel('Meeting', { exact: true }).inputValue()).toBe('2');
    // the agenda, its URL line a link
    await page.getByText('Welcome and state updates').waitFor();
    expect(await page.getByRole('link', { name: 'https://docs.example.org/clna-2' }).getAttribute('href')).toBe('https://docs.example.org/clna-2');
    // answers: 2 yes, 1 no
    const counts = page.getByLabel('Answers to the invitation');
    expect(await counts.textContent()).toMatch(/Yes 2.*No 1.*Maybe 0.*No answer 0/);
    // the hostile name is text, never markup
    await page.getByText(`${HOSTILE_NAME} Zed`, { exact: true }).first().waitFor();
    expect(await page.evaluate(() => (window as unknown as { __pwned?: number }).__pwned)).toBeUndefined();
    expect(await page.locator('img').count()).toBe(0);

    // tick who attended: all who said yes, then Bob came after all, Eve did not
    await page.getByRole('button', { name: 'Tick all who said yes' }).click();
    expect(await page.getByRole('checkbox', { name: 'Ann Lee' }).isChecked()).toBe(true);
    expect(await page.getByRole('checkbox', { name: `${HOSTILE_NAME} Zed` }).isChecked()).toBe(true);
    expect(await page.getByRole('checkbox', { name: 'Bob Ray' }).isChecked()).toBe(false);
    await page.getByRole('checkbox', { name: 'Bob Ray' }).check();
    await page.getByRole('checkbox', { name: `${HOSTILE_NAME} Zed` }).uncheck();
    await page.getByRole('button', { name: 'Save attendance' }).click();
    await page.getByText(/Attendance saved for Comprehensive Local Needs Assessment meeting 2: 2 attended, 1 absent/).waitFor();
    const record = shim.calls.find((c) => c.fn === 'recordAttendance')!;
    expect(record.args).toEqual([{ community: 'clna', meeting: 2, attended: ['M1', 'M2'], absent: ['M3'] }]);
    const rows = ws.records('Attendance').filter((r) => r.Meeting === 2);
    expect(rows.map((r) => [r['Application ID'], r.Attended, r.RSVP]).sort()).toEqual([
      ['M1', true, 'accepted'],
      ['M2', true, 'declined'],
      ['M3', false, 'accepted'],
    ]);
    // saved again: the same rows updated
    await page.getByRole('checkbox', { name: `${HOSTILE_NAME} Zed` }).waitFor();
    expect(await page.getByRole('checkbox', { name: 'Bob Ray' }).isChecked()).toBe(true);
    await page.getByRole('button', { name: 'Save attendance' }).click();
    await page.getByText(/Attendance saved/).waitFor();
    expect(ws.records('Attendance').filter((r) => r.Meeting === 2)).toHaveLength(3);

    // the overview: meeting 2 has 2 attended, 1 missed; meeting 3 is still to come
    const overview = page.locator('table.members-overview tbody tr');
    expect(await overview.nth(1).locator('td').allTextContents()).toEqual(['Yes 2 No 1 Maybe 0 No answer 0', '2 came, 1 missed']);
    expect(await overview.nth(2).locator('td.attendance').textContent()).toBe('not held yet');
    // nothing in it is wider than the sidebar
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(300);

    // the roster as CSV: name, agency, state, email; a formula-like cell neutralised
    const [download] = await Promise.all([page.waitForEvent('download'), page.getByRole('link', { name: 'Download CSV' }).click()]);
    expect(download.suggestedFilename()).toBe('clna-roster.csv');
    const csv = readFileSync(await download.path(), 'utf8');
    const parsed: string[][] = parse(csv.replace(/^\ufeff/, ''), { relax_column_count: false });
    expect(parsed[0]).toEqual(['Name', 'Agency', 'State', 'Email']);
    expect(parsed.slice(1)).toEqual([
      ['Ann Lee', 'State CTE Agency', 'Ohio', 'ann@ohio.gov'],
      ['Bob Ray', 'State CTE Agency', 'Ohio', 'bob@ohio.gov'],
      [`${HOSTILE_NAME} Zed`, `'${FORMULA_AGENCY}`, 'Ohio', 'eve@iowa.gov'],
    ]);
    expect(csv).toMatch(/\r\n$/);

    // a meeting not yet held: answers only, no form
    await page.getByLabel('Meeting', { exact: true }).selectOption('3');
    await page.getByText('Attendance can be recorded once the meeting has started.').waitFor();
    expect(await page.getByRole('button', { name: 'Save attendance' }).count()).toBe(0);

    expect(await axeSeriousViolations(page)).toEqual([]);
    await page.getByLabel('Meeting', { exact: true }).selectOption('2');
    await page.screenshot({ path: '/tmp/i13-members-sidebar.png', fullPage: true });
    expect(errors).toEqual([]);
  });

  it('shows the server refusal as an error and keeps the ticks', async () => {
    const ws = program();
    const { page } = await openPage(browser, ws, 'Members', { user: STAFF, viewport: { width: 300, height: 1000 } });
    await page.getByRole('checkbox', { name: 'Ann Lee' }).check();
    // staff withdraw Bob in the sheet meanwhile: he is no longer a member, the save is refused whole
    const sheet = ws.state.spreadsheet.sheets.find((s) => s.name === 'Applications')!;
    const head = sheet.rows[0].map((c) => String(c?.v ?? ''));
    sheet.rows.find((r) => r[head.indexOf('Application ID')]?.v === 'M2')![head.indexOf('Status')] = { v: 'Withdrawn' };
    await page.getByRole('button', { name: 'Save attendance' }).click();
    await page
      .getByRole('alert')
      .getByText(/Not accepted members .*M2 \(Withdrawn\).*Nothing was recorded/)
      .waitFor();
    expect(await page.getByRole('checkbox', { name: 'Ann Lee' }).isChecked()).toBe(true);
    expect(ws.records('Attendance').filter((r) => r.Attended !== '')).toHaveLength(0);
  });
});

describe('the members view inside the review pages', () => {
  it.each([
    ['Sidebar', { width: 300, height: 1400 }],
    ['ReviewWindow', { width: 1440, height: 900 }],
  ] as const)('%s: the Members tab shows the view and records attendance', async (name, viewport) => {
    const ws = program();
    const { page, errors } = await openPage(browser, ws, name, { user: STAFF, viewport });
    await page.getByRole('button', { name: 'Members', exact: true }).click();
    const view = page.getByRole('region', { name: 'Members' });
    await view.getByRole('heading', { name: /^Meeting 2:/ }).waitFor();
    await view.getByRole('button', { name: 'Tick all who said yes' }).click();
    await view.getByRole('button', { name: 'Save attendance' }).click();
    await view.getByText(/Attendance saved .* 2 attended, 1 absent/).waitFor();
    expect(
      ws
        .records('Attendance')
        .filter((r) => r.Attended === true)
        .map((r) => r['Application ID'])
        .sort(),
    ).toEqual(['M1', 'M3']);
    expect(await axeSeriousViolations(page)).toEqual([]);
    await page.screenshot({ path: `/tmp/i13-members-${name}.png`, fullPage: name === 'Sidebar' });
    expect(errors).toEqual([]);
  });
});
