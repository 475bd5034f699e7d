// `npm run bench`: service calls (by service) and emulator wall time for intake (one submission),
// getReviewState and decide at 10, 1,000 and 5,000 applications, and the sidebar's first render at
// 5,000 in headless Chromium. Prints a markdown table and writes it to bench-results/latest.md.
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { execSync } from 'node:child_process';
import os from 'node:os';
import path from 'node:path';
import { chromium } from 'playwright-core';
import { installScriptRunShim } from '../support/scriptRunShim';
import { MEMBER_OPERATIONS, membersWorkspaceWith, OPERATIONS, STAFF, workspaceWith, type MemberOperation, type Measured, type Operation } from './fixture';

const SIZES = [10, 1000, 5000];
const LABEL: Record<Operation, string> = {
  intake: 'intake: one submission (2 communities)',
  getReviewState: 'getReviewState',
  getReviewRevision: 'live poll: getReviewRevision (every 20 s per open page)',
  idleSweep: 'hourly sweep with nothing to do (clock trigger)',
  decide: 'decide: accept 1 (before notify date)',
  decideAndNotify: 'decide: accept 1 + its email and invitations',
};
const MEMBER_LABEL: Record<MemberOperation, string> = {
  agendaRun: 'delivery run: 1 agenda email + its event description',
  recordAttendance: 'recordAttendance: 1 member, 1 meeting',
  getMembersState: 'getMembersState (RSVPs of the 16 events)',
};

function runMembers(op: MemberOperation, n: number, repeat: number): { m: Measured; ms: number } {
  const times: number[] = [];
  let last: Measured | null = null;
  for (let i = 0; i < repeat; i++) {
    const { ws, memberId } = membersWorkspaceWith(n);
    last = MEMBER_OPERATIONS[op](memberId)(ws);
    times.push(last.ms);
  }
  return { m: last as Measured, ms: median(times) };
}

const SERVICES = ['SpreadsheetApp', 'LockService', 'PropertiesService', 'ScriptApp', 'MailApp', 'Calendar', 'Session', 'Utilities'] as const;

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

interface FirstRender {
  totalMs: number;
  serverMs: number;
  /** in the page: from the state's arrival to the first rows painted (index, filter, first page) */
  renderMs: number;
  rows: number;
}

/** Page load to the first rows listed, for one of the review pages, at n applications. */
async function firstRender(n: number, which: 'Sidebar' | 'ReviewWindow'): Promise<FirstRender> {
  const ws = workspaceWith(n);
  const browser = await chromium.launch({
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
  });
  try {
    const sidebar = which === 'Sidebar';
    const page = await browser.newPage({ viewport: sidebar ? { width: 300, height: 900 } : { width: 1440, height: 900 } });
    const shim = await installScriptRunShim(page, ws, { user: STAFF });
    const t0 = Date.now();
    await page.goto(`file://${path.resolve(__dirname, `../../dist/${which}.html`)}`);
    await page.getByText(`Showing 1–${sidebar ? 50 : 100} of ${n.toLocaleString('en-US')}`).waitFor({ timeout: 60_000 });
    const totalMs = Date.now() - t0;
    const rows = await page.locator(sidebar ? 'ul.apps > li' : 'table.apps-table tbody tr').count();
    const renderMs = await page.evaluate(() => Math.round(performance.getEntriesByName('cop:render').at(-1)?.duration ?? NaN));
    return { totalMs, serverMs: shim.calls[0]?.ms ?? NaN, renderMs, rows };
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
  for (const op of Object.keys(MEMBER_OPERATIONS) as MemberOperation[]) {
    for (const n of SIZES) {
      const { m, ms } = runMembers(op, n, n >= 5000 ? 1 : 3);
      const cells = [MEMBER_LABEL[op], n.toLocaleString('en-US'), ...SERVICES.map((s) => String(m.byService[s] ?? 0)), String(m.total), ms.toFixed(0)];
      lines.push(`| ${cells.join(' | ')} |`);
      process.stderr.write(`${op} @ ${n}: ${m.total} calls, ${ms.toFixed(0)} ms\n`);
    }
  }
  const renders: string[] = [];
  for (const which of ['Sidebar', 'ReviewWindow'] as const) {
    const name = which === 'Sidebar' ? 'Sidebar' : 'Review window';
    try {
      const r = await firstRender(5000, which);
      renders.push(
        `${name} first render at 5,000 applications (headless Chromium, ${r.rows} rows on the first page): **${r.renderMs} ms** from the state's arrival to the rows painted; ${r.totalMs} ms from page load, of which getReviewState in the emulator ${r.serverMs} ms.`,
      );
    } catch (e) {
      renders.push(`${name} first render at 5,000 applications: not measured (${e instanceof Error ? e.message.split('\n')[0] : String(e)}).`);
    }
  }
  const sidebar = [
    ...renders,
    '',
    'Live refresh: an open sidebar or review window calls getReviewRevision every 20 s (the calls in its row above, the same at every size) and getReviewState only when the revision changed.',
  ].join('\n');
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
    "Call counts are what costs time on Google's servers; emulator milliseconds only compare sizes on this machine.",
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
    writeFileSync(
      readme,
      text.replace(block, (_m, a: string, b: string) => `${a}\n${quoted}\n${b}`),
    );
  }
}

main().catch((e: unknown) => {
  console.error(e);
  process.exit(1);
});
