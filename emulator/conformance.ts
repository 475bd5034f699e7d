// Compile-time check that every emulator method accepts what the Apps Script signature
// (@types/google-apps-script) passes it. A mismatch names the method in a type error here.
import type { AdvancedCalendar, Calendars, Events } from './calendar/advanced';
import type { Calendar, CalendarApp, CalendarEvent, EventGuest } from './calendar/calendarApp';
import type { Form } from './forms/form';
import type { FormApp } from './forms/formApp';
import type { Choice, FormItem } from './forms/item';
import type { FormResponse, ItemResponse } from './forms/response';
import type { Cache, CacheService } from './services/cache';
import type { HtmlOutput, HtmlService, HtmlTemplate } from './services/html';
import type { Lock, LockService } from './services/lock';
import type { Logger } from './services/logger';
import type { GmailApp, MailApp } from './services/mail';
import type { Properties, PropertiesService } from './services/properties';
import type { ScriptApp, Trigger, TriggerBuilder, ClockTriggerBuilder, SpreadsheetTriggerBuilder, FormTriggerBuilder } from './services/script';
import type { Session, User } from './services/session';
import type { Blob, Utilities } from './services/utilities';
import type { DataValidationBuilder } from './spreadsheet/dataValidation';
import type { Range } from './spreadsheet/range';
import type { Sheet } from './spreadsheet/sheet';
import type { Spreadsheet } from './spreadsheet/spreadsheet';
import type { SpreadsheetApp } from './spreadsheet/spreadsheetApp';
import type { Menu, Ui } from './spreadsheet/ui';

type G = typeof GoogleAppsScript;

/**
 * The kind of a parameter: primitives, Dates and arrays as themselves, any other object as `object`
 * (the bundle passes the emulator's own objects back, e.g. a Sheet to setActiveSheet, never @types' interfaces).
 */
type Shape<T> = T extends string
  ? string
  : T extends number
    ? number
    : T extends boolean
      ? boolean
      : T extends Date | GoogleAppsScript.Base.Date
        ? Date
        : T extends readonly unknown[]
          ? unknown[]
          : T extends object
            ? object
            : T;
type Shapes<P extends unknown[]> = { [I in keyof P]: Shape<P[I]> };

/** Methods of Impl whose parameters do not accept the arguments of Api's (last) signature. */
type Mismatches<Impl, Api> = {
  [K in keyof Impl & keyof Api]: K extends `_${string}`
    ? never
    : Api[K] extends (...a: infer P) => unknown
      ? Impl[K] extends (...a: infer Q) => unknown
        ? Shapes<P> extends Shapes<Q>
          ? never
          : K
        : never
      : never;
}[keyof Impl & keyof Api];

type None<T extends never> = T;

export type Conformance = [
  None<Mismatches<SpreadsheetApp, GoogleAppsScript.Spreadsheet.SpreadsheetApp>>,
  None<Mismatches<Spreadsheet, GoogleAppsScript.Spreadsheet.Spreadsheet>>,
  None<Mismatches<Sheet, GoogleAppsScript.Spreadsheet.Sheet>>,
  None<Mismatches<Range, GoogleAppsScript.Spreadsheet.Range>>,
  None<Mismatches<DataValidationBuilder, GoogleAppsScript.Spreadsheet.DataValidationBuilder>>,
  None<Mismatches<Ui, GoogleAppsScript.Base.Ui>>,
  None<Mismatches<Menu, GoogleAppsScript.Base.Menu>>,
  None<Mismatches<FormApp, GoogleAppsScript.Forms.FormApp>>,
  None<Mismatches<Form, GoogleAppsScript.Forms.Form>>,
  None<Mismatches<FormItem, GoogleAppsScript.Forms.CheckboxItem>>,
  None<Mismatches<FormItem, GoogleAppsScript.Forms.TextItem>>,
  None<Mismatches<FormItem, GoogleAppsScript.Forms.MultipleChoiceItem>>,
  None<Mismatches<FormItem, GoogleAppsScript.Forms.Item>>,
  None<Mismatches<Choice, GoogleAppsScript.Forms.Choice>>,
  None<Mismatches<FormResponse, GoogleAppsScript.Forms.FormResponse>>,
  None<Mismatches<ItemResponse, GoogleAppsScript.Forms.ItemResponse>>,
  None<Mismatches<MailApp, GoogleAppsScript.Mail.MailApp>>,
  None<Mismatches<GmailApp, GoogleAppsScript.Gmail.GmailApp>>,
  None<Mismatches<CalendarApp, GoogleAppsScript.Calendar.CalendarApp>>,
  None<Mismatches<Calendar, GoogleAppsScript.Calendar.Calendar>>,
  None<Mismatches<CalendarEvent, GoogleAppsScript.Calendar.CalendarEvent>>,
  None<Mismatches<EventGuest, GoogleAppsScript.Calendar.EventGuest>>,
  None<Mismatches<AdvancedCalendar, GoogleAppsScript.Calendar>>,
  None<Mismatches<Events, GoogleAppsScript.Calendar.Collection.EventsCollection>>,
  None<Mismatches<Calendars, GoogleAppsScript.Calendar.Collection.CalendarsCollection>>,
  None<Mismatches<PropertiesService, GoogleAppsScript.Properties.PropertiesService>>,
  None<Mismatches<Properties, GoogleAppsScript.Properties.Properties>>,
  None<Mismatches<CacheService, GoogleAppsScript.Cache.CacheService>>,
  None<Mismatches<Cache, GoogleAppsScript.Cache.Cache>>,
  None<Mismatches<LockService, GoogleAppsScript.Lock.LockService>>,
  None<Mismatches<Lock, GoogleAppsScript.Lock.Lock>>,
  None<Mismatches<ScriptApp, GoogleAppsScript.Script.ScriptApp>>,
  None<Mismatches<Trigger, GoogleAppsScript.Script.Trigger>>,
  None<Mismatches<TriggerBuilder, GoogleAppsScript.Script.TriggerBuilder>>,
  None<Mismatches<ClockTriggerBuilder, GoogleAppsScript.Script.ClockTriggerBuilder>>,
  None<Mismatches<SpreadsheetTriggerBuilder, GoogleAppsScript.Script.SpreadsheetTriggerBuilder>>,
  None<Mismatches<FormTriggerBuilder, GoogleAppsScript.Script.FormTriggerBuilder>>,
  None<Mismatches<HtmlService, GoogleAppsScript.HTML.HtmlService>>,
  None<Mismatches<HtmlOutput, GoogleAppsScript.HTML.HtmlOutput>>,
  None<Mismatches<HtmlTemplate, GoogleAppsScript.HTML.HtmlTemplate>>,
  None<Mismatches<Session, GoogleAppsScript.Base.Session>>,
  None<Mismatches<User, GoogleAppsScript.Base.User>>,
  None<Mismatches<Utilities, GoogleAppsScript.Utilities.Utilities>>,
  None<Mismatches<Blob, GoogleAppsScript.Base.Blob>>,
  None<Mismatches<Logger, GoogleAppsScript.Base.Logger>>,
];
export type Unused = G;
