// JSON the dev server's HTTP API returns to its own pages (emulator/server/client/*). Both sides
// are checked against these declarations. Instants are ISO-8601 strings; `*Local` fields are the
// same instant already formatted in the program's time zone, so the page never guesses a zone.

export interface DevPreset {
  label: string;
  iso: string;
}

export interface DevMenuItem {
  label: string;
  fn: string;
}

export interface DevMenu {
  title: string;
  items: DevMenuItem[];
}

export interface DevState {
  now: string;
  nowLocal: string;
  timeZone: string;
  owner: string;
  users: string[];
  sheetNames: string[];
  counts: { outbox: number; events: number; executions: number; failures: number };
  /** bumps on every change of the workspace, so pages know when to reload a view */
  version: number;
  form: { exists: boolean; accepting: boolean; title: string };
  presets: DevPreset[];
  /** the add-on menu the bundle's onOpen built (empty until it has run successfully) */
  menus: DevMenu[];
  /** the title the bundle last gave its sidebar (showSidebar) */
  sidebarTitle: string;
  /** the last dialog the bundle showed (showModalDialog / showModelessDialog); `n` counts them */
  dialog: DevDialog | null;
  triggers: { handler: string; eventType: string; owner: string }[];
  dataFile: string;
  /** the last (or running) demo load; null if none since the server started */
  demo: DemoProgress | null;
}

export interface DevDialog {
  /** index in the workspace's dialog list: the page opens each dialog once, when `n` is new */
  n: number;
  title: string;
  width: number;
  height: number;
  modal: boolean;
  user: string;
}

export interface DevSheet {
  name: string;
  displayValues: string[][];
  formulas: string[][];
  /** rows beyond what the page is sent */
  truncatedRows: number;
}

export interface DevMail {
  id: string;
  via: string;
  from: string;
  name: string;
  to: string;
  cc: string;
  /** shown on the page; never written into the .eml headers (Bcc is not part of the message) */
  bcc: string;
  replyTo: string;
  subject: string;
  sentAt: string;
  sentAtLocal: string;
  body: string;
  hasHtml: boolean;
}

export interface DevGuest {
  email: string;
  responseStatus: string;
}

export interface DevEvent {
  id: string;
  calendarId: string;
  summary: string;
  description: string;
  location: string;
  start: string;
  end: string;
  whenLocal: string;
  meetLink: string | null;
  guests: DevGuest[];
  invitations: { email: string; kind: string; at: string }[];
}

export interface DevCalendar {
  index: number;
  id: string;
  name: string;
  timeZone: string;
  owner: string;
  events: DevEvent[];
}

export interface DevExecution {
  index: number;
  fn: string;
  /** like the Executions panel's Type: 'Trigger (ON_FORM_SUBMIT)', 'Simple trigger', 'Run' */
  type: string;
  user: string;
  startedAt: string;
  startedAtLocal: string;
  durationMs: number | null;
  ok: boolean;
  cutOff: boolean;
  error: { message: string; stack: string } | null;
  logs: string[];
  callCount: number;
  callsByService: Record<string, number>;
}

export type DevFormItemKind = 'text' | 'paragraph' | 'choice' | 'list' | 'checkbox' | 'page' | 'section' | 'other';

export interface DevFormItem {
  kind: DevFormItemKind;
  rawType: string;
  title: string;
  helpText: string;
  choices: string[];
  required: boolean;
}

export interface DevForm {
  title: string;
  description: string;
  accepting: boolean;
  closedMessage: string;
  /** what the respondent sees after submitting ('' = Google's default) */
  confirmationMessage: string;
  collectsEmail: boolean;
  items: DevFormItem[];
}

export interface DevError {
  message: string;
  stack: string;
  /** 'bundle': dist/Code.js threw (stack is the server-side one); 'request': the dev server refused the request */
  kind: 'bundle' | 'request';
}

export type RunResponse = { ok: true; value: unknown; executions: DevExecution[] } | { ok: false; error: DevError; executions: DevExecution[] };

/** The "load demo applicants" job: it runs in the background, one response at a time. */
export interface DemoProgress {
  running: boolean;
  total: number;
  submitted: number;
  /** responses a closed form refused */
  rejected: number;
  failedExecutions: number;
  from: string;
  to: string;
  ms: number;
  /** why the job stopped early, if it did */
  error: string;
}
