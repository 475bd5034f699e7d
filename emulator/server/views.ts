// Parses the emulator's state (plain data, see emulator/API.md) into the dev server's wire shapes.
// Everything arrives as `unknown` and is read field by field: a missing field becomes '' or null.
// The field readers: read.ts (re-exported here).
import type { DevCalendar, DevDialog, DevEvent, DevExecution, DevForm, DevFormItem, DevFormItemKind, DevMail, DevMenu } from './devWire';
import type { ExecutionLike } from './port';
import type { IcsEvent } from './ics';
import type { MailForEml } from './eml';
import { arr, asDate, iso, isRec, local, localRange, rec, str, TIME_ZONE } from './read';

export { asDate, iso, isRec, local, str, TIME_ZONE } from './read';

// ---------------------------------------------------------------- mail

export function mailId(m: unknown, index: number): string {
  const id = str(rec(m).id);
  return id || `mail-${index + 1}`;
}

export function devMail(m: unknown, index: number): DevMail {
  const r = rec(m);
  const html = str(r.htmlBody);
  return {
    id: mailId(m, index),
    via: str(r.via),
    // GmailApp's `from` option (an alias); otherwise the account the script ran as
    from: str(r.from) || str(r.by),
    name: str(r.name),
    to: str(r.to),
    cc: str(r.cc),
    bcc: str(r.bcc),
    replyTo: str(r.replyTo),
    subject: str(r.subject),
    sentAt: iso(r.sentAt),
    sentAtLocal: local(r.sentAt),
    body: str(r.body),
    hasHtml: html.length > 0,
  };
}

export function mailForEml(m: unknown, index: number): MailForEml {
  const r = rec(m);
  return {
    id: mailId(m, index),
    to: str(r.to),
    cc: str(r.cc) || undefined,
    subject: str(r.subject),
    body: str(r.body),
    htmlBody: str(r.htmlBody) || undefined,
    replyTo: str(r.replyTo) || undefined,
    name: str(r.name) || undefined,
    from: str(r.from) || str(r.by) || 'me@example.com',
    sentAt: asDate(r.sentAt) ?? new Date(0),
  };
}

export function mailHtml(m: unknown): string {
  return str(rec(m).htmlBody);
}

// ---------------------------------------------------------------- calendar

export function meetLink(ev: unknown): string | null {
  const r = rec(ev);
  if (typeof r.hangoutLink === 'string' && r.hangoutLink) return r.hangoutLink;
  const entry = arr(rec(r.conferenceData).entryPoints)
    .map(rec)
    .find((e) => e.entryPointType === 'video' && typeof e.uri === 'string');
  return entry ? str(entry.uri) : null;
}

function guests(ev: unknown): { email: string; responseStatus: string; displayName: string }[] {
  return arr(rec(ev).attendees)
    .map((a) => {
      const r = rec(a);
      return { email: str(r.email), responseStatus: str(r.responseStatus) || 'needsAction', displayName: str(r.displayName) };
    })
    .filter((a) => a.email !== '');
}

export function eventId(ev: unknown): string {
  const r = rec(ev);
  return str(r.id) || str(r.iCalUID);
}

export function devEvent(ev: unknown, invitations: readonly unknown[]): DevEvent {
  const r = rec(ev);
  const id = eventId(ev);
  const start = asDate(r.start);
  const end = asDate(r.end);
  return {
    id,
    calendarId: str(r.calendarId),
    summary: str(r.summary),
    description: str(r.description),
    location: str(r.location),
    start: start ? start.toISOString() : '',
    end: end ? end.toISOString() : '',
    whenLocal: localRange(start, end),
    meetLink: meetLink(ev),
    guests: guests(ev).map(({ email, responseStatus }) => ({ email, responseStatus })),
    invitations: invitations
      .map(rec)
      .filter((i) => str(i.eventId) === id || str(i.eventId) === str(r.iCalUID))
      .map((i) => ({ email: str(i.email), kind: str(i.kind), at: local(i.at) })),
  };
}

export function icsEvent(ev: unknown, organizer: string | null): IcsEvent {
  const r = rec(ev);
  const start = asDate(r.start) ?? new Date(0);
  const end = asDate(r.end) ?? start;
  const allDay = isRec(r.start) && typeof r.start.date === 'string' && r.start.dateTime === undefined;
  const id = eventId(ev);
  const uid = str(r.iCalUID) || (id.includes('@') ? id : `${id}@google.com`);
  return {
    uid,
    summary: str(r.summary),
    description: str(r.description),
    location: str(r.location),
    start,
    end,
    allDay,
    attendees: guests(ev),
    meetLink: meetLink(ev),
    organizer,
  };
}

export function devCalendar(cal: unknown, index: number, events: readonly unknown[], invitations: readonly unknown[]): DevCalendar {
  const r = rec(cal);
  const sorted = [...events].sort((a, b) => (asDate(rec(a).start)?.getTime() ?? 0) - (asDate(rec(b).start)?.getTime() ?? 0));
  return {
    index,
    id: str(r.id),
    name: str(r.name) || str(r.summary),
    timeZone: str(r.timeZone) || TIME_ZONE,
    owner: str(r.owner),
    events: sorted.map((e) => devEvent(e, invitations)),
  };
}

