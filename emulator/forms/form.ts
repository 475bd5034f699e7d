// Form: settings, items, destination (linking to the spreadsheet) and responses.
import type { ServiceName } from '../execution';
import { isDate } from '../realm';
import { ScriptError, ServiceObject, type Runtime } from '../runtime';
import type { FormItemState, FormState, ItemTypeName } from '../state';
import { FormItem } from './item';
import { linkForm, syncColumns, unlinkForm } from './linking';
import { FormResponse } from './response';
import { accountOf } from '../platform';

export const DestinationType = { SPREADSHEET: 'SPREADSHEET' } as const;

export function formUrls(form: FormState): { edit: string; published: string } {
  return {
    edit: `https://docs.google.com/forms/d/${form.id}/edit`,
    published: `https://docs.google.com/forms/d/e/${form.publishedId}/viewform`,
  };
}

export class Form extends ServiceObject {
  constructor(
    rt: Runtime,
    readonly _formId: string,
  ) {
    super(rt);
  }
  _kind(): [ServiceName, string] {
    return ['FormApp', 'Form'];
  }
  _st(): FormState {
    const f = this._rt.state.forms.find((x) => x.id === this._formId);
    if (!f) throw new ScriptError('No item with the given ID could be found, or you do not have permission to access it.');
    return f;
  }
  private item(type: ItemTypeName): FormItem {
    const f = this._st();
    const st: FormItemState = { id: f.nextItemId++, type, title: '', helpText: '', required: false };
    if (type === 'MULTIPLE_CHOICE' || type === 'LIST' || type === 'CHECKBOX') st.choices = [];
    f.items.push(st);
    syncColumns(this._rt.state, f);
    return new FormItem(this._rt, f.id, st.id);
  }

  getId(): string {
    return this._formId;
  }
  getTitle(): string {
    return this._st().title;
  }
  setTitle(title: string): Form {
    this._st().title = String(title);
    return this;
  }
  getDescription(): string {
    return this._st().description;
  }
  setDescription(description: string): Form {
    this._st().description = String(description);
    return this;
  }
  collectsEmail(): boolean {
    return this._st().collectEmail;
  }
  setCollectEmail(collect: boolean): Form {
    this._st().collectEmail = Boolean(collect);
    syncColumns(this._rt.state, this._st());
    return this;
  }
  setEmailCollectionType(type: string): Form {
    return this.setCollectEmail(String(type) !== 'DO_NOT_COLLECT');
  }
  getEmailCollectionType(): string {
    return this._st().collectEmail ? 'VERIFIED' : 'DO_NOT_COLLECT';
  }
  getConfirmationMessage(): string {
    return this._st().confirmationMessage;
  }
  setConfirmationMessage(message: string): Form {
    this._st().confirmationMessage = String(message);
    return this;
  }
  /** An unpublished form accepts nothing, whatever its accepting flag says (the Forms API forces it false). */
  isAcceptingResponses(): boolean {
    const f = this._st();
    return f.published !== false && f.acceptingResponses;
  }
  setAcceptingResponses(enabled: boolean): Form {
    this._st().acceptingResponses = Boolean(enabled);
    return this;
  }
  isPublished(): boolean {
    return this._st().published !== false;
  }
  /** Publishing "also enables accepting responses" (Google's publish-form sample); unpublishing stops them. */
  setPublished(enabled: boolean): Form {
    if (typeof enabled !== 'boolean') throw new ScriptError("The parameters (String) don't match the method signature for FormApp.Form.setPublished.");
    const f = this._st();
    f.published = enabled;
    if (enabled) f.acceptingResponses = true;
    return this;
  }
  getCustomClosedFormMessage(): string {
    return this._st().closedMessage;
  }
  setCustomClosedFormMessage(message: string): Form {
    this._st().closedMessage = String(message);
    return this;
  }
  setAllowResponseEdits(enabled: boolean): Form {
    this._st().allowResponseEdits = Boolean(enabled);
    return this;
  }
  canEditResponse(): boolean {
    return this._st().allowResponseEdits;
  }
  setLimitOneResponsePerUser(enabled: boolean): Form {
    this._st().limitOneResponsePerUser = Boolean(enabled);
    return this;
  }
  hasLimitOneResponsePerUser(): boolean {
    return this._st().limitOneResponsePerUser;
  }
  /**
   * Workspace only (the Form reference: "same domain or a subdomain"). What a consumer account gets is
   * not documented; the stricter reading is taken: the call throws.
   */
  setRequireLogin(requireLogin: boolean): Form {
    if (accountOf(this._rt.state).type !== 'workspace') throw new ScriptError('Form.setRequireLogin is only available for Google Workspace accounts.');
    this._st().requireLogin = Boolean(requireLogin);
    return this;
  }
  requiresLogin(): boolean {
    return this._st().requireLogin;
  }
  setShowLinkToRespondAgain(enabled: boolean): Form {
    this._st().showLinkToRespondAgain = Boolean(enabled);
    return this;
  }
  setProgressBar(enabled: boolean): Form {
    this._st().progressBar = Boolean(enabled);
    return this;
  }
  hasProgressBar(): boolean {
    return this._st().progressBar;
  }
  setShuffleQuestions(shuffle: boolean): Form {
    this._st().shuffleQuestions = Boolean(shuffle);
    return this;
  }
  setPublishingSummary(enabled: boolean): Form {
    this._st().publishingSummary = Boolean(enabled);
    return this;
  }
  setIsQuiz(_enabled?: boolean): Form {
    return this;
  }

