// One scenario of `npm run simulate` in its own process (the runner starts two at a time on a
// 2-core machine): runs the year and writes its result as JSON to the path given.
import { writeFileSync } from 'node:fs';
import { runYear, type Spec } from './year';

const [applicants, account, out, seed, stopAt] = process.argv.slice(2);
const spec: Spec = {
  applicants: Number(applicants),
  account: account as Spec['account'],
  seed: Number(seed ?? 2026),
  ...(stopAt ? { stopAtWallMs: Number(stopAt) } : {}),
};
const result = runYear(spec, (s) => process.stderr.write(`[${spec.account} ${spec.applicants}] ${s}\n`));
if (out) writeFileSync(out, JSON.stringify(result));
else process.stdout.write(`${JSON.stringify({ ...result, days: result.days.length }, null, 1)}\n`);
