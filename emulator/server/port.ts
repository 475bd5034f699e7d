// What the dev server needs from the emulator's Workspace (emulator/API.md), and nothing more.
// Shapes the server only displays are read as `unknown` and parsed in views.ts, so an emulator
// detail changing shows up as a missing field on the page, not as a crash.

export type Firing = 'once' | 'twice' | 'blank-too' | 'none';

export interface ExecutionLike {
  fn: string;
  user: string;
  calls: readonly unknown[];
  error?: { message: string; stack?: string } | null;
  logs: readonly unknown[];
  startedAt: unknown;
  endedAt: unknown;
  cutOff?: boolean;
  /** set when an installed trigger (or Google acting) started the run */
  trigger?: { uid: string; eventType: string } | null;
}

export interface SheetLike {
  name: string;
  values: unknown[][];
  displayValues: string[][];
  formulas: string[][];
}

export interface WorkspacePort {
  run(fn: string, args?: unknown[], options?: { user?: string }): unknown;
  submitForm(
    response: { email: string; answers: Record<string, string | string[]> },
    options?: { firing?: Firing },
  ): { row: number; responseId: string; executions: readonly ExecutionLike[] };
  runTimeTriggers(): unknown;
  /** A guest answers a meeting invitation (the calendar view's per-guest answer). */
  respondToInvitation?(eventId: string, email: string, status: 'accepted' | 'declined' | 'tentative' | 'needsAction'): void;
  /** A user opens the spreadsheet: the onOpen simple trigger (LIMITED) and installed ON_OPEN triggers. */
  open?(user: string): readonly ExecutionLike[];
  readonly clock: { set(d: Date | string): void; now(): Date; advance(ms: number): void };
  sheet(name: string): SheetLike | undefined;
  records(name: string): Record<string, unknown>[];
  sheetNames(): string[];
  readonly form: unknown;
  readonly outbox: readonly unknown[];
  readonly calendars: readonly unknown[];
  events(calendarId?: string): readonly unknown[];
  readonly invitationsSent: readonly unknown[];
  readonly triggers: readonly unknown[];
  readonly ui: unknown;
  readonly executions: readonly ExecutionLike[];
  readonly lastExecution: ExecutionLike | null | undefined;
  readonly faults: {
    failNthCall(method: string, n: number, error?: Error, inFunction?: string): void;
    clear(): void;
  };
  toJSON(): unknown;
  /** A person types into a cell (1-based row and column). */
  typeIntoCell?(sheetName: string, row: number, col: number, value: string | number | boolean): void;
  /** Google serving the web app (doGet, or an endpoint its page calls), as the deployer. Never throws. */
  runWebApp?(fn: string, args?: unknown[]): { execution: ExecutionLike; html: { content: string; title: string } | null; result: unknown };
}
