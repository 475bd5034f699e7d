// 1,000 submissions with every trigger quirk mixed in: double firing, blank firing, missed firing
// (caught by the hourly sweep), resubmissions (Pending and decided), tolerant and unknown community
// labels, hostile and very long answers. The run must end with exactly the expected rows and emails.
import { mulberry32 } from '../../emulator/random';
import { DEFAULT_COMMUNITIES } from '../../src/domain/program/defaults';
import { applications, confirmations, countByService, freshWorkspace, logRows, staffEdit, submit, type Firing } from './intake.support';

/** Seeded, so the run is the same every time. */
const rng = mulberry32;

const SUBMISSIONS = 1000;
const PEOPLE = 650;
const NAMES = DEFAULT_COMMUNITIES.map((c) => c.name);
const KEY_OF = new Map(DEFAULT_COMMUNITIES.map((c) => [c.name, c.key]));
const HOSTILE = ['=1+1', '+SUM(A1:A9)', '-2+3', '@A1', '=HYPERLINK("http://x","y")', '<img src=x onerror=alert(1)>', '\tTabbed', "'quoted"];

interface Expected {
  email: string;
  community: string;
  firstName: string;
  resubmitted: boolean;
  status: 'Pending' | 'Accepted';
  row?: number;
}

function simulate() {
  const random = rng(20231);
  const pick = <T>(xs: readonly T[]): T => xs[Math.floor(random() * xs.length)];
  const ws = freshWorkspace({ mailQuota: 5000 });
  const expected = new Map<string, Expected>();
  const mailsTo = new Map<string, number>();
  const firings: Record<Firing, number> = { once: 0, twice: 0, 'blank-too': 0, none: 0 };
  let sweeps = 0;
  let hostile = 0;
  let unknown = 0;
  let decided = 0;
  let executions = 0;
  const started = Date.now();
  const cpuStarted = process.cpuUsage();

  const sweepAndDecide = (): void => {
    ws.clock.advance(60 * 60 * 1000);
    const runs = ws.runTimeTriggers();
    executions += runs.length;
    for (const r of runs) if (r.error) throw new Error(`sweep failed: ${r.error.message}`);
    sweeps++;
    // Staff accept some Pending applications (everything submitted so far has been processed).
    const rows = applications(ws);
    rows.forEach((r, i) => {
      if (r.Status !== 'Pending' || random() > 0.1) return;
      const e = expected.get(`${String(r.Email)}|${keyOf(String(r.Community))}`)!;
      staffEdit(ws, 'Applications', i + 2, 'Status', 'Accepted');
      e.status = 'Accepted';
      decided++;
    });
  };

  for (let i = 0; i < SUBMISSIONS; i++) {
    const person = i < PEOPLE ? i : Math.floor(random() * PEOPLE);
    const email = `person${person}@${person % 7 === 0 ? 'gmail.com' : 'state.gov'}`;
    const chosen = NAMES.filter(() => random() < 0.35);
    if (chosen.length === 0) chosen.push(pick(NAMES));
    const labels = chosen.map((n) => (random() < 0.1 ? `  ${n.toUpperCase()} ` : n));
    if (random() < 0.03) {
      labels.push('Astronomy Club');
      unknown++;
    }
    let first = `First${i}`;
    if (random() < 0.05) {
      first = `${pick(HOSTILE)}${i}`;
      hostile++;
    }
    // Answers are stored trimmed (a leading tab or space is not part of a name).
    const stored = first.trim();
    const hopes = random() < 0.01 ? 'h'.repeat(60000) : `hope ${i}`;
    const r = random();
    const firing: Firing = r < 0.55 ? 'once' : r < 0.7 ? 'twice' : r < 0.85 ? 'blank-too' : 'none';
    firings[firing]++;
    ws.clock.advance(2000);
    const result = submit(ws, { email, first, communities: labels, hopes }, firing);
    executions += result.executions.length;
    for (const e of result.executions) if (e.error) throw new Error(`submission ${i} failed: ${e.error.message}`);

    let changed = false;
    for (const name of chosen.concat(labels.includes('Astronomy Club') ? ['Astronomy Club'] : [])) {
      const key = `${email}|${KEY_OF.get(name) ?? name}`;
      const e = expected.get(key);
      if (!e) {
        expected.set(key, { email, community: KEY_OF.get(name) ?? name, firstName: stored, resubmitted: false, status: 'Pending' });
        changed = true;
      } else if (e.status === 'Pending') {
        e.firstName = stored;
        e.resubmitted = true;
        changed = true;
      }
    }
    if (changed) mailsTo.set(email, (mailsTo.get(email) ?? 0) + 1);
    if ((i + 1) % 100 === 0) sweepAndDecide();
  }
  ws.clock.advance(60 * 60 * 1000);
  executions += ws.runTimeTriggers().length;
  sweeps++;
  const seconds = (Date.now() - started) / 1000;
  const cpu = process.cpuUsage(cpuStarted);
  const cpuSeconds = (cpu.user + cpu.system) / 1e6;
  return { ws, expected, mailsTo, firings, sweeps, hostile, unknown, decided, executions, seconds, cpuSeconds };
}

