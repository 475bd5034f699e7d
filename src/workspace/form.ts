// The application form linked to this spreadsheet.
import type { FormSpec, ItemSpec } from '../domain/intake/formSpec';
import { getProperty_, setProperty_ } from './properties';
import { createPublishedForm_, publishForm_ } from './platform';
import { sheetByName_, spreadsheet_ } from './spreadsheet';

type Form = GoogleAppsScript.Forms.Form;

/** Script property: the id of the current year's form (set by setup and by a new program year). */
export const FORM_ID = 'formId';
/** The id of the form whose questions setup finished adding (see finishForm_). */
const FORM_FILLED = 'formFilled';
/**
 * Script property: the name of the current year's responses tab. Set when a new program year
 * links its own form: the sheet then has two linked forms and two responses tabs, and only this
 * one is read by intake. Unset (a sheet that never changed year): 'Form Responses 1'.
 */
export const RESPONSES_TAB = 'intake.responsesTab';

/**
 * The current year's form, or null. The stored id comes first: after a new program year the sheet
 * has two linked forms, and Spreadsheet.getFormUrl() is documented to return either one
 * ("indeterminate") when several forms send responses to it.
 */
export function linkedForm_(): Form | null {
  const id = getProperty_(FORM_ID);
  if (id) {
    try {
      return FormApp.openById(id);
    } catch {
      // deleted, or not ours to open: fall back to the spreadsheet's link
    }
  }
  const url = spreadsheet_().getFormUrl();
  if (url) {
    try {
      return FormApp.openByUrl(url);
    } catch {
      return null;
    }
  }
  return null;
}

type Item = GoogleAppsScript.Forms.Item;
const ITEM_TYPES: Record<ItemSpec['type'], string> = {
  text: 'TEXT',
  paragraph: 'PARAGRAPH_TEXT',
  choice: 'MULTIPLE_CHOICE',
  list: 'LIST',
  checkbox: 'CHECKBOX',
  page: 'PAGE_BREAK',
};

/**
 * The spec's question as a form item: `existing` (the item a cut-off run added in this position)
 * cast to its type, or a new one. Every setting is (re)applied, so a half-configured item is finished.
 */
function putItem(form: Form, item: ItemSpec, existing: Item | null): void {
  switch (item.type) {
    case 'text': {
      const it = (existing ? existing.asTextItem() : form.addTextItem()).setTitle(item.title).setRequired(item.required);
      if (item.helpText) it.setHelpText(item.helpText);
      return;
    }
    case 'paragraph': {
      const it = (existing ? existing.asParagraphTextItem() : form.addParagraphTextItem()).setTitle(item.title).setRequired(item.required);
      if (item.helpText) it.setHelpText(item.helpText);
      return;
    }
    case 'choice': {
      const it = (existing ? existing.asMultipleChoiceItem() : form.addMultipleChoiceItem())
        .setTitle(item.title)
        .setChoiceValues(item.choices)
        .setRequired(item.required);
      if (item.helpText) it.setHelpText(item.helpText);
      return;
    }
    case 'list': {
      const it = (existing ? existing.asListItem() : form.addListItem()).setTitle(item.title).setChoiceValues(item.choices).setRequired(item.required);
      if (item.helpText) it.setHelpText(item.helpText);
      return;
    }
    case 'checkbox': {
      const it = (existing ? existing.asCheckboxItem() : form.addCheckboxItem()).setTitle(item.title).setChoiceValues(item.choices).setRequired(item.required);
      if (item.helpText) it.setHelpText(item.helpText);
      return;
    }
    case 'page': {
      const it = (existing ? existing.asPageBreakItem() : form.addPageBreakItem()).setTitle(item.title);
      if (item.helpText) it.setHelpText(item.helpText);
      return;
    }
  }
}

/**
 * Creates the form, published, from the spec and links it to this spreadsheet (Google adds 'Form
 * Responses 1'). The form is linked and its id stored right after it exists, before any question is
 * added: a run cut off later finds it (linkedForm_) and repairs it instead of making a second one.
 * Only a cut between FormApp.create and setDestination can leave an unlinked empty form behind (no
 * Drive scope to find it by name).
 */
export function createLinkedForm_(spec: FormSpec): Form {
  const ssId = spreadsheet_().getId();
  const form = createPublishedForm_(spec.title, (f) => f.setDestination(FormApp.DestinationType.SPREADSHEET, ssId));
  const id = form.getId();
  setProperty_(FORM_ID, id);
  fillForm_(form, spec, id, true);
  return form;
}

/**
 * The settings and questions of a form setup created; marks it filled when done. Adds only the
 * questions it does not have yet, so a run cut off halfway finishes the job without duplicates.
 */
function fillForm_(form: Form, spec: FormSpec, id: string, fresh: boolean): void {
  form.setDescription(spec.description);
  form.setCollectEmail(true);
  form.setConfirmationMessage(spec.confirmationMessage);
  form.setProgressBar(true);
  // A fresh form has no items; one a cut-off run was filling has the first few, in spec order
  // (the last possibly half-configured): those are finished in place, the rest added.
  const items = fresh ? [] : form.getItems();
  const types = items.map((i) => String(i.getType()));
  spec.items.forEach((item, k) => putItem(form, item, k < items.length && types[k] === ITEM_TYPES[item.type] ? items[k] : null));
  setProperty_(FORM_FILLED, id);
}

