// The emulated Google Workspace: one bound spreadsheet, its forms, mail, calendars, triggers; runs dist/Code.js.
// Length: one class, the facade every test and the dev server drive (run, submit, open, inspect); each
// method is short and delegates to the emulated services, so splitting it would scatter one API.
// Its option and snapshot types: workspaceTypes.ts (re-exported here).
import { existsSync, readFileSync, statSync } from 'node:fs';
import path from 'node:path';
import vm from 'node:vm';
import { Clock, toMillis } from './clock';
import { Core } from './core';
import { EXECUTION_LIMIT_MS, TIME_LIMIT_MESSAGE, type Execution } from './execution';
import { Faults } from './faults';
import { answerText, isQuestion, responsesSheet, submitEventValues, writeResponse } from './forms/linking';
import { Form } from './forms/form';
import { FormResponse } from './forms/response';
import { makeGlobals } from './globals';
import { encode, reviveState, type WorkspaceJSON } from './persistence';
import { isDate, makeEmuDate, Realm } from './realm';
import { Runtime, TimeLimitError, ScriptError, unwrap, type AuthModeName } from './runtime';
import { HtmlOutput } from './services/html';
import { releaseAll } from './services/lock';
import { Range } from './spreadsheet/range';
import { Sheet } from './spreadsheet/sheet';
import { Spreadsheet } from './spreadsheet/spreadsheet';
import { clearExtentCaches, displayAt, getCell, lastColumn, lastRow, newSheet, setCell, valueAt } from './spreadsheet/sheetModel';
import type { CalendarState, CellValue, EventState, InvitationState, SentMail, TriggerState, UiState, WorkspaceState } from './state';
import { zonedParts } from './tz';
import { startMs, endMs } from './calendar/store';
import {
  accountOf,
  addTriggerRuntime,
  grantedScopes,
  manifestScopes,
  SCOPE_PREFIX,
  triggerBudget,
  triggerRuntimeUsed,
  TRIGGER_BUDGET_MESSAGE,
} from './platform';
import {
  type EventTime,
  type EventView,
  ExecutionError,
  type Firing,
  type FormModel,
  type FormSubmission,
  type RunOptions,
  type SheetSnapshot,
  type SubmitResult,
  type WebAppResponse,
  type WorkspaceOptions,
} from './workspaceTypes';

export * from './workspaceTypes';

// gas-local has no type declarations; this is the one function we use.
// eslint-disable-next-line @typescript-eslint/no-require-imports
const gas = require('gas-local') as { require(dir: string, globals: object, options?: { filter?: (file: string) => boolean }): Record<string, unknown> };

/** Compiled bundles by path (shared by every Workspace of the process), recompiled when the file changes. */
const scriptCache = new Map<string, { mtime: number; script: vm.Script }>();

const DEFAULT_BUNDLE = path.join(__dirname, '..', 'dist', 'Code.js');

/** The oauthScopes of the manifest beside the bundle (dist/appsscript.json), else the repository's. */
function readManifestScopes(bundle: string): string[] {
  for (const file of [path.join(path.dirname(bundle), 'appsscript.json'), path.join(__dirname, '..', 'appsscript.json')]) {
    if (!existsSync(file)) continue;
    const scopes = (JSON.parse(readFileSync(file, 'utf8')) as { oauthScopes?: unknown }).oauthScopes;
    if (Array.isArray(scopes)) return scopes.map(String);
  }
  return [];
}

function initialState(
  o: Required<Pick<WorkspaceOptions, 'scriptTimeZone' | 'owner' | 'editors' | 'mailQuota' | 'spreadsheetName' | 'spreadsheetTimeZone'>>,
): WorkspaceState {
  return {
    scriptId: '1emuScript000000000000000000000000000000000000000000000000',
    scriptTimeZone: o.scriptTimeZone,
    spreadsheet: {
      id: '1emuSheet0000000000000000000000000000000000',
      name: o.spreadsheetName,
      timeZone: o.spreadsheetTimeZone,
      locale: 'en_US',
      sheets: [newSheet(0, 'Sheet1')],
      activeSheetId: 0,
      nextSheetId: 1000000,
      owner: o.owner,
      editors: [...o.editors],
    },
    forms: [],
    calendars: [],
    events: [],
    invitations: [],
    outbox: [],
    mailQuota: { limit: o.mailQuota, used: {}, remainingOverride: null },
    properties: { script: {}, user: {}, document: {} },
    caches: { script: {}, user: {}, document: {} },
    triggers: [],
    ui: { menus: [], sidebars: [], dialogs: [], alerts: [], toasts: [] },
    locks: { script: null, document: null, user: {} },
    seq: 0,
  };
}

