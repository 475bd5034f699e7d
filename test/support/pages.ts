// Opening a built page (dist/<Name>.html) in headless Chromium, talking through the
// google.script.run shim to the built bundle running in the emulator. Shared by the browser tests
// of every page (sidebar, review window, dialogs).
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { chromium, type Browser, type Page } from 'playwright-core';
import type { Workspace } from '../../emulator';
import { installScriptRunShim, type ScriptRunBackend, type ShimHandle } from './scriptRunShim';

export const CHROMIUM_ARGS = [
  '--no-sandbox',
  '--disable-gpu',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--no-first-run',
  '--disable-quic',
];

export function launchChromium(): Promise<Browser> {
  return chromium.launch({ executablePath: '/usr/bin/chromium', args: CHROMIUM_ARGS });
}

export function pageUrl(name: string): string {
  return `file://${path.resolve(__dirname, '../../dist', `${name}.html`)}`;
}

export interface OpenedPage {
  page: Page;
  /** window.confirm / alert texts, dismissed unless `acceptDialogs` */
  dialogs: string[];
  /** uncaught page errors */
  errors: string[];
  shim: ShimHandle;
  /** the next call of `fn` throws like a Spreadsheet timeout */
  failNext(fn: string): void;
}

export interface OpenPageOptions {
  user: string;
  latencyMs?: number;
  viewport?: { width: number; height: number };
  /** answer window.confirm with OK (default: Cancel) */
  acceptDialogs?: boolean;
  /** runs in the page before its script: e.g. a short poll interval for tests */
  initScript?: string;
}

export async function openPage(browser: Browser, ws: Workspace, name: string, options: OpenPageOptions): Promise<OpenedPage> {
  const page = await browser.newPage({ viewport: options.viewport ?? { width: 1440, height: 900 } });
  const dialogs: string[] = [];
  const errors: string[] = [];
  page.on('dialog', (d) => {
    dialogs.push(d.message());
    void (options.acceptDialogs ? d.accept() : d.dismiss());
  });
  page.on('pageerror', (e) => errors.push(e.message));
  let failing: string | null = null;
  const backend: ScriptRunBackend = {
    run(fn, args, opts) {
      if (failing === fn) {
        failing = null;
        throw new Error('Exception: Service Spreadsheets timed out while accessing document');
      }
      return ws.run(fn, args, opts);
    },
  };
  const shim = await installScriptRunShim(page, backend, { user: options.user, latencyMs: options.latencyMs });
  if (options.initScript) await page.addInitScript({ content: options.initScript });
  await page.goto(pageUrl(name));
  return { page, dialogs, errors, shim, failNext: (fn) => (failing = fn) };
}

const AXE = readFileSync(require.resolve('axe-core/axe.min.js'), 'utf8');

/** axe (WCAG 2.1 A/AA + best practice) violations of impact serious or critical, as short lines. */
export async function axeSeriousViolations(page: Page): Promise<string[]> {
  await page.addScriptTag({ content: AXE });
  const violations = await page.evaluate(async () => {
    const axe = (
      window as unknown as {
        axe: { run: (ctx: Document, opts: unknown) => Promise<{ violations: { id: string; impact: string; nodes: { target: string[] }[] }[] }> };
      }
    ).axe;
    const r = await axe.run(document, { runOnly: { type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'best-practice'] } });
    return r.violations.map((v) => ({ id: v.id, impact: v.impact, targets: v.nodes.map((n) => n.target.join(' ')) }));
  });
  return violations.filter((v) => v.impact === 'serious' || v.impact === 'critical').map((v) => `${v.id} (${v.impact}): ${v.targets.slice(0, 3).join(', ')}`);
}