function keyOf(communityCell: string): string {
  return KEY_OF.get(communityCell) ?? communityCell;
}

describe('1,000 submissions with every trigger quirk', () => {
  const run = simulate();
  const rows = applications(run.ws);
  const mails = confirmations(run.ws);
  const expectedMails = [...run.mailsTo.values()].reduce((a, b) => a + b, 0);
  const figures =
    `${SUBMISSIONS} submissions (${run.firings.once} once, ${run.firings.twice} twice, ${run.firings['blank-too']} blank-too, ${run.firings.none} missed), ` +
    `${run.sweeps} sweeps, ${run.decided} staff decisions, ${run.hostile} hostile names, ${run.unknown} unknown options → ` +
    `${rows.length} rows (expected ${run.expected.size}), ${mails.length} confirmations (expected ${expectedMails}), ` +
    `${run.executions} executions in ${run.seconds.toFixed(1)} s (${run.cpuSeconds.toFixed(1)} s CPU)`;

  it(`ends with exactly the expected rows: ${figures}`, () => {
    console.log(`[intake 1,000-run] ${figures}`);
    expect(rows).toHaveLength(run.expected.size);
    const seen = new Set<string>();
    for (const r of rows) {
      const key = `${String(r.Email)}|${keyOf(String(r.Community))}`;
      expect(seen.has(key)).toBe(false);
      seen.add(key);
      const e = run.expected.get(key);
      expect(e).toBeDefined();
      expect({ key, first: r['First Name'], status: r.Status, resubmitted: String(r.Flags).includes('resubmitted') }).toEqual({
        key,
        first: e!.firstName,
        status: e!.status,
        resubmitted: e!.resubmitted,
      });
      expect(String(r.Flags).includes('unknown-community')).toBe(r.Community === 'Astronomy Club');
      expect(String(r.Flags).includes('personal-email')).toBe(String(r.Email).endsWith('@gmail.com'));
    }
    expect(new Set(rows.map((r) => r['Application ID'])).size).toBe(rows.length);
    expect(
      run.ws
        .sheet('Applications')!
        .formulas.flat()
        .filter((f) => f !== ''),
    ).toEqual([]);
  });

  it(`sends exactly one confirmation per response that changed something (${mails.length} of ${expectedMails} expected)`, () => {
    expect(mails).toHaveLength(expectedMails);
    const byTo = new Map<string, number>();
    for (const m of mails) byTo.set(m.to, (byTo.get(m.to) ?? 0) + 1);
    expect(Object.fromEntries(byTo)).toEqual(Object.fromEntries(run.mailsTo));
    expect(Object.keys(run.ws.properties.script).filter((k) => k.startsWith('confirm:'))).toEqual([]);
  });

  it('logs every response exactly once', () => {
    const processed = logRows(run.ws).filter((l) => l.Action === 'Response processed');
    expect(processed).toHaveLength(SUBMISSIONS);
    expect(new Set(processed.map((l) => l['Response Key'])).size).toBe(SUBMISSIONS);
  });

  it(`stays within time (${run.seconds.toFixed(1)} s wall, ${run.cpuSeconds.toFixed(1)} s CPU for ${run.executions} executions)`, () => {
    // CPU time, not wall time: the machine is shared, and wall time measures the neighbours.
    // A guard against pathological regressions, with room for a busy CI machine.
    expect(run.cpuSeconds).toBeLessThan(120);
    const last = run.ws.executions[run.ws.executions.length - 1];

    console.log(`[intake 1,000-run] last sweep calls: ${JSON.stringify(countByService(last.calls))}`);
  });
});
