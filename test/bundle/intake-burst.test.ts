// 2,000 responses arrive on one day with a mail quota of 100 (a consumer account): every response
// lands as its communities' rows the same day, and every confirmation goes out over the following
// days exactly once. The queue lives in the Log, so the properties store stays small and never
// throws (SPEC behaviour 6: limits are waited out, never crashed into).
import { mulberry32 } from '../../emulator/random';
import { DEFAULT_COMMUNITIES } from '../../src/domain/program/defaults';
import { applications, confirmations, freshWorkspace, logRows, submit } from './intake.support';

const RESPONSES = 2000;
const BATCH = 100;
const NAMES = DEFAULT_COMMUNITIES.map((c) => c.name);

function storeBytes(props: Record<string, string>): number {
  return Object.entries(props).reduce((n, [k, v]) => n + k.length + v.length, 0);
}

it(`${RESPONSES} responses in a day, 100 emails a day: every row lands, every confirmation goes out once`, () => {
  const started = Date.now();
  const random = mulberry32(2026);
  const ws = freshWorkspace({ mailQuota: 100, loader: 'cached' });
  let expectedRows = 0;
  let maxStore = 0;
  const check = (what: string, execs: { error?: { message: string } }[]) => {
    for (const e of execs) if (e.error) throw new Error(`${what}: ${e.error.message}`);
    maxStore = Math.max(maxStore, storeBytes(ws.properties.script));
  };
  // Batches: 99 responses whose trigger did not fire, then one that fires it; that one real intake
  // run (the trigger's code path) processes the whole batch, as it does for missed firings.
  for (let i = 0; i < RESPONSES; i++) {
    const k = 1 + Math.floor(random() * 3);
    const chosen = [...NAMES].sort(() => random() - 0.5).slice(0, k);
    expectedRows += k;
    ws.clock.advance(20 * 1000);
    const r = submit(ws, { email: `applicant${i}@state${i % 50}.gov`, first: `A${i}`, communities: chosen }, (i + 1) % BATCH === 0 ? 'once' : 'none');
    check(`response ${i}`, r.executions);
  }
  const submitted = Date.now() - started;
  expect(applications(ws)).toHaveLength(expectedRows);
  expect(logRows(ws).filter((l) => l.Action === 'Response processed')).toHaveLength(RESPONSES);
  expect(confirmations(ws)).toHaveLength(100);

  // The hourly sweep over the next days: 100 a day.
  let days = 0;
  while (confirmations(ws).length < RESPONSES && days < 30) {
    ws.clock.advance(24 * 60 * 60 * 1000);
    check(`day ${days}`, ws.runTimeTriggers());
    days++;
    expect(confirmations(ws).length).toBe(Math.min(RESPONSES, 100 * (days + 1)));
  }
  ws.clock.advance(60 * 60 * 1000);
  check('last sweep', ws.runTimeTriggers());
  const mails = confirmations(ws);
  expect(mails).toHaveLength(RESPONSES);
  expect(new Set(mails.map((m) => m.to)).size).toBe(RESPONSES);
  expect(logRows(ws).filter((l) => l.Action === 'Confirmation sent')).toHaveLength(RESPONSES);
  expect(logRows(ws).filter((l) => l.Action === 'Confirmation retried')).toHaveLength(0);
  expect(ws.properties.script['cop.confirmJournal']).toBeUndefined();
  // one constant-size journal at most: far from the 500 KB store (the old design needed ~1,900 entries)
  expect(maxStore).toBeLessThan(16 * 1024);
  console.log(
    `burst: ${RESPONSES} responses (${expectedRows} rows) in ${submitted} ms; ${days} days of sweeps; max properties store ${maxStore} bytes; total ${Date.now() - started} ms`,
  );
});
