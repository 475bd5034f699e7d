// The whole emulated Workspace as plain data: services are views over it, persistence serialises it.
// Length: the types of the whole emulated state as plain data, which persistence and every service
// read together; split, they would no longer show the state at a glance.
export type CellValue = string | number | boolean | Date;

/** One stored cell: its value, its formula (if any) and its number format (if set). */
export interface CellData {
  v: CellValue;
  f?: string;
  nf?: string;
}

/** A formatting call recorded on a range (background, font weight, wrap, ...). */
export interface FormatRecord {
  a1: string;
  property: string;
  value: unknown;
}

export interface ValidationRecord {
  a1: string;
  rule: DataValidationRule | null;
}

export interface DataValidationRule {
  criteria: string;
  args: unknown[];
  allowInvalid: boolean;
  helpText: string;
}

export interface SheetState {
  id: number;
  name: string;
  rows: (CellData | undefined)[][];
  maxRows: number;
  maxCols: number;
  frozenRows: number;
  frozenCols: number;
  hidden: boolean;
  tabColor: string | null;
  columnWidths: Record<number, number>;
  formats: FormatRecord[];
  validations: ValidationRecord[];
  notes: Record<string, string>;
  protections: string[];
}

export interface SpreadsheetState {
  id: string;
  name: string;
  timeZone: string;
  locale: string;
  sheets: SheetState[];
  activeSheetId: number;
  nextSheetId: number;
  owner: string;
  editors: string[];
}

export type ItemTypeName =
  | 'TEXT'
  | 'PARAGRAPH_TEXT'
  | 'MULTIPLE_CHOICE'
  | 'LIST'
  | 'CHECKBOX'
  | 'PAGE_BREAK'
  | 'SECTION_HEADER'
  | 'SCALE'
  | 'DATE'
  | 'TIME'
  | 'DATETIME'
  | 'DURATION'
  | 'GRID'
  | 'CHECKBOX_GRID'
  | 'IMAGE'
  | 'VIDEO';

export interface FormItemState {
  id: number;
  type: ItemTypeName;
  title: string;
  helpText: string;
  required: boolean;
  choices?: string[];
  hasOtherOption?: boolean;
  validation?: { kind: string; args: unknown[]; helpText: string } | null;
}

export interface FormAnswer {
  itemId: number;
  response: string | string[];
}

export interface FormResponseState {
  id: string;
  timestamp: Date;
  email: string;
  answers: FormAnswer[];
}

export interface FormState {
  id: string;
  publishedId: string;
  title: string;
  description: string;
  collectEmail: boolean;
  confirmationMessage: string;
  acceptingResponses: boolean;
  /**
   * Forms made through the API after 30 June 2026 start unpublished and take no responses until
   * published (absent in states saved before this field existed: those forms were published).
   */
  published?: boolean;
  closedMessage: string;
  allowResponseEdits: boolean;
  limitOneResponsePerUser: boolean;
  requireLogin: boolean;
  showLinkToRespondAgain: boolean;
  progressBar: boolean;
  shuffleQuestions: boolean;
  publishingSummary: boolean;
  items: FormItemState[];
  nextItemId: number;
  responses: FormResponseState[];
  destinationId: string | null;
  /** The responses tab of the destination and which column each field writes. */
  destinationSheetId: number | null;
  columns: { key: 'timestamp' | 'email' | number; col: number }[];
  owner: string;
}

export interface CalendarState {
  id: string;
  name: string;
  description: string;
  timeZone: string;
  owner: string;
  deleted: boolean;
}

export interface AttendeeState {
  email: string;
  responseStatus: string;
  displayName?: string;
  optional?: boolean;
  organizer?: boolean;
  self?: boolean;
}

/** An event as the Calendar API resource, plus bookkeeping. Times are RFC 3339 strings. */
export interface EventState {
  id: string;
  calendarId: string;
  iCalUID: string;
  status: 'confirmed' | 'tentative' | 'cancelled';
  summary: string;
  description: string;
  location: string;
  start: { dateTime: string; timeZone?: string };
  end: { dateTime: string; timeZone?: string };
  attendees: AttendeeState[];
  conferenceData?: Record<string, unknown>;
  hangoutLink?: string;
  reminders: Record<string, unknown>;
  recurrence?: string[];
  guestsCanSeeOtherGuests?: boolean;
  guestsCanInviteOthers?: boolean;
  extendedProperties?: Record<string, unknown>;
  created: string;
  updated: string;
  sequence: number;
  organizer: { email: string; self?: boolean };
  creator: { email: string };
  extra: Record<string, unknown>;
}

