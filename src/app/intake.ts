export function handleFormSubmit_(_e?: GoogleAppsScript.Events.SheetsOnFormSubmit): void {
  throw new Error('not implemented yet');
}
