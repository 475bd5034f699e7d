// ScriptApp's installable triggers: Trigger and the builders (spreadsheet, form, clock), owned per user.
import type { ServiceName } from '../execution';
import { ScriptError, ServiceObject, type Runtime } from '../runtime';
import type { TriggerEventType, TriggerState } from '../state';

const MAX_TRIGGERS_PER_USER = 20;

export class Trigger extends ServiceObject {
  constructor(
    rt: Runtime,
    readonly _uid: string,
  ) {
    super(rt);
  }
  _kind(): [ServiceName, string] {
    return ['ScriptApp', 'Trigger'];
  }
  private st(): TriggerState {
    const t = this._rt.state.triggers.find((x) => x.uid === this._uid);
    if (!t) throw new ScriptError('This trigger has been deleted.');
    return t;
  }
  getUniqueId(): string {
    return this._uid;
  }
  getHandlerFunction(): string {
    return this.st().handler;
  }
  getEventType(): string {
    return this.st().eventType;
  }
  getTriggerSource(): string {
    return this.st().source;
  }
  getTriggerSourceId(): string | null {
    return this.st().sourceId;
  }
  toString(): string {
    return 'Trigger';
  }
}

/** Shared by the spreadsheet, form and clock builders: the pending trigger and `create()`. */
abstract class BuilderBase extends ServiceObject {
  constructor(
    rt: Runtime,
    protected readonly draft: Partial<TriggerState> & { handler: string },
  ) {
    super(rt);
  }
  create(): Trigger {
    const d = this.draft;
    if (!d.eventType || !d.source) throw new ScriptError('Trigger type is not specified.');
    const rt = this._rt;
    const mine = rt.state.triggers.filter((t) => t.owner === rt.user);
    if (mine.length >= MAX_TRIGGERS_PER_USER)
      throw new ScriptError('This script has too many triggers. Triggers must be deleted from the script before more can be added.');
    const t: TriggerState = {
      uid: String(rt.core.mint(19, '0123456789')).replace(/^0/, '1'),
      handler: d.handler,
      eventType: d.eventType,
      source: d.source,
      sourceId: d.sourceId ?? null,
      owner: rt.user,
      createdAt: rt.core.clock.millis(),
      lastRunAt: null,
    };
    for (const k of ['everyMinutes', 'everyHours', 'everyDays', 'everyWeeks', 'atHour', 'at', 'after'] as const) {
      if (d[k] !== undefined) t[k] = d[k];
    }
    rt.state.triggers.push(t);
    return new Trigger(rt, t.uid);
  }
}

export class SpreadsheetTriggerBuilder extends BuilderBase {
  _kind(): [ServiceName, string] {
    return ['ScriptApp', 'SpreadsheetTriggerBuilder'];
  }
  private on(eventType: TriggerEventType): SpreadsheetTriggerBuilder {
    this.draft.eventType = eventType;
    return this;
  }
  onFormSubmit(): SpreadsheetTriggerBuilder {
    return this.on('ON_FORM_SUBMIT');
  }
  onOpen(): SpreadsheetTriggerBuilder {
    return this.on('ON_OPEN');
  }
  onEdit(): SpreadsheetTriggerBuilder {
    return this.on('ON_EDIT');
  }
  onChange(): SpreadsheetTriggerBuilder {
    return this.on('ON_CHANGE');
  }
}

export class FormTriggerBuilder extends BuilderBase {
  _kind(): [ServiceName, string] {
    return ['ScriptApp', 'FormTriggerBuilder'];
  }
  onFormSubmit(): FormTriggerBuilder {
    this.draft.eventType = 'ON_FORM_SUBMIT';
    return this;
  }
  onOpen(): FormTriggerBuilder {
    this.draft.eventType = 'ON_OPEN';
    return this;
  }
}

export class ClockTriggerBuilder extends BuilderBase {
  _kind(): [ServiceName, string] {
    return ['ScriptApp', 'ClockTriggerBuilder'];
  }
  everyMinutes(n: number): ClockTriggerBuilder {
    if (![1, 5, 10, 15, 30].includes(n)) throw new ScriptError('The value you passed to everyMinutes must be 1, 5, 10, 15 or 30.');
    this.draft.everyMinutes = n;
    return this;
  }
  everyHours(n: number): ClockTriggerBuilder {
    if (![1, 2, 4, 6, 8, 12].includes(n)) throw new ScriptError('The value you passed to everyHours must be 1, 2, 4, 6, 8 or 12.');
    this.draft.everyHours = n;
    return this;
  }
  everyDays(n: number): ClockTriggerBuilder {
    this.draft.everyDays = n;
    return this;
  }
  everyWeeks(n: number): ClockTriggerBuilder {
    this.draft.everyWeeks = n;
    return this;
  }
  atHour(hour: number): ClockTriggerBuilder {
    this.draft.atHour = hour;
    return this;
  }
  nearMinute(_minute?: number): ClockTriggerBuilder {
    return this;
  }
  inTimezone(_timezone?: string): ClockTriggerBuilder {
    return this;
  }
  onWeekDay(_day?: unknown): ClockTriggerBuilder {
    this.draft.everyWeeks ??= 1;
    return this;
  }
  at(date: Date | GoogleAppsScript.Base.Date): ClockTriggerBuilder {
    this.draft.at = date.getTime();
    return this;
  }
  after(durationMilliseconds: number): ClockTriggerBuilder {
    this.draft.after = durationMilliseconds;
    return this;
  }
}

export class TriggerBuilder extends ServiceObject {
  constructor(
    rt: Runtime,
    private readonly handler: string,
  ) {
    super(rt);
  }
  _kind(): [ServiceName, string] {
    return ['ScriptApp', 'TriggerBuilder'];
  }
  forSpreadsheet(sheet: string | { getId(): string }): SpreadsheetTriggerBuilder {
    const id = typeof sheet === 'string' ? sheet : sheet.getId();
    if (id !== this._rt.state.spreadsheet.id) throw new ScriptError('No item with the given ID could be found, or you do not have permission to access it.');
    return new SpreadsheetTriggerBuilder(this._rt, { handler: this.handler, source: 'SPREADSHEETS', sourceId: id });
  }
  forForm(form: string | { getId(): string }): FormTriggerBuilder {
    const id = typeof form === 'string' ? form : form.getId();
    if (!this._rt.state.forms.some((f) => f.id === id))
      throw new ScriptError('No item with the given ID could be found, or you do not have permission to access it.');
    return new FormTriggerBuilder(this._rt, { handler: this.handler, source: 'FORMS', sourceId: id });
  }
  timeBased(): ClockTriggerBuilder {
    return new ClockTriggerBuilder(this._rt, { handler: this.handler, source: 'CLOCK', eventType: 'CLOCK', sourceId: null });
  }
  toString(): string {
    return 'TriggerBuilder';
  }
}