export class Workspace {
  readonly clock: Clock;
  readonly faults: Faults;
  readonly executions: Execution[] = [];
  private readonly core: Core;
  private readonly bundlePath: string;
  private readonly echoLogs: boolean;
  private readonly loader: 'cached' | 'gas-local';
  private execSeq = 0;

  constructor(options: WorkspaceOptions = {}, restored?: WorkspaceState) {
    this.clock = new Clock(options.now ?? Date.now());
    const state =
      restored ??
      initialState({
        scriptTimeZone: options.scriptTimeZone ?? 'America/New_York',
        owner: options.owner ?? 'owner@example.com',
        editors: options.editors ?? [],
        mailQuota: options.mailQuota ?? 100,
        spreadsheetName: options.spreadsheetName ?? 'Communities of Practice',
        spreadsheetTimeZone: options.spreadsheetTimeZone ?? options.scriptTimeZone ?? 'America/New_York',
      });
    const accountType = options.accountType ?? state.account?.type ?? 'consumer';
    state.account = { type: accountType, domainOnlyForms: accountType === 'workspace' && (options.domainOnlyForms ?? state.account?.domainOnlyForms ?? true) };
    state.manifestScopes = options.manifestScopes ?? state.manifestScopes ?? readManifestScopes(path.resolve(options.bundlePath ?? DEFAULT_BUNDLE));
    state.grants ??= { all: null, users: {} };
    if (options.grantedScopes) state.grants.all = [...options.grantedScopes];
    this.faults = new Faults(
      () => this.core.state,
      () => this.clock.millis(),
      options.latencyMs ?? 0,
    );
    this.bundlePath = path.resolve(options.bundlePath ?? DEFAULT_BUNDLE);
    this.echoLogs = options.echoLogs ?? false;
    this.loader = options.loader ?? 'gas-local';
    this.core = new Core(
      state,
      this.clock,
      this.faults,
      makeEmuDate(this.clock, () => this.core.state.scriptTimeZone),
      {
        bundlePath: this.bundlePath,
        projectName: options.projectName ?? 'Communities of Practice',
        domain: state.spreadsheet.owner.split('@')[1] ?? 'example.com',
      },
    );
    if (options.webAppUrl !== undefined) state.webApp = { url: options.webAppUrl };
  }

  /** The raw state (for tools such as the dev server); prefer the typed views below in tests. */
  get state(): WorkspaceState {
    return this.core.state;
  }

  get owner(): string {
    return this.core.state.spreadsheet.owner;
  }

  get spreadsheetId(): string {
    return this.core.state.spreadsheet.id;
  }

  // --- executions ------------------------------------------------------------------------------

  /** Runs a bundle function as Apps Script would (fresh context; args and result JSON-cloned). */
  run(fn: string, args: unknown[] = [], options: RunOptions = {}): unknown {
    const web = options.webApp ? { visitor: options.visitor ?? '' } : undefined;
    const exec = this.execute(fn, options.user ?? this.owner, (rt) => args.map((a) => rt.realm!.jsonIn(a)), null, 'FULL', web);
    if (exec.error && !options.catch) throw new ExecutionError(exec.error.message, exec);
    return exec.error ? exec.error : exec.result;
  }

  /**
   * Google serving the web app: runs `fn` (doGet, or an endpoint its page calls) in web-app mode as
   * the deployer. Never throws: a failed execution is in `.execution.error` (Google shows its
   * error page). `e` for doGet: { parameter: {t: '…'}, parameters: {t: ['…']}, queryString, ... }.
   */
  runWebApp(fn: string, args: unknown[] = [], options: Omit<RunOptions, 'webApp' | 'catch'> = {}): WebAppResponse {
    this.run(fn, args, { ...options, webApp: true, catch: true });
    const execution = this.lastExecution as Execution;
    return { execution, html: execution.error ? null : (execution.output ?? null), result: execution.error ? undefined : execution.result };
  }

  /** Deploys the script as a web app (ScriptApp.getService().getUrl() returns `url` from now on). */
  deployWebApp(url = `https://script.google.com/macros/s/AKfycbEmu${this.core.state.scriptId.slice(8, 40)}/exec`): string {
    this.core.state.webApp = { url };
    return url;
  }

