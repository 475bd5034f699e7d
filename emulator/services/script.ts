// ScriptApp: installable triggers (owned per user; Trigger and its builders in triggers.ts), enums,
// authorization info, the web app service, script id.
import type { ServiceName } from '../execution';
import { ScriptError, ServiceObject, type Runtime } from '../runtime';
import { authorizationUrl, grantedScopes, manifestScopes, SCOPE_PREFIX } from '../platform';
import { Trigger, TriggerBuilder } from './triggers';

export { ClockTriggerBuilder, FormTriggerBuilder, SpreadsheetTriggerBuilder, Trigger, TriggerBuilder } from './triggers';

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
