export function menuOnOpen_(_e?: GoogleAppsScript.Events.SheetsOnOpen): void {
  throw new Error('not implemented yet');
}
export function menuOnInstall_(_e?: GoogleAppsScript.Events.AddonOnInstall): void {
  throw new Error('not implemented yet');
}
export function openSidebar_(): void {
  throw new Error('not implemented yet');
}
