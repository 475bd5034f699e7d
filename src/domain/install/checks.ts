// Check installation: what a real install must have for the product to work, judged from facts the
// workspace adapters gathered (src/app/installCheck.ts). Pure: no Apps Script globals here.
//
// Every check has a stable id (the SPEC's), a status and a one-line fix written for the person who
// deployed the sheet, not for a developer: where to click, never what to code.

export type CheckStatus = 'ok' | 'warn' | 'fail';

export interface InstallCheck {
  id: CheckId;
  title: string;
  status: CheckStatus;
  detail: string;
  fix?: string;
  /** an https link the fix refers to (e.g. Google's authorization page) */
  link?: string;
}

export const CHECK_IDS = [
  'scopes',
  'form-published',
  'form-linked',
  'triggers',
  'calendar',
  'time-zone',
  'mail-quota',
  'properties',
  'program-dates',
  'reviewers',
  'date-format',
] as const;
export type CheckId = (typeof CHECK_IDS)[number];

export const CHECK_TITLES: Record<CheckId, string> = {
  scopes: 'Permissions',
  'form-published': 'Form is published and taking responses',
  'form-linked': 'Form sends its responses to this spreadsheet',
  triggers: 'Automatic runs (triggers)',
  calendar: 'Program calendar and meetings',
  'time-zone': 'Time zone',
  'mail-quota': 'Emails left today',
  properties: 'Script storage',
  'program-dates': 'Program dates',
  reviewers: 'Reviewers',
  'date-format': 'Dates in emails',
};

const MENU = 'Extensions → Communities of Practice';
export const RERUN_SETUP = `Run ${MENU} → Set up again; it repairs this.`;

function check(id: CheckId, status: CheckStatus, detail: string, fix?: string, link?: string): InstallCheck {
  const out: InstallCheck = { id, title: CHECK_TITLES[id], status, detail };
  if (fix) out.fix = fix;
  if (link) out.link = link;
  return out;
}

/** A check whose facts could not be gathered (the service threw): it fails with what the platform said. */
export function failedCheck(id: CheckId, error: string): InstallCheck {
  return check(
    id,
    'fail',
    `Could not be checked: ${error}`,
    id === 'scopes' ? `Run ${MENU} → Check installation again and approve every permission Google asks for.` : RERUN_SETUP,
  );
}

/** 1500 → "1,500" (no Intl: the same in every runtime) */
function count(n: number): string {
  return String(Math.trunc(n)).replace(/\B(?=(\d{3})+(?!\d))/g, ',');
}

function plural(n: number, one: string, many = `${one}s`): string {
  return `${count(n)} ${n === 1 ? one : many}`;
}

// ------------------------------------------------------------------ scopes

export interface ScopeFacts {
  /** false: this platform cannot say (ScriptApp.getAuthorizationInfo is missing) */
  supported: boolean;
  /** the platform says authorization is still required */
  required: boolean;
  /** manifest scopes not granted, when the platform lists the granted ones */
  missing: readonly string[];
  authorizationUrl: string;
}

export function checkScopes(f: ScopeFacts): InstallCheck {
  if (!f.supported)
    return check(
      'scopes',
      'warn',
      'This Apps Script version cannot report which permissions were granted.',
      'Nothing to do if the menu actions work; if one stops with "authorization required", run it again and approve every permission.',
    );
  const link = /^https:\/\//i.test(f.authorizationUrl) ? f.authorizationUrl : undefined;
  if (f.required || f.missing.length > 0) {
    const names = f.missing.map(shortScope);
    const detail =
      names.length > 0
        ? `Not granted: ${names.join(', ')}. Without them the product stops half-way.`
        : 'Google says some permissions the product needs were not granted.';
    return check(
      'scopes',
      'fail',
      detail,
      `Open ${link ? 'the link below' : 'any menu item'} and tick every box Google shows ("Select all"), then Allow.`,
      link,
    );
  }
  return check('scopes', 'ok', 'Every permission the product needs is granted.');
}

