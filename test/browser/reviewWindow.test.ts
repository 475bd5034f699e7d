// The real dist/ReviewWindow.html in headless Chromium at 1440 x 900, through the google.script.run
// shim to the built bundle in the emulator.
import type { Browser } from 'playwright-core';
import { makeApplicants } from '../bundle/reviewFixtures';
import { seedWorkspace, STAFF } from '../bundle/reviewWorkspace';
import { axeSeriousViolations, launchChromium, openPage } from '../support/pages';

jest.setTimeout(30_000);

let browser: Browser;
beforeAll(async () => {
  browser = await launchChromium();
});
afterAll(async () => {
  await browser?.close();
});

describe('the review window', () => {
  it('loads the review state and grows to the screen', async () => {
    const ws = seedWorkspace(makeApplicants(12));
    const { page, errors, shim } = await openPage(browser, ws, 'ReviewWindow', { user: STAFF });
    await page.getByText('12 applications').waitFor();
    expect(shim.calls.map((c) => c.fn)).toEqual(['getReviewState']);
    expect(await axeSeriousViolations(page)).toEqual([]);
    expect(errors).toEqual([]);
  });
});