  /** Removes the web app deployment (getUrl() returns null again). */
  undeployWebApp(): void {
    this.core.state.webApp = null;
  }

  /**
   * A person types a value into a cell of a tab in the Sheets UI (the dev server's cell editor):
   * the value is stored as typed (numbers as numbers, '' clears the cell). Not a bundle execution.
   */
  typeIntoCell(sheetName: string, row: number, col: number, value: string | number | boolean): void {
    const s = this.core.state.spreadsheet.sheets.find((x) => x.name === sheetName);
    if (!s) throw new Error(`typeIntoCell: no tab named ${JSON.stringify(sheetName)}`);
    if (!Number.isInteger(row) || !Number.isInteger(col) || row < 1 || col < 1) throw new Error('typeIntoCell: row and column are 1-based integers');
    setCell(s, row, col, value === '' ? undefined : { v: value });
    clearExtentCaches();
  }

  get webAppUrl(): string | null {
    return this.core.state.webApp?.url ?? null;
  }

  get lastExecution(): Execution | undefined {
    return this.executions[this.executions.length - 1];
  }

  /** The one place an execution starts: fresh globals, fresh gas-local context, locks released at the end. */
  private execute(
    fn: string,
    user: string,
    makeArgs: (rt: Runtime) => unknown[],
    trigger: Execution['trigger'],
    authMode: AuthModeName = 'FULL',
    webApp?: { visitor: string },
  ): Execution {
    const exec: Execution = {
      id: `exec-${++this.execSeq}`,
      fn,
      user,
      trigger,
      calls: [],
      logs: [],
      startedAt: this.clock.now(),
      endedAt: null,
      cutOff: false,
    };
    const rt = new Runtime(this.core, exec, user);
    rt.authMode = authMode;
    if (webApp) {
      rt.webApp = true;
      rt.visitor = webApp.visitor;
      exec.webApp = true;
    }
    const globals = makeGlobals(rt, this.echoLogs);
    const context = vm.createContext(globals);
    rt.realm = new Realm(context, this.core.EmuDate);
    const state = this.core.state;
    try {
      // The user's daily trigger runtime is used up: the trigger fires and fails at once.
      if (trigger && triggerRuntimeUsed(state, user, exec.startedAt.getTime()) >= triggerBudget(state)) {
        exec.cutOff = true;
        exec.endReason = TRIGGER_BUDGET_MESSAGE;
        throw new TimeLimitError(TRIGGER_BUDGET_MESSAGE);
      }
      this.load(context);
      const target = (context as Record<string, unknown>)[fn];
      if (typeof target !== 'function') throw new ScriptError(`Script function not found: ${fn}`);
      const result: unknown = (target as (...a: unknown[]) => unknown)(...makeArgs(rt));
      if (exec.cutOff) throw new TimeLimitError(exec.endReason);
      const host = unwrap(result);
      if (host instanceof HtmlOutput) exec.output = host._served();
      else exec.result = result === undefined ? undefined : (JSON.parse(JSON.stringify(result)) as unknown);
    } catch (e) {
      const message = exec.cutOff
        ? (exec.endReason ?? TIME_LIMIT_MESSAGE)
        : e instanceof Error || (e !== null && typeof e === 'object' && 'message' in e)
          ? String((e as Error).message)
          : String(e);
      const stack = e !== null && typeof e === 'object' && 'stack' in e ? String((e as Error).stack) : '';
      exec.error = { message, stack };
    } finally {
      releaseAll(this.core.state.locks, exec.id);
      exec.endedAt = this.clock.now();
      if (trigger) addTriggerRuntime(state, user, exec.startedAt.getTime(), exec.endedAt.getTime() - exec.startedAt.getTime() + this.faults.triggerOverheadMs);
      this.executions.push(exec);
    }
    return exec;
  }

  /** Runs the bundle's top level in `context`, as gas-local does (one context, the file's code). */
  private load(context: vm.Context): void {
    const bundle = this.bundlePath;
    if (this.loader === 'gas-local') {
      gas.require(path.dirname(bundle), context, { filter: (f) => path.resolve(f) === bundle });
      return;
    }
    const mtime = statSync(bundle).mtimeMs;
    let cached = scriptCache.get(bundle);
    if (!cached || cached.mtime !== mtime) {
      cached = { mtime, script: new vm.Script(readFileSync(bundle, 'utf8'), { filename: bundle }) };
      scriptCache.set(bundle, cached);
    }
    cached.script.runInContext(context);
  }