/** "https://www.googleapis.com/auth/calendar" → "calendar" */
function shortScope(scope: string): string {
  return scope.replace(/^https:\/\/www\.googleapis\.com\/auth\//, '');
}

// ------------------------------------------------------------------ form

export interface FormFacts {
  exists: boolean;
  title: string;
  /** null: the platform has no Form.isPublished (forms from before publishing existed are published) */
  published: boolean | null;
  accepting: boolean;
  /** null: not a Workspace form, or the platform cannot say */
  requiresLogin: boolean | null;
  /** '' when the form has no destination */
  destinationId: string;
  spreadsheetId: string;
  registrationOpen: boolean;
  registrationDeadlineText: string;
}

export function checkFormPublished(f: FormFacts): InstallCheck {
  if (!f.exists) return check('form-published', 'fail', 'This spreadsheet has no application form.', `Run ${MENU} → Set up; it creates the form.`);
  if (f.published === false) {
    return check(
      'form-published',
      'fail',
      `The form "${f.title}" is not published: nobody can open it.`,
      f.registrationOpen ? RERUN_SETUP : 'Set the new program year first (its registration deadline is past); Set up then publishes the form.',
    );
  }
  if (f.registrationOpen && !f.accepting) {
    return check(
      'form-published',
      'fail',
      `Registration is open until ${f.registrationDeadlineText}, but the form "${f.title}" does not accept responses.`,
      'Open the form, click Responses and turn on "Accepting responses".',
    );
  }
  if (f.registrationOpen && f.requiresLogin === true) {
    return check(
      'form-published',
      'warn',
      `The form "${f.title}" only takes responses from people in your organization; applicants from other agencies cannot answer.`,
      'Open the form, click Publish (or Settings → Responses) and choose "Anyone with the link".',
    );
  }
  if (!f.registrationOpen) {
    return check(
      'form-published',
      'ok',
      `Registration closed on ${f.registrationDeadlineText}; the form ${f.accepting ? 'still accepts responses (they are kept and flagged late)' : 'no longer accepts responses'}.`,
    );
  }
  return check(
    'form-published',
    'ok',
    `The form "${f.title}" ${f.published === true ? 'is published and ' : ''}accepts responses until ${f.registrationDeadlineText}.`,
  );
}

export function checkFormLinked(f: FormFacts): InstallCheck {
  if (!f.exists) return check('form-linked', 'fail', 'There is no form to link.', `Run ${MENU} → Set up; it creates the form and links it here.`);
  if (!f.destinationId) return check('form-linked', 'fail', `The form "${f.title}" saves its responses nowhere.`, RERUN_SETUP);
  if (f.destinationId !== f.spreadsheetId)
    return check('form-linked', 'fail', `The form "${f.title}" sends its responses to another spreadsheet.`, RERUN_SETUP);
  return check('form-linked', 'ok', `The form "${f.title}" sends its responses to this spreadsheet.`);
}

// ------------------------------------------------------------------ triggers

export interface TriggerView {
  handler: string;
  /** 'ON_FORM_SUBMIT', 'CLOCK', … */
  eventType: string;
  /** the spreadsheet id for a spreadsheet trigger, '' otherwise */
  sourceId: string;
}

export interface TriggerFacts {
  /** the person running the check ('' when Apps Script will not say) */
  user: string;
  /** who installed the triggers, as setup recorded it ('' = not recorded) */
  installer: string;
  /** the triggers of this project that belong to the user (getProjectTriggers lists no one else's) */
  mine: readonly TriggerView[];
  spreadsheetId: string;
  /** a trigger run stopped before changing anything because its owner lacks permissions */
  stoppedForScopes?: { at: string; trigger: string; missing: readonly string[] } | null;
}

export function checkTriggers(f: TriggerFacts): InstallCheck {
  const result = triggerCount(f);
  const s = f.stoppedForScopes;
  if (!s || result.status === 'fail') return result;
  const missing = s.missing.length > 0 ? ` (not granted: ${s.missing.map(shortScope).join(', ')})` : '';
  return check(
    'triggers',
    'warn',
    `${result.detail} But the ${s.trigger === 'sweep' ? 'hourly' : s.trigger} run of ${s.at.slice(0, 16).replace('T', ' ')} UTC stopped: the person who installed the triggers has not granted every permission${missing}. Responses wait until it is fixed; nothing is lost.`,
    `${f.installer || 'The person who ran Set up'} opens ${MENU} → Set up and allows every permission Google asks for.`,
  );
}

function triggerCount(f: TriggerFacts): InstallCheck {
  const submit = f.mine.filter((t) => t.handler === 'onFormSubmit' && t.eventType === 'ON_FORM_SUBMIT');
  const hourly = f.mine.filter((t) => t.handler === 'sweep' && t.eventType === 'CLOCK');
  const me = f.user.toLowerCase();
  const installer = f.installer.toLowerCase();
  const someoneElse = installer !== '' && me !== '' && installer !== me;
  if (someoneElse && submit.length === 0 && hourly.length === 0) {
    return check(
      'triggers',
      'ok',
      `Installed by ${f.installer}. Google only lets the person who installed them see them, so only their own Check installation can confirm they are still there.`,
    );
  }
  if (someoneElse) {
    return check(
      'triggers',
      'warn',
      `You (${f.user}) have ${plural(submit.length + hourly.length, 'trigger')} of your own, besides the ones ${f.installer} installed: every response and sync would run twice.`,
      'Open Extensions → Apps Script, click Triggers (the clock icon) and delete your own triggers.',
    );
  }
  const who = f.user || 'you';
  const problems: string[] = [];
  if (submit.length === 0) problems.push('the form-submit trigger is missing (new responses are only picked up by the hourly run)');
  if (hourly.length === 0) problems.push('the hourly trigger is missing (no catch-up, no emails after decisions made elsewhere, the form does not close)');
  if (submit.length > 1) problems.push(`${submit.length} form-submit triggers instead of one`);
  if (hourly.length > 1) problems.push(`${hourly.length} hourly triggers instead of one`);
  const elsewhere = submit.filter((t) => t.sourceId !== '' && t.sourceId !== f.spreadsheetId);
  if (elsewhere.length > 0) problems.push('the form-submit trigger listens to another spreadsheet');
  if (problems.length > 0) {
    const missing = submit.length === 0 || hourly.length === 0 || elsewhere.length > 0;
    return check('triggers', missing ? 'fail' : 'warn', `${capitalize(problems.join('; '))}.`, RERUN_SETUP);
  }
  return check('triggers', 'ok', `One form-submit trigger and one hourly trigger, installed by ${who}.`);
}

function capitalize(s: string): string {
  return s.charAt(0).toUpperCase() + s.slice(1);
}

// ------------------------------------------------------------------ calendar

export interface MeetingView {
  /** e.g. "clna #1" */
  label: string;
  eventId: string;
  start: Date;
  end: Date;
}

export interface EventView {
  id: string;
  start: Date | null;
  end: Date | null;
  meetLink: string;
}

export interface CalendarFacts {
  calendarId: string;
  /** false: the calendar could not be opened; `error` says why */
  reachable: boolean;
  error: string;
  meetings: readonly MeetingView[];
  events: readonly EventView[];
}

export function checkCalendar(f: CalendarFacts): InstallCheck {
  if (!f.calendarId)
    return check(
      'calendar',
      'fail',
      'Settings has no Calendar ID: there is no program calendar yet.',
      `Run ${MENU} → Set up; it creates the calendar and the meetings.`,
    );
  if (!f.reachable) {
    return check(
      'calendar',
      'fail',
      `The calendar in Settings cannot be opened by this account${f.error ? ` (${f.error})` : ''}.`,
      'Ask its owner to share it with you ("Make changes to events"), or clear the Calendar ID cell in Settings and run Set up again.',
    );
  }
  if (f.meetings.length === 0)
    return check('calendar', 'fail', 'The Meetings tab lists no meetings.', 'Fill in the Meetings tab (one row per meeting), then run Set up again.');
  const byId = new Map(f.events.map((e) => [e.id, e]));
  const missing: string[] = [];
  const moved: string[] = [];
  const noMeet: string[] = [];
  for (const m of f.meetings) {
    const e = m.eventId ? byId.get(m.eventId) : undefined;
    if (!e) {
      missing.push(m.label);
      continue;
    }
    if (!e.start || !e.end || e.start.getTime() !== m.start.getTime() || e.end.getTime() !== m.end.getTime()) moved.push(m.label);
    if (!/^https:\/\//i.test(e.meetLink)) noMeet.push(m.label);
  }
  const total = f.meetings.length;
  if (missing.length > 0) {
    return check('calendar', 'fail', `${missing.length} of ${total} meetings have no event on the program calendar (${list(missing)}).`, RERUN_SETUP);
  }
  if (noMeet.length > 0) {
    return check(
      'calendar',
      'fail',
      `${noMeet.length} of ${total} meeting events have no Google Meet link (${list(noMeet)}).`,
      'Open each of these events in Google Calendar, click "Add Google Meet video conferencing" and save.',
    );
  }
  if (moved.length > 0) {
    return check(
      'calendar',
      'warn',
      `${moved.length} of ${total} events are not at the time the Meetings tab gives (${list(moved)}).`,
      `${RERUN_SETUP.replace(' it repairs this.', '')} it moves the events to the Meetings tab times and tells the guests.`,
    );
  }
  return check('calendar', 'ok', `All ${total} meetings are on the program calendar, each with a Google Meet link.`);
}

function list(labels: readonly string[]): string {
  return labels.length <= 4 ? labels.join(', ') : `${labels.slice(0, 4).join(', ')} and ${labels.length - 4} more`;
}

// ------------------------------------------------------------------ time zone

export interface TimeZoneFacts {
  programZone: string;
  spreadsheetZone: string;
}

export function checkTimeZone(f: TimeZoneFacts): InstallCheck {
  if (f.spreadsheetZone !== f.programZone) {
    return check(
      'time-zone',
      'fail',
      `The spreadsheet's time zone is ${f.spreadsheetZone || 'unknown'} but the program's is ${f.programZone}: meeting times typed into the sheet would be read in the wrong zone.`,
      `In the sheet choose File → Settings → Time zone and pick the zone of ${f.programZone}, or run ${MENU} → Set up again.`,
    );
  }
  return check('time-zone', 'ok', `The spreadsheet and the program both use ${f.programZone}.`);
}

// ------------------------------------------------------------------ mail quota

export const MAIL_QUOTA_WARN_BELOW = 50;

export function checkMailQuota(remaining: number): InstallCheck {
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

// ------------------------------------------------------------------ program dates

export interface ProgramDateFacts {
  now: Date;
  program: string;
  registrationDeadline: Date;
  deadlineText: string;
  /** end of the last meeting, null when the Meetings tab has none */
  lastMeetingEnd: Date | null;
  lastMeetingText: string;
}

export function checkProgramDates(f: ProgramDateFacts): InstallCheck {
  const t = f.now.getTime();
  if (f.registrationDeadline.getTime() > t) return check('program-dates', 'ok', `Registration for ${f.program} is open until ${f.deadlineText}.`);
  if (f.lastMeetingEnd && f.lastMeetingEnd.getTime() > t) {
    return check('program-dates', 'ok', `Registration for ${f.program} closed on ${f.deadlineText}; its meetings run until ${f.lastMeetingText}.`);
  }
  return check(
    'program-dates',
    'fail',
    `The registration deadline of ${f.program} (${f.deadlineText}) has passed and no later program year is set: the form stays closed to applicants.`,
    'Set the new program year: Extensions → Communities of Practice → New program year…, or type the new dates into the Settings, Communities and Meetings tabs and run Set up again.',
  );
}

// ------------------------------------------------------------------ reviewers

export interface ReviewerFacts {
  /** the Settings Reviewers list, lower-cased ([] = every editor may decide) */
  reviewers: readonly string[];
  /** the spreadsheet's editors (owner included), lower-cased; null when Google will not list them */
  editors: readonly string[] | null;
  user: string;
}

const EMAIL = /^[^\s@,;<>]+@[^\s@,;<>]+\.[^\s@,;<>]+$/;

export function checkReviewers(f: ReviewerFacts): InstallCheck {
  if (f.reviewers.length === 0) {
    return check('reviewers', 'ok', `The Reviewers setting is blank: every editor of this spreadsheet${f.editors ? ` (${f.editors.length})` : ''} may decide.`);
  }
  const invalid = f.reviewers.filter((r) => !EMAIL.test(r));
  if (invalid.length > 0) {
    return check(
      'reviewers',
      'fail',
      `The Reviewers setting has entries that are not email addresses: ${invalid.join(', ')}.`,
      'In the Settings tab, write the Reviewers as email addresses separated by commas.',
    );
  }
  const editors = f.editors ? new Set(f.editors.map((e) => e.toLowerCase())) : null;
  const cannotEdit = editors ? f.reviewers.filter((r) => !editors.has(r)) : [];
  if (cannotEdit.length > 0) {
    return check(
      'reviewers',
      'warn',
      `${list(cannotEdit)} ${cannotEdit.length === 1 ? 'is a reviewer but cannot' : 'are reviewers but cannot'} edit this spreadsheet, so cannot open the review sidebar.`,
      'Click Share (top right) and add them as Editor.',
    );
  }
  const me = f.user.toLowerCase();
  const note = me && !f.reviewers.includes(me) ? ` You (${f.user}) are not one of them: you can look but not decide.` : '';
  return check('reviewers', 'ok', `${plural(f.reviewers.length, 'reviewer')} may decide: ${f.reviewers.join(', ')}.${note}`);
}

// ------------------------------------------------------------------ date format

export interface DateSample {
  /** what the sample is, e.g. "meeting clna #1" */
  label: string;
  /** the text our emails write */
  ours: string;
  /** the same text formatted with Utilities.formatDate */
  platform: string;
}

export function checkDateFormat(programZone: string, samples: readonly DateSample[]): InstallCheck {
  if (samples.length === 0) return check('date-format', 'ok', `No date to compare yet (the Meetings tab is empty); emails use ${programZone}.`);
  const differ = samples.filter((s) => s.ours !== s.platform);
  if (differ.length > 0) {
    const d = differ[0];
    return check(
      'date-format',
      'fail',
      `Emails would say "${d.ours}" for ${d.label}, but Google formats it as "${d.platform}" in ${programZone}.`,
      'Check that the Time zone setting is a zone name like America/New_York; if it is, tell the developer (the dates in emails are off).',
    );
  }
  return check('date-format', 'ok', `Email dates read as Google formats them in ${programZone}, e.g. "${samples[0].ours}".`);
}

// ------------------------------------------------------------------ summary

export function countByStatus(checks: readonly InstallCheck[]): Record<CheckStatus, number> {
  const out: Record<CheckStatus, number> = { ok: 0, warn: 0, fail: 0 };
  for (const c of checks) out[c.status] += 1;
  return out;
}

/** "All 11 checks passed." / "2 problems, 1 warning, 8 checks ok." */
export function checksHeadline(checks: readonly InstallCheck[]): string {
  const n = countByStatus(checks);
  if (n.fail === 0 && n.warn === 0) return `All ${checks.length} checks passed.`;
  const parts: string[] = [];
  if (n.fail) parts.push(plural(n.fail, 'problem'));
  if (n.warn) parts.push(plural(n.warn, 'warning'));
  parts.push(`${n.ok} OK`);
  return `${parts.join(', ')}.`;
}