  addTextItem(): FormItem {
    return this.item('TEXT');
  }
  addParagraphTextItem(): FormItem {
    return this.item('PARAGRAPH_TEXT');
  }
  addMultipleChoiceItem(): FormItem {
    return this.item('MULTIPLE_CHOICE');
  }
  addListItem(): FormItem {
    return this.item('LIST');
  }
  addCheckboxItem(): FormItem {
    return this.item('CHECKBOX');
  }
  addPageBreakItem(): FormItem {
    return this.item('PAGE_BREAK');
  }
  addSectionHeaderItem(): FormItem {
    return this.item('SECTION_HEADER');
  }
  addScaleItem(): FormItem {
    return this.item('SCALE');
  }
  addDateItem(): FormItem {
    return this.item('DATE');
  }
  getItems(itemType?: string | GoogleAppsScript.Forms.ItemType): FormItem[] {
    return this._st()
      .items.filter((i) => itemType === undefined || i.type === String(itemType))
      .map((i) => new FormItem(this._rt, this._formId, i.id));
  }
  getItemById(id: number): FormItem | null {
    return this._st().items.some((i) => i.id === id) ? new FormItem(this._rt, this._formId, id) : null;
  }
  deleteItem(indexOrItem: number | FormItem): void {
    const f = this._st();
    const index = typeof indexOrItem === 'number' ? indexOrItem : f.items.findIndex((i) => i.id === indexOrItem._id);
    if (index < 0 || index >= f.items.length) throw new ScriptError('Invalid argument: index');
    f.items.splice(index, 1);
  }
  moveItem(from: number | FormItem, toIndex: number): FormItem {
    const f = this._st();
    const index = typeof from === 'number' ? from : f.items.findIndex((i) => i.id === from._id);
    const [it] = f.items.splice(index, 1);
    f.items.splice(toIndex, 0, it);
    return new FormItem(this._rt, f.id, it.id);
  }

  setDestination(type: string | GoogleAppsScript.Forms.DestinationType, id: string): Form {
    if (String(type) !== DestinationType.SPREADSHEET) throw new ScriptError('Invalid argument: type');
    if (id !== this._rt.state.spreadsheet.id) throw new ScriptError('No item with the given ID could be found, or you do not have permission to access it.');
    linkForm(this._rt.state, this._st());
    return this;
  }
  removeDestination(): Form {
    unlinkForm(this._st());
    return this;
  }
  getDestinationId(): string {
    const f = this._st();
    if (!f.destinationId) throw new ScriptError('The form currently has no response destination.');
    return f.destinationId;
  }
  getDestinationType(): string {
    if (!this._st().destinationId) throw new ScriptError('The form currently has no response destination.');
    return DestinationType.SPREADSHEET;
  }
  getPublishedUrl(): string {
    return formUrls(this._st()).published;
  }
  getEditUrl(): string {
    return formUrls(this._st()).edit;
  }
  getSummaryUrl(): string {
    return `https://docs.google.com/forms/d/${this._formId}/viewanalytics`;
  }
  shortenFormUrl(_url: string): string {
    return `https://forms.gle/${this._st().publishedId.slice(0, 17)}`;
  }
  getResponses(timestamp?: Date): FormResponse[] {
    const after = timestamp !== undefined && isDate(timestamp) ? timestamp.getTime() : -Infinity;
    return this._st()
      .responses.filter((r) => r.timestamp.getTime() >= after)
      .map((r) => new FormResponse(this._rt, () => this._st(), r.id));
  }
  getResponse(responseId: string): FormResponse {
    if (!this._st().responses.some((r) => r.id === responseId)) throw new ScriptError('Invalid argument: responseId');
    return new FormResponse(this._rt, () => this._st(), responseId);
  }
  deleteAllResponses(): Form {
    this._st().responses = [];
    return this;
  }
  deleteResponse(responseId: string): Form {
    const f = this._st();
    f.responses = f.responses.filter((r) => r.id !== responseId);
    return this;
  }
  getEditors(): never[] {
    return [];
  }
  addEditor(_emailAddress?: unknown): Form {
    return this;
  }
  toString(): string {
    return 'Form';
  }
}
