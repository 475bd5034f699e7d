// The program-year dialog (dist/ProgramYear.html) in headless Chromium at 1440 x 900, through the
// google.script.run shim to the built bundle in the emulator at today's date: a refused proposal
// shows its message next to the field; fixed, it applies after confirmation and shows the result.
import { mkdirSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import type { Browser } from 'playwright-core';
import { workspace, TODAY } from '../bundle/programYear.support';
import { OWNER } from '../bundle/intake.support';
import { axeSeriousViolations, launchChromium, openPage } from '../support/pages';

jest.setTimeout(60_000);

// screenshots to look at (not kept in the repo)
const SHOTS = process.env.SCREENSHOT_DIR ?? path.join(tmpdir(), 'cop-screenshots');

let browser: Browser;
beforeAll(async () => {
  browser = await launchChromium();
});
afterAll(async () => {
  await browser?.close();
});

describe('the program-year dialog', () => {
  it('shows the proposal, refuses a bad edit with its message beside the field, then applies the fixed one', async () => {
    const ws = workspace(TODAY);
    ws.run('setup');
    const { page, errors, shim } = await openPage(browser, ws, 'ProgramYear', { user: OWNER });
    const name = page.getByLabel('Program name');
    await name.waitFor();
    expect(await name.inputValue()).toBe('2027–2028 Communities of Practice');
    expect(await page.getByLabel('Registration deadline').inputValue()).toBe('2027-09-10T23:59');
    expect(await page.getByLabel('Comprehensive Local Needs Assessment meeting 1 date').inputValue()).toBe('2027-08-24');
    expect(await page.getByLabel('Comprehensive Local Needs Assessment meeting 1 start time').inputValue()).toBe('14:00');
    expect(await page.getByRole('heading', { level: 3 }).allTextContents()).toEqual([
      'Comprehensive Local Needs Assessment',
      'Learner Voice',
      'Data and Accountability',
      'K-12/Postsecondary Alignment',
    ]);
    expect(await axeSeriousViolations(page)).toEqual([]);
    mkdirSync(SHOTS, { recursive: true });
    await page.screenshot({ path: path.join(SHOTS, 'program-year-dialog.png'), fullPage: false });

    // a meeting moved before its cohort starts, and a capacity set
    await page.getByLabel('Comprehensive Local Needs Assessment meeting 1 date').fill('2027-07-27');
    await page.getByLabel('Capacity').first().fill('25');
    await page.getByRole('button', { name: 'Apply…' }).click();
    await page.getByRole('button', { name: 'Start the new year' }).click();
    const summary = page.getByRole('alert');
    await summary.waitFor();
    expect(await summary.textContent()).toMatch(
      /The proposal was not applied: Comprehensive Local Needs Assessment, meeting 1 \(Tuesday, July 27, 2027 at 2:00 pm EDT\) is before the cohort starts \(August 1, 2027\)/,
    );
    const date = page.getByLabel('Comprehensive Local Needs Assessment meeting 1 date');
    expect(await date.getAttribute('aria-invalid')).toBe('true');
    const describedBy = (await date.getAttribute('aria-describedby')) as string;
    expect(await page.locator(`[id="${describedBy}"]`).textContent()).toMatch(/Move the meeting or the cohort start\./);
    expect(ws.sheetNames()).not.toContain('Applications 2023–2024');
    expect(await axeSeriousViolations(page)).toEqual([]);
    await page.screenshot({ path: path.join(SHOTS, 'program-year-refused.png'), fullPage: false });

    // fixed: applies, and says what it did
    await date.fill('2027-08-24');
    await page.getByRole('button', { name: 'Apply…' }).click();
    await page.getByRole('button', { name: 'Start the new year' }).click();
    await page.getByRole('heading', { name: 'The new program year has started' }).waitFor();
    await page.screenshot({ path: path.join(SHOTS, 'program-year-done.png'), fullPage: false });
    expect(await axeSeriousViolations(page)).toEqual([]);
    expect(await page.getByRole('status').textContent()).toMatch(
      /2027–2028 Communities of Practice is the current program year\. .* 16 meetings on the program calendar\. Nothing was emailed\./,
    );
    expect(ws.sheetNames()).toEqual(expect.arrayContaining(['Applications 2023–2024', 'Log 2023–2024', 'Form Responses 2']));
    expect(ws.records('Communities')[0].Capacity).toBe(25);
    expect(shim.calls.map((c) => c.fn)).toEqual(['proposeProgramYear', 'startProgramYear', 'startProgramYear']);
    expect(ws.outbox).toEqual([]);
    expect(errors).toEqual([]);
  });

  it('adds a community with a meeting, and removes one', async () => {
    const ws = workspace(TODAY);
    ws.run('setup');
    const { page, errors } = await openPage(browser, ws, 'ProgramYear', { user: OWNER });
    await page.getByLabel('Program name').waitFor();
    await page.getByRole('button', { name: 'Remove the community K-12/Postsecondary Alignment' }).click();
    await page.getByRole('button', { name: 'Add a community' }).click();
    await page.getByLabel('Name (form option)').last().fill('Work-Based Learning');
    expect(await page.getByLabel('Key').last().inputValue()).toBe('work-based-learning');
    await page.getByLabel('Cohort start').last().fill('2027-10-01');
    await page.getByLabel('Cohort end').last().fill('2028-04-30');
    await page.getByRole('button', { name: 'Add a meeting to Work-Based Learning' }).click();
    await page.getByLabel('Work-Based Learning meeting 1 date').fill('2027-10-06');
    await page.getByRole('button', { name: 'Apply…' }).click();
    await page.getByRole('button', { name: 'Start the new year' }).click();
    await page.getByRole('heading', { name: 'The new program year has started' }).waitFor();
    expect(ws.records('Communities').map((c) => c.Key)).toEqual(['clna', 'learner-voice', 'data-accountability', 'work-based-learning']);
    const wbl = ws.records('Meetings').filter((m) => m.Community === 'work-based-learning');
    expect(wbl.map((m) => (m.Start as Date).toISOString())).toEqual(['2027-10-06T18:00:00.000Z']);
    expect(ws.form!.items.find((i) => i.title === 'Communities of Practice')!.choices).toContain('Work-Based Learning');
    expect(errors).toEqual([]);
  });
});
