// The platform as of late 2026 (research/apps-script-platform.md section 9): granular OAuth consent
// (which scope each service call needs, what each user granted), the account type (consumer or
// Workspace) and the daily runtime budget of installable triggers.
import type { ServiceName } from './execution';
import type { AccountState, GrantState, WorkspaceState } from './state';

export const SCOPE_PREFIX = 'https://www.googleapis.com/auth/';
const s = (name: string): string => (name.startsWith('https://') ? name : SCOPE_PREFIX + name);

/** Installable triggers' total runtime per user and day (quotas page): 90 min consumer, 6 h Workspace. */
export const TRIGGER_BUDGET_MS: Record<AccountState['type'], number> = { consumer: 90 * 60 * 1000, workspace: 6 * 60 * 60 * 1000 };
/** What Apps Script reports when the daily trigger runtime is used up. */
export const TRIGGER_BUDGET_MESSAGE = 'Service using too much computer time for one day';
/** What a requireScopes/requireAllScopes that found a missing scope ends the execution with. */
export const AUTHORIZATION_REQUIRED_MESSAGE = 'Authorization is required to perform that action.';
const DAY_MS = 24 * 60 * 60 * 1000;

export function accountOf(state: WorkspaceState): AccountState {
  return state.account ?? { type: 'consumer', domainOnlyForms: false };
}

/** The manifest's oauthScopes (read by the Workspace from appsscript.json). */
export function manifestScopes(state: WorkspaceState): string[] {
  return state.manifestScopes ?? [];
}

/** The scopes `user` granted (null in the grant = every scope of the manifest). */
export function grantedScopes(state: WorkspaceState, user: string): string[] {
  const g: GrantState = state.grants ?? { all: null, users: {} };
  const mine = Object.prototype.hasOwnProperty.call(g.users, user) ? g.users[user] : g.all;
  return mine === null || mine === undefined ? manifestScopes(state) : mine.map(s);
}

// Methods that need no scope at all: the authorization API itself, ids, enums, plain helpers.
const NO_SCOPE = new Set([
  'ScriptApp.getAuthorizationInfo',
  'ScriptApp.requireScopes',
  'ScriptApp.requireAllScopes',
  'ScriptApp.getScriptId',
  'ScriptApp.getOAuthToken',
  'ScriptApp.getService',
  'AuthorizationInfo.getAuthorizationStatus',
  'AuthorizationInfo.getAuthorizationUrl',
  'AuthorizationInfo.getAuthorizedScopes',
  'Session.getScriptTimeZone',
  'Session.getActiveUserLocale',
  'Session.getTemporaryActiveUserKey',
  'Session.getActiveUser',
  'Session.getEffectiveUser',
]);
const SPREADSHEETS_BY_ID = new Set(['SpreadsheetApp.openById', 'SpreadsheetApp.openByUrl', 'SpreadsheetApp.open', 'SpreadsheetApp.create']);
const UI_SHOWS = new Set(['Ui.showSidebar', 'Ui.showModalDialog', 'Ui.showModelessDialog', 'Ui.alert', 'Ui.prompt']);

/**
 * The scopes that allow a call (any one of them), or null when it needs none. Where the reference is
 * silent the stricter reading is taken: opening a spreadsheet by id needs `spreadsheets` (not
 * `spreadsheets.currentonly`), and reading a user's email needs `userinfo.email`.
 */
export function scopesFor(service: ServiceName, method: string): string[] | null {
  if (NO_SCOPE.has(method)) return null;
  switch (service) {
    case 'SpreadsheetApp':
      if (SPREADSHEETS_BY_ID.has(method)) return [s('spreadsheets')];
      if (UI_SHOWS.has(method)) return [s('script.container.ui')];
      if (method.startsWith('Menu.') || method.startsWith('Ui.') || method === 'SpreadsheetApp.getUi') return null;
      return [s('spreadsheets.currentonly'), s('spreadsheets')];
    case 'FormApp':
      if (method === 'FormApp.getActiveForm') return [s('forms.currentonly'), s('forms')];
      return [s('forms')];
    case 'MailApp':
      return [s('script.send_mail')];
    case 'GmailApp':
      return ['https://mail.google.com/', s('gmail.send'), s('gmail.compose'), s('gmail.modify')];
    case 'CalendarApp':
      return [s('calendar')];
    case 'Calendar':
      return method.startsWith('Events.') ? [s('calendar'), s('calendar.events')] : [s('calendar')];
    case 'ScriptApp':
      return [s('script.scriptapp')];
    case 'Session':
      return method === 'User.getEmail' ? [s('userinfo.email')] : null;
    default:
      return null;
  }
}

/** The authorization URL a missing grant is fixed with (any stable URL; Google's is opaque). */
export function authorizationUrl(state: WorkspaceState): string {
  return `https://script.google.com/macros/d/${state.scriptId}/authorize`;
}

/** Trigger runtime `user` has used in the current 24 h window (the window starts at its first trigger run). */
export function triggerRuntimeUsed(state: WorkspaceState, user: string, now: number): number {
  const r = state.triggerRuntime?.[user];
  if (!r || now - r.since >= DAY_MS) return 0;
  return r.usedMs;
}

export function addTriggerRuntime(state: WorkspaceState, user: string, startedAt: number, ms: number): void {
  const all = (state.triggerRuntime ??= {});
  const r = all[user];
  if (!r || startedAt - r.since >= DAY_MS) all[user] = { since: startedAt, usedMs: ms };
  else r.usedMs += ms;
}

export function triggerBudget(state: WorkspaceState): number {
  return TRIGGER_BUDGET_MS[accountOf(state).type];
}
