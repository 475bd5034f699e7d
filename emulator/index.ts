// Public entry of the emulator (see emulator/API.md).
export { Workspace, ExecutionError } from './workspace';
export type { WorkspaceOptions, RunOptions, FormSubmission, Firing, SubmitResult, SheetSnapshot, FormModel, EventView, EventTime } from './workspace';
export { countCalls, TIME_LIMIT_MESSAGE, EXECUTION_LIMIT_MS } from './execution';
export type { Execution, ServiceCall, ServiceName } from './execution';
export type { CellValue, SentMail, InvitationState as InvitationSent, TriggerState as TriggerInfo, UiState, WorkspaceState } from './state';
export type { WorkspaceJSON } from './persistence';
export { Clock } from './clock';
export { formatDate } from './formatDate';
export { QUOTA_MESSAGE } from './services/mail';
export { LOCK_TIMEOUT_MESSAGE } from './services/lock';