  // --- Google acting: form submissions, triggers, opening the sheet ----------------------------

  /**
   * The form a respondent reaches: `formId` when given, else the most recently created form linked
   * to the spreadsheet (after a new program year the sheet has two linked forms; the new one is
   * the one being handed out).
   */
  private linkedForm(formId?: string) {
    const ss = this.core.state.spreadsheet;
    const linked = this.core.state.forms.filter((f) => f.destinationId === ss.id && f.destinationSheetId !== null);
    if (formId !== undefined) return linked.find((f) => f.id === formId) ?? null;
    return linked[linked.length - 1] ?? null;
  }

  /** A respondent submits the linked form: the responses row is written, then form-submit triggers fire. */
  submitForm(submission: FormSubmission, options: { firing?: Firing; formId?: string } = {}): SubmitResult {
    const state = this.core.state;
    const form = this.linkedForm(options.formId);
    if (!form)
      throw new Error(
        options.formId ? `submitForm: no linked form has the id ${options.formId}` : 'submitForm: no form is linked to the spreadsheet (run setup first)',
      );
    // Today's platform: a form made through the API starts unpublished and takes no responses.
    if (form.published === false) throw new Error('submitForm: the form is not published, so it accepts no responses (publish it: Form.setPublished(true))');
    if (!form.acceptingResponses) throw new Error(`submitForm: the form is not accepting responses (${form.closedMessage || 'closed'})`);
    if (form.requireLogin) {
      const domain = this.owner.split('@')[1]?.toLowerCase() ?? '';
      const from = (submission.email ?? '').split('@')[1]?.toLowerCase() ?? '';
      if (from !== domain)
        throw new Error(
          `submitForm: the form accepts only signed-in users of ${domain} (requiresLogin() is true); ${submission.email ?? 'an anonymous respondent'} cannot respond`,
        );
    }
    const answers = [];
    for (const [title, response] of Object.entries(submission.answers)) {
      const item = form.items.find((i) => isQuestion(i) && i.title === title);
      if (!item) throw new Error(`submitForm: the form has no question titled ${JSON.stringify(title)}`);
      if (Array.isArray(response) && item.type !== 'CHECKBOX') throw new Error(`submitForm: ${title} is not a checkbox question`);
      answers.push({ itemId: item.id, response: Array.isArray(response) ? [...response] : String(response) });
    }
    const response = {
      id: `2_ABaOnu${this.core.mint(48, 'abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789-_')}`,
      timestamp: this.clock.now(),
      email: form.collectEmail ? (submission.email ?? '') : '',
      answers,
    };
    form.responses.push(response);
    const row = writeResponse(state, form, response);
    const sheet = responsesSheet(state, form);
    const executions: Execution[] = [];
    const firing = options.firing ?? 'once';
    if (firing === 'none' || !sheet) return { row, responseId: response.id, executions };
    const triggers = state.triggers.filter(
      (t) =>
        t.eventType === 'ON_FORM_SUBMIT' &&
        ((t.source === 'SPREADSHEETS' && t.sourceId === state.spreadsheet.id) || (t.source === 'FORMS' && t.sourceId === form.id)),
    );
    const sheetId = sheet.id;
    const fire = (t: TriggerState, blank: boolean): void => {
      const ev = (rt: Runtime): unknown[] => {
        if (t.source === 'FORMS') {
          const formObj = new Form(rt, form.id);
          return [rt.toBundle({ authMode: 'FULL', response: new FormResponse(rt, () => formObj._st(), response.id), source: formObj, triggerUid: t.uid })];
        }
        const s = state.spreadsheet.sheets.find((x) => x.id === sheetId);
        if (!s) return [rt.toBundle({ authMode: 'FULL', triggerUid: t.uid })];
        const { values, namedValues } = submitEventValues(state, s, row);
        if (blank) {
          for (let i = 1; i < values.length; i++) values[i] = '';
          for (const k of Object.keys(namedValues)) if (k !== 'Timestamp') namedValues[k] = [''];
        }
        const ss = new Spreadsheet(rt);
        const range = new Range(rt, new Sheet(rt, ss, sheetId), { row, col: 1, numRows: 1, numCols: Math.max(1, values.length) });
        // The event's plain parts are built in the bundle's realm (e.values instanceof Array holds).
        const e = rt.realm!.jsonIn({ authMode: 'FULL', namedValues, triggerUid: t.uid, values }) as Record<string, unknown>;
        e.range = rt.wrap(range);
        e.source = rt.wrap(ss);
        return [e];
      };
      executions.push(this.execute(t.handler, t.owner, ev, { uid: t.uid, eventType: t.eventType }));
    };
    for (const t of triggers) {
      fire(t, false);
      if (firing === 'twice') fire(t, false);
      if (firing === 'blank-too') fire(t, true);
    }
    return { row, responseId: response.id, executions };
  }

