// The only entry of dist/Code.js. Each export becomes a top-level function Apps Script can call by
// name (triggers, menu items, google.script.run). Nothing else belongs here: every other top-level
// function of the bundle must end in `_` so google.script.run cannot reach it.
import type {
  DecideResult,
  Endpoints,
  MembersStateResult,
  PreviewResult,
  RecordAttendanceResult,
  ReviewRevisionResult,
  ReviewStateResult,
} from './shared/wire';
import { menuOnOpen_, menuOnInstall_, openMembers_, openReviewWindow_, openSidebar_ } from './app/menu';
import { runSetup_ } from './app/setup';
import { handleFormSubmit_ } from './app/intake';
import { runSweep_ } from './app/sweep';
import { runDueNotifications_ } from './app/notify';
import { reviewRevision_, reviewState_, decide_, preview_ } from './app/review';
import { membersState_, recordAttendance_ } from './app/members';
import { openProgramYearDialog_, proposeProgramYear_, startProgramYear_ } from './app/programYear';
import type { ProposeResult, StartResult } from './shared/programYear';
import { guardEndpoint_, guardMenu_, guardTrigger_ } from './app/guard';
import { checkInstallation_, showInstallationCheck_, type InstallCheckResult } from './app/installCheck';

// Every entry point below except the simple triggers (onOpen, onInstall) goes through the scope
// guard (src/app/guard.ts) before it changes anything: endpoints, menu actions and triggers each
// get the answer their caller can act on.
const NOTHING_CHANGED = 'Nothing was changed: this account has not granted every permission.';
import type { ApplicantEndpoints, ApplicantViewResult, ApplicantWithdrawResult } from './shared/applicant';
import { serveApplicantPage_ } from './app/selfService/page';
import { applicantView_ } from './app/selfService/view';
import { applicantWithdraw_ } from './app/selfService/withdraw';
import { resetApplicantLinksFromMenu_ } from './app/selfService/reset';

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
  return guardMenu_(runSetup_, NOTHING_CHANGED);
}

/** Installable spreadsheet form-submit trigger. */
export function onFormSubmit(e?: GoogleAppsScript.Events.SheetsOnFormSubmit): void {
  guardTrigger_('onFormSubmit', () => handleFormSubmit_(e), undefined);
}

/** Hourly trigger (and menu "Sync responses now"): missed responses, due notifications, form closing. */
export function sweep(e?: GoogleAppsScript.Events.TimeDriven): string {
  // A clock trigger passes its event (with triggerUid); a menu run passes nothing (and shows its report).
  if (e && typeof e === 'object' && 'triggerUid' in e) return guardTrigger_('sweep', () => runSweep_(e), NOTHING_CHANGED);
  return guardMenu_(() => runSweep_(e), NOTHING_CHANGED);
}

/** Menu "Review applications". */
export function showSidebar(): void {
  guardMenu_(openSidebar_, undefined);
}

/**
 * Menu "Review applications (large window)", and the sidebar's link to it: the review window, a
 * modeless dialog as large as the screen allows. Takes no arguments; opens UI only.
 */
export function showReviewWindow(): void {
  guardMenu_(openReviewWindow_, undefined);
}

/** Menu "Members and attendance": the members view in the sidebar. Takes no arguments, changes nothing. */
export function showMembers(): void {
  guardMenu_(openMembers_, undefined);
}

/** Menu "Send due notifications". */
export function sendDueNotifications(): string {
  return guardMenu_(runDueNotifications_, NOTHING_CHANGED);
}

/**
 * Every check of a working install (SPEC: checkInstallation), each ok / warn / fail with a one-line
 * fix. Changes nothing; never throws.
 */
export function checkInstallation(): InstallCheckResult {
  return checkInstallation_();
}

/**
 * Menu "Check installation": the same checks, shown in a dialog. Like checkInstallation, it is not
 * behind the scope guard: it changes nothing, and missing permissions are one of the things it reports.
 */
export function showInstallationCheck(): string {
  return showInstallationCheck_();
}

/** Sidebar endpoint: everything the sidebar shows, in one round trip. */
export function getReviewState(): ReviewStateResult {
  return guardEndpoint_(reviewState_);
}

