// The spreadsheet's UI: the add-on menu and the sidebar. createAddonMenu and addItem need no
// authorization, so building the menu is safe in AuthMode.NONE (an add-on's onOpen before the user
// has authorized it in this document).

export interface MenuItem {
  label: string;
  /** top-level function to run */
  fn: string;
}

/** Builds the add-on menu; `null` items are separators. Touches nothing but the Ui service. */
export function addAddonMenu_(items: readonly (MenuItem | null)[]): void {
  let menu = SpreadsheetApp.getUi().createAddonMenu();
  for (const item of items) menu = item ? menu.addItem(item.label, item.fn) : menu.addSeparator();
  menu.addToUi();
}

/**
 * Shows an HTML file of the project as a modeless dialog (the sheet stays usable beside it) of the
 * given initial size. Sheets fits a dialog into the browser window; the page may resize itself
 * with google.script.host.setWidth / setHeight once it knows the screen.
 */
export function showModelessDialogFile_(file: string, title: string, width: number, height: number): void {
  const html = HtmlService.createHtmlOutputFromFile(file).setWidth(width).setHeight(height);
  SpreadsheetApp.getUi().showModelessDialog(html, title);
}

/** Shows an HTML file of the project as a modal dialog (the sheet waits until it is closed). */
export function showModalDialogFile_(file: string, title: string, width: number, height: number): void {
  const html = HtmlService.createHtmlOutputFromFile(file).setWidth(width).setHeight(height);
  SpreadsheetApp.getUi().showModalDialog(html, title);
}

/** Shows an HTML file of the project as the sidebar (sidebars are always 300 px wide). */
export function showSidebarFile_(file: string, title: string): void {
  const html = HtmlService.createHtmlOutputFromFile(file).setTitle(title);
  SpreadsheetApp.getUi().showSidebar(html);
}

/** A Yes/No question in the spreadsheet; true only for Yes. */
export function confirm_(title: string, message: string): boolean {
  const ui = SpreadsheetApp.getUi();
  return ui.alert(title, message, ui.ButtonSet.YES_NO) === ui.Button.YES;
}

/** An OK message in the spreadsheet (never under the script lock: it waits for the user). */
export function alert_(title: string, message: string): void {
  const ui = SpreadsheetApp.getUi();
  ui.alert(title, message, ui.ButtonSet.OK);
}
