// Form items: one class serves every item type (Apps Script's Item plus its asXxxItem views).
import type { ServiceName } from '../execution';
import { ScriptError, ServiceObject, type Runtime } from '../runtime';
import type { FormItemState, FormState } from '../state';
import { syncColumns } from './linking';

export class Choice extends ServiceObject {
  constructor(
    rt: Runtime,
    readonly _value: string,
  ) {
    super(rt);
  }
  _kind(): [ServiceName, string] {
    return ['FormApp', 'Choice'];
  }
  getValue(): string {
    return this._value;
  }
  isCorrectAnswer(): boolean {
    return false;
  }
  getPageNavigationType(): string {
    return 'CONTINUE';
  }
  toString(): string {
    return 'Choice';
  }
}

/** A built validation (text, paragraph, checkbox), stored on the item as {kind, args, helpText}. */
export class ItemValidation extends ServiceObject {
  constructor(
    rt: Runtime,
    readonly _v: { kind: string; args: unknown[]; helpText: string },
  ) {
    super(rt);
  }
  _kind(): [ServiceName, string] {
    return ['FormApp', 'Validation'];
  }
  toString(): string {
    return 'Validation';
  }
}

export class ValidationBuilder extends ServiceObject {
  private v: { kind: string; args: unknown[]; helpText: string } = { kind: '', args: [], helpText: '' };
  constructor(
    rt: Runtime,
    private readonly family: string,
  ) {
    super(rt);
  }
  _kind(): [ServiceName, string] {
    return ['FormApp', `${this.family}ValidationBuilder`];
  }
  private req(kind: string, ...args: unknown[]): ValidationBuilder {
    this.v = { ...this.v, kind, args };
    return this;
  }
  setHelpText(text: string): ValidationBuilder {
    this.v = { ...this.v, helpText: String(text) };
    return this;
  }
  requireTextIsEmail(): ValidationBuilder {
    return this.req('TEXT_IS_EMAIL');
  }
  requireTextIsUrl(): ValidationBuilder {
    return this.req('TEXT_IS_URL');
  }
  requireTextLengthLessThanOrEqualTo(n: number): ValidationBuilder {
    return this.req('TEXT_LENGTH_AT_MOST', n);
  }
  requireTextLengthGreaterThanOrEqualTo(n: number): ValidationBuilder {
    return this.req('TEXT_LENGTH_AT_LEAST', n);
  }
  requireTextMatchesPattern(p: string): ValidationBuilder {
    return this.req('TEXT_MATCHES', p);
  }
  requireNumber(): ValidationBuilder {
    return this.req('NUMBER');
  }
  requireSelectAtLeast(n: number): ValidationBuilder {
    return this.req('SELECT_AT_LEAST', n);
  }
  requireSelectAtMost(n: number): ValidationBuilder {
    return this.req('SELECT_AT_MOST', n);
  }
  requireSelectExactly(n: number): ValidationBuilder {
    return this.req('SELECT_EXACTLY', n);
  }
  build(): ItemValidation {
    return new ItemValidation(this._rt, { ...this.v });
  }
  toString(): string {
    return 'ValidationBuilder';
  }
}

const CHOICE_TYPES = new Set(['MULTIPLE_CHOICE', 'LIST', 'CHECKBOX']);

