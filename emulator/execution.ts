// What one run of a bundle function did: its service calls, logs, outcome.
export type ServiceName =
  | 'SpreadsheetApp'
  | 'FormApp'
  | 'MailApp'
  | 'GmailApp'
  | 'CalendarApp'
  | 'Calendar'
  | 'PropertiesService'
  | 'CacheService'
  | 'LockService'
  | 'ScriptApp'
  | 'HtmlService'
  | 'Session'
  | 'Utilities'
  | 'Logger';

export interface ServiceCall {
  service: ServiceName;
  /** Class-qualified method: 'Range.getValues', 'Spreadsheet.getSheetByName', 'MailApp.sendEmail', 'Events.patch'. */
  method: string;
  /** Whether this execution held the script lock when the call started. */
  lockHeld: boolean;
  /** Cells read or written, for calls that take or return a 2-D array of values (getValues, setValues, ...). */
  cells?: number;
}

export interface Execution {
  id: string;
  fn: string;
  user: string;
  /** Set when an installed trigger (or the emulator acting as Google) started the run. */
  trigger: { uid: string; eventType: string } | null;
  calls: ServiceCall[];
  error?: { message: string; stack: string };
  logs: string[];
  startedAt: Date;
  endedAt: Date | null;
  cutOff: boolean;
  /** Why the platform ended the run when it was not the 6-minute limit (trigger budget, authorization). */
  endReason?: string;
  /** Scopes a requireScopes/requireAllScopes found missing (the run ended with an authorization prompt). */
  authorizationRequired?: string[];
  /** The function's return value, JSON-cloned. */
  result?: unknown;
  /** Set when the execution ran as the web app (doGet or a google.script.run call from its page). */
  webApp?: boolean;
  /** When the function returned an HtmlOutput (doGet): what Google would serve. */
  output?: HtmlResponse;
}

/** An HtmlOutput as served: its content and the settings HtmlService applies when serving it. */
export interface HtmlResponse {
  content: string;
  title: string;
  xFrameOptionsMode: string;
  sandboxMode: string;
  metaTags: { name: string; content: string }[];
  faviconUrl: string;
}

export function countCalls(execution: Execution, service?: ServiceName, method?: string): number {
  let n = 0;
  for (const c of execution.calls) {
    if (service && c.service !== service) continue;
    if (method && c.method !== method && `${c.service}.${c.method}` !== method) continue;
    n++;
  }
  return n;
}

/** Thrown inside the bundle by the emulator when an execution hits its (real or injected) time limit. */
export const TIME_LIMIT_MESSAGE = 'Exceeded maximum execution time';
export const EXECUTION_LIMIT_MS = 6 * 60 * 1000;