  /** Fires every due CLOCK trigger once, as its owner. A trigger that never ran is due. */
  runTimeTriggers(): Execution[] {
    const now = this.clock.millis();
    const out: Execution[] = [];
    for (const t of [...this.core.state.triggers]) {
      if (t.eventType !== 'CLOCK' || !this.isDue(t, now)) continue;
      t.lastRunAt = now;
      if (t.at !== undefined || t.after !== undefined) this.core.state.triggers = this.core.state.triggers.filter((x) => x.uid !== t.uid);
      const p = zonedParts(now, 'UTC');
      const event = {
        authMode: 'FULL',
        triggerUid: t.uid,
        year: p.year,
        month: p.month,
        'day-of-month': p.day,
        'day-of-week': p.weekday === 0 ? 7 : p.weekday,
        'week-of-year': Math.ceil(((now - Date.UTC(p.year, 0, 1)) / 86400000 + 1) / 7),
        hour: p.hour,
        minute: p.minute,
        second: p.second,
        timezone: 'UTC',
      };
      out.push(this.execute(t.handler, t.owner, (rt) => [rt.realm!.jsonIn(event)], { uid: t.uid, eventType: 'CLOCK' }));
    }
    return out;
  }

  private isDue(t: TriggerState, now: number): boolean {
    if (t.at !== undefined) return now >= t.at;
    if (t.after !== undefined) return now >= t.createdAt + t.after;
    if (t.lastRunAt === null) return true;
    const every = (t.everyMinutes ?? 0) * 60000 + (t.everyHours ?? 0) * 3600000 + (t.everyDays ?? 0) * 86400000 + (t.everyWeeks ?? 0) * 7 * 86400000;
    return now - t.lastRunAt >= (every || 3600000);
  }

  /**
   * A user opens the spreadsheet: the simple `onOpen` runs in LIMITED mode (NONE for an add-on not yet
   * used in the document): services that need authorization throw), then installed ON_OPEN triggers.
   */
  open(user: string = this.owner, options: { authMode?: 'LIMITED' | 'NONE' } = {}): Execution[] {
    const out: Execution[] = [];
    const authMode = options.authMode ?? 'LIMITED';
    const simple = this.execute('onOpen', user, (rt) => [rt.toBundle({ authMode, source: new Spreadsheet(rt), user: { email: user } })], null, authMode);
    if (!(simple.error && simple.error.message.startsWith('Script function not found'))) out.push(simple);
    for (const t of this.core.state.triggers.filter((x) => x.eventType === 'ON_OPEN' && x.source === 'SPREADSHEETS')) {
      out.push(
        this.execute(t.handler, t.owner, (rt) => [rt.toBundle({ authMode: 'FULL', source: new Spreadsheet(rt), triggerUid: t.uid })], {
          uid: t.uid,
          eventType: 'ON_OPEN',
        }),
      );
    }
    return out;
  }

  // --- inspection --------------------------------------------------------------------------------

  sheetNames(): string[] {
    return this.core.state.spreadsheet.sheets.map((s) => s.name);
  }

  sheet(name: string): SheetSnapshot | undefined {
    const ss = this.core.state.spreadsheet;
    const s = ss.sheets.find((x) => x.name === name);
    if (!s) return undefined;
    clearExtentCaches();
    const rows = lastRow(s);
    const cols = lastColumn(s);
    const grid = <T>(fn: (r: number, c: number) => T): T[][] =>
      Array.from({ length: rows }, (_, i) => Array.from({ length: cols }, (_, j) => fn(i + 1, j + 1)));
    return {
      name: s.name,
      values: grid((r, c) => {
        const v = valueAt(ss, s, r, c);
        return isDate(v) ? new Date(v.getTime()) : v;
      }),
      displayValues: grid((r, c) => displayAt(ss, s, r, c)),
      formulas: grid((r, c) => getCell(s, r, c)?.f ?? ''),
      numberFormats: grid((r, c) => getCell(s, r, c)?.nf ?? null),
      frozenRows: s.frozenRows,
      maxRows: s.maxRows,
      maxColumns: s.maxCols,
    };
  }

