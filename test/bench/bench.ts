// `npm run bench`: service calls (by service) and emulator wall time for intake (one submission),
// getReviewState and decide at 10, 1,000 and 5,000 applications, and the sidebar's first render at
// 5,000 in headless Chromium. Prints a markdown table and writes it to bench-results/latest.md.
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { execSync } from 'node:child_process';
import os from 'node:os';
import path from 'node:path';
import { chromium } from 'playwright-core';
import { installScriptRunShim } from '../support/scriptRunShim';
import { OPERATIONS, STAFF, workspaceWith, type Measured, type Operation } from './fixture';

const SIZES = [10, 1000, 5000];
const LABEL: Record<Operation, string> = {
  intake: 'intake: one submission (2 communities)',
  getReviewState: 'getReviewState',
  decide: 'decide: accept 1 (before notify date)',
  decideAndNotify: 'decide: accept 1 + its email and invitations',
};
const SERVICES = ['SpreadsheetApp', 'LockService', 'PropertiesService', 'MailApp', 'Calendar', 'Session', 'Utilities'] as const;

function median(xs: number[]): number {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.floor(s.length / 2)];
}

function run(op: Operation, n: number, repeat: number): { m: Measured; ms: number } {
  const times: number[] = [];
  let last: Measured | null = null;
  for (let i = 0; i < repeat; i++) {
    const ws = workspaceWith(n);
    last = OPERATIONS[op](ws);
    times.push(last.ms);
  }
  return { m: last as Measured, ms: median(times) };
}

async function sidebarFirstRender(n: number): Promise<{ totalMs: number; serverMs: number; rows: number }> {
  const ws = workspaceWith(n);
  const browser = await chromium.launch({
    executablePath: '/usr/bin/chromium',
    args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run', '--disable-quic'],
  });
  try {
    const page = await browser.newPage({ viewport: { width: 300, height: 900 } });
    const shim = await installScriptRunShim(page, ws, { user: STAFF });
    const t0 = Date.now();
    await page.goto(`file://${path.resolve(__dirname, '../../dist/Sidebar.html')}`);
    await page.getByText(`Showing 1–50 of ${n.toLocaleString('en-US')}`).waitFor({ timeout: 60_000 });
    const totalMs = Date.now() - t0;
    const rows = await page.locator('ul.apps > li').count();
    return { totalMs, serverMs: shim.calls[0]?.ms ?? NaN, rows };
  } finally {
    await browser.close();
  }
}

async function main(): Promise<void> {
  const lines: string[] = [];
  const header = ['Operation', 'Applications', ...SERVICES.map((s) => s.replace('App', '').replace('Service', '')), 'All calls', 'Emulator ms'];
  lines.push(`| ${header.join(' | ')} |`, `|${header.map((_, i) => (i < 1 ? ' --- ' : ' ---: ')).join('|')}|`);
  for (const op of Object.keys(OPERATIONS) as Operation[]) {
    for (const n of SIZES) {
      const { m, ms } = run(op, n, n >= 5000 ? 1 : 3);
      const cells = [LABEL[op], n.toLocaleString('en-US'), ...SERVICES.map((s) => String(m.byService[s] ?? 0)), String(m.total), ms.toFixed(0)];
      lines.push(`| ${cells.join(' | ')} |`);
      process.stderr.write(`${op} @ ${n}: ${m.total} calls, ${ms.toFixed(0)} ms\n`);
    }
  }
  let sidebar: string;
  try {
    const r = await sidebarFirstRender(5000);
    sidebar = `Sidebar first render at 5,000 applications (headless Chromium, page load to the first 50 rows listed, ${r.rows} shown): **${r.totalMs} ms**, of which getReviewState in the emulator ${r.serverMs} ms.`;
  } catch (e) {
    sidebar = `Sidebar first render at 5,000 applications: not measured (${e instanceof Error ? e.message.split('\n')[0] : String(e)}).`;
  }
  const cpu = os.cpus()[0]?.model ?? 'unknown CPU';
  let commit = 'unknown commit';
  try {
    commit = execSync('git rev-parse --short HEAD', { cwd: __dirname, encoding: 'utf8' }).trim();
  } catch {
    // not a git checkout: leave it unknown
  }
  const out = [
    `# Benchmark (${new Date().toISOString().slice(0, 10)})`,
    '',
    `Service calls by service and emulator wall time per operation (commit ${commit}; ${os.cpus().length} × ${cpu}, Node ${process.version}).`,
    'Call counts are what costs time on Google\'s servers; emulator milliseconds only compare sizes on this machine.',
    '',
    ...lines,
    '',
    sidebar,
    '',
  ].join('\n');
  process.stdout.write(`${out}\n`);
  const dir = path.resolve(__dirname, '../../bench-results');
  mkdirSync(dir, { recursive: true });
  writeFileSync(path.join(dir, 'latest.md'), out);
  // the README's Performance section quotes the latest table between its bench markers
  const readme = path.resolve(__dirname, '../../README.md');
  const text = readFileSync(readme, 'utf8');
  const block = /(<!-- bench:start[^>]*-->)[\s\S]*?(<!-- bench:end -->)/;
  if (block.test(text)) {
    const quoted = out.split('\n').slice(2).join('\n').trim();
    writeFileSync(readme, text.replace(block, (_m, a: string, b: string) => `${a}\n${quoted}\n${b}`));
  }
}

main().catch((e: unknown) => {
  console.error(e);
  process.exit(1);
});
