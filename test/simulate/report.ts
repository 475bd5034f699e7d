// bench-results/year.md, the backlog chart (SVG, drawn by hand) and the README's quoted block,
// from the scenarios' results.
import { FIGURES } from './latency';
import { LIMIT_MS, PROPERTIES_LIMIT, type DayRow, type YearResult } from './year';

const fmt = (n: number): string => Math.round(n).toLocaleString('en-US');
const min = (ms: number): string => (ms / 60000).toFixed(1);
const kb = (b: number): string => (b / 1024).toFixed(1);

export function label(r: YearResult): string {
  return `${r.account.name} ${fmt(r.spec.applicants)}${r.complete === false ? ' (stopped early)' : ''}`;
}

/**
 * Lost agendas the yardstick's schedules also lose on the account's quota (agendaCapacity.ts):
 * lost, but to the account's limit rather than to the code.
 */
export function lostToQuota(r: YearResult): number {
  return Math.min(r.totals.lostAgendas ?? 0, r.totals.agendasBeyondQuota ?? 0);
}

/** Lost emails the code could have avoided. */
export function lostByCode(r: YearResult): number {
  return r.totals.lostEmails - lostToQuota(r);
}

function integrity(r: YearResult): string {
  const t = r.totals;
  const q = lostToQuota(r);
  const lost = q > 0 ? `${fmt(t.lostEmails)} (${q === t.lostEmails ? 'all' : fmt(q)} beyond the quota)` : `${t.lostEmails}`;
  return `${lost} / ${t.duplicatedEmails} · ${t.lostRows} / ${t.duplicatedRows} · ${t.lostGuests + t.extraGuests} / ${t.duplicatedGuests}`;
}

export function headlineTable(results: YearResult[]): string {
  const head = [
    'Scenario',
    'Emails sent',
    'Peak waiting',
    'Every notification delivered',
    'Trigger min/day, worst (budget)',
    'Longest execution (limit 6 min)',
    'Script properties, peak (limit 500 KB)',
    'Lost / duplicated: emails · rows · guests',
  ];
  const lines = [
    `| ${head.join(' | ')} |`,
    `| --- |${head
      .slice(1)
      .map(() => ' ---: |')
      .join('')}`,
  ];
  for (const r of results) {
    const t = r.totals;
    const peak = Math.max(...r.days.map((d) => d.waiting));
    const delivered =
      r.complete === false
        ? `run stopped at day ${r.days.length - 1} (time box)`
        : t.daysToDeliverAll === null
          ? `not within the run (${fmt(r.days[r.days.length - 1].waiting)} still waiting)`
          : `day ${t.daysToDeliverAll} after the notify date (${t.clearedDate})`;
    const budget = r.account.triggerMinutes;
    const trig = `${min(t.maxTriggerMinutes * 60000)} (${budget})${t.maxTriggerMinutes > budget ? ' **over**' : ''}`;
    const longest = `${(t.longestMs / 1000).toFixed(0)} s (${t.longestFn})${t.longestMs > LIMIT_MS ? ' **over**' : ''}`;
    const props = `${kb(t.maxPropertiesBytes)} KB${t.maxPropertiesBytes > PROPERTIES_LIMIT ? ' **over**' : ''}`;
    lines.push(`| ${label(r)} | ${fmt(t.emails)} | ${fmt(peak)} | ${delivered} | ${trig} | ${longest} | ${props} | ${integrity(r)} |`);
  }
  return lines.join('\n');
}

function dayTable(r: YearResult): string {
  const head = [
    'Day',
    'Date',
    'Submissions',
    'Emails sent',
    'Waiting (confirm. + decisions + agendas)',
    'Calendar calls',
    'Trigger min (budget)',
    'Sweeps run + repeated',
    'Longest execution',
    'Cut off / over trigger budget / errors',
    'Properties KB',
  ];
  const lines = [`| ${head.join(' | ')} |`, `|${head.map(() => ' ---: |').join('')}`];
  const budget = r.account.triggerMinutes;
  r.days.forEach((d: DayRow, i) => {
    lines.push(
      `| ${i} | ${d.date} | ${d.submissions} | ${d.emailsSent} | ${d.waiting} (${d.waitingConfirmations} + ${d.waitingDecisions} + ${d.waitingAgendas}) | ${d.calendarCalls} | ${min(d.triggerMs)}${d.triggerMs > budget * 60000 ? ' **over**' : ''} | ${d.sweepsRun} + ${d.sweepsRepeated} | ${(d.longestMs / 1000).toFixed(1)} s ${d.longestFn}${d.longestMs > LIMIT_MS ? ' **over**' : ''} | ${d.cutOff} / ${d.overBudget ?? 0} / ${d.errors} | ${kb(d.propertiesBytes)} |`,
    );
  });
  return lines.join('\n');
}

