// The checks of the program's own data: the calendar and its meetings, the time zone, the program
// dates, the reviewers, and how dates read in emails.
import { check, type InstallCheck, list, MENU, plural, RERUN_SETUP } from './check';

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
