// MailApp and GmailApp.sendEmail: recorded in the outbox, counted against a per-user daily recipient quota.
import type { ServiceName } from '../execution';
import { isPlainObject } from '../realm';
import { ScriptError, ServiceObject, type Runtime } from '../runtime';
import type { SentMail } from '../state';

export const QUOTA_MESSAGE = 'Service invoked too many times for one day: email.';
const DAY_MS = 24 * 60 * 60 * 1000;
const EMAIL = /^[^\s@,;<>]+@[^\s@,;<>]+\.[^\s@,;<>]+$/;

interface MailOptions {
  attachments?: unknown[];
  bcc?: string;
  cc?: string;
  from?: string;
  htmlBody?: string;
  inlineImages?: Record<string, unknown>;
  name?: string;
  noReply?: boolean;
  replyTo?: string;
}

interface MailMessage extends MailOptions {
  to?: string;
  subject?: string;
  body?: string;
}

function recipients(list: string | undefined): string[] {
  if (!list) return [];
  return String(list)
    .split(',')
    .map((s) => s.trim())
    .filter(Boolean);
}

/** Recipients the user may still send to today (the quota window resets 24 h after its first send). */
export function remainingQuota(rt: Runtime, user: string): number {
  const q = rt.state.mailQuota;
  const u = q.used[user];
  const now = rt.core.clock.millis();
  if (!u || now - u.since >= DAY_MS) {
    if (u) delete q.used[user];
    const o = q.remainingOverride;
    return o && now - o.since < DAY_MS ? o.remaining : q.limit;
  }
  return Math.max(0, q.limit - u.count);
}

function consume(rt: Runtime, user: string, n: number): void {
  const q = rt.state.mailQuota;
  const left = remainingQuota(rt, user);
  if (n > left) throw new ScriptError(QUOTA_MESSAGE);
  const u = q.used[user];
  if (u) u.count += n;
  else q.used[user] = { count: q.limit - left + n, since: rt.core.clock.millis() };
}

export function send(rt: Runtime, via: SentMail['via'], msg: MailMessage): void {
  const to = recipients(msg.to);
  const cc = recipients(msg.cc);
  const bcc = recipients(msg.bcc);
  const all = [...to, ...cc, ...bcc];
  if (all.length === 0) throw new ScriptError('Failed to send email: no recipient');
  for (const r of all) if (!EMAIL.test(r)) throw new ScriptError(`Invalid email: ${r}`);
  if (all.length > 50) throw new ScriptError('Limit Exceeded: Email Recipients Per Message.');
  if (msg.replyTo !== undefined && msg.replyTo !== '' && !EMAIL.test(String(msg.replyTo).trim())) throw new ScriptError(`Invalid email: ${msg.replyTo}`);
  const subject = msg.subject === undefined || msg.subject === null ? '' : String(msg.subject);
  const body = msg.body === undefined || msg.body === null ? '' : String(msg.body);
  if (body.length + (msg.htmlBody ? String(msg.htmlBody).length : 0) > 200 * 1024) throw new ScriptError('Limit Exceeded: Email Body Size.');
  consume(rt, rt.user, all.length);
  const mail: SentMail = {
    id: rt.core.mint(16, '0123456789abcdef'),
    via,
    to: to.join(','),
    subject,
    body,
    sentAt: rt.now(),
    by: rt.user,
  };
  if (msg.htmlBody !== undefined) mail.htmlBody = String(msg.htmlBody);
  if (msg.replyTo !== undefined) mail.replyTo = String(msg.replyTo);
  if (msg.name !== undefined) mail.name = String(msg.name);
  if (cc.length) mail.cc = cc.join(',');
  if (bcc.length) mail.bcc = bcc.join(',');
  if (msg.noReply !== undefined) mail.noReply = Boolean(msg.noReply);
  if (msg.from !== undefined) mail.from = String(msg.from);
  if (msg.attachments?.length) mail.attachments = msg.attachments.length;
  rt.state.outbox.push(mail);
}

export class MailApp extends ServiceObject {
  _kind(): [ServiceName, string] {
    return ['MailApp', 'MailApp'];
  }
  /** sendEmail(message) | (recipient, subject, body[, options]) | (to, replyTo, subject, body). */
  sendEmail(a: string | MailMessage, b?: string, c?: string, d?: string | MailOptions): void {
    if (typeof a === 'object' && a !== null) {
      if (b !== undefined) throw new ScriptError("The parameters (object,string) don't match the method signature for MailApp.sendEmail.");
      send(this._rt, 'MailApp', a);
      return;
    }
    if (typeof d === 'string') {
      send(this._rt, 'MailApp', { to: a, replyTo: b, subject: c, body: d });
      return;
    }
    if (d !== undefined && d !== null && !isPlainObject(d)) throw new ScriptError("The parameters don't match the method signature for MailApp.sendEmail.");
    send(this._rt, 'MailApp', { ...(d ?? {}), to: a, subject: b, body: c });
  }
  getRemainingDailyQuota(): number {
    return remainingQuota(this._rt, this._rt.user);
  }
  toString(): string {
    return 'MailApp';
  }
}

export class GmailApp extends ServiceObject {
  _kind(): [ServiceName, string] {
    return ['GmailApp', 'GmailApp'];
  }
  sendEmail(recipient: string, subject: string, body: string, options?: MailOptions): GmailApp {
    send(this._rt, 'GmailApp', { ...(options ?? {}), to: recipient, subject, body });
    return this;
  }
  getAliases(): string[] {
    return [];
  }
  toString(): string {
    return 'GmailApp';
  }
}