const COLORS = ['#1b9e77', '#d95f02', '#7570b3', '#e7298a', '#66a61e', '#e6ab02'];

/** Backlog (emails waiting at the end of each day) per scenario: one panel per account. */
export function backlogSvg(results: YearResult[]): string {
  const accounts = [...new Set(results.map((r) => r.account.name))];
  const W = 860;
  const PH = 260;
  const M = { l: 70, r: 170, t: 40, b: 54 };
  const H = accounts.length * (PH + M.t + M.b) + 20;
  const out: string[] = [
    `<svg xmlns="http://www.w3.org/2000/svg" width="${W}" height="${H}" viewBox="0 0 ${W} ${H}" font-family="sans-serif" font-size="12">`,
    `<rect width="${W}" height="${H}" fill="#fff"/>`,
  ];
  accounts.forEach((acc, pi) => {
    const rs = results.filter((r) => r.account.name === acc);
    const y0 = pi * (PH + M.t + M.b) + M.t;
    const maxDays = Math.max(...rs.map((r) => r.days.length));
    const maxY = Math.max(10, ...rs.flatMap((r) => r.days.map((d) => d.waiting)));
    const niceMax = niceCeil(maxY);
    const pw = W - M.l - M.r;
    const x = (i: number): number => M.l + (pw * i) / Math.max(1, maxDays - 1);
    const y = (v: number): number => y0 + PH - (PH * v) / niceMax;
    out.push(
      `<text x="${M.l}" y="${y0 - 14}" font-size="14" font-weight="bold">${esc(rs[0].account.name === 'consumer' ? 'Consumer account (100 emails/day, 90 trigger-min/day)' : 'Workspace account (1,500 emails/day, 6 trigger-h/day)')}: emails waiting at the end of each day</text>`,
    );
    for (let k = 0; k <= 4; k++) {
      const v = (niceMax * k) / 4;
      out.push(`<line x1="${M.l}" x2="${M.l + pw}" y1="${y(v)}" y2="${y(v)}" stroke="#ddd"/>`);
      out.push(`<text x="${M.l - 6}" y="${y(v) + 4}" text-anchor="end">${fmt(v)}</text>`);
    }
    for (let i = 0; i < maxDays; i += 30) {
      out.push(`<line x1="${x(i)}" x2="${x(i)}" y1="${y0 + PH}" y2="${y0 + PH + 4}" stroke="#333"/>`);
      const date = rs[0].days[i]?.date ?? '';
      // the day and its date on two lines: side by side they ran into each other every 30 days
      out.push(`<text x="${x(i)}" y="${y0 + PH + 18}" text-anchor="middle">day ${i}</text>`);
      if (date) out.push(`<text x="${x(i)}" y="${y0 + PH + 32}" text-anchor="middle" fill="#555">${date.slice(5)}</text>`);
    }
    out.push(
      `<line x1="${M.l}" x2="${M.l}" y1="${y0}" y2="${y0 + PH}" stroke="#333"/><line x1="${M.l}" x2="${M.l + pw}" y1="${y0 + PH}" y2="${y0 + PH}" stroke="#333"/>`,
    );
    const notifyIdx = rs[0].days.findIndex((d) => d.date === rs[0].totals.notifyDate);
    if (notifyIdx >= 0) {
      out.push(`<line x1="${x(notifyIdx)}" x2="${x(notifyIdx)}" y1="${y0}" y2="${y0 + PH}" stroke="#999" stroke-dasharray="4 3"/>`);
      out.push(`<text x="${x(notifyIdx) + 4}" y="${y0 + 12}" fill="#666">notify date</text>`);
    }
    rs.forEach((r, ri) => {
      const color = COLORS[(pi * 3 + ri) % COLORS.length];
      const pts = r.days.map((d, i) => `${x(i).toFixed(1)},${y(d.waiting).toFixed(1)}`).join(' ');
      out.push(`<polyline fill="none" stroke="${color}" stroke-width="1.8" points="${pts}"/>`);
      out.push(`<line x1="${M.l + pw + 14}" x2="${M.l + pw + 34}" y1="${y0 + 20 + ri * 18}" y2="${y0 + 20 + ri * 18}" stroke="${color}" stroke-width="3"/>`);
      out.push(`<text x="${M.l + pw + 40}" y="${y0 + 24 + ri * 18}">${esc(fmt(r.spec.applicants))} applicants</text>`);
    });
  });
  out.push('</svg>');
  return `${out.join('\n')}\n`;
}

