// Makes docs/screenshot.png (the README's picture of `npm start`): a fresh dev server, set up,
// demo applicants loaded, some decisions made, the sidebar open beside the Applications tab, and
// the review window (menu "Review applications (large window)") open over it with one applicant
// shown and two selected. SIDEBAR_SHOT=<path> also saves the page before the window opens.
// Run after `npm run build`:  npx tsx emulator/server/screenshot.ts  (about a minute)
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { chromium } from 'playwright-core';
import type { DevState, RunResponse } from './devWire';
import { REPO_ROOT, startDevServer } from './process';

const OWNER = 'efabillar@careertech.org';
const REVIEWER = 'kgreen@careertech.org';

async function main(): Promise<void> {
  const dataDir = mkdtempSync(join(tmpdir(), 'cop-screenshot-'));
  const server = await startDevServer(dataDir);
  const browser = await chromium.launch({
    executablePath: process.env.CHROMIUM ?? '/usr/bin/chromium',
    args: [
      '--no-sandbox',
      '--disable-gpu',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
      '--no-first-run',
      '--disable-quic',
    ],
  });
  try {
    const post = async <T>(path: string, body: unknown): Promise<T> => {
      const res = await fetch(server.base + path, { method: 'POST', headers: { 'Content-Type': 'application/json' }, body: JSON.stringify(body) });
      return (await res.json()) as T;
    };
    const state = async (): Promise<DevState> => (await (await fetch(`${server.base}/api/state`)).json()) as DevState;

    const setup = await post<RunResponse>('/api/run', { fn: 'setup', args: [], user: OWNER });
    if (!setup.ok) throw new Error(`setup failed: ${setup.error.message}`);
    await post('/api/demo', { count: Number(process.env.DEMO_COUNT ?? 300) });
    for (let s = await state(); s.demo?.running; s = await state()) {
      process.stdout.write(`\rdemo applicants: ${s.demo.submitted}/${s.demo.total}`);
      await new Promise((r) => setTimeout(r, 1000));
    }
    process.stdout.write('\n');

    // Some decisions, as a reviewer would make them in the sidebar.
    const review = await post<RunResponse>('/api/run', { fn: 'getReviewState', args: [], user: REVIEWER });
    const apps =
      review.ok && typeof review.value === 'object' && review.value !== null && 'applications' in review.value
        ? (review.value as { applications: { id: string; status: string; flags: string[] }[] }).applications
        : [];
    const pending = apps.filter((a) => a.status === 'Pending');
    const eligible = pending.filter((a) => !a.flags.includes('eligibility-review'));
    const decisions: [string, string[]][] = [
      ['accept', eligible.slice(0, 40).map((a) => a.id)],
      ['waitlist', eligible.slice(40, 48).map((a) => a.id)],
      [
        'decline',
        pending
          .filter((a) => a.flags.includes('eligibility-review'))
          .slice(0, 4)
          .map((a) => a.id),
      ],
    ];
    for (const [decision, ids] of decisions) {
      if (ids.length) await post('/api/run', { fn: 'decide', args: [{ applicationIds: ids, decision }], user: REVIEWER });
    }

    const page = await browser.newPage({ viewport: { width: 1440, height: 900 }, deviceScaleFactor: 1 });
    await page.addInitScript(() => {
      localStorage.setItem('dev.user', 'kgreen@careertech.org');
      localStorage.setItem('dev.view', 'sheet');
      localStorage.setItem('dev.tab', 'Applications');
      localStorage.setItem('dev.sidebar', 'open');
    });
    await page.goto(server.base);
    await page.getByRole('table', { name: 'Tab Applications' }).waitFor();
    const sidebar = page.frameLocator('#sidebar-frame');
    await sidebar.getByRole('checkbox').nth(3).waitFor();
    await page.waitForTimeout(1000);
    if (process.env.SIDEBAR_SHOT) await page.screenshot({ path: process.env.SIDEBAR_SHOT });

    await page.getByRole('button', { name: 'Communities of Practice' }).click();
    await page.getByRole('menuitem', { name: 'Review applications (large window)' }).click();
    const win = page.frameLocator('#dialog-frame');
    await win
      .getByRole('checkbox', { name: /^Select / })
      .nth(5)
      .waitFor();
    await win.getByRole('button', { name: 'Submitted' }).click();
    await win
      .getByRole('checkbox', { name: /^Select / })
      .nth(1)
      .check();
    await win
      .getByRole('checkbox', { name: /^Select / })
      .nth(2)
      .check();
    await win
      .getByRole('checkbox', { name: /^Select / })
      .nth(2)
      .press('ArrowDown');
    await page.waitForTimeout(800);
    const out = join(REPO_ROOT, 'docs', 'screenshot.png');
    await page.screenshot({ path: out });
    console.log(`wrote ${out}`);
  } finally {
    await browser.close();
    await server.stop();
    rmSync(dataDir, { recursive: true, force: true });
  }
}

main().catch((e: unknown) => {
  console.error(e instanceof Error ? e.message : e);
  process.exit(1);
});
