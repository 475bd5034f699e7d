// The "Communities of Practice" add-on menu and the sidebar it opens. onOpen runs as a simple
// trigger (AuthMode.LIMITED in a bound script, NONE for an add-on not yet used in this document),
// so it builds the menu and touches nothing else: no properties, no sheet reads.
import { addAddonMenu_, showModelessDialogFile_, showSidebarFile_, type MenuItem } from '../workspace/menuUi';

export const MENU_TITLE = 'Communities of Practice';

export const MENU_ITEMS: readonly (MenuItem | null)[] = [
  { label: 'Review applications', fn: 'showSidebar' },
  { label: 'Review applications (large window)', fn: 'showReviewWindow' },
  { label: 'Members and attendance', fn: 'showMembers' },
  { label: 'Sync responses now', fn: 'sweep' },
  { label: 'Send due notifications', fn: 'sendDueNotifications' },
  { label: 'New program year…', fn: 'showProgramYearDialog' },
  { label: 'Reset applicant links', fn: 'resetApplicantLinks' },
  null,
  { label: 'Set up', fn: 'setup' },
  { label: 'Check installation', fn: 'showInstallationCheck' },
];

export function menuOnOpen_(_e?: GoogleAppsScript.Events.SheetsOnOpen): void {
  // The same items in every auth mode: each one runs in FULL mode when chosen, where Apps Script
  // asks for authorization first if needed.
  addAddonMenu_(MENU_ITEMS);
}

export function menuOnInstall_(e?: GoogleAppsScript.Events.AddonOnInstall): void {
  menuOnOpen_(e as unknown as GoogleAppsScript.Events.SheetsOnOpen | undefined);
}

export function openSidebar_(): void {
  showSidebarFile_('Sidebar', MENU_TITLE);
}

// The window opens at a size that fits a 1280 x 800 laptop screen once Sheets' own chrome is taken
// off; the page then grows itself to the screen it finds (google.script.host.setWidth/setHeight).
export const REVIEW_WINDOW_SIZE = { width: 1200, height: 680 } as const;

export function openReviewWindow_(): void {
  showModelessDialogFile_('ReviewWindow', 'Review applications', REVIEW_WINDOW_SIZE.width, REVIEW_WINDOW_SIZE.height);
}

/** Menu "Members and attendance": the members view (dist/Members.html) in the sidebar. */
export function openMembers_(): void {
  showSidebarFile_('Members', 'Members and attendance');
}