export interface InvitationState {
  eventId: string;
  calendarId: string;
  email: string;
  kind: 'invitation' | 'update' | 'cancellation';
  at: Date;
  via: 'Calendar' | 'CalendarApp';
}

export interface SentMail {
  id: string;
  via: 'MailApp' | 'GmailApp';
  to: string;
  subject: string;
  body: string;
  htmlBody?: string;
  replyTo?: string;
  name?: string;
  cc?: string;
  bcc?: string;
  noReply?: boolean;
  from?: string;
  attachments?: number;
  sentAt: Date;
  by: string;
}

export interface MailQuotaState {
  limit: number;
  /** Per user: recipients used in the current 24 h window, and when that window started. */
  used: Record<string, { count: number; since: number }>;
  /** setMailQuota(n) without a user: the remaining count every user (seen or not) starts from. */
  remainingOverride: { remaining: number; since: number } | null;
}

export type TriggerEventType = 'ON_FORM_SUBMIT' | 'ON_OPEN' | 'ON_EDIT' | 'ON_CHANGE' | 'CLOCK' | 'ON_EVENT_UPDATED';
export type TriggerSourceName = 'SPREADSHEETS' | 'FORMS' | 'CLOCK' | 'CALENDAR' | 'DOCUMENTS';

export interface TriggerState {
  uid: string;
  handler: string;
  eventType: TriggerEventType;
  source: TriggerSourceName;
  sourceId: string | null;
  owner: string;
  everyMinutes?: number;
  everyHours?: number;
  everyDays?: number;
  everyWeeks?: number;
  atHour?: number;
  at?: number;
  after?: number;
  createdAt: number;
  lastRunAt: number | null;
}

export interface MenuState {
  title: string;
  addon: boolean;
  items: ({ label: string; fn: string } | { separator: true } | { subMenu: MenuState })[];
}

export interface UiState {
  menus: MenuState[];
  sidebars: { title: string; html: string; width: number; user: string; at: Date }[];
  dialogs: { title: string; html: string; width: number; height: number; modal: boolean; user: string }[];
  alerts: { title: string; prompt: string; buttons: string; response: string; user: string }[];
  toasts: { message: string; title: string; timeoutSeconds: number; at: Date }[];
}

export interface CacheEntry {
  value: string;
  expiresAt: number;
}

export interface LockHolder {
  executionId: string;
  /** A holder outside any execution (fault injection) may set a release time. */
  until?: number;
}

/** The account the script runs under: decides the trigger budget, setRequireLogin and new forms' audience. */
export interface AccountState {
  type: 'consumer' | 'workspace';
  /** Workspace only: a new form accepts only signed-in users of the owner's domain (requiresLogin() true). */
  domainOnlyForms: boolean;
}

/** Granted OAuth scopes: `all` applies to every user not listed in `users`; null = every manifest scope. */
export interface GrantState {
  all: string[] | null;
  users: Record<string, string[] | null>;
}

export interface WorkspaceState {
  scriptId: string;
  /** Absent in states saved before these fields existed (read as a consumer account, all scopes granted). */
  account?: AccountState;
  manifestScopes?: string[];
  grants?: GrantState;
  /** Per user: installable-trigger runtime used in the current 24 h window, and when it started. */
  triggerRuntime?: Record<string, { since: number; usedMs: number }>;
  scriptTimeZone: string;
  spreadsheet: SpreadsheetState;
  forms: FormState[];
  calendars: CalendarState[];
  events: EventState[];
  invitations: InvitationState[];
  outbox: SentMail[];
  mailQuota: MailQuotaState;
  properties: {
    script: Record<string, string>;
    user: Record<string, Record<string, string>>;
    document: Record<string, string>;
  };
  caches: {
    script: Record<string, CacheEntry>;
    user: Record<string, Record<string, CacheEntry>>;
    document: Record<string, CacheEntry>;
  };
  triggers: TriggerState[];
  ui: UiState;
  locks: {
    script: LockHolder | null;
    document: LockHolder | null;
    user: Record<string, LockHolder | null>;
  };
  seq: number;
  /** The web app deployment (absent: the script was never deployed as a web app). */
  webApp?: { url: string } | null;
}
