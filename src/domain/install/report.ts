// A run's full report (Set up, Sync responses now, Send due notifications, Check installation) as
// one self-contained HTML page for a modal dialog. A toast cuts text at about 160 characters; a
// dialog shows everything. Every piece of text is escaped here, once: summaries can quote
// applicant-derived text (names in error messages, a community label typed into the form).
import { escapeHtml } from '../program/escape';
import { checksHeadline, type CheckStatus, type InstallCheck } from './checks';

export interface Report {
  /** the dialog's title bar */
  title: string;
  /** one sentence at the top */
  headline: string;
  /** the run's summary, one entry per line (may contain '\n': split into lines) */
  lines?: readonly string[];
  /** a heading over `lines` */
  linesHeading?: string;
  /** Check installation's results, shown after the lines */
  checks?: readonly InstallCheck[];
  /** the run stopped with errors: the headline is shown as a problem */
  failed?: boolean;
}

const STATUS_TEXT: Record<CheckStatus, { icon: string; label: string }> = {
  ok: { icon: '✓', label: 'OK' },
  warn: { icon: '!', label: 'Needs attention' },
  fail: { icon: '✕', label: 'Problem' },
};

const SEVERITY: Record<CheckStatus, number> = { fail: 0, warn: 1, ok: 2 };

/** Problems first, then warnings, then what is fine; the SPEC's order within each. */
export function orderChecks(checks: readonly InstallCheck[]): InstallCheck[] {
  return checks
    .map((c, i) => ({ c, i }))
    .sort((a, b) => SEVERITY[a.c.status] - SEVERITY[b.c.status] || a.i - b.i)
    .map((x) => x.c);
}

function splitLines(lines: readonly string[]): string[] {
  return lines
    .flatMap((l) => String(l).split('\n'))
    .map((l) => l.trim())
    .filter((l) => l !== '');
}

function safeLink(url: string | undefined): string {
  return url && /^https:\/\/[^\s"'<>]+$/i.test(url) ? url : '';
}

function checkItem(c: InstallCheck): string {
  const s = STATUS_TEXT[c.status];
  const link = safeLink(c.link);
  return [
    `<li class="check ${c.status}" data-check="${escapeHtml(c.id)}">`,
    `<span class="icon" aria-hidden="true">${s.icon}</span>`,
    '<div class="body">',
    `<p class="head"><strong>${escapeHtml(c.title)}</strong> <span class="status">${s.label}</span></p>`,
    `<p class="detail">${escapeHtml(c.detail)}</p>`,
    c.fix && c.status !== 'ok' ? `<p class="fix"><strong>What to do:</strong> ${escapeHtml(c.fix)}</p>` : '',
    link ? `<p class="fix"><a href="${escapeHtml(link)}" target="_blank" rel="noopener">Open Google's permission page</a></p>` : '',
    '</div></li>',
  ].join('');
}

const STYLE = `
*{box-sizing:border-box}
body{margin:0;font:14px/1.45 Roboto,Arial,sans-serif;color:#202124;background:#fff}
main{padding:4px 8px 64px}
h2{font-size:15px;margin:16px 0 6px}
.headline{font-size:15px;margin:4px 0 10px;padding:8px 10px;border-radius:6px;background:#e6f4ea}
.headline.problem{background:#fce8e6}
.headline.attention{background:#fef7e0}
ul{margin:0;padding:0;list-style:none}
.lines li{padding:4px 0 4px 14px;border-bottom:1px solid #eee;position:relative;white-space:pre-wrap;overflow-wrap:anywhere}
.lines li::before{content:'';position:absolute;left:2px;top:12px;width:5px;height:5px;border-radius:50%;background:#5f6368}
.check{display:flex;gap:10px;padding:8px 4px;border-bottom:1px solid #eee}
.check .icon{flex:none;width:24px;height:24px;border-radius:50%;color:#fff;font-weight:700;text-align:center;line-height:24px}
.check.ok .icon{background:#188038}.check.warn .icon{background:#b06000}.check.fail .icon{background:#c5221f}
.check .body{min-width:0}
.check p{margin:0;overflow-wrap:anywhere}
.check .status{font-size:12px;font-weight:600;padding:1px 6px;border-radius:10px;margin-left:4px}
.check.ok .status{background:#e6f4ea;color:#0d652d}.check.warn .status{background:#fef7e0;color:#7a4100}.check.fail .status{background:#fce8e6;color:#a50e0e}
.check .detail{color:#3c4043}
.check .fix{margin-top:2px}
.actions{position:fixed;left:0;right:0;bottom:0;padding:10px 12px;background:#fff;border-top:1px solid #ddd;text-align:right}
button{font:inherit;padding:6px 18px;border-radius:4px;border:1px solid #1a73e8;background:#1a73e8;color:#fff;cursor:pointer}
button:focus-visible,a:focus-visible{outline:2px solid #174ea6;outline-offset:2px}
a{color:#1a0dab}
`;

export function renderReportHtml(report: Report): string {
  const checks = report.checks ? orderChecks(report.checks) : [];
  const lines = report.lines ? splitLines(report.lines) : [];
  const worst = report.failed ? 'problem' : checks.some((c) => c.status === 'fail') ? 'problem' : checks.some((c) => c.status === 'warn') ? 'attention' : '';
  const parts: string[] = [
    '<!DOCTYPE html><html lang="en"><head><meta charset="utf-8"><base target="_top">',
    `<title>${escapeHtml(report.title)}</title><style>${STYLE}</style></head><body><main>`,
    `<p class="headline${worst ? ` ${worst}` : ''}" role="status">${escapeHtml(report.headline)}</p>`,
  ];
  if (lines.length > 0) {
    parts.push(
      `<section aria-labelledby="summary-h"><h2 id="summary-h">${escapeHtml(report.linesHeading ?? 'What was done')}</h2>`,
      `<ul class="lines">${lines.map((l) => `<li>${escapeHtml(l)}</li>`).join('')}</ul></section>`,
    );
  }
  if (checks.length > 0 && lines.length > 0) {
    // after a run's summary: a section of its own, with its own count
    parts.push(
      '<section aria-labelledby="checks-h"><h2 id="checks-h">Check installation</h2>',
      `<p class="summary">${escapeHtml(checksHeadline(checks))}</p>`,
      `<ul class="checks">${checks.map(checkItem).join('')}</ul></section>`,
    );
  } else if (checks.length > 0) {
    parts.push(`<ul class="checks" aria-label="Checks">${checks.map(checkItem).join('')}</ul>`);
  }
  parts.push(
    '</main><div class="actions"><button type="button" id="close" autofocus onclick="google.script.host.close()">Close</button></div>',
    '</body></html>',
  );
  return parts.join('');
}

/** A height that fits the report without a second scrollbar, within what a Sheets dialog allows. */
export function reportHeight(report: Report): number {
  const lines = report.lines ? splitLines(report.lines).length : 0;
  const checks = report.checks?.length ?? 0;
  return Math.max(220, Math.min(640, 130 + lines * 30 + checks * 66 + (checks ? 60 : 0)));
}

/** The report as plain text (the function's return value, for logs and the executions list). */
export function reportText(report: Report): string {
  const out = [report.headline, ...(report.lines ? splitLines(report.lines) : [])];
  for (const c of report.checks ?? []) out.push(`[${c.status}] ${c.title}: ${c.detail}${c.fix && c.status !== 'ok' ? ` Fix: ${c.fix}` : ''}`);
  return out.join('\n');
}
