// The dev server: one shared emulated Workspace running the real dist/Code.js, served to a page
// that looks like the Google Sheet (tabs, sidebar, add-on menu) plus the application form, the
// outbox, the calendar and the executions. Only local files are served; nothing calls out.
// Length: one server's routing table (createDevServer: one branch per route); the HTTP plumbing
// is in http.ts, the state → wire mapping in views.ts.
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import { existsSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import type { Assets } from './assets';
import { demoSubmissions } from './demo';
import type { DemoProgress, DevError, DevExecution, DevSheet, DevState, RunResponse } from './devWire';
import { toEml } from './eml';
import { toIcs } from './ics';
import type { ExecutionLike, WorkspacePort } from './port';
import type { Store } from './store';
import {
  TIME_ZONE,
  asDate,
  devCalendar,
  devExecution,
  devForm,
  devMail,
  devMenus,
  icsEvent,
  isRec,
  local,
  dialogHtml,
  lastDialog,
  lastSidebar,
  REVIEW_SIDEBAR_TITLE,
  mailForEml,
  mailHtml,
  mailId,
  scriptStack,
  sidebarTitle,
  str,
} from './views';
import { DEMO_2023_PRESET, fromZonedLocal, presets } from './clock';
import { validateResponse } from './formCheck';
import { HttpError } from './httpError';
import { publicFunctionsOf, scriptRunClientSource } from '../../test/support/scriptRunShim';
import { download, escapeText, json, MAIL_CSP, PAGE_CSP, readJson, send, SIDEBAR_CSP, slug } from './http';

export interface DevServerOptions {
  store: Store;
  assets: Assets;
  distDir: string;
  owner: string;
  /** every staff member the page may act as (owner first) */
  users: string[];
  /**
   * Host names the server answers to (with any port). Another site open in the same browser must
   * not drive this server (DNS rebinding); null accepts any (HOST set to a LAN address).
   */
  allowedHosts: string[] | null;
}

const MAX_GRID_ROWS = 3000;

export function createDevServer(opts: DevServerOptions): Server {
  const { store, assets } = opts;
  const ws = (): WorkspacePort => store.ws;

  // ------------------------------------------------------------ bundle access

  let entryCache: { mtime: number; names: string[] } | null = null;
  /** The bundle's public entry points: its top-level functions whose names do not end in `_`. */
  function entryPoints(): string[] {
    const file = join(opts.distDir, 'Code.js');
    const mtime = statSync(file).mtimeMs;
    if (!entryCache || entryCache.mtime !== mtime) {
      entryCache = { mtime, names: publicFunctionsOf(readFileSync(file, 'utf8')) };
    }
    return entryCache.names;
  }

  function executionsSince(before: number): DevExecution[] {
    return ws()
      .executions.slice(before)
      .map((e, i) => devExecution(e, before + i));
  }

  function bundleError(e: unknown, executions: readonly ExecutionLike[]): DevError {
    const attached = isRec(e) && isRec(e.execution) ? (e.execution as unknown as ExecutionLike) : undefined;
    const failed = attached ?? [...executions].reverse().find((x) => x.error);
    const message = failed?.error?.message ?? (e instanceof Error ? e.message : String(e));
    const stack = failed?.error?.stack ?? (e instanceof Error ? (e.stack ?? '') : '');
    return { kind: 'bundle', message, stack: scriptStack(stack) };
  }

  function run(fn: string, args: unknown[], user: string): RunResponse {
    if (!entryPoints().includes(fn)) {
      throw new HttpError(404, `${fn} is not a public function of dist/Code.js (callable: ${entryPoints().join(', ')})`);
    }
    const before = ws().executions.length;
    try {
      const value = ws().run(fn, args, { user });
      return { ok: true, value, executions: executionsSince(before) };
    } catch (e) {
      return { ok: false, error: bundleError(e, ws().executions.slice(before)), executions: executionsSince(before) };
    } finally {
      store.changed();
    }
  }

  /** A person opens the spreadsheet: Google runs the onOpen simple trigger as them. */
  function openSpreadsheet(user: string): RunResponse {
    const w = ws();
    if (!w.open) return run('onOpen', [{ authMode: 'LIMITED', user: { email: user } }], user);
    const before = w.executions.length;
    try {
      const execs = w.open(user);
      const failed = execs.find((e) => e.error);
      return failed?.error
        ? {
            ok: false,
            error: { kind: 'bundle', message: failed.error.message, stack: scriptStack(failed.error.stack ?? '') },
            executions: executionsSince(before),
          }
        : { ok: true, value: null, executions: executionsSince(before) };
    } finally {
      store.changed();
    }
  }

  function checkUser(user: unknown): string {
    if (typeof user !== 'string' || !opts.users.includes(user)) {
      throw new HttpError(400, `unknown user ${JSON.stringify(user)}: act as one of ${opts.users.join(', ')}`);
    }
    return user;
  }

  // ------------------------------------------------------------ state

  function settings(): Record<string, unknown> {
    try {
      const out: Record<string, unknown> = {};
      for (const row of ws().records('Settings')) out[str(row.Setting)] = row.Value;
      return out;
    } catch {
      return {};
    }
  }

  function state(): DevState {
    const w = ws();
    const set = settings();
    const form = devForm(w.form);
    const menus = new Map<string, ReturnType<typeof devMenus>[number]>();
    for (const m of devMenus(w.ui)) menus.set(m.title, m);
    return {
      now: w.clock.now().toISOString(),
      nowLocal: local(w.clock.now()),
      timeZone: TIME_ZONE,
      owner: opts.owner,
      users: opts.users,
      sheetNames: w.sheetNames(),
      counts: {
        outbox: w.outbox.length,
        events: w.calendars.reduce<number>((n, c) => n + w.events(str(isRec(c) ? c.id : '')).length, 0),
        executions: w.executions.length,
        failures: w.executions.filter((e) => e.error || e.cutOff).length,
      },
      version: store.version,
      form: { exists: form !== null, accepting: form?.accepting ?? false, title: form?.title ?? '' },
      presets: [...presets(asDate(set['Notify from']), asDate(set['Registration deadline'])), DEMO_2023_PRESET],
      menus: [...menus.values()],
      sidebarTitle: sidebarTitle(w.ui),
      dialog: lastDialog(w.ui),
      triggers: w.triggers.filter(isRec).map((t) => ({ handler: str(t.handler), eventType: str(t.eventType), owner: str(t.owner) })),
      dataFile: store.file,
      demo,
    };
  }

  function sheet(name: string): DevSheet {
    const s = ws().sheet(name);
    if (!s) throw new HttpError(404, `no tab named ${JSON.stringify(name)}`);
    const rows = s.displayValues.length;
    return {
      name: s.name,
      displayValues: s.displayValues.slice(0, MAX_GRID_ROWS),
      formulas: s.formulas.slice(0, MAX_GRID_ROWS),
      truncatedRows: Math.max(0, rows - MAX_GRID_ROWS),
    };
  }

  function findMail(id: string): { mail: unknown; index: number } {
    const index = ws().outbox.findIndex((m, i) => mailId(m, i) === id);
    if (index < 0) throw new HttpError(404, `no email ${JSON.stringify(id)} in the outbox`);
    return { mail: ws().outbox[index], index };
  }

  function calendars(): ReturnType<typeof devCalendar>[] {
    const w = ws();
    return w.calendars.map((c, i) => devCalendar(c, i, w.events(str(isRec(c) ? c.id : '')), w.invitationsSent));
  }

  function calendarIcs(index: number | null, eventId: string | null): { name: string; ics: string } {
    const w = ws();
    const cals = w.calendars.filter(isRec);
    const stamp = w.clock.now();
    if (eventId !== null) {
      for (const c of cals) {
        const ev = w.events(str(c.id)).find((e) => isRec(e) && (str(e.id) === eventId || str(e.iCalUID) === eventId));
        if (ev) {
          return {
            name: `${slug(str(isRec(ev) ? ev.summary : '')) || 'event'}.ics`,
            ics: toIcs({ name: str(c.name), timeZone: str(c.timeZone) || TIME_ZONE, stamp, events: [icsEvent(ev, str(c.owner) || null)] }),
          };
        }
      }
      throw new HttpError(404, `no event ${JSON.stringify(eventId)}`);
    }
    const c = index !== null ? cals[index] : undefined;
    if (!c) throw new HttpError(404, `no calendar number ${index}`);
    return {
      name: `${slug(str(c.name)) || 'calendar'}.ics`,
      ics: toIcs({
        name: str(c.name),
        timeZone: str(c.timeZone) || TIME_ZONE,
        stamp,
        events: w.events(str(c.id)).map((e) => icsEvent(e, str(c.owner) || null)),
      }),
    };
  }

  // ------------------------------------------------------------ actions

  function submitForm(body: unknown): { ok: true; row: number; executions: DevExecution[] } {
    const form = devForm(ws().form);
    if (!form) throw new HttpError(404, 'There is no form yet: run Set up from the add-on menu first.');
    if (!form.accepting) throw new HttpError(403, form.closedMessage || 'This form is no longer accepting responses.');
    const response = validateResponse(form, body);
    const before = ws().executions.length;
    try {
      const result = ws().submitForm(response, { firing: 'once' });
      return { ok: true, row: result.row, executions: executionsSince(before) };
    } finally {
      store.changed();
    }
  }

  let demo: DemoProgress | null = null;

  /**
   * Starts the demo load: each response goes through submitForm with its trigger, as a real
   * respondent's would, with the clock moved to its timestamp. It yields between responses, so
   * the page (and the sidebar) stay usable while it runs; /api/state reports the progress.
   */
  function startDemo(body: unknown): DemoProgress {
    if (demo?.running) throw new HttpError(409, 'Demo applicants are already loading.');
    const count = isRec(body) && typeof body.count === 'number' ? Math.max(1, Math.min(2000, Math.floor(body.count))) : 300;
    if (!ws().form) {
      const setup = run('setup', [], opts.owner);
      if (!setup.ok) throw new HttpError(500, `setup failed, so there is no form to apply through: ${setup.error.message}`);
    }
    const form = devForm(ws().form);
    if (!form) throw new HttpError(500, 'setup ran but there is still no form');
    const deadline = asDate(settings()['Registration deadline']) ?? new Date('2023-09-16T03:59:00Z');
    const submissions = demoSubmissions(form, { count, seed: 20230815, from: ws().clock.now(), deadline });
    const job: DemoProgress = {
      running: true,
      total: submissions.length,
      submitted: 0,
      rejected: 0,
      failedExecutions: 0,
      from: submissions[0]?.at.toISOString() ?? '',
      to: submissions[submissions.length - 1]?.at.toISOString() ?? '',
      ms: 0,
      error: '',
    };
    demo = job;
    const workspace = ws();
    const started = Date.now();
    void (async () => {
      try {
        for (const s of submissions) {
          // A reset while loading replaces the workspace: stop feeding the old one.
          if (ws() !== workspace) throw new Error('the workspace was reset');
          if (s.at.getTime() > workspace.clock.now().getTime()) workspace.clock.set(s.at);
          if (!devForm(workspace.form)?.accepting) {
            job.rejected++;
          } else {
            const result = workspace.submitForm({ email: s.email, answers: s.answers }, { firing: 'once' });
            job.submitted++;
            job.failedExecutions += result.executions.filter((e) => e.error || e.cutOff).length;
          }
          store.bump();
          job.ms = Date.now() - started;
          await new Promise((r) => setImmediate(r));
        }
      } catch (e) {
        job.error = e instanceof Error ? e.message : String(e);
      } finally {
        job.running = false;
        job.ms = Date.now() - started;
        store.changed();
      }
    })();
    return job;
  }

  function setClock(body: unknown): DevState {
    if (!isRec(body)) throw new HttpError(400, 'expected {iso} or {local} or {advanceMinutes}');
    let target: Date | null = null;
    if (typeof body.iso === 'string') target = asDate(body.iso);
    else if (typeof body.local === 'string') target = fromZonedLocal(body.local, TIME_ZONE);
    else if (typeof body.advanceMinutes === 'number' && Number.isFinite(body.advanceMinutes)) {
      target = new Date(ws().clock.now().getTime() + body.advanceMinutes * 60000);
    }
    if (!target) throw new HttpError(400, 'not a date: use an ISO-8601 instant, or a local "YYYY-MM-DDTHH:mm" in America/New_York');
    ws().clock.set(target);
    store.changed();
    return state();
  }

  /** A guest answers a meeting invitation (Yes / No / Maybe), as a member would in their Calendar. */
  function respond(body: unknown): DevState {
    if (!isRec(body) || typeof body.eventId !== 'string' || typeof body.email !== 'string' || typeof body.status !== 'string') {
      throw new HttpError(400, 'expected {eventId, email, status}');
    }
    const status = body.status;
    if (status !== 'accepted' && status !== 'declined' && status !== 'tentative' && status !== 'needsAction') {
      throw new HttpError(400, 'status must be accepted, declined, tentative or needsAction');
    }
    const w = ws();
    if (!w.respondToInvitation) throw new HttpError(501, 'this workspace cannot answer invitations');
    try {
      w.respondToInvitation(body.eventId, body.email, status);
    } catch (e) {
      throw new HttpError(400, e instanceof Error ? e.message : String(e));
    }
    store.changed();
    return state();
  }

  function hourly(): RunResponse {
    const before = ws().executions.length;
    try {
      ws().runTimeTriggers();
      const execs = executionsSince(before);
      const failed = execs.find((e) => e.error);
      return failed?.error
        ? { ok: false, error: { kind: 'bundle', message: failed.error.message, stack: failed.error.stack }, executions: execs }
        : { ok: true, value: `${execs.length} time-driven execution(s)`, executions: execs };
    } catch (e) {
      return { ok: false, error: bundleError(e, ws().executions.slice(before)), executions: executionsSince(before) };
    } finally {
      store.changed();
    }
  }

  function fault(body: unknown): { ok: true } {
    if (!isRec(body)) throw new HttpError(400, 'expected {method, nth, message?, inFunction?} or {clear: true}');
    if (body.clear === true) ws().faults.clear();
    else if (typeof body.method === 'string' && typeof body.nth === 'number') {
      const message = typeof body.message === 'string' ? body.message : 'Service error (injected by the dev server)';
      ws().faults.failNthCall(body.method, body.nth, new Error(message), typeof body.inFunction === 'string' ? body.inFunction : undefined);
    } else throw new HttpError(400, 'expected {method, nth, message?, inFunction?} or {clear: true}');
    return { ok: true };
  }

  // ------------------------------------------------------------ sidebar

  function sidebarPage(user: string): string {
    // Another page the bundle put in the sidebar (e.g. "Members and attendance") is served as the
    // bundle gave it; the review sidebar is read fresh from dist/, so a rebuild shows at once.
    const shown = lastSidebar(ws().ui);
    if (shown && shown.title !== REVIEW_SIDEBAR_TITLE) return withShim(shown.html, user);
    const file = join(opts.distDir, 'Sidebar.html');
    if (!existsSync(file)) throw new HttpError(500, 'dist/Sidebar.html is missing: run npm run build');
    return withShim(readFileSync(file, 'utf8'), user);
  }

  /** The HTML the bundle itself gave showModalDialog / showModelessDialog, as it gave it. */
  function dialogPage(n: string, user: string): string {
    const html = /^\d+$/.test(n) ? dialogHtml(ws().ui, Number(n)) : null;
    if (html === null) throw new HttpError(404, `no dialog number ${JSON.stringify(n)}`);
    return withShim(html, user);
  }

  /**
   * POST /api/cell {sheet, row, header, value}: staff type a value into a cell (e.g. a community's
   * Capacity), found by the tab's header row. Row is the sheet row (1-based, 2 = first data row).
   */
  function typeIntoCell(body: unknown): DevState {
    if (!isRec(body) || typeof body.sheet !== 'string' || typeof body.header !== 'string' || typeof body.row !== 'number') {
      throw new HttpError(400, 'expected {sheet, row, header, value}');
    }
    const value = body.value;
    if (typeof value !== 'string' && typeof value !== 'number' && typeof value !== 'boolean')
      throw new HttpError(400, 'value must be text, a number or a boolean');
    const w = ws();
    if (!w.typeIntoCell) throw new HttpError(501, 'this emulator cannot edit cells');
    const tab = w.sheet(body.sheet);
    if (!tab) throw new HttpError(404, `no tab named ${JSON.stringify(body.sheet)}`);
    const col = (tab.displayValues[0] ?? []).indexOf(body.header) + 1;
    if (col < 1) throw new HttpError(404, `${body.sheet} has no ${JSON.stringify(body.header)} column`);
    if (!Number.isInteger(body.row) || body.row < 2) throw new HttpError(400, 'row must be a data row (2 or more)');
    w.typeIntoCell(body.sheet, body.row, col, value);
    store.changed();
    return state();
  }

  // ------------------------------------------------------------ the applicant web app

  /** The endpoints the web app's page may call (google.script.run from dist/Applicant.html). */
  const WEB_APP_ENDPOINTS = ['applicantView', 'applicantWithdraw'];

  /** GET /exec?t=…: what Google serves for the web app's URL (doGet's HtmlOutput), with the web app shim. */
  function webAppPage(url: URL): { status: number; html: string } {
    const w = ws();
    if (!w.runWebApp) throw new HttpError(501, 'this emulator has no web app mode');
    const parameter: Record<string, string> = {};
    const parameters: Record<string, string[]> = {};
    for (const [k, v] of url.searchParams) {
      if (!(k in parameter)) parameter[k] = v;
      (parameters[k] ??= []).push(v);
    }
    const e = { parameter, parameters, queryString: url.search.replace(/^\?/, ''), contextPath: '', contentLength: -1, pathInfo: '' };
    try {
      const res = w.runWebApp('doGet', [e]);
      if (!res.html) {
        // Google's own error page: the script failed or returned no HtmlOutput.
        const why = res.execution.error ? res.execution.error.message : 'The script completed but did not return anything.';
        return {
          status: 500,
          html: `<!DOCTYPE html><html lang="en"><head><meta charset="utf-8"><title>Error</title></head><body><main><h1>Error</h1><p>${escapeText(why)}</p></main></body></html>`,
        };
      }
      const shim = `<script src="/gas-shim.js?user=&webApp=1"></script>`;
      const content = res.html.content;
      return { status: 200, html: /<head[^>]*>/i.test(content) ? content.replace(/<head[^>]*>/i, (m) => `${m}\n${shim}`) : shim + content };
    } finally {
      store.changed();
    }
  }

  /** POST /api/webapp/run: google.script.run from the web app's page (anonymous visitor, runs as the deployer). */
  function runWebAppEndpoint(fn: string, args: unknown[]): RunResponse {
    const w = ws();
    if (!w.runWebApp) throw new HttpError(501, 'this emulator has no web app mode');
    if (!WEB_APP_ENDPOINTS.includes(fn)) throw new HttpError(404, `${fn} is not an endpoint of the web app's page`);
    const before = w.executions.length;
    try {
      const res = w.runWebApp(fn, args);
      if (res.execution.error) {
        return {
          ok: false,
          error: { kind: 'bundle', message: res.execution.error.message, stack: scriptStack(res.execution.error.stack ?? '') },
          executions: executionsSince(before),
        };
      }
      return { ok: true, value: res.result, executions: executionsSince(before) };
    } finally {
      store.changed();
    }
  }

  function withShim(html: string, user: string): string {
    const shim = `<script src="/gas-shim.js?user=${encodeURIComponent(user)}"></script>`;
    return /<head[^>]*>/i.test(html) ? html.replace(/<head[^>]*>/i, (m) => `${m}\n${shim}`) : shim + html;
  }

  /** The dev transport and host, then the shared google.script.run client (same as the browser tests'). */
  function shimScript(user: string, webApp = false): string {
    const transport = '__devScriptRun';
    const config = JSON.stringify({ user, transport, webApp }).replace(/</g, '\\u003c');
    const callable = webApp ? entryPoints().filter((f) => WEB_APP_ENDPOINTS.includes(f)) : entryPoints();
    return `var __GAS_DEV__ = ${config};\n${assets.js('shim')}\n${scriptRunClientSource(transport, callable)}\n`;
  }

  // ------------------------------------------------------------ routing

  async function route(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const url = new URL(req.url ?? '/', 'http://localhost');
    const path = url.pathname;
    const method = req.method ?? 'GET';
    const q = (k: string): string => url.searchParams.get(k) ?? '';
    checkOrigin(req, method);

    if (method === 'GET') {
      if (path === '/' || path === '/index.html') return send(res, 200, 'text/html', assets.html('index'), PAGE_CSP);
      if (path === '/form') return send(res, 200, 'text/html', assets.html('form'), PAGE_CSP);
      if (path === '/app.css') return send(res, 200, 'text/css', assets.css());
      if (path === '/page.js') return send(res, 200, 'text/javascript', assets.js('page'));
      if (path === '/form.js') return send(res, 200, 'text/javascript', assets.js('form'));
      if (path === '/gas-shim.js') return send(res, 200, 'text/javascript', q('webApp') === '1' ? shimScript('', true) : shimScript(checkUser(q('user'))));
      if (path === '/exec') {
        const page = webAppPage(url);
        return send(res, page.status, 'text/html', page.html, SIDEBAR_CSP);
      }
      if (path === '/sidebar') return send(res, 200, 'text/html', sidebarPage(checkUser(q('user'))), SIDEBAR_CSP);
      if (path === '/dialog') return send(res, 200, 'text/html', dialogPage(q('n'), checkUser(q('user'))), SIDEBAR_CSP);
      if (path === '/favicon.ico') return send(res, 204, 'text/plain', '');
      if (path === '/api/state') return json(res, 200, state());
      if (path === '/api/sheet') return json(res, 200, sheet(q('name')));
      if (path === '/api/form') {
        const form = devForm(ws().form);
        return form
          ? json(res, 200, form)
          : json(res, 404, { ok: false, error: { kind: 'request', message: 'There is no form yet: run Set up from the add-on menu first.', stack: '' } });
      }
      if (path === '/api/outbox') return json(res, 200, ws().outbox.map(devMail));
      let m = /^\/api\/outbox\/([^/]+)\.eml$/.exec(path);
      if (m) {
        const { mail, index } = findMail(decodeURIComponent(m[1]));
        const eml = toEml(mailForEml(mail, index));
        return download(res, 'message/rfc822', `${slug(devMail(mail, index).subject) || 'email'}.eml`, eml);
      }
      m = /^\/api\/outbox\/([^/]+)\/html$/.exec(path);
      if (m) return send(res, 200, 'text/html', mailHtml(findMail(decodeURIComponent(m[1])).mail), MAIL_CSP);
      if (path === '/api/calendar') return json(res, 200, calendars());
      m = /^\/api\/calendar\/(\d+)\.ics$/.exec(path);
      if (m) {
        const { name, ics } = calendarIcs(Number(m[1]), null);
        return download(res, 'text/calendar', name, ics);
      }
      m = /^\/api\/event\/([^/]+)\.ics$/.exec(path);
      if (m) {
        const { name, ics } = calendarIcs(null, decodeURIComponent(m[1]));
        return download(res, 'text/calendar', name, ics);
      }
      if (path === '/api/executions') {
        const all = ws().executions;
        const from = Math.max(0, all.length - 200);
        return json(
          res,
          200,
          all
            .slice(from)
            .map((e, i) => devExecution(e, from + i))
            .reverse(),
        );
      }
    }
    if (method === 'POST') {
      const body = await readJson(req);
      if (path === '/api/run') {
        if (!isRec(body) || typeof body.fn !== 'string') throw new HttpError(400, 'expected {fn, args, user}');
        const args = body.args === undefined ? [] : body.args;
        if (!Array.isArray(args)) throw new HttpError(400, 'args must be an array');
        const result = run(body.fn, args, checkUser(body.user));
        return json(res, result.ok ? 200 : 500, result);
      }
      if (path === '/api/cell') return json(res, 200, typeIntoCell(body));
      if (path === '/api/webapp/run') {
        if (!isRec(body) || typeof body.fn !== 'string') throw new HttpError(400, 'expected {fn, args}');
        const args = body.args === undefined ? [] : body.args;
        if (!Array.isArray(args)) throw new HttpError(400, 'args must be an array');
        const result = runWebAppEndpoint(body.fn, args);
        return json(res, result.ok ? 200 : 500, result);
      }
      if (path === '/api/open') {
        const user = checkUser(isRec(body) ? body.user : undefined);
        const result = openSpreadsheet(user);
        return json(res, result.ok ? 200 : 500, { ...result, state: state() });
      }
      if (path === '/api/form/submit') return json(res, 200, submitForm(body));
      if (path === '/api/clock') return json(res, 200, setClock(body));
      if (path === '/api/calendar/respond') return json(res, 200, respond(body));
      if (path === '/api/hourly') {
        const result = hourly();
        return json(res, result.ok ? 200 : 500, result);
      }
      if (path === '/api/demo') return json(res, 202, startDemo(body));
      if (path === '/api/reset') {
        store.reset();
        return json(res, 200, state());
      }
      if (path === '/api/fault') return json(res, 200, fault(body));
    }
    throw new HttpError(404, `${method} ${path}: not found`);
  }

  /**
   * A web page elsewhere can send simple requests to localhost. So every request must name this
   * server as its Host, and a POST must be JSON (which a cross-site page cannot send without a
   * preflight this server never grants) from this server's own origin, if the browser says.
   */
  function checkOrigin(req: IncomingMessage, method: string): void {
    const hostName = (h: string): string =>
      h
        .replace(/:\d+$/, '')
        .replace(/^\[|\]$/g, '')
        .toLowerCase();
    const host = req.headers.host ?? '';
    if (opts.allowedHosts && !opts.allowedHosts.includes(hostName(host))) {
      throw new HttpError(403, `Host ${host} is not this dev server (open it as http://localhost:PORT/)`);
    }
    if (method !== 'POST') return;
    if (!/^application\/json\b/i.test(req.headers['content-type'] ?? '')) throw new HttpError(415, 'POST bodies must be application/json');
    const origin = req.headers.origin;
    if (origin !== undefined && origin.replace(/^https?:\/\//i, '').toLowerCase() !== host.toLowerCase()) {
      throw new HttpError(403, `requests from ${origin} are not accepted`);
    }
  }

  return createServer((req, res) => {
    route(req, res).catch((e: unknown) => {
      const status = e instanceof HttpError ? e.status : 500;
      const error: DevError = {
        kind: 'request',
        message: e instanceof Error ? e.message : String(e),
        stack: e instanceof HttpError ? '' : e instanceof Error ? (e.stack ?? '') : '',
      };
      if (!(e instanceof HttpError)) console.error(e);
      if (!res.headersSent) json(res, status, { ok: false, error });
      else res.end();
    });
  });
}
