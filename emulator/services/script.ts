// ScriptApp: installable triggers (owned per user), enums, script id.
import type { ServiceName } from '../execution';
import { ScriptError, ServiceObject, type Runtime } from '../runtime';
import type { TriggerEventType, TriggerState } from '../state';
import { authorizationUrl, grantedScopes, manifestScopes, SCOPE_PREFIX } from '../platform';

export const EventType = {
  CLOCK: 'CLOCK',
  ON_OPEN: 'ON_OPEN',
  ON_EDIT: 'ON_EDIT',
  ON_FORM_SUBMIT: 'ON_FORM_SUBMIT',
  ON_CHANGE: 'ON_CHANGE',
  ON_EVENT_UPDATED: 'ON_EVENT_UPDATED',
} as const;
export const TriggerSource = { SPREADSHEETS: 'SPREADSHEETS', CLOCK: 'CLOCK', FORMS: 'FORMS', DOCUMENTS: 'DOCUMENTS', CALENDAR: 'CALENDAR' } as const;
export const AuthMode = { NONE: 'NONE', CUSTOM_FUNCTION: 'CUSTOM_FUNCTION', LIMITED: 'LIMITED', FULL: 'FULL' } as const;
export const WeekDay = {
  MONDAY: 'MONDAY',
  TUESDAY: 'TUESDAY',
  WEDNESDAY: 'WEDNESDAY',
  THURSDAY: 'THURSDAY',
  FRIDAY: 'FRIDAY',
  SATURDAY: 'SATURDAY',
  SUNDAY: 'SUNDAY',
} as const;
export const AuthorizationStatus = { REQUIRED: 'REQUIRED', NOT_REQUIRED: 'NOT_REQUIRED' } as const;
const MAX_TRIGGERS_PER_USER = 20;

/** ScriptApp.getAuthorizationInfo: whether the user still has to grant some of the asked scopes. */
export class AuthorizationInfo extends ServiceObject {
  constructor(
    rt: Runtime,
    private readonly asked: string[],
  ) {
    super(rt);
  }
  _kind(): [ServiceName, string] {
    return ['ScriptApp', 'AuthorizationInfo'];
  }
  private granted(): string[] {
    const mine = grantedScopes(this._rt.state, this._rt.user);
    return this.asked.filter((sc) => mine.includes(sc));
  }
  getAuthorizationStatus(): string {
    return this.granted().length === this.asked.length ? AuthorizationStatus.NOT_REQUIRED : AuthorizationStatus.REQUIRED;
  }
  /** "If no authorization is required, this method returns null." */
  getAuthorizationUrl(): string | null {
    return this.getAuthorizationStatus() === AuthorizationStatus.REQUIRED ? authorizationUrl(this._rt.state) : null;
  }
  /** The authorized scopes among those asked about (all the manifest's when none were named). */
  getAuthorizedScopes(): string[] {
    return this.granted();
  }
  toString(): string {
    return 'AuthorizationInfo';
  }
}

function scopeList(rt: Runtime, scopes: unknown, method: string): string[] {
  if (scopes === undefined) return manifestScopes(rt.state);
  if (!Array.isArray(scopes) || scopes.some((x) => typeof x !== 'string'))
    throw new ScriptError(`The parameters don't match the method signature for ScriptApp.${method}.`);
  return (scopes as string[]).map((x) => (x.startsWith('https://') ? x : SCOPE_PREFIX + x));
}

function checkAuthMode(authMode: unknown, method: string): void {
  if (!['FULL', 'LIMITED', 'NONE', 'CUSTOM_FUNCTION'].includes(String(authMode)))
    throw new ScriptError(`The parameters don't match the method signature for ScriptApp.${method}.`);
}

export class Trigger extends ServiceObject {
  constructor(
    rt: Runtime,
    readonly _uid: string,
  ) {
    super(rt);
  }
  _kind(): [ServiceName, string] {
    return ['ScriptApp', 'Trigger'];
  }
  private st(): TriggerState {
    const t = this._rt.state.triggers.find((x) => x.uid === this._uid);
    if (!t) throw new ScriptError('This trigger has been deleted.');
    return t;
  }
  getUniqueId(): string {
    return this._uid;
  }
  getHandlerFunction(): string {
    return this.st().handler;
  }
  getEventType(): string {
    return this.st().eventType;
  }
  getTriggerSource(): string {
    return this.st().source;
  }
  getTriggerSourceId(): string | null {
    return this.st().sourceId;
  }
  toString(): string {
    return 'Trigger';
  }
}