  /** Rows 2..last of a tab as objects keyed by the row-1 headers. */
  records(name: string): Record<string, CellValue>[] {
    const snap = this.sheet(name);
    if (!snap || snap.values.length === 0) return [];
    const headers = snap.values[0].map(String);
    return snap.values.slice(1).map((row) => {
      const rec: Record<string, CellValue> = {};
      headers.forEach((h, j) => {
        if (h !== '') rec[h] = row[j];
      });
      return rec;
    });
  }

  /** The linked form (or, if none is linked, the last form created), as plain data. */
  get form(): FormModel | null {
    const f = this.linkedForm() ?? this.core.state.forms[this.core.state.forms.length - 1];
    return f ? this.formModel(f) : null;
  }

  /** Every form created so far (linked or not), oldest first, as plain data. */
  get allForms(): FormModel[] {
    return this.core.state.forms.map((f) => this.formModel(f));
  }

  private formModel(f: WorkspaceState['forms'][number]): FormModel {
    return {
      id: f.id,
      title: f.title,
      description: f.description,
      items: f.items.map((i) => ({
        id: i.id,
        type: i.type,
        title: i.title,
        helpText: i.helpText,
        required: i.required,
        ...(i.choices ? { choices: [...i.choices] } : {}),
        ...(i.validation ? { validation: i.validation } : {}),
      })),
      acceptingResponses: f.published !== false && f.acceptingResponses,
      published: f.published !== false,
      requiresLogin: f.requireLogin,
      closedMessage: f.closedMessage,
      confirmationMessage: f.confirmationMessage,
      collectsEmail: f.collectEmail,
      destinationId: f.destinationId,
      publishedUrl: `https://docs.google.com/forms/d/e/${f.publishedId}/viewform`,
      editUrl: `https://docs.google.com/forms/d/${f.id}/edit`,
      responses: f.responses.length,
    };
  }

  get forms(): number {
    return this.core.state.forms.length;
  }

  get outbox(): SentMail[] {
    return this.core.state.outbox;
  }

  get calendars(): Pick<CalendarState, 'id' | 'name' | 'timeZone' | 'owner'>[] {
    return this.core.state.calendars.filter((c) => !c.deleted).map(({ id, name, timeZone, owner }) => ({ id, name, timeZone, owner }));
  }

  /** Live (not cancelled) events, optionally of one calendar, in start order. */
  events(calendarId?: string): EventView[] {
    const time = (ms: number, t: EventState['start']): EventTime =>
      Object.assign(new Date(ms), { dateTime: t.dateTime, ...(t.timeZone ? { timeZone: t.timeZone } : {}) });
    return this.core.state.events
      .filter((e) => e.status !== 'cancelled' && (calendarId === undefined || e.calendarId === calendarId))
      .sort((a, b) => startMs(a) - startMs(b))
      .map((e) => ({
        id: e.id,
        iCalUID: e.iCalUID,
        calendarId: e.calendarId,
        status: e.status,
        summary: e.summary,
        description: e.description,
        location: e.location,
        start: time(startMs(e), e.start),
        end: time(endMs(e), e.end),
        attendees: e.attendees.map((a) => ({ email: a.email, responseStatus: a.responseStatus })),
        ...(e.conferenceData ? { conferenceData: JSON.parse(JSON.stringify(e.conferenceData)) as Record<string, unknown> } : {}),
        ...(e.hangoutLink ? { hangoutLink: e.hangoutLink } : {}),
        reminders: JSON.parse(JSON.stringify(e.reminders)) as Record<string, unknown>,
      }));
  }

