// The FormApp global: create/open forms, validation builders, enums.
import type { ServiceName } from '../execution';
import { ScriptError, ServiceObject } from '../runtime';
import type { FormState } from '../state';
import { DestinationType, Form } from './form';
import { ValidationBuilder } from './item';
import { accountOf } from '../platform';

export const ItemType = {
  CHECKBOX: 'CHECKBOX',
  CHECKBOX_GRID: 'CHECKBOX_GRID',
  DATE: 'DATE',
  DATETIME: 'DATETIME',
  DURATION: 'DURATION',
  GRID: 'GRID',
  IMAGE: 'IMAGE',
  LIST: 'LIST',
  MULTIPLE_CHOICE: 'MULTIPLE_CHOICE',
  PAGE_BREAK: 'PAGE_BREAK',
  PARAGRAPH_TEXT: 'PARAGRAPH_TEXT',
  SCALE: 'SCALE',
  SECTION_HEADER: 'SECTION_HEADER',
  TEXT: 'TEXT',
  TIME: 'TIME',
  VIDEO: 'VIDEO',
} as const;

export function newFormState(id: string, publishedId: string, title: string, owner: string, published = true, requireLogin = false): FormState {
  return {
    id,
    publishedId,
    title,
    description: '',
    collectEmail: false,
    confirmationMessage: '',
    acceptingResponses: true,
    published,
    closedMessage: '',
    allowResponseEdits: false,
    limitOneResponsePerUser: false,
    requireLogin,
    showLinkToRespondAgain: true,
    progressBar: false,
    shuffleQuestions: false,
    publishingSummary: false,
    items: [],
    nextItemId: 1000000001,
    responses: [],
    destinationId: null,
    destinationSheetId: null,
    columns: [],
    owner,
  };
}

export class FormApp extends ServiceObject {
  readonly DestinationType = DestinationType;
  readonly ItemType = ItemType;
  readonly PageNavigationType = { CONTINUE: 'CONTINUE', GO_TO_PAGE: 'GO_TO_PAGE', RESTART: 'RESTART', SUBMIT: 'SUBMIT' };
  readonly Alignment = { LEFT: 'LEFT', CENTER: 'CENTER', RIGHT: 'RIGHT' };
  readonly EmailCollectionType = { DO_NOT_COLLECT: 'DO_NOT_COLLECT', VERIFIED: 'VERIFIED', RESPONDER_INPUT: 'RESPONDER_INPUT' };
  _kind(): [ServiceName, string] {
    return ['FormApp', 'FormApp'];
  }
  /**
   * Today's platform: "Forms created by the API after June 30, 2026 will be created in an unpublished
   * state" and take no responses until published; `create(title, true)` makes it published at once.
   * On a Workspace account whose forms default to the organization, the new form is domain-only.
   */
  create(title: string, isPublished?: boolean): Form {
    const rt = this._rt;
    if (isPublished !== undefined && typeof isPublished !== 'boolean')
      throw new ScriptError("The parameters (String,String) don't match the method signature for FormApp.create.");
    const id = `1${rt.core.mint(43, 'abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789_-')}`;
    const publishedId = `1FAIpQL${rt.core.mint(49, 'abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789_-')}`;
    const account = accountOf(rt.state);
    rt.state.forms.push(newFormState(id, publishedId, String(title), rt.user, isPublished === true, account.type === 'workspace' && account.domainOnlyForms));
    return new Form(rt, id);
  }
  openById(id: string): Form {
    if (!this._rt.state.forms.some((f) => f.id === id))
      throw new ScriptError('No item with the given ID could be found, or you do not have permission to access it.');
    return new Form(this._rt, id);
  }
  openByUrl(url: string): Form {
    const u = String(url);
    const pub = /\/forms\/d\/e\/([\w-]+)/.exec(u);
    const edit = /\/forms\/d\/([\w-]+)/.exec(u);
    const form = this._rt.state.forms.find((f) => (pub ? f.publishedId === pub[1] : edit ? f.id === edit[1] : false));
    if (!form) throw new ScriptError('No item with the given ID could be found, or you do not have permission to access it.');
    return new Form(this._rt, form.id);
  }
  /** The script is bound to a spreadsheet, not a form. */
  getActiveForm(): null {
    return null;
  }
  createTextValidation(): ValidationBuilder {
    return new ValidationBuilder(this._rt, 'Text');
  }
  createParagraphTextValidation(): ValidationBuilder {
    return new ValidationBuilder(this._rt, 'ParagraphText');
  }
  createCheckboxValidation(): ValidationBuilder {
    return new ValidationBuilder(this._rt, 'Checkbox');
  }
  toString(): string {
    return 'FormApp';
  }
}
