// The global object of one execution: the services Apps Script provides, bound to that execution.
import { AdvancedCalendar } from './calendar/advanced';
import { CalendarApp } from './calendar/calendarApp';
import { FormApp } from './forms/formApp';
import type { Runtime } from './runtime';
import { CacheService } from './services/cache';
import { HtmlService } from './services/html';
import { LockService } from './services/lock';
import { Logger, makeConsole } from './services/logger';
import { GmailApp, MailApp } from './services/mail';
import { PropertiesService } from './services/properties';
import { ScriptApp } from './services/script';
import { Session } from './services/session';
import { Utilities } from './services/utilities';
import { SpreadsheetApp } from './spreadsheet/spreadsheetApp';

export function makeGlobals(rt: Runtime, echoLogs: boolean): Record<string, unknown> {
  return {
    console: makeConsole(rt.exec.logs, echoLogs),
    Date: rt.core.EmuDate,
    SpreadsheetApp: rt.wrap(new SpreadsheetApp(rt)),
    FormApp: rt.wrap(new FormApp(rt)),
    MailApp: rt.wrap(new MailApp(rt)),
    GmailApp: rt.wrap(new GmailApp(rt)),
    CalendarApp: rt.wrap(new CalendarApp(rt)),
    Calendar: rt.wrap(new AdvancedCalendar(rt)),
    PropertiesService: rt.wrap(new PropertiesService(rt)),
    CacheService: rt.wrap(new CacheService(rt)),
    LockService: rt.wrap(new LockService(rt)),
    ScriptApp: rt.wrap(new ScriptApp(rt)),
    HtmlService: rt.wrap(new HtmlService(rt)),
    Session: rt.wrap(new Session(rt)),
    Utilities: rt.wrap(new Utilities(rt)),
    Logger: rt.wrap(new Logger(rt)),
  };
}