/** Sidebar endpoint: apply a decision to applications. Validates everything; never throws. */
export function decide(request: unknown): DecideResult {
  return guardEndpoint_(() => decide_(request));
}

/** Sidebar endpoint: the email a decision will send, for one application. */
export function previewNotification(applicationId: unknown, decision?: unknown): PreviewResult {
  return guardEndpoint_(() => preview_(applicationId, decision));
}

/** Members view endpoint (sidebar and review window): members, RSVPs and attendance per community and meeting. */
export function getMembersState(): MembersStateResult {
  return guardEndpoint_(membersState_);
}

/** Members view endpoint: who attended a held meeting. Validates everything; refused whole; never throws. */
export function recordAttendance(request: unknown): RecordAttendanceResult {
  return guardEndpoint_(() => recordAttendance_(request));
}

/**
 * Review pages' endpoint (sidebar and review window): the live poll. Returns the Applications
 * revision (one script-property read); takes no arguments, changes nothing. Any editor viewing
 * the sidebar or window calls it every 20 s while the page is visible.
 */
export function getReviewRevision(): ReviewRevisionResult {
  return guardEndpoint_(reviewRevision_);
}

/** Menu "New program year…": opens the program-year dialog (ProgramYear.html). */
export function showProgramYearDialog(): void {
  guardMenu_(() => openProgramYearDialog_(), undefined);
}

/** Dialog endpoint: the next program year proposed from the current one (changes nothing). */
export function proposeProgramYear(): ProposeResult {
  return guardEndpoint_(() => proposeProgramYear_());
}

/** Dialog endpoint: validates a (staff-edited) proposal and starts that program year. Never throws. */
export function startProgramYear(proposal: unknown): StartResult {
  return guardEndpoint_(() => startProgramYear_(proposal));
}

/**
 * The applicant web app (manifest `webapp`: runs as the deployer, anyone may open it): the page for
 * `?t=<token>`. Without a valid token it is a neutral page with no applicant data. Never throws.
 */
export function doGet(e?: GoogleAppsScript.Events.DoGet): GoogleAppsScript.HTML.HtmlOutput {
  return serveApplicantPage_(e);
}

/** Web app page endpoint: what the applicant's page shows, or {ok:false, error} with no applicant data. */
export function applicantView(token: unknown): ApplicantViewResult {
  return applicantView_(token);
}

/** Web app page endpoint: the applicant withdraws from one community. Idempotent; never throws. */
export function applicantWithdraw(request: unknown): ApplicantWithdrawResult {
  return applicantWithdraw_(request);
}

/** Menu "Reset applicant links": after a confirmation, every personal link sent so far stops working. */
export function resetApplicantLinks(): string {
  return guardMenu_(() => resetApplicantLinksFromMenu_(), NOTHING_CHANGED);
}

// Compile-time proof that the server side of the wire matches the one Endpoints declaration
// the sidebar is checked against (the server takes `unknown`: it never trusts the client).
type ServerSide = { [K in keyof Endpoints]: (...args: Parameters<Endpoints[K]>) => ReturnType<Endpoints[K]> };
export type EndpointsImplemented = AssertImplements<
  {
    getReviewState: typeof getReviewState;
    decide: typeof decide;
    previewNotification: typeof previewNotification;
    getMembersState: typeof getMembersState;
    recordAttendance: typeof recordAttendance;
    getReviewRevision: typeof getReviewRevision;
    showReviewWindow: typeof showReviewWindow;
    proposeProgramYear: typeof proposeProgramYear;
    startProgramYear: typeof startProgramYear;
  },
  ServerSide
>;
type ApplicantServerSide = { [K in keyof ApplicantEndpoints]: (...args: Parameters<ApplicantEndpoints[K]>) => ReturnType<ApplicantEndpoints[K]> };
export type ApplicantEndpointsImplemented = AssertImplements<
  { applicantView: typeof applicantView; applicantWithdraw: typeof applicantWithdraw },
  ApplicantServerSide
>;
type AssertImplements<T extends U, U> = T;
