// `npm run simulate` runs whole program years (minutes); this proves in CI that its harness still
// runs on the built bundle: 50 applicants on a consumer account over the first 60 days
// (registration, staff sessions, the notify date, invitations, the first withdrawals).
import { runYear } from '../simulate/year';
import { modeledMs, callMs } from '../simulate/latency';

jest.setTimeout(120_000);

test('a short program year: nothing lost or duplicated, figures counted, phases not on main reported as not run', () => {
  const r = runYear({ applicants: 50, account: 'consumer', seed: 7, days: 60 });
  const t = r.totals;
  console.log(
    `simulate (50 applicants, consumer, 60 days): ${t.emails} emails, ${t.calendarCalls} Calendar calls, ${t.executions} executions, ` +
      `worst day ${t.maxTriggerMinutes.toFixed(1)} trigger min, longest ${(t.longestMs / 1000).toFixed(0)} s (${t.longestFn}), ` +
      `properties ${(t.maxPropertiesBytes / 1024).toFixed(1)} KB, ${(t.wallMs / 1000).toFixed(1)} s wall`,
  );
  expect(r.days).toHaveLength(60);
  expect(t.responses).toBe(50);
  expect(t.rows).toBeGreaterThanOrEqual(45);
  expect(t.confirmations).toBeGreaterThan(0);
  expect(t.decisionEmails).toBeGreaterThan(0);
  expect(t.calendarCalls).toBeGreaterThan(0);
  expect({
    lostEmails: t.lostEmails,
    duplicatedEmails: t.duplicatedEmails,
    lostRows: t.lostRows,
    duplicatedRows: t.duplicatedRows,
    lostGuests: t.lostGuests,
    extraGuests: t.extraGuests,
    duplicatedGuests: t.duplicatedGuests,
  }).toEqual({
    lostEmails: 0,
    duplicatedEmails: 0,
    lostRows: 0,
    duplicatedRows: 0,
    lostGuests: 0,
    extraGuests: 0,
    duplicatedGuests: 0,
  });
  expect(r.findings).toEqual([]);
  // durations come from the latency model, not from wall time
  expect(t.longestMs).toBeGreaterThan(1000);
  expect(modeledMs({ calls: [{ service: 'MailApp', method: 'MailApp.sendEmail', lockHeld: false }] } as never)).toBe(
    callMs({ service: 'MailApp', method: 'MailApp.sendEmail', lockHeld: false }) + 500,
  );
  for (const p of r.phases) {
    if (!p.ran) expect(p.detail).toMatch(/not run: feature not on main/);
  }
  expect(r.phases.find((p) => p.name === 'registration')?.ran).toBe(true);
});
