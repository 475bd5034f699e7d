// The real dist/ReviewWindow.html in headless Chromium at 1440 x 900, through the google.script.run
// shim to the built bundle in the emulator: the table, sorting, keyboard decisions, confirmation,
// live updates from other executions, and a stale decision refused.
import type { Browser } from 'playwright-core';
import type { Workspace } from '../../emulator';
import { makeApplicants, type Applicant } from '../bundle/reviewFixtures';
import { seedWorkspace, STAFF } from '../bundle/reviewWorkspace';
import { axeSeriousViolations, launchChromium, openPage } from '../support/pages';

// Generous: the machine running CI may be busy; each test takes 2–4 s on an idle one.
jest.setTimeout(60_000);

const XSS = '<img src=x onerror=alert(1)>';
const BOSS = 'boss@careertech.org';

let browser: Browser;
beforeAll(async () => {
  browser = await launchChromium();
});
afterAll(async () => {
  await browser?.close();
});

function statusOf(ws: Workspace, id: string): unknown {
  return ws.records('Applications').find((r) => r['Application ID'] === id)?.Status;
}

describe('the review window', () => {
  let apps: Applicant[];
  let ws: Workspace;
  let jane: Applicant;

  beforeEach(() => {
    apps = makeApplicants(24).map((a) => ({ ...a, status: a.status === 'Withdrawn' ? 'Pending' : a.status }));
    jane = {
      ...apps[0],
      firstName: 'Jane',
      lastName: 'Doe',
      email: 'jane.doe@ohio.gov',
      status: 'Pending',
      decidedAt: undefined,
      decidedBy: undefined,
      agency: 'Ohio Department of Education',
    };
    apps[0] = jane;
    apps[1] = { ...apps[1], firstName: XSS, lastName: 'Tester', agency: '<b>bold</b>' };
    ws = seedWorkspace(apps);
  });

  it('shows a sortable table beside the details of the active application, safely, with no serious axe violations', async () => {
    const { page, errors, dialogs, shim } = await openPage(browser, ws, 'ReviewWindow', { user: STAFF });
    const table = page.getByRole('table', { name: 'Applications', exact: true });
    await table.getByRole('checkbox', { name: 'Select Jane Doe' }).waitFor();
    expect(shim.calls[0].fn).toBe('getReviewState');
    await page.getByText('Showing 1–24 of 24').waitFor();
    // The first row is active: its details (every answer) are beside the table.
    const details = page.getByRole('complementary', { name: 'Application details' });
    await details.getByRole('heading', { name: 'Jane Doe' }).waitFor();
    await details.getByText(jane.hopes).waitFor();

    // Sort by name (last name), then descending.
    await table.getByRole('button', { name: 'Name' }).click();
    const names = async () => (await table.getByRole('rowheader').allTextContents()).map((n) => n.split(' ').slice(-1)[0]);
    const asc = await names();
    expect(asc).toEqual([...asc].sort((a, b) => a.localeCompare(b, 'en-US', { sensitivity: 'base', numeric: true })));
    expect(await table.getByRole('columnheader', { name: /Name/ }).getAttribute('aria-sort')).toBe('ascending');
    await table.getByRole('button', { name: 'Name' }).click();
    expect(await table.getByRole('columnheader', { name: /Name/ }).getAttribute('aria-sort')).toBe('descending');
    // Sort by status: Pending first.
    await table.getByRole('button', { name: 'Status' }).click();
    const statuses = await table.locator('tbody tr td:last-child').allTextContents();
    expect(statuses[0]).toBe('Pending');
    expect(statuses.indexOf('Accepted')).toBeGreaterThan(statuses.lastIndexOf('Pending'));

    // Applicant text is text.
    expect(await page.locator('table img, table b, aside img').count()).toBe(0);
    await table.getByRole('rowheader', { name: `${XSS} Tester` }).waitFor();
    expect(await axeSeriousViolations(page)).toEqual([]);
    // …with a confirmation and a preview open, and on the Overview.
    await table.getByRole('checkbox', { name: 'Select Jane Doe' }).check();
    await page.getByRole('button', { name: 'Preview email' }).click();
    await page.getByRole('heading', { name: 'Email to Jane Doe' }).waitFor();
    await page.getByRole('button', { name: 'Decline', exact: true }).click();
    await page.getByRole('alertdialog').waitFor();
    expect(await axeSeriousViolations(page)).toEqual([]);
    await page.getByRole('button', { name: 'Cancel' }).click();
    await page.getByRole('button', { name: 'Overview' }).click();
    await page.getByRole('region', { name: 'Learner Voice' }).waitFor();
    expect(await axeSeriousViolations(page)).toEqual([]);
    expect(dialogs).toEqual([]);
    expect(errors).toEqual([]);
  });

  it('moves with the arrow keys, selects with Space and decides with the shortcut keys shown', async () => {
    const { page, errors } = await open();
    const table = page.getByRole('table', { name: 'Applications', exact: true });
    await table.getByRole('checkbox', { name: 'Select Jane Doe' }).focus();
    await page.keyboard.press('ArrowDown');
    const second = apps[1];
    await page
      .getByRole('complementary', { name: 'Application details' })
      .getByRole('heading', { name: `${second.firstName} ${second.lastName}` })
      .waitFor();
    await page.keyboard.press('ArrowUp');
    await page.getByRole('complementary', { name: 'Application details' }).getByRole('heading', { name: 'Jane Doe' }).waitFor();
    // The shortcuts are shown in the UI.
    await page.getByText(/Keys in the table:/).waitFor();
    expect(await page.getByRole('button', { name: 'Accept', exact: true }).getAttribute('aria-keyshortcuts')).toBe('A');

    // Nothing selected: A accepts the application shown.
    await page.keyboard.press('a');
    await page
      .getByRole('region', { name: 'Result' })
      .getByText(/Accepted 1: Jane Doe/)
      .waitFor();
    expect(statusOf(ws, jane.id)).toBe('Accepted');
    // The list is still in view after the decision.
    expect(await table.isVisible()).toBe(true);

    // Space selects two rows; W waitlists both.
    const pending = apps.filter((a) => a.status === 'Pending' && a.id !== jane.id).slice(0, 2);
    for (const p of pending) {
      await table.getByRole('checkbox', { name: `Select ${p.firstName} ${p.lastName}` }).focus();
      await page.keyboard.press('Space');
    }
    await page.getByText('2 selected', { exact: true }).waitFor();
    await page.keyboard.press('w');
    await page
      .getByRole('region', { name: 'Result' })
      .getByText(/Waitlisted 2:/)
      .waitFor();
    for (const p of pending) expect(statusOf(ws, p.id)).toBe('Waitlisted');
    expect(errors).toEqual([]);
  });

  it('asks before Decline (naming the count and the community); Escape cancels, Confirm declines', async () => {
    const { page } = await open();
    const table = page.getByRole('table', { name: 'Applications', exact: true });
    await table.getByRole('checkbox', { name: 'Select Jane Doe' }).check();
    await page.keyboard.press('d');
    const ask = page.getByRole('alertdialog');
    await expect(ask.textContent()).resolves.toContain('Decline 1 application in Comprehensive Local Needs Assessment (Jane Doe)?');
    await page.keyboard.press('Escape');
    expect(await ask.count()).toBe(0);
    expect(statusOf(ws, jane.id)).toBe('Pending');
    await page.getByRole('button', { name: 'Decline', exact: true }).click();
    await page.getByRole('alertdialog').getByRole('button', { name: 'Confirm' }).click();
    await page
      .getByRole('region', { name: 'Result' })
      .getByText(/Declined 1: Jane Doe/)
      .waitFor();
    expect(statusOf(ws, jane.id)).toBe('Declined');
  });

  it('makes disabled decision buttons look disabled', async () => {
    const { page } = await open();
    await page.getByRole('button', { name: 'Accept', exact: true }).waitFor();
    // The enabled Accept is blue; disabled, it turns flat grey with a not-allowed cursor.
    const accept = page.getByRole('button', { name: 'Accept', exact: true });
    const enabledLook = await accept.evaluate((b) => getComputedStyle(b).backgroundColor);
    await page.evaluate(() => {
      (document.querySelector('button[data-decision=accept]') as HTMLButtonElement).disabled = true;
    });
    const disabledLook = await accept.evaluate((b) => ({ bg: getComputedStyle(b).backgroundColor, cursor: getComputedStyle(b).cursor }));
    expect(disabledLook.bg).not.toBe(enabledLook);
    expect(disabledLook.bg).toBe('rgb(241, 243, 244)');
    expect(disabledLook.cursor).toBe('not-allowed');
  });

  it('shows changes made by another execution without a click, keeps the selection and note, and refuses a stale decision', async () => {
    const { page, shim } = await open({ pollMs: 200 });
    const table = page.getByRole('table', { name: 'Applications', exact: true });
    await table.getByRole('checkbox', { name: 'Select Jane Doe' }).check();
    await page.getByLabel('Note (optional)').fill('typed while someone else worked');

    // Another reviewer accepts Jane in another execution.
    expect(ws.run('decide', [{ applicationIds: [jane.id], decision: 'accept' }], { user: BOSS })).toMatchObject({ ok: true });
    await page.getByText(/Updated .*1 status changed/).waitFor({ timeout: 10_000 });
    await table
      .getByRole('row', { name: /Jane Doe/ })
      .getByText('Accepted')
      .waitFor();
    expect(await table.getByRole('checkbox', { name: 'Select Jane Doe' }).isChecked()).toBe(true);
    expect(await page.getByLabel('Note (optional)').inputValue()).toBe('typed while someone else worked');
    await page.getByText(/1 selected application changed elsewhere since you selected it: Jane Doe \(now Accepted\)/).waitFor();

    // The decision on the stale selection is refused for that row, with the reason.
    await page.getByRole('button', { name: 'Waitlist', exact: true }).click();
    const result = page.getByRole('region', { name: 'Result' });
    await result.getByText(/Skipped 1/).waitFor();
    await expect(result.textContent()).resolves.toMatch(/Jane Doe: changed since your view was loaded: it is Accepted now, you saw Pending/);
    expect(statusOf(ws, jane.id)).toBe('Accepted');

    // Polls cost one getReviewRevision each; the full state is loaded only when it changed.
    const count = (fn: string) => shim.calls.filter((c) => c.fn === fn).length;
    const [polls, loads] = [count('getReviewRevision'), count('getReviewState')];
    await page.waitForTimeout(1200);
    expect(count('getReviewRevision')).toBeGreaterThan(polls + 1);
    expect(count('getReviewState')).toBe(loads);
  });

  async function open(options: { pollMs?: number } = {}) {
    const opened = await openPage(browser, ws, 'ReviewWindow', {
      user: STAFF,
      initScript: options.pollMs ? `window.__COP_POLL_MS__ = ${options.pollMs};` : undefined,
    });
    await opened.page.getByRole('table', { name: 'Applications', exact: true }).getByRole('checkbox', { name: 'Select Jane Doe' }).waitFor();
    return opened;
  }
});