// ---------------------------------------------------------------- executions

/**
 * The stack as the Apps Script editor shows it: the script's own frames only (the bundle's),
 * not the emulator's or Node's, with the bundle named by its file.
 */
export function scriptStack(stack: string): string {
  const lines = stack.split('\n');
  const frames = lines.filter((l) => /^\s+at /.test(l));
  const head = lines.filter((l) => !/^\s+at /.test(l));
  const own = frames
    .filter((l) => /[/\\]dist[/\\]Code\.js:\d+/.test(l) || /\bCode\.js:\d+/.test(l))
    .map((l) => l.replace(/\(?[^\s(]*[/\\](dist[/\\]Code\.js:\d+:\d+)\)?/, (_m, file: string) => `(${file.replace(/\\/g, '/')})`));
  return [...head, ...(own.length ? own : frames)].join('\n');
}

export function devExecution(e: ExecutionLike, index: number): DevExecution {
  const started = asDate(e.startedAt);
  const ended = asDate(e.endedAt);
  const byService: Record<string, number> = {};
  for (const c of e.calls) {
    const service = str(rec(c).service) || '?';
    byService[service] = (byService[service] ?? 0) + 1;
  }
  const err = e.error ? { message: str(e.error.message), stack: scriptStack(str(e.error.stack)) } : null;
  const type = e.trigger?.eventType ? `Trigger (${e.trigger.eventType})` : e.fn === 'onOpen' || e.fn === 'onEdit' ? 'Simple trigger' : 'Run';
  return {
    index,
    fn: e.fn,
    type,
    user: e.user,
    startedAt: started ? started.toISOString() : '',
    startedAtLocal: local(started),
    durationMs: started && ended ? ended.getTime() - started.getTime() : null,
    ok: !err && !e.cutOff,
    cutOff: Boolean(e.cutOff),
    error: err,
    logs: e.logs.map((l) => (typeof l === 'string' ? l : JSON.stringify(l))),
    callCount: e.calls.length,
    callsByService: byService,
  };
}

// ---------------------------------------------------------------- form

const KINDS: Record<string, DevFormItemKind> = {
  TEXT: 'text',
  PARAGRAPH_TEXT: 'paragraph',
  MULTIPLE_CHOICE: 'choice',
  LIST: 'list',
  CHECKBOX: 'checkbox',
  PAGE_BREAK: 'page',
  SECTION_HEADER: 'section',
};

export function devForm(form: unknown): DevForm | null {
  if (!isRec(form)) return null;
  const items: DevFormItem[] = arr(form.items).map((it) => {
    const r = rec(it);
    const rawType = str(r.type);
    const key = rawType.toUpperCase().replace(/[\s-]+/g, '_');
    return {
      kind: KINDS[key] ?? (key === 'PARAGRAPH' ? 'paragraph' : key === 'CHECKBOXES' ? 'checkbox' : 'other'),
      rawType,
      title: str(r.title),
      helpText: str(r.helpText),
      choices: arr(r.choices).map((c) => (isRec(c) ? str(c.value) : str(c))),
      required: r.required === true,
    };
  });
  return {
    title: str(form.title),
    description: str(form.description),
    accepting: form.acceptingResponses !== false && form.published !== false,
    closedMessage: str(form.closedMessage),
    confirmationMessage: str(form.confirmationMessage),
    collectsEmail: form.collectsEmail !== false,
    items,
  };
}

// ---------------------------------------------------------------- ui

export function devMenus(ui: unknown): DevMenu[] {
  return arr(rec(ui).menus).map((m) => ({
    title: str(rec(m).title),
    items: arr(rec(m).items)
      .map((i) => ({ label: str(rec(i).label), fn: str(rec(i).fn) }))
      .filter((i) => i.fn !== ''),
  }));
}

export function lastDialog(ui: unknown): DevDialog | null {
  const dialogs = arr(rec(ui).dialogs);
  if (!dialogs.length) return null;
  const d = rec(dialogs[dialogs.length - 1]);
  const num = (v: unknown, fallback: number): number => (typeof v === 'number' && v > 0 ? v : fallback);
  return { n: dialogs.length - 1, title: str(d.title), width: num(d.width, 600), height: num(d.height, 400), modal: d.modal === true, user: str(d.user) };
}

export function dialogHtml(ui: unknown, n: number): string | null {
  const d = arr(rec(ui).dialogs)[n];
  return d === undefined ? null : str(rec(d).html);
}

/** The review sidebar's title (src/app/menu.ts opens it with the menu's title). */
export const REVIEW_SIDEBAR_TITLE = 'Communities of Practice';

export function lastSidebar(ui: unknown): { title: string; html: string } | null {
  const bars = arr(rec(ui).sidebars);
  if (!bars.length) return null;
  const last = rec(bars[bars.length - 1]);
  return { title: str(last.title), html: str(last.html) };
}

export function sidebarTitle(ui: unknown): string {
  const bars = arr(rec(ui).sidebars);
  return bars.length ? str(rec(bars[bars.length - 1]).title) : '';
}
