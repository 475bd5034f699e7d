// SpreadsheetApp.getUi(): menus, sidebars, dialogs and alerts, recorded in UiState.
import type { ServiceName } from '../execution';
import { ScriptError, ServiceObject, type Runtime } from '../runtime';
import type { MenuState } from '../state';
import type { HtmlOutput } from '../services/html';

export const ButtonSet = { OK: 'OK', OK_CANCEL: 'OK_CANCEL', YES_NO: 'YES_NO', YES_NO_CANCEL: 'YES_NO_CANCEL' } as const;
export const Button = { CLOSE: 'CLOSE', OK: 'OK', CANCEL: 'CANCEL', YES: 'YES', NO: 'NO' } as const;

export class Menu extends ServiceObject {
  readonly _menu: MenuState;
  constructor(rt: Runtime, title: string, addon: boolean) {
    super(rt);
    this._menu = { title, addon, items: [] };
  }
  _kind(): [ServiceName, string] {
    return ['SpreadsheetApp', 'Menu'];
  }
  addItem(caption: string, functionName: string): Menu {
    this._menu.items.push({ label: String(caption), fn: String(functionName) });
    return this;
  }
  addSeparator(): Menu {
    this._menu.items.push({ separator: true });
    return this;
  }
  addSubMenu(menu: Menu): Menu {
    this._menu.items.push({ subMenu: menu._menu });
    return this;
  }
  addToUi(): void {
    const menus = this._rt.state.ui.menus;
    const i = menus.findIndex((m) => m.title === this._menu.title && m.addon === this._menu.addon);
    const copy: MenuState = JSON.parse(JSON.stringify(this._menu)) as MenuState;
    if (i >= 0) menus[i] = copy;
    else menus.push(copy);
  }
  toString(): string {
    return 'Menu';
  }
}

export class Ui extends ServiceObject {
  readonly ButtonSet = ButtonSet;
  readonly Button = Button;
  _kind(): [ServiceName, string] {
    return ['SpreadsheetApp', 'Ui'];
  }
  createMenu(caption: string): Menu {
    return new Menu(this._rt, String(caption), false);
  }
  /** An add-on menu lives under Extensions, titled with the project's name. */
  createAddonMenu(): Menu {
    return new Menu(this._rt, this._rt.core.options.projectName, true);
  }
  showSidebar(userInterface: HtmlOutput): void {
    if (!userInterface || typeof userInterface.getContent !== 'function') throw new ScriptError('Invalid argument: userInterface');
    this._rt.state.ui.sidebars.push({
      title: userInterface.getTitle(),
      html: userInterface.getContent(),
      width: 300,
      user: this._rt.user,
      at: this._rt.now(),
    });
  }
  showModalDialog(userInterface: HtmlOutput, title: string): void {
    this.dialog(userInterface, title, true);
  }
  showModelessDialog(userInterface: HtmlOutput, title: string): void {
    this.dialog(userInterface, title, false);
  }
  private dialog(ui: HtmlOutput, title: string, modal: boolean): void {
    this._rt.state.ui.dialogs.push({ title: String(title), html: ui.getContent(), width: ui.getWidth(), height: ui.getHeight(), modal, user: this._rt.user });
  }
  /** alert(prompt) / alert(prompt, buttons) / alert(title, prompt, buttons): answers with the default button. */
  alert(a: string, b?: string | GoogleAppsScript.Base.ButtonSet, c?: string | GoogleAppsScript.Base.ButtonSet): string {
    let title = '';
    let prompt = a;
    let buttons: string = ButtonSet.OK;
    if (c !== undefined) {
      title = a;
      prompt = String(b);
      buttons = String(c);
    } else if (b !== undefined) {
      if (String(b) in ButtonSet) buttons = String(b);
      else {
        title = a;
        prompt = String(b);
      }
    }
    const response = buttons.startsWith('YES') ? Button.YES : Button.OK;
    this._rt.state.ui.alerts.push({ title, prompt: String(prompt), buttons, response, user: this._rt.user });
    return response;
  }
  prompt(
    a: string,
    b?: string | GoogleAppsScript.Base.ButtonSet,
    c?: string | GoogleAppsScript.Base.ButtonSet,
  ): { getResponseText(): string; getSelectedButton(): string } {
    this.alert(a, b, c);
    return { getResponseText: () => '', getSelectedButton: () => Button.OK };
  }
  toString(): string {
    return 'Ui';
  }
}
