// The result dialogs in the local app (`npm start`) at 1440 × 900: Set up ends with its full
// summary and the installation check in a modal dialog, the menu's Check installation shows the
// checks, and each dialog's own Close button closes it. Screenshots go to $SCREENSHOT_DIR (default:
// the OS temp folder) for a person to look at.
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { chromium, type Browser, type Page } from 'playwright-core';
import { REPO_ROOT, startDevServer, type DevServerProcess } from '../../emulator/server/process';

jest.setTimeout(90_000);

let server: DevServerProcess;
let browser: Browser;
let dataDir: string;
const shots = process.env.SCREENSHOT_DIR ?? tmpdir();

beforeAll(async () => {
  for (const f of ['Code.js', 'Sidebar.html']) {
    if (!existsSync(join(REPO_ROOT, 'dist', f))) throw new Error(`dist/${f} is missing: run npm run build first (npm test does)`);
  }
  dataDir = mkdtempSync(join(tmpdir(), 'cop-install-dialog-'));
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

async function menu(page: Page, item: string): Promise<void> {
  await page.getByRole('button', { name: 'Communities of Practice' }).click();
  await page.getByRole('menuitem', { name: item }).click();
}

describe('result dialogs in the local app', () => {
  it('Set up shows its whole summary and the checks; Check installation shows the checks; Close closes', async () => {
    const page = await browser.newPage({ viewport: { width: 1440, height: 900 } });
    const errors: string[] = [];
    page.on('pageerror', (e) => errors.push(e.message));
    // the 2023–2024 program with registration open (npm start itself begins on today's date)
    const clock = await fetch(`${server.base}/api/clock`, {
      method: 'POST',
      headers: { 'Content-Type': 'application/json' },
      body: JSON.stringify({ iso: '2023-07-24T14:00:00Z' }),
    });
    expect(clock.status).toBe(200);
    await page.goto(server.base);
    // the menu sits under Extensions, as in Google Sheets (built by the bundle's onOpen once the page opens)
    await page.getByRole('button', { name: 'Communities of Practice' }).waitFor();
    await expect(page.locator('.menubar').innerText()).resolves.toMatch(/Extensions\s*›\s*Communities of Practice/);

    await menu(page, 'Set up');
    const dialog = page.getByRole('dialog');
    await dialog.waitFor({ state: 'visible', timeout: 30_000 });
    await expect(page.locator('#dialog-title').innerText()).resolves.toBe('Set up: Communities of Practice');
    const frame = page.frameLocator('#dialog-frame');
    await frame.getByRole('heading', { name: 'What Set up did' }).waitFor();
    const summary = await frame.locator('.lines').innerText();
    expect(summary).toMatch(/Form: created/);
    expect(summary).toMatch(/Triggers: installed/);
    expect(summary.length).toBeGreaterThan(160);
    await expect(frame.locator('li.check').count()).resolves.toBe(11);
    // status in words as well as an icon
    await expect(frame.locator('li.check .status').allInnerTexts()).resolves.toEqual(expect.arrayContaining(['OK']));
    await page.screenshot({ path: join(shots, 'setup-dialog-1440x900.png') });

    await frame.getByRole('button', { name: 'Close' }).click();
    await dialog.waitFor({ state: 'hidden' });

    await menu(page, 'Check installation');
    await dialog.waitFor({ state: 'visible', timeout: 30_000 });
    await expect(page.locator('#dialog-title').innerText()).resolves.toBe('Check installation');
    await frame.locator('li.check').first().waitFor();
    const checks = await frame
      .locator('li.check')
      .evaluateAll((lis: Element[]) => lis.map((li): [string | null, string] => [li.getAttribute('data-check'), li.className]));
    expect(checks.map(([id]) => id).sort()).toEqual([
      'calendar',
      'date-format',
      'form-linked',
      'form-published',
      'mail-quota',
      'program-dates',
      'properties',
      'reviewers',
      'scopes',
      'time-zone',
      'triggers',
    ]);
    // July 2023: registration is open, so a clean install is all OK
    expect(checks.filter(([, cls]) => !/\bok\b/.test(cls ?? ''))).toEqual([]);
    await expect(frame.locator('.headline').innerText()).resolves.toBe('All 11 checks passed.');
    await page.screenshot({ path: join(shots, 'check-installation-1440x900.png') });
    await frame.getByRole('button', { name: 'Close' }).click();
    await dialog.waitFor({ state: 'hidden' });

    // A year later: the registration deadline and every meeting are past, and nobody set the next
    // program year. The problem comes first, with its fix in words.
    const res = await fetch(`${server.base}/api/clock`, {
      method: 'POST',
      headers: { 'Content-Type': 'application/json' },
      body: JSON.stringify({ iso: '2024-07-01T14:00:00Z' }),
    });
    expect(res.status).toBe(200);
    await menu(page, 'Check installation');
    await dialog.waitFor({ state: 'visible', timeout: 30_000 });
    const first = frame.locator('li.check').first();
    await expect(first.getAttribute('data-check')).resolves.toBe('program-dates');
    await expect(first.innerText()).resolves.toMatch(/Problem[\s\S]*What to do: Set the new program year/);
    await expect(frame.locator('.headline').innerText()).resolves.toMatch(/^1 problem/);
    await page.screenshot({ path: join(shots, 'check-installation-problem-1440x900.png') });
    await frame.getByRole('button', { name: 'Close' }).click();
    await dialog.waitFor({ state: 'hidden' });
    expect(errors).toEqual([]);
    await page.close();
  });
});