function niceCeil(v: number): number {
  const p = 10 ** Math.floor(Math.log10(v));
  for (const m of [1, 2, 2.5, 5, 10]) if (m * p >= v) return m * p;
  return 10 * p;
}

function esc(s: string): string {
  return s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
}

export interface RunInfo {
  commit: string;
  date: string;
  machine: string;
  wallMs: number;
  jobs: number;
  /** how the run went, when it was not one plain `npm run simulate` (e.g. time-boxed on a shared machine) */
  remark?: string;
}

export function yearMarkdown(results: YearResult[], info: RunInfo): string {
  const findings = results.flatMap((r) => r.findings.map((f) => ({ ...f, scenario: label(r) })));
  const grouped = new Map<string, { scenario: string; limit: string; codePath: string; first: string; last: string; n: number; worst: string }>();
  for (const f of findings) {
    const k = `${f.scenario}|${f.limit}|${f.codePath}`;
    const g = grouped.get(k);
    if (g) {
      g.n++;
      g.last = f.date;
      g.worst = f.value;
    } else grouped.set(k, { scenario: f.scenario, limit: f.limit, codePath: f.codePath, first: f.date, last: f.date, n: 1, worst: f.value });
  }
  const first = results[0];
  const lines: string[] = [
    `# A program year on the emulator (${info.date})`,
    '',
    `\`npm run simulate\` on commit ${info.commit} (${info.machine}; ${info.jobs} scenarios at a time): **${(info.wallMs / 60000).toFixed(1)} min** wall time for the ${results.length} scenarios,`,
    `${(results.reduce((a, r) => a + r.totals.cpuMs, 0) / 60000).toFixed(1)} CPU-minutes in all (the largest scenario ${(Math.max(...results.map((r) => r.totals.cpuMs)) / 60000).toFixed(1)}); on an idle 2-core machine running two at a time the wall time is about half the CPU total.`,
    ...(info.remark ? ['', `**How this run went:** ${info.remark}`, ''] : []),
    "Every figure is counted from the emulator running the built `dist/Code.js`: emails from its outbox, Calendar calls and durations from each execution's service calls",
    "(the latency model below, never this machine's wall time), properties from the script property store.",
    '',
    '## Headline',
    '',
    headlineTable(results),
    '',
    '"Every notification delivered": the first day, after the last staff session that decided anything, that ended with nothing owed',
    '(no confirmation, decision email or agenda waiting), counted from the notify date. "Peak waiting": the most emails owed at the end of a day.',
    'Lost / duplicated: emails owed at the end and never sent / emails sent more often than owed (a confirmation per response that named an undecided community,',
    'one email per decision, one agenda per member and meeting); Applications rows missing / more than one per applicant and community;',
    'guests missing or not removed (lost) / listed twice (duplicated) on each meeting as it starts. The one duplicate the design allows',
    '(a run cut off in the single call between a send and the write that records it: docs/ARCHITECTURE.md) needs a cut-off run; the cut-off column of the daily tables shows there were',
    `${results.reduce((a, r) => a + r.days.reduce((b, d) => b + d.cutOff, 0), 0)} in these runs.`,
    '"Beyond the quota": agendas that the yardstick\'s schedules also miss on the account\'s daily emails alone. Each agenda owed (a member told of',
    'their acceptance before the meeting) may go from the lead time, the agenda typed or the member told, whichever is last, until the meeting starts, and one',
    'email carries every agenda of the member due when it is sent. The yardstick tries two schedules with every other email put off, earliest deadline first by',
    "member, and a member's overlapping agendas held for the overlap and sent as one, and keeps the better (test/simulate/agendaCapacity.ts).",
    'Those count as lost to the account; `npm run simulate` fails when the code lost more than that: then one of the two schedules did better.',
    '',
    '![Emails waiting per day](year-backlog.svg)',
    '',
    '## Platform limits broken',
    '',
  ];
  if (grouped.size === 0) lines.push('None: no execution over 6 minutes, no day over its trigger budget, the properties store under 500 KB throughout.', '');
  else {
    lines.push('| Scenario | Limit | Code path | Days | First | Last | Last value |', '| --- | --- | --- | ---: | --- | --- | --- |');
    for (const g of grouped.values()) lines.push(`| ${g.scenario} | ${g.limit} | ${g.codePath} | ${g.n} | ${g.first} | ${g.last} | ${g.worst} |`);
    lines.push('');
  }
  lines.push(
    '## Phases',
    '',
    `As run for ${label(first)} (the other scenarios run the same phases at their size):`,
    '',
    '| Phase | Run | What |',
    '| --- | --- | --- |',
  );
  for (const p of first.phases) lines.push(`| ${p.name} | ${p.ran ? 'yes' : '**no**'} | ${p.detail.replace(/\|/g, '\\|')} |`);
  lines.push('');
  for (const n of new Set(results.flatMap((r) => r.notes))) lines.push(`- ${n}`);
  lines.push(
    '',
    '## Totals',
    '',
    '| Scenario | Responses | Rows | Confirmations | Decision emails | Agenda emails | Calendar calls | Executions | Sweeps run + repeated | CPU time | Wall time |',
    '| --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: |',
  );
  for (const r of results) {
    const t = r.totals;
    lines.push(
      `| ${label(r)} | ${fmt(t.responses)} | ${fmt(t.rows)} | ${fmt(t.confirmations)} | ${fmt(t.decisionEmails)} | ${fmt(t.agendaEmails)} | ${fmt(t.calendarCalls)} | ${fmt(t.executions)} | ${fmt(t.sweepsRun)} + ${fmt(t.sweepsRepeated)} | ${((t.cpuMs ?? 0) / 1000).toFixed(0)} s | ${(t.wallMs / 1000).toFixed(0)} s |`,
    );
  }
  const errors = results.flatMap((r) => Object.entries(r.errors ?? {}).map(([k, n]) => ({ scenario: label(r), k, n })));
  lines.push('', '## Failed executions', '');
  if (errors.length === 0) lines.push('None.');
  else {
    lines.push('| Scenario | Function: message (digits as N) | Executions |', '| --- | --- | ---: |');
    for (const e of errors) lines.push(`| ${e.scenario} | ${e.k.replace(/\|/g, '\\|').replace(/\n/g, ' ')} | ${e.n} |`);
  }
  lines.push(
    '',
    '## How it runs',
    '',
    '- Install: `setup` as the owner. Program year: `proposeProgramYear` then `startProgramYear` when they are in the bundle.',
    "- Registration: the stress suite's applicant model (test/stress/support/day.ts: resubmissions; about 1 in 10 submissions fires its trigger twice, 1 in 10 also fires blank, 1 in 12 is missed and left to the sweep), spread over the registration window (busier the first three and last three days), 08:00–22:00 in the program's zone.",
    "- Staff decide on weekdays at 15:00: every Pending application, about half accepted, a fifth waitlisted, the rest declined, in `decide` calls of at most 250 ids (the owner decides, so the owner's mail quota is the one that binds).",
    '- Wednesdays from a week after the notify date: about 0.4 % of the members withdraw (staff record it; half of them on the applicant page when self-service is in the bundle) and the first waitlisted of the community is accepted.',
    '- Members answer their invitations in Calendar on Mondays; staff open the members view; agendas are typed into `Meetings` ten days ahead; attendance is recorded the day after each meeting (when the members features are in the bundle).',
    '- The hourly sweep fires as the clock trigger (`ws.runTimeTriggers()`). A sweep is not re-run when the last one changed nothing (no Spreadsheet, Mail, Calendar or Form write, script properties identical, no error) and nothing happened since (no submission, staff or member action, mail-quota reset, deadline, notify date, agenda date or meeting start): the code is deterministic given the state and those instants, so it would repeat the last run exactly. It is charged that run\'s modeled duration in the trigger minutes and counted as "repeated".',
    "- Trigger minutes: the modeled durations of the form-submit and clock-trigger executions of the day (the platform's daily quota is rolling; calendar days are used here). Staff actions (menu, sidebar) do not count against it.",
    '',
    '## Latency model',
    '',
    "Each service call advances the emulated clock by these figures (so the code's own 4.5-minute budget and the 6-minute limit act on a realistic clock); an execution's modeled duration is its start plus the sum over its calls.",
    '',
    '| Call | ms | Basis | Source |',
    '| --- | ---: | --- | --- |',
  );
  for (const f of FIGURES) lines.push(`| ${f.what} | ${f.ms} | ${f.basis} | ${f.source.replace(/\|/g, '\\|')} |`);
  lines.push('', '## Per day', '');
  for (const r of results) {
    lines.push(`<details><summary>${label(r)}: ${r.days.length} days</summary>`, '', dayTable(r), '', '</details>', '');
  }
  return lines.join('\n');
}

/** The README's quoted block. */
export function readmeBlock(results: YearResult[], info: RunInfo): string {
  return [
    `A whole program year per scenario on the emulator (commit ${info.commit}, ${info.date}; ${(info.wallMs / 60000).toFixed(1)} min for all of them on ${info.machine}); details, daily tables and the latency model in [bench-results/year.md](bench-results/year.md).${info.remark ? ` ${info.remark}` : ''}`,
    '',
    headlineTable(results),
    '',
    '![Emails waiting per day](bench-results/year-backlog.svg)',
  ].join('\n');
}
