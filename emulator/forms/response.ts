// FormResponse and ItemResponse views over stored responses.
import type { ServiceName } from '../execution';
import { ScriptError, ServiceObject, type Runtime } from '../runtime';
import type { FormResponseState, FormState } from '../state';
import { FormItem } from './item';

export class ItemResponse extends ServiceObject {
  constructor(
    rt: Runtime,
    private readonly item: FormItem,
    private readonly response: string | string[],
  ) {
    super(rt);
  }
  _kind(): [ServiceName, string] {
    return ['FormApp', 'ItemResponse'];
  }
  getItem(): FormItem {
    return this.item;
  }
  getResponse(): string | string[] {
    return Array.isArray(this.response) ? [...this.response] : this.response;
  }
  getScore(): null {
    return null;
  }
  toString(): string {
    return 'ItemResponse';
  }
}

export class FormResponse extends ServiceObject {
  constructor(
    rt: Runtime,
    private readonly form: () => FormState,
    readonly _responseId: string,
  ) {
    super(rt);
  }
  _kind(): [ServiceName, string] {
    return ['FormApp', 'FormResponse'];
  }
  private st(): FormResponseState {
    const r = this.form().responses.find((x) => x.id === this._responseId);
    if (!r) throw new ScriptError('Response not found');
    return r;
  }
  getId(): string {
    return this._responseId;
  }
  getTimestamp(): Date {
    return new Date(this.st().timestamp.getTime());
  }
  getRespondentEmail(): string {
    return this.st().email;
  }
  getItemResponses(): ItemResponse[] {
    const form = this.form();
    const out: ItemResponse[] = [];
    for (const item of form.items) {
      const a = this.st().answers.find((x) => x.itemId === item.id);
      if (!a || a.response === '' || (Array.isArray(a.response) && a.response.length === 0)) continue;
      out.push(new ItemResponse(this._rt, new FormItem(this._rt, form.id, item.id), a.response));
    }
    return out;
  }
  getResponseForItem(item: FormItem): ItemResponse | null {
    const a = this.st().answers.find((x) => x.itemId === item._id);
    return a ? new ItemResponse(this._rt, item, a.response) : null;
  }
  getEditResponseUrl(): string {
    return `https://docs.google.com/forms/d/e/${this.form().publishedId}/viewform?edit2=${this._responseId}`;
  }
  toString(): string {
    return 'FormResponse';
  }
}
