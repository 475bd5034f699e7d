// The only entry of dist/Code.js. Each export becomes a top-level function Apps Script can call by
// name (triggers, menu items, google.script.run). Nothing else belongs here: every other top-level
// function of the bundle must end in `_` so google.script.run cannot reach it.
import type { DecideResult, Endpoints, PreviewResult, ReviewStateResult } from './shared/wire';
import { menuOnOpen_, menuOnInstall_, openReviewWindow_, openSidebar_ } from './app/menu';
import { runSetup_ } from './app/setup';
import { handleFormSubmit_ } from './app/intake';
import { runSweep_ } from './app/sweep';
import { runDueNotifications_ } from './app/notify';
import { reviewState_, decide_, preview_ } from './app/review';

/** Simple trigger: builds the add-on menu (safe in every auth mode). */
export function onOpen(e?: GoogleAppsScript.Events.SheetsOnOpen): void {
  menuOnOpen_(e);
}

/** Runs when installed as an Editor add-on. */
export function onInstall(e?: GoogleAppsScript.Events.AddonOnInstall): void {
  menuOnInstall_(e);
}

/** Menu "Set up": form, tabs, calendar, meetings, triggers. Idempotent. */
export function setup(): string {
  return runSetup_();
}

/** Installable spreadsheet form-submit trigger. */
export function onFormSubmit(e?: GoogleAppsScript.Events.SheetsOnFormSubmit): void {
  handleFormSubmit_(e);
}

/** Hourly trigger (and menu "Sync responses now"): missed responses, due notifications, form closing. */
export function sweep(): string {
  return runSweep_();
}

/** Menu "Review applications". */
export function showSidebar(): void {
  openSidebar_();
}

/**
 * Menu "Review applications (large window)", and the sidebar's link to it: the review window, a
 * modeless dialog as large as the screen allows. Takes no arguments; opens UI only.
 */
export function showReviewWindow(): void {
  openReviewWindow_();
}

/** Menu "Send due notifications". */
export function sendDueNotifications(): string {
  return runDueNotifications_();
}

/** Sidebar endpoint: everything the sidebar shows, in one round trip. */
export function getReviewState(): ReviewStateResult {
  return reviewState_();
}

/** Sidebar endpoint: apply a decision to applications. Validates everything; never throws. */
export function decide(request: unknown): DecideResult {
  return decide_(request);
}

/** Sidebar endpoint: the email a decision will send, for one application. */
export function previewNotification(applicationId: unknown, decision?: unknown): PreviewResult {
  return preview_(applicationId, decision);
}

// Compile-time proof that the server side of the wire matches the one Endpoints declaration
// the sidebar is checked against (the server takes `unknown`: it never trusts the client).
type ServerSide = { [K in keyof Endpoints]: (...args: Parameters<Endpoints[K]>) => ReturnType<Endpoints[K]> };
export type EndpointsImplemented = AssertImplements<
  { getReviewState: typeof getReviewState; decide: typeof decide; previewNotification: typeof previewNotification },
  ServerSide
>;
type AssertImplements<T extends U, U> = T;