  /**
   * A guest answers the invitation (Yes / No / Maybe in their Calendar, or from the invitation
   * email): their `responseStatus` on the event becomes `status`, as the Calendar API then shows
   * it. Nothing is emailed to the other guests; the event's `updated` moves, its `sequence` does
   * not (an attendee's own answer is not an organizer change). Throws for an unknown event or a
   * guest who is not on it.
   */
  respondToInvitation(eventId: string, email: string, status: 'accepted' | 'declined' | 'tentative' | 'needsAction'): void {
    if (!['accepted', 'declined', 'tentative', 'needsAction'].includes(status))
      throw new Error(`respondToInvitation: unknown responseStatus ${String(status)}`);
    const ev = this.core.state.events.find((e) => e.id === eventId && e.status !== 'cancelled');
    if (!ev) throw new Error(`respondToInvitation: no event ${eventId}`);
    const guest = ev.attendees.find((a) => a.email.toLowerCase() === String(email).trim().toLowerCase());
    if (!guest) throw new Error(`respondToInvitation: ${email} is not a guest of ${eventId}`);
    guest.responseStatus = status;
    ev.updated = this.clock.now().toISOString();
  }

  get invitationsSent(): InvitationState[] {
    return this.core.state.invitations;
  }

  get triggers(): TriggerState[] {
    return this.core.state.triggers;
  }

  get properties(): { script: Record<string, string>; user: Record<string, Record<string, string>>; document: Record<string, string> } {
    return this.core.state.properties;
  }

  get ui(): UiState {
    return this.core.state.ui;
  }

  get lock(): { heldBy: string | null } {
    return { heldBy: this.core.state.locks.script?.executionId ?? null };
  }

  /** The account type and whether new forms are domain-only. */
  get account(): { type: 'consumer' | 'workspace'; domainOnlyForms: boolean } {
    return { ...accountOf(this.core.state) };
  }

  /**
   * Granular consent: the scopes `user` (default: every user without their own grant) has granted.
   * Full URLs or short names ('forms'); null = every scope of the manifest.
   */
  setGrantedScopes(scopes: string[] | null, user?: string): void {
    const g = (this.core.state.grants ??= { all: null, users: {} });
    const full = scopes === null ? null : scopes.map((x) => (x.startsWith('https://') ? x : SCOPE_PREFIX + x));
    if (user === undefined) g.all = full;
    else g.users[user] = full;
  }

  /** The scopes `user` has granted (full URLs). */
  grantedScopes(user: string = this.owner): string[] {
    return grantedScopes(this.core.state, user);
  }

  /** The manifest's oauthScopes. */
  get manifestScopes(): string[] {
    return manifestScopes(this.core.state);
  }

  /** Installable-trigger runtime `user` used in the current 24 h window (ms), and the account's budget. */
  triggerRuntime(user: string = this.owner): { usedMs: number; budgetMs: number } {
    return { usedMs: triggerRuntimeUsed(this.core.state, user, this.clock.millis()), budgetMs: triggerBudget(this.core.state) };
  }

  /** Email recipients `user` may still send to today. */
  remainingMailQuota(user: string = this.owner): number {
    const q = this.core.state.mailQuota;
    const u = q.used[user];
    const now = this.clock.millis();
    if (!u || now - u.since >= 86400000) {
      const o = q.remainingOverride;
      return o && now - o.since < 86400000 ? o.remaining : q.limit;
    }
    return Math.max(0, q.limit - u.count);
  }

  /** Answers of stored responses (as Google keeps them, independent of the sheet). */
  formResponses(): { id: string; timestamp: Date; email: string; answers: Record<string, string> }[] {
    const f = this.linkedForm() ?? this.core.state.forms[this.core.state.forms.length - 1];
    if (!f) return [];
    return f.responses.map((r) => ({
      id: r.id,
      timestamp: new Date(r.timestamp.getTime()),
      email: r.email,
      answers: Object.fromEntries(r.answers.map((a) => [f.items.find((i) => i.id === a.itemId)?.title ?? String(a.itemId), answerText(a.response)])),
    }));
  }

  // --- persistence -----------------------------------------------------------------------------

  toJSON(): WorkspaceJSON {
    return { version: 1, now: this.clock.now().toISOString(), state: encode(this.core.state) };
  }

  static fromJSON(json: WorkspaceJSON | string, options: WorkspaceOptions = {}): Workspace {
    const data = (typeof json === 'string' ? JSON.parse(json) : json) as WorkspaceJSON;
    if (data.version !== 1) throw new Error(`Workspace.fromJSON: unsupported version ${String(data.version)}`);
    return new Workspace({ ...options, now: options.now ?? toMillis(data.now) }, reviveState(data.state));
  }
}

export { EXECUTION_LIMIT_MS };