/** Shared by the spreadsheet, form and clock builders: the pending trigger and `create()`. */
abstract class BuilderBase extends ServiceObject {
  constructor(
    rt: Runtime,
    protected readonly draft: Partial<TriggerState> & { handler: string },
  ) {
    super(rt);
  }
  create(): Trigger {
    const d = this.draft;
    if (!d.eventType || !d.source) throw new ScriptError('Trigger type is not specified.');
    const rt = this._rt;
    const mine = rt.state.triggers.filter((t) => t.owner === rt.user);
    if (mine.length >= MAX_TRIGGERS_PER_USER)
      throw new ScriptError('This script has too many triggers. Triggers must be deleted from the script before more can be added.');
    const t: TriggerState = {
      uid: String(rt.core.mint(19, '0123456789')).replace(/^0/, '1'),
      handler: d.handler,
      eventType: d.eventType,
      source: d.source,
      sourceId: d.sourceId ?? null,
      owner: rt.user,
      createdAt: rt.core.clock.millis(),
      lastRunAt: null,
    };
    for (const k of ['everyMinutes', 'everyHours', 'everyDays', 'everyWeeks', 'atHour', 'at', 'after'] as const) {
      if (d[k] !== undefined) t[k] = d[k];
    }
    rt.state.triggers.push(t);
    return new Trigger(rt, t.uid);
  }
}

export class SpreadsheetTriggerBuilder extends BuilderBase {
  _kind(): [ServiceName, string] {
    return ['ScriptApp', 'SpreadsheetTriggerBuilder'];
  }
  private on(eventType: TriggerEventType): SpreadsheetTriggerBuilder {
    this.draft.eventType = eventType;
    return this;
  }
  onFormSubmit(): SpreadsheetTriggerBuilder {
    return this.on('ON_FORM_SUBMIT');
  }
  onOpen(): SpreadsheetTriggerBuilder {
    return this.on('ON_OPEN');
  }
  onEdit(): SpreadsheetTriggerBuilder {
    return this.on('ON_EDIT');
  }
  onChange(): SpreadsheetTriggerBuilder {
    return this.on('ON_CHANGE');
  }
}

export class FormTriggerBuilder extends BuilderBase {
  _kind(): [ServiceName, string] {
    return ['ScriptApp', 'FormTriggerBuilder'];
  }
  onFormSubmit(): FormTriggerBuilder {
    this.draft.eventType = 'ON_FORM_SUBMIT';
    return this;
  }
  onOpen(): FormTriggerBuilder {
    this.draft.eventType = 'ON_OPEN';
    return this;
  }
}

export class ClockTriggerBuilder extends BuilderBase {
  _kind(): [ServiceName, string] {
    return ['ScriptApp', 'ClockTriggerBuilder'];
  }
  everyMinutes(n: number): ClockTriggerBuilder {
    if (![1, 5, 10, 15, 30].includes(n)) throw new ScriptError('The value you passed to everyMinutes must be 1, 5, 10, 15 or 30.');
    this.draft.everyMinutes = n;
    return this;
  }
  everyHours(n: number): ClockTriggerBuilder {
    if (![1, 2, 4, 6, 8, 12].includes(n)) throw new ScriptError('The value you passed to everyHours must be 1, 2, 4, 6, 8 or 12.');
    this.draft.everyHours = n;
    return this;
  }
  everyDays(n: number): ClockTriggerBuilder {
    this.draft.everyDays = n;
    return this;
  }
  everyWeeks(n: number): ClockTriggerBuilder {
    this.draft.everyWeeks = n;
    return this;
  }
  atHour(hour: number): ClockTriggerBuilder {
    this.draft.atHour = hour;
    return this;
  }
  nearMinute(_minute?: number): ClockTriggerBuilder {
    return this;
  }
  inTimezone(_timezone?: string): ClockTriggerBuilder {
    return this;
  }
  onWeekDay(_day?: unknown): ClockTriggerBuilder {
    this.draft.everyWeeks ??= 1;
    return this;
  }
  at(date: Date | GoogleAppsScript.Base.Date): ClockTriggerBuilder {
    this.draft.at = date.getTime();
    return this;
  }
  after(durationMilliseconds: number): ClockTriggerBuilder {
    this.draft.after = durationMilliseconds;
    return this;
  }
}