/**
 * A form setup created but did not finish filling (a run cut off): fill it now. A form staff made or
 * edited is never touched. Returns whether it filled anything.
 */
export function finishForm_(form: Form, spec: FormSpec): boolean {
  const id = form.getId();
  if (getProperty_(FORM_ID) !== id || getProperty_(FORM_FILLED) === id) return false;
  fillForm_(form, spec, id, false);
  return true;
}

/**
 * Gives a form the spec's settings and questions; on a form a cut-off run was filling (`fresh`
 * false) the items already there are finished in place and the rest added, as setup does. No
 * linking, no publishing: a new program year builds its form closed and opens it last.
 */
export function buildForm_(form: Form, spec: FormSpec, fresh: boolean): void {
  form.setDescription(spec.description);
  form.setCollectEmail(true);
  form.setConfirmationMessage(spec.confirmationMessage);
  form.setProgressBar(true);
  const items = fresh ? [] : form.getItems();
  const types = items.map((i) => String(i.getType()));
  spec.items.forEach((item, k) => putItem(form, item, k < items.length && types[k] === ITEM_TYPES[item.type] ? items[k] : null));
}

/** Whether the form sends its responses to this spreadsheet (getDestinationId throws when it has no destination). */
export function isLinkedHere_(form: Form): boolean {
  try {
    return form.getDestinationId() === spreadsheet_().getId();
  } catch {
    return false;
  }
}

/** Whether a form URL (Sheet.getFormUrl: edit or responder link) names this form. */
function urlNamesForm(url: string, form: Form, publishedUrl: () => string): boolean {
  if (url.includes(`/d/${form.getId()}/`) || url.endsWith(`/d/${form.getId()}`)) return true;
  const pub = /\/forms\/d\/e\/([\w-]+)/.exec(url);
  return !!pub && publishedUrl().includes(pub[1]);
}

/** The tab the form writes its responses to, or null (a getFormUrl per tab: a handful of tabs). */
export function responsesTabOf_(form: Form): string | null {
  let published: string | null = null;
  const publishedUrl = (): string => (published ??= form.getPublishedUrl());
  for (const sheet of spreadsheet_().getSheets()) {
    const url = sheet.getFormUrl();
    if (url && urlNamesForm(url, form, publishedUrl)) return sheet.getName();
  }
  return null;
}

/**
 * Repairs an existing form without touching its questions (staff may have edited them): it must
 * collect the respondent's email and send responses here. Returns what it changed.
 */
export function repairForm_(form: Form): string[] {
  const changes: string[] = [];
  // Forms made through the API after 30 June 2026 start unpublished and take no responses.
  if (publishForm_(form)) changes.push('published it (it was unpublished and took no responses)');
  if (!form.collectsEmail()) {
    form.setCollectEmail(true);
    changes.push('now collects respondent emails');
  }
  const ssId = spreadsheet_().getId();
  let linked: boolean;
  try {
    linked = form.getDestinationId() === ssId;
  } catch {
    linked = false;
  }
  if (!linked) {
    form.setDestination(FormApp.DestinationType.SPREADSHEET, ssId);
    changes.push('linked to this spreadsheet');
  }
  if (getProperty_(FORM_ID) !== form.getId()) setProperty_(FORM_ID, form.getId());
  return changes;
}

/** Stops accepting responses with a closed message; never reopens. Returns false if it was already closed. */
export function closeForm_(form: Form, closedMessage: string): boolean {
  if (!form.isAcceptingResponses()) return false;
  form.setCustomClosedFormMessage(closedMessage);
  form.setAcceptingResponses(false);
  return true;
}

export function formTitles_(form: Form): string[] {
  return form.getItems().map((i) => i.getTitle());
}

/**
 * The name of the tab the current year's form writes to: the tab a new program year recorded
 * (`current`, the RESPONSES_TAB property, when set); otherwise 'Form Responses 1' normally; if
 * staff renamed it (or the form was relinked to a new tab), the tab that reports a linked form.
 * Once a program year has been switched, an older year's responses tab is never returned.
 */
export function responsesTabName_(preferred: string, current?: string | null): string | null {
  if (current) {
    if (sheetByName_(current)) return current;
    // staff renamed the current responses tab: find it by its form (the current one)
    const form = linkedForm_();
    return form ? responsesTabOf_(form) : null;
  }
  if (sheetByName_(preferred)) return preferred;
  for (const sheet of spreadsheet_().getSheets()) {
    if (sheet.getFormUrl()) return sheet.getName();
  }
  return null;
}

/**
 * Opens a domain-only form to respondents outside the organisation where the platform allows it
 * (setRequireLogin is Workspace only). Returns what happened, for setup's summary; never throws.
 */
export function openBeyondDomain_(form: Form): string | null {
  let domainOnly: boolean;
  try {
    domainOnly = typeof form.requiresLogin === 'function' && form.requiresLogin();
  } catch {
    return null;
  }
  if (!domainOnly) return null;
  try {
    form.setRequireLogin(false);
    return 'opened it to respondents outside your organization';
  } catch (err) {
    return `could not open it to respondents outside your organization (${(err as Error)?.message ?? String(err)}): in the form, Settings > Responses, turn off "Restrict to users in your organization"`;
  }
}
