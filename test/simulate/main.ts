// `npm run simulate`: a whole program year on the emulator for 500, 2,000 and 5,000 applicants on a
// consumer and a Workspace account. Each scenario runs in its own process, two at a time (a 2-core
// machine), largest first; the results become bench-results/year.md, bench-results/year-backlog.svg
// and the README's simulate block.
//
// Options: --sizes 500,2000,5000  --accounts consumer,workspace  --jobs 2  --seed 2026  --no-write
//          --max-minutes N: a scenario still running after N minutes stops where it is and reports the days it ran
//          --from <dir>: rewrite the outputs from the results a previous run kept in <dir> (no re-run)
import { spawn } from 'node:child_process';
import { execSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readFileSync, readdirSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { backlogSvg, label, lostByCode, lostToQuota, readmeBlock, yearMarkdown, type RunInfo } from './report';
import type { YearResult } from './year';

function arg(name: string, fallback: string): string {
  const i = process.argv.indexOf(`--${name}`);
  return i >= 0 && process.argv[i + 1] ? process.argv[i + 1] : fallback;
}

const sizes = arg('sizes', '500,2000,5000').split(',').map(Number);
const accounts = arg('accounts', 'consumer,workspace').split(',');
const jobs = Math.max(1, Number(arg('jobs', '2')));
const seed = Number(arg('seed', '2026'));
const write = !process.argv.includes('--no-write');
const maxMinutes = Number(arg('max-minutes', '0'));
const stopAt = maxMinutes > 0 ? String(Date.now() + maxMinutes * 60_000) : '';

interface Job {
  applicants: number;
  account: string;
  out: string;
}

function runJob(job: Job): Promise<YearResult> {
  return new Promise((resolve, reject) => {
    const child = spawn(
      process.execPath,
      [...process.execArgv, path.join(__dirname, 'scenario.ts'), String(job.applicants), job.account, job.out, String(seed), ...(stopAt ? [stopAt] : [])],
      {
        stdio: ['ignore', 'inherit', 'inherit'],
      },
    );
    child.on('error', reject);
    child.on('exit', (code) => {
      if (code !== 0) reject(new Error(`${job.account} ${job.applicants} exited with ${code}`));
      else resolve(JSON.parse(readFileSync(job.out, 'utf8')) as YearResult);
    });
  });
}

async function main(): Promise<void> {
  const from = arg('from', '');
  if (from) {
    const saved = JSON.parse(readFileSync(path.join(from, 'run.json'), 'utf8')) as RunInfo;
    const results = readdirSync(from)
      .filter((f) => f !== 'run.json' && f.endsWith('.json'))
      .map((f) => JSON.parse(readFileSync(path.join(from, f), 'utf8')) as YearResult);
    output(sorted(results), saved);
    verdict(results);
    return;
  }
  const t0 = Date.now();
  const tmp = mkdtempSync(path.join(os.tmpdir(), 'simulate-'));
  // largest first, so the two long ones run side by side
  const queue: Job[] = sizes
    .flatMap((n) => accounts.map((a) => ({ applicants: n, account: a, out: path.join(tmp, `${a}-${n}.json`) })))
    .sort((a, b) => b.applicants - a.applicants);
  const results: YearResult[] = [];
  const workers = Array.from({ length: Math.min(jobs, queue.length) }, async () => {
    for (let job = queue.shift(); job; job = queue.shift()) {
      const started = Date.now();
      process.stderr.write(`start ${job.account} ${job.applicants}\n`);
      const r = await runJob(job);
      process.stderr.write(`done  ${label(r)} in ${((Date.now() - started) / 1000).toFixed(0)} s\n`);
      results.push(r);
    }
  });
  await Promise.all(workers);
  const wallMs = Date.now() - t0;
  let commit = 'unknown commit';
  try {
    commit = execSync('git rev-parse --short HEAD', { cwd: __dirname, encoding: 'utf8' }).trim();
  } catch {
    // not a git checkout
  }
  const load = os.loadavg()[0];
  const info: RunInfo = {
    commit,
    date: new Date().toISOString().slice(0, 10),
    machine: `${os.cpus().length} × ${os.cpus()[0]?.model ?? 'CPU'}, Node ${process.version}, load average ${load.toFixed(1)} at the end`,
    wallMs,
    jobs,
  };
  writeFileSync(path.join(tmp, 'run.json'), JSON.stringify(info));
  process.stderr.write(`results kept in ${tmp} (npm run simulate -- --from ${tmp} rewrites the outputs)\n`);
  output(sorted(results), info);
  verdict(results);
}

/**
 * The run's verdict, so `npm run simulate` is green or red like a test: red when any scenario lost
 * an email its quota could have carried, duplicated an email, lost or duplicated a row or a guest,
 * broke a platform limit, or had a failed execution. Agendas beyond the account's quota are
 * reported, not judged: no code can send more than the quota. A
 * scenario stopped by --max-minutes is not red for stopping: what it ran is judged.
 */
function problems(results: YearResult[]): string[] {
  const out: string[] = [];
  for (const r of results) {
    const t = r.totals;
    const counts: [string, number][] = [
      ['lost emails the quota could have carried', lostByCode(r)],
      ['duplicated emails', t.duplicatedEmails],
      ['lost rows', t.lostRows],
      ['duplicated rows', t.duplicatedRows],
      ['lost guests', t.lostGuests + t.extraGuests],
      ['duplicated guests', t.duplicatedGuests],
      ['platform limits broken', r.findings.length],
      ['failed executions', Object.values(r.errors).reduce((a, n) => a + n, 0)],
    ];
    for (const [what, n] of counts) if (n > 0) out.push(`${label(r)}: ${n} ${what}`);
  }
  return out;
}

function sorted(results: YearResult[]): YearResult[] {
  return results.sort((a, b) => a.account.name.localeCompare(b.account.name) || a.spec.applicants - b.spec.applicants);
}

function output(results: YearResult[], info: RunInfo): void {
  const { wallMs } = info;
  const md = yearMarkdown(results, info);
  process.stdout.write(`${md.split('\n## Phases')[0]}\n`);
  if (!write) return;
  const dir = path.resolve(__dirname, '../../bench-results');
  mkdirSync(dir, { recursive: true });
  writeFileSync(path.join(dir, 'year.md'), md);
  writeFileSync(path.join(dir, 'year-backlog.svg'), backlogSvg(results));
  const readme = path.resolve(__dirname, '../../README.md');
  const text = readFileSync(readme, 'utf8');
  const block = /(<!-- simulate:start[^>]*-->)[\s\S]*?(<!-- simulate:end -->)/;
  if (block.test(text))
    writeFileSync(
      readme,
      text.replace(block, (_m, a: string, b: string) => `${a}\n${readmeBlock(results, info)}\n${b}`),
    );
  process.stderr.write(`wrote bench-results/year.md, bench-results/year-backlog.svg and the README block (${(wallMs / 1000).toFixed(0)} s)\n`);
}

function verdict(results: YearResult[]): void {
  for (const r of results) {
    const q = lostToQuota(r);
    if (q > 0)
      process.stderr.write(
        `simulate: ${label(r)}: ${q} agenda emails could not fit in the account's ${r.account.mailQuota} emails a day (beyond the quota, not a code loss)\n`,
      );
  }
  const found = problems(results);
  if (found.length === 0) {
    process.stderr.write('simulate: nothing lost or duplicated, no platform limit broken, no failed execution\n');
    return;
  }
  process.stderr.write(`simulate: FAILED\n${found.map((p) => `  ${p}`).join('\n')}\n`);
  process.exitCode = 1;
}

main().catch((e: unknown) => {
  console.error(e);
  process.exit(1);
});
