// The shapes of the Workspace facade (workspace.ts): its options, what a run, a web app call and a
// form submission return, and the snapshots of sheets, forms and events it hands to tests.
import type { Execution, HtmlResponse } from './execution';
import type { CellValue, FormItemState } from './state';

export interface WorkspaceOptions {
  /** The clock's start (Date | ISO string | epoch ms). Default: the real time now. */
  now?: Date | string | number;
  /** The manifest's time zone; also the spreadsheet's. Default America/New_York. */
  scriptTimeZone?: string;
  /** Owner of the spreadsheet (and default user of `run`). */
  owner?: string;
  editors?: string[];
  /** Daily email recipients per user (consumer accounts: 100). */
  mailQuota?: number;
  /** Path of the bundle to load. Default: <repo>/dist/Code.js. */
  bundlePath?: string;
  /** Simulated latency of every service call, in emulated ms. Default 0. */
  latencyMs?: number;
  /** Title of the add-on menu (a bound script's project name). */
  projectName?: string;
  spreadsheetName?: string;
  /** Also print the bundle's console/Logger output. */
  echoLogs?: boolean;
  /**
   * How each execution loads the bundle into its fresh context: 'gas-local' (default: the artifact
   * clasp pushes, loaded the way the project's integration tests promise) calls gas-local's require,
   * which re-reads and recompiles the file every run; 'cached' runs one compiled vm.Script,
   * recompiled when the file changes (~3 ms less per execution). Both give every run a fresh context.
   */
  loader?: 'cached' | 'gas-local';
  /**
   * The account the script runs under (default 'consumer'): the daily trigger runtime (90 min
   * consumer, 6 h Workspace), whether Form.setRequireLogin exists (Workspace only) and whether new
   * forms are domain-only (see domainOnlyForms).
   */
  accountType?: 'consumer' | 'workspace';
  /** Workspace only: new forms accept only signed-in users of the owner's domain. Default true on Workspace. */
  domainOnlyForms?: boolean;
  /** The spreadsheet's own time zone (File > Settings). Default: the script's. */
  spreadsheetTimeZone?: string;
  /**
   * The OAuth scopes every user granted (granular consent): full URLs or short names
   * ('forms', 'script.send_mail'). Default: every scope of the manifest. Per user: ws.setGrantedScopes.
   */
  grantedScopes?: string[];
  /** The manifest's oauthScopes. Default: read from appsscript.json next to the bundle (else the repo's). */
  manifestScopes?: string[];
  /** The web app deployment's URL (ScriptApp.getService().getUrl()); default: not deployed. */
  webAppUrl?: string;
}

export interface RunOptions {
  /** Who runs it; for a web app execution, who it executes as (default: the owner, who deployed it). */
  user?: string;
  /** Return the failed Execution's error instead of throwing it. */
  catch?: boolean;
  /**
   * Run as the web app would (doGet, or a google.script.run call from the page it served): no
   * active spreadsheet (getActiveSpreadsheet/getActive return null, getUi throws), openById works.
   */
  webApp?: boolean;
  /** The web app's visitor, for Session.getActiveUser() ('' = anonymous, the default). */
  visitor?: string;
}

/** What a web app execution answered: the served page when it returned an HtmlOutput. */
export interface WebAppResponse {
  execution: Execution;
  /** the HtmlOutput served, or null when the function returned something else (or threw) */
  html: HtmlResponse | null;
  /** the JSON-cloned return value otherwise */
  result: unknown;
}

export interface FormSubmission {
  email?: string;
  /** Answers by question title; checkbox answers as string[]. */
  answers: Record<string, string | string[]>;
}

export type Firing = 'once' | 'twice' | 'blank-too' | 'none';

export interface SubmitResult {
  row: number;
  responseId: string;
  executions: Execution[];
}

export interface SheetSnapshot {
  name: string;
  values: CellValue[][];
  displayValues: string[][];
  formulas: string[][];
  numberFormats: (string | null)[][];
  frozenRows: number;
  maxRows: number;
  maxColumns: number;
}

export interface FormModel {
  id: string;
  title: string;
  description: string;
  items: { id: number; type: string; title: string; helpText: string; choices?: string[]; required: boolean; validation?: FormItemState['validation'] }[];
  acceptingResponses: boolean;
  /** False for a form created unpublished (FormApp.create(title)) until Form.setPublished(true). */
  published: boolean;
  /** Domain-only: only signed-in users of the owner's domain may respond. */
  requiresLogin: boolean;
  closedMessage: string;
  confirmationMessage: string;
  collectsEmail: boolean;
  destinationId: string | null;
  publishedUrl: string;
  editUrl: string;
  responses: number;
}

/** A calendar event as tests see it: start/end are Dates that also carry the API's {dateTime, timeZone}. */
export type EventTime = Date & { dateTime: string; timeZone?: string };
export interface EventView {
  id: string;
  iCalUID: string;
  calendarId: string;
  status: string;
  summary: string;
  description: string;
  location: string;
  start: EventTime;
  end: EventTime;
  attendees: { email: string; responseStatus: string }[];
  conferenceData?: Record<string, unknown>;
  hangoutLink?: string;
  reminders: Record<string, unknown>;
}

export class ExecutionError extends Error {
  constructor(
    message: string,
    readonly execution: Execution,
  ) {
    super(message);
    this.name = 'ExecutionError';
  }
}
