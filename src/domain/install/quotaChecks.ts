// The checks of the platform's limits: the mail quota left today and the script properties' size.
import { check, count, type InstallCheck, plural } from './check';

// ------------------------------------------------------------------ mail quota

export const MAIL_QUOTA_WARN_BELOW = 50;

/**
 * `agendasWaiting`: agenda emails the last delivery run found due and could not send (the mail
 * reserve). They expire when their meeting starts, so staff hear about them even when today's
 * quota looks healthy.
 */
export function checkMailQuota(remaining: number, agendasWaiting = 0): InstallCheck {
  if (agendasWaiting > 0) {
    return check(
      'mail-quota',
      'warn',
      `${plural(agendasWaiting, 'agenda email')} waiting for the daily email quota (${count(remaining)} left today for this account).`,
      'Agendas go out first, soonest meeting first, and confirmations leave them the quota; but an agenda not sent before its meeting starts is not sent. To give the quota more days, raise Agenda lead days in Settings (and fill in agendas that far ahead), or, if this is a free Gmail account (100 recipients a day), run the program from a Google Workspace account (1,500 a day).',
    );
  }
  if (remaining < MAIL_QUOTA_WARN_BELOW) {
    return check(
      'mail-quota',
      'warn',
      `Only ${plural(remaining, 'email recipient')} left today for this account.`,
      'Nothing is lost: emails that do not fit wait and go out with the hourly sync once Google resets the quota (about 24 hours after the first email).',
    );
  }
  return check('mail-quota', 'ok', `${count(remaining)} email recipients left today.`);
}

// ------------------------------------------------------------------ properties

export const PROPERTIES_LIMIT_BYTES = 500 * 1024;
export const PROPERTIES_WARN_RATIO = 0.6;

/** Bytes a property store holds: UTF-8 of every key and value (how Google counts is not documented). */
export function propertyBytes(all: Record<string, string>): number {
  let n = 0;
  for (const [k, v] of Object.entries(all)) n += utf8Length(k) + utf8Length(String(v));
  return n;
}

function utf8Length(s: string): number {
  let n = 0;
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    if (c < 0x80) n += 1;
    else if (c < 0x800) n += 2;
    else if (c >= 0xd800 && c <= 0xdbff) {
      n += 4;
      i++;
    } else n += 3;
  }
  return n;
}

export function checkProperties(bytes: number): InstallCheck {
  const kb = (bytes / 1024).toFixed(1);
  const pct = Math.round((bytes / PROPERTIES_LIMIT_BYTES) * 100);
  const detail = `${kb} KB used of 500 KB (${pct === 0 && bytes > 0 ? 'under 1' : pct} %).`;
  if (bytes >= PROPERTIES_LIMIT_BYTES * 0.95) {
    return check(
      'properties',
      'fail',
      `${detail} The store is full: queued work cannot be recorded.`,
      'Run Extensions → Communities of Practice → Sync responses now; if it stays full, ask the developer.',
    );
  }
  if (bytes > PROPERTIES_LIMIT_BYTES * PROPERTIES_WARN_RATIO) {
    return check(
      'properties',
      'warn',
      `${detail} Past 60 %: the queue of emails waiting for quota is large.`,
      'Run Extensions → Communities of Practice → Sync responses now; it sends what is waiting and frees the space.',
    );
  }
  return check('properties', 'ok', detail);
}
