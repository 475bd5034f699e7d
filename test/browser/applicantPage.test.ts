// The applicant's personal page (doGet → dist/Applicant.html) in headless Chromium on a 375 px
// phone viewport: what doGet serves, google.script.run to the web app's endpoints on the emulator
// (web-app mode: runs as the deployer, no active spreadsheet), the withdraw confirmation, the .ics
// file, axe 0 serious/critical, and a neutral page for a bad link.
import { mkdirSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import ICAL from 'ical.js';
import type { Browser, Page } from 'playwright-core';
import type { Workspace } from '../../emulator';
import { axeSeriousViolations, launchChromium } from '../support/pages';
import { installScriptRunShim } from '../support/scriptRunShim';
import { AFTER_NOTIFY, apply, CONTACT, idOf, JANE, program, SAM, STAFF, tokenFor, WEB_APP_URL } from '../bundle/selfService.support';
import type { DecideResult } from '../../src/shared/wire';

jest.setTimeout(90_000);

const PHONE = { width: 375, height: 812 };
const SHOTS = process.env.SHOTS_DIR ?? path.join(tmpdir(), 'applicant-page');

let browser: Browser;
beforeAll(async () => {
  browser = await launchChromium();
});
afterAll(async () => {
  await browser?.close();
});

/** Opens `WEB_APP_URL?t=token` as Google would serve it: doGet's HtmlOutput, endpoints in web-app mode. */
async function openApplicantPage(ws: Workspace, token: string): Promise<{ page: Page; errors: string[] }> {
  const page = await browser.newPage({ viewport: PHONE, deviceScaleFactor: 2, isMobile: true, hasTouch: true });
  const errors: string[] = [];
  page.on('pageerror', (e) => errors.push(e.message));
  await installScriptRunShim(
    page,
    {
      run(fn, args) {
        const res = ws.runWebApp(fn, args ?? []);
        if (res.execution.error) throw new Error(res.execution.error.message);
        return res.result;
      },
    },
    { user: '', functions: ['applicantView', 'applicantWithdraw'] },
  );
  const url = `${WEB_APP_URL}?t=${encodeURIComponent(token)}`;
  await page.route('https://script.google.com/**', async (route) => {
    const u = new URL(route.request().url());
    const served = ws.runWebApp('doGet', [{ parameter: Object.fromEntries(u.searchParams), queryString: u.search.slice(1) }]);
    await route.fulfill({ status: 200, contentType: 'text/html; charset=utf-8', body: served.html?.content ?? 'no page' });
  });
  await page.goto(url);
  return { page, errors };
}

describe('the applicant page on a phone', () => {
  it('shows the decision and meetings, downloads an .ics, withdraws after a confirmation; the freed seat is offered and taken', async () => {
    const ws = program();
    apply(ws);
    const janeLv = idOf(ws, JANE, 'Learner Voice');
    const samLv = idOf(ws, SAM, 'Learner Voice');
    ws.run('decide', [{ applicationIds: [janeLv], decision: 'accept' }], { user: STAFF });
    ws.run('decide', [{ applicationIds: [samLv], decision: 'waitlist' }], { user: STAFF });
    ws.clock.set(AFTER_NOTIFY);
    ws.run('sweep');

    const { page, errors } = await openApplicantPage(ws, tokenFor(ws, JANE));
    await page.getByRole('heading', { name: 'Your applications', level: 1 }).waitFor();
    const lv = page.getByRole('region', { name: 'Learner Voice' });
    await expect(lv.getByText('Accepted', { exact: true }).isVisible()).resolves.toBe(true);
    expect(await lv.getByRole('listitem').count()).toBe(4);
    expect(await lv.getByRole('link', { name: 'Join on Google Meet' }).count()).toBe(4);
    await expect(lv.getByText('Times are in America/New_York.').isVisible()).resolves.toBe(true);
    // Her other community is still pending: Under review.
    await expect(page.getByRole('region', { name: 'Data and Accountability' }).getByText('Under review', { exact: true }).isVisible()).resolves.toBe(true);

    // Nothing overflows the 375 px viewport.
    const overflow = await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
    expect(overflow).toBeLessThanOrEqual(0);
    expect(await axeSeriousViolations(page)).toEqual([]);
    mkdirSync(SHOTS, { recursive: true });
    await page.screenshot({ path: path.join(SHOTS, 'applicant-page-375.png'), fullPage: true });

    // The .ics: valid iCalendar with the zone, four events at 2:00 pm New York time.
    const href = await lv.getByRole('link', { name: /Add these meetings to my calendar/ }).getAttribute('href');
    const ics = decodeURIComponent(String(href).replace(/^data:text\/calendar;charset=utf-8,/, ''));
    expect(ics).toMatch(/^BEGIN:VCALENDAR\r\n/);
    const comp = new ICAL.Component(ICAL.parse(ics) as unknown[]);
    const vtz = comp.getFirstSubcomponent('vtimezone');
    expect(vtz?.getFirstPropertyValue('tzid')).toBe('America/New_York');
    if (vtz) ICAL.TimezoneService.register(new ICAL.Timezone(vtz));
    const events = comp.getAllSubcomponents('vevent').map((v) => new ICAL.Event(v));
    expect(events).toHaveLength(4);
    expect(events.map((e) => e.startDate.toJSDate().toISOString())).toEqual([
      '2023-08-31T18:00:00.000Z',
      '2023-10-26T18:00:00.000Z',
      '2023-12-14T19:00:00.000Z',
      '2024-02-29T19:00:00.000Z',
    ]);
    expect(events[2].startDate.toString()).toBe('2023-12-14T14:00:00');

    // Withdraw: the question first (focus moves into it), No keeps everything, Yes withdraws.
    await lv.getByRole('button', { name: 'Withdraw from Learner Voice…' }).click();
    const question = lv.getByRole('group', { name: 'Withdraw from Learner Voice?' });
    await question.waitFor();
    expect(await page.evaluate(() => document.activeElement?.textContent)).toBe('Yes, withdraw');
    expect(await axeSeriousViolations(page)).toEqual([]);
    await page.screenshot({ path: path.join(SHOTS, 'applicant-page-375-confirm.png'), fullPage: true });
    await question.getByRole('button', { name: 'No, keep my application' }).click();
    expect(ws.records('Applications').find((r) => r['Application ID'] === janeLv)?.Status).toBe('Accepted');
    await lv.getByRole('button', { name: 'Withdraw from Learner Voice…' }).click();
    await lv.getByRole('button', { name: 'Yes, withdraw' }).click();
    await page.getByRole('status').getByText('You have withdrawn from Learner Voice. The program team has been told.').waitFor();
    await expect(lv.getByText('Withdrawn', { exact: true }).isVisible()).resolves.toBe(true);
    expect(await lv.getByRole('button', { name: /Withdraw/ }).count()).toBe(0);
    expect(ws.records('Applications').find((r) => r['Application ID'] === janeLv)?.Status).toBe('Withdrawn');
    expect(ws.outbox.filter((m) => m.to === CONTACT)).toHaveLength(1);
    expect(await axeSeriousViolations(page)).toEqual([]);
    expect(errors).toEqual([]);

    // Staff take the freed seat for the waitlisted applicant, who then sees it on their own page.
    const accepted = ws.run('decide', [{ applicationIds: [samLv], decision: 'accept' }], { user: STAFF }) as DecideResult;
    expect(accepted).toMatchObject({ ok: true, changed: [samLv] });
    const sam = await openApplicantPage(ws, tokenFor(ws, SAM));
    await expect(sam.page.getByRole('region', { name: 'Learner Voice' }).getByText('Accepted', { exact: true }).isVisible()).resolves.toBe(true);
    await sam.page.close();
    await page.close();
  });

  it('a bad link shows the neutral page, accessible, with nothing about anyone', async () => {
    const ws = program();
    apply(ws);
    const t = tokenFor(ws, JANE);
    const { page, errors } = await openApplicantPage(ws, `${t.slice(0, -1)}${t.endsWith('A') ? 'B' : 'A'}`);
    await page.getByRole('heading', { name: 'Your applications' }).waitFor();
    const text = await page.locator('main').innerText();
    expect(text).toMatch(/This link is not valid/);
    expect(text).not.toMatch(/Jane|Learner Voice|Data and Accountability/);
    expect(await axeSeriousViolations(page)).toEqual([]);
    await page.screenshot({ path: path.join(SHOTS, 'applicant-page-375-neutral.png'), fullPage: true });
    expect(errors).toEqual([]);
    await page.close();
  });
});