export class FormItem extends ServiceObject {
  constructor(
    rt: Runtime,
    private readonly formId: string,
    readonly _id: number,
  ) {
    super(rt);
  }
  _kind(): [ServiceName, string] {
    return ['FormApp', 'Item'];
  }
  _form(): FormState {
    const f = this._rt.state.forms.find((x) => x.id === this.formId);
    if (!f) throw new ScriptError('Form not found');
    return f;
  }
  _st(): FormItemState {
    const item = this._form().items.find((i) => i.id === this._id);
    if (!item) throw new ScriptError('Item has been deleted.');
    return item;
  }
  private choiceItem(): FormItemState {
    const st = this._st();
    if (!CHOICE_TYPES.has(st.type)) throw new ScriptError(`Item of type ${st.type} has no choices.`);
    return st;
  }
  getId(): number {
    return this._id;
  }
  getIndex(): number {
    return this._form().items.findIndex((i) => i.id === this._id);
  }
  getType(): string {
    return this._st().type;
  }
  getTitle(): string {
    return this._st().title;
  }
  setTitle(title: string): FormItem {
    this._st().title = String(title);
    syncColumns(this._rt.state, this._form());
    return this;
  }
  getHelpText(): string {
    return this._st().helpText;
  }
  setHelpText(text: string): FormItem {
    this._st().helpText = String(text);
    return this;
  }
  isRequired(): boolean {
    return this._st().required;
  }
  setRequired(enabled: boolean): FormItem {
    this._st().required = Boolean(enabled);
    return this;
  }
  /** createChoice(value) / (value, isCorrect) / (value, navigationItemOrType): the extra argument is ignored. */
  createChoice(value: string, _extra?: unknown): Choice {
    return new Choice(this._rt, String(value));
  }
  getChoices(): Choice[] {
    return (this.choiceItem().choices ?? []).map((c) => new Choice(this._rt, c));
  }
  setChoices(choices: Choice[]): FormItem {
    if (!Array.isArray(choices) || choices.length === 0) throw new ScriptError('Invalid argument: choices');
    this.choiceItem().choices = choices.map((c) => (c instanceof Choice ? c._value : String(c)));
    return this;
  }
  setChoiceValues(values: string[]): FormItem {
    if (!Array.isArray(values) || values.length === 0) throw new ScriptError('Invalid argument: values');
    this.choiceItem().choices = values.map(String);
    return this;
  }
  showOtherOption(enabled: boolean): FormItem {
    this.choiceItem().hasOtherOption = Boolean(enabled);
    return this;
  }
  hasOtherOption(): boolean {
    return Boolean(this.choiceItem().hasOtherOption);
  }
  setValidation(validation: ItemValidation | null): FormItem {
    this._st().validation = validation ? { ...validation._v } : null;
    return this;
  }
  clearValidation(): FormItem {
    this._st().validation = null;
    return this;
  }
  duplicate(): FormItem {
    const form = this._form();
    const copy: FormItemState = JSON.parse(JSON.stringify(this._st())) as FormItemState;
    copy.id = form.nextItemId++;
    form.items.splice(this.getIndex() + 1, 0, copy);
    syncColumns(this._rt.state, form);
    return new FormItem(this._rt, this.formId, copy.id);
  }
  private as(types: string[]): FormItem {
    const t = this._st().type;
    if (!types.includes(t)) throw new ScriptError(`Item can't be cast to the requested type (it is ${t}).`);
    return this;
  }
  asTextItem(): FormItem {
    return this.as(['TEXT']);
  }
  asParagraphTextItem(): FormItem {
    return this.as(['PARAGRAPH_TEXT']);
  }
  asMultipleChoiceItem(): FormItem {
    return this.as(['MULTIPLE_CHOICE']);
  }
  asListItem(): FormItem {
    return this.as(['LIST']);
  }
  asCheckboxItem(): FormItem {
    return this.as(['CHECKBOX']);
  }
  asPageBreakItem(): FormItem {
    return this.as(['PAGE_BREAK']);
  }
  asSectionHeaderItem(): FormItem {
    return this.as(['SECTION_HEADER']);
  }
  asScaleItem(): FormItem {
    return this.as(['SCALE']);
  }
  asDateItem(): FormItem {
    return this.as(['DATE']);
  }
  /** PageBreakItem navigation, accepted and ignored. */
  setGoToPage(): FormItem {
    return this;
  }
  setBounds(): FormItem {
    return this;
  }
  setLabels(): FormItem {
    return this;
  }
  toString(): string {
    return 'Item';
  }
}