export class TriggerBuilder extends ServiceObject {
  constructor(
    rt: Runtime,
    private readonly handler: string,
  ) {
    super(rt);
  }
  _kind(): [ServiceName, string] {
    return ['ScriptApp', 'TriggerBuilder'];
  }
  forSpreadsheet(sheet: string | { getId(): string }): SpreadsheetTriggerBuilder {
    const id = typeof sheet === 'string' ? sheet : sheet.getId();
    if (id !== this._rt.state.spreadsheet.id) throw new ScriptError('No item with the given ID could be found, or you do not have permission to access it.');
    return new SpreadsheetTriggerBuilder(this._rt, { handler: this.handler, source: 'SPREADSHEETS', sourceId: id });
  }
  forForm(form: string | { getId(): string }): FormTriggerBuilder {
    const id = typeof form === 'string' ? form : form.getId();
    if (!this._rt.state.forms.some((f) => f.id === id))
      throw new ScriptError('No item with the given ID could be found, or you do not have permission to access it.');
    return new FormTriggerBuilder(this._rt, { handler: this.handler, source: 'FORMS', sourceId: id });
  }
  timeBased(): ClockTriggerBuilder {
    return new ClockTriggerBuilder(this._rt, { handler: this.handler, source: 'CLOCK', eventType: 'CLOCK', sourceId: null });
  }
  toString(): string {
    return 'TriggerBuilder';
  }
}

/** ScriptApp.getService(): the script's web app deployment, if any. */
export class Service extends ServiceObject {
  _kind(): [ServiceName, string] {
    return ['ScriptApp', 'Service'];
  }
  /** "Returns the URL of the web app, if it has been deployed; otherwise returns null." */
  getUrl(): string | null {
    return this._rt.state.webApp?.url ?? null;
  }
  isEnabled(): boolean {
    return !!this._rt.state.webApp;
  }
  toString(): string {
    return 'Service';
  }
}

export class ScriptApp extends ServiceObject {
  readonly EventType = EventType;
  readonly TriggerSource = TriggerSource;
  readonly AuthMode = AuthMode;
  readonly WeekDay = WeekDay;
  readonly AuthorizationStatus = AuthorizationStatus;
  _kind(): [ServiceName, string] {
    return ['ScriptApp', 'ScriptApp'];
  }
  /** Granular consent: which of the manifest's scopes (or of `oAuthScopes`) the user has granted. */
  getAuthorizationInfo(authMode: GoogleAppsScript.Script.AuthMode | string, oAuthScopes?: string[]): AuthorizationInfo {
    checkAuthMode(authMode, 'getAuthorizationInfo');
    return new AuthorizationInfo(this._rt, scopeList(this._rt, oAuthScopes, 'getAuthorizationInfo'));
  }
  /** "If not, the execution ends and prompts the user for authorization." */
  requireScopes(authMode: GoogleAppsScript.Script.AuthMode | string, oAuthScopes: string[]): void {
    checkAuthMode(authMode, 'requireScopes');
    if (oAuthScopes === undefined) throw new ScriptError("The parameters don't match the method signature for ScriptApp.requireScopes.");
    this.require(scopeList(this._rt, oAuthScopes, 'requireScopes'));
  }
  requireAllScopes(authMode: GoogleAppsScript.Script.AuthMode | string): void {
    checkAuthMode(authMode, 'requireAllScopes');
    this.require(manifestScopes(this._rt.state));
  }
  private require(scopes: string[]): void {
    const mine = grantedScopes(this._rt.state, this._rt.user);
    const missing = scopes.filter((sc) => !mine.includes(sc));
    if (missing.length > 0) this._rt.endForAuthorization(missing);
  }
  newTrigger(functionName: string): TriggerBuilder {
    if (typeof functionName !== 'string' || !functionName) throw new ScriptError('Invalid argument: functionName');
    return new TriggerBuilder(this._rt, functionName);
  }
  /** Only the current user's triggers, as in Apps Script. */
  getProjectTriggers(): Trigger[] {
    return this._rt.state.triggers.filter((t) => t.owner === this._rt.user).map((t) => new Trigger(this._rt, t.uid));
  }
  getUserTriggers(source: { getId(): string }): Trigger[] {
    const id = source.getId();
    return this._rt.state.triggers.filter((t) => t.owner === this._rt.user && t.sourceId === id).map((t) => new Trigger(this._rt, t.uid));
  }
  deleteTrigger(trigger: Trigger): void {
    if (!(trigger instanceof Trigger)) throw new ScriptError("The parameters don't match the method signature for ScriptApp.deleteTrigger.");
    const i = this._rt.state.triggers.findIndex((t) => t.uid === trigger._uid && t.owner === this._rt.user);
    if (i >= 0) this._rt.state.triggers.splice(i, 1);
  }
  getScriptId(): string {
    return this._rt.state.scriptId;
  }
  getOAuthToken(): string {
    return `ya29.emulated-${this._rt.user}`;
  }
  /** The web app: its URL when the script has a web app deployment, null otherwise. */
  getService(): Service {
    return new Service(this._rt);
  }
  toString(): string {
    return 'ScriptApp';
  }
}
