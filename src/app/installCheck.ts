// Check installation: everything a real install needs, checked on the real platform, changing
// nothing (no write, no lock, no property, no Calendar change). Each check gathers its own facts so
// one failing service fails that check only. The service calls do not depend on the sheet's size:
// the Applications tab is never read (the program tabs are a few dozen rows).
import {
  CHECK_IDS,
  checkCalendar,
  checkDateFormat,
  checkFormLinked,
  checkFormPublished,
  checkMailQuota,
  checkProgramDates,
  checkProperties,
  checkReviewers,
  checkScopes,
  checkTimeZone,
  checkTriggers,
  checksHeadline,
  countByStatus,
  failedCheck,
  propertyBytes,
  type CheckId,
  type DateSample,
  type InstallCheck,
  type MeetingView,
} from '../domain/install/checks';
import { formatDay, formatMeetingWhen, formatDate as domainFormatDate } from '../domain/notify/emails/when';
import type { Program } from '../domain/program/model';
import type { Report } from '../domain/install/report';
import { reportText } from '../domain/install/report';
import { now } from '../workspace/clock';
import { showReportDialog_ } from '../workspace/dialog';
import {
  calendarEvents_,
  editorEmails_,
  effectiveUserEmail_,
  formFacts_,
  INSTALLER_PROPERTY,
  myTriggers_,
  platformFormatDate_,
  scopeFacts_,
  spreadsheetId_,
  spreadsheetTimeZone_,
} from '../workspace/installFacts';
import { remainingMailQuota_ } from '../workspace/mail';
import { MAIL_RESERVE_PROPERTY, reserveOf } from '../domain/notify/mailReserve';
import { MANIFEST_SCOPES } from '../workspace/scopes';
import { TRIGGER_SCOPES_PROPERTY } from './guard';
import { readProgram_ } from '../workspace/programRepo';
import { allProperties_ } from '../workspace/properties';
import { activeUserEmail_ } from '../workspace/session';

export interface InstallCheckResult {
  ok: true;
  checks: InstallCheck[];
}

function message(err: unknown): string {
  return String((err as Error)?.message ?? err);
}

function deadlineText(p: Program): string {
  return formatDay(p.settings.registrationDeadline, p.settings.timeZone, domainFormatDate);
}

function meetingLabel(p: Program, community: string, n: number): string {
  const c = p.communities.find((x) => x.key === community);
  return `${c ? c.name : community} meeting ${n}`;
}

export function runInstallationCheck_(): InstallCheckResult {
  const at = now();
  const results = new Map<CheckId, InstallCheck>();
  const run = (ids: readonly CheckId[], fn: () => InstallCheck[]): void => {
    try {
      for (const c of fn()) results.set(c.id, c);
    } catch (err) {
      if (/exceeded maximum execution time/i.test(message(err))) throw err;
      for (const id of ids) if (!results.has(id)) results.set(id, failedCheck(id, message(err)));
    }
  };

  let scopesOk = false;
  run(['scopes'], () => {
    const c = checkScopes(scopeFacts_(MANIFEST_SCOPES));
    scopesOk = c.status === 'ok';
    return [c];
  });

  let program: Program | null = null;
  let programError = '';
  try {
    program = readProgram_();
  } catch (err) {
    programError = message(err);
  }
  const withProgram = (ids: readonly CheckId[], fn: (p: Program) => InstallCheck[]): void =>
    run(ids, () => {
      if (!program) throw new Error(`the Settings, Communities or Meetings tab cannot be read (${programError})`);
      return fn(program);
    });

  let ssId = '';
  withProgram(['form-published', 'form-linked'], (p) => {
    const read = formFacts_();
    ssId = read.spreadsheetId;
    const facts = { ...read, registrationOpen: p.settings.registrationDeadline.getTime() > at.getTime(), registrationDeadlineText: deadlineText(p) };
    return [checkFormPublished(facts), checkFormLinked(facts)];
  });

  // one read of the whole store serves the installer and the size
  let props: Record<string, string> | null = null;
  run(['properties'], () => {
    props = allProperties_();
    return [checkProperties(propertyBytes(props))];
  });

  const user = activeUserEmail_() || effectiveUserEmail_().toLowerCase();
  run(['triggers'], () => {
    const all: Record<string, string> = props ?? {};
    const installer = String(all[INSTALLER_PROPERTY] ?? '');
    // a trigger that stopped for missing permissions (src/app/guard.ts) left a note; once the
    // installer has granted everything, it is history
    const resolved = scopesOk && installer !== '' && installer.toLowerCase() === user;
    const stopped = resolved ? null : parseStopped(all[TRIGGER_SCOPES_PROPERTY]);
    return [checkTriggers({ user, installer, mine: myTriggers_(), spreadsheetId: ssId || spreadsheetId_(), stoppedForScopes: stopped })];
  });

  withProgram(['calendar'], (p) => {
    const meetings: MeetingView[] = p.meetings.map((m) => ({ label: meetingLabel(p, m.community, m.number), eventId: m.eventId, start: m.start, end: m.end }));
    const calendarId = p.settings.calendarId;
    if (!calendarId) return [checkCalendar({ calendarId, reachable: false, error: '', meetings, events: [] })];
    try {
      return [checkCalendar({ calendarId, reachable: true, error: '', meetings, events: calendarEvents_(calendarId) })];
    } catch (err) {
      return [checkCalendar({ calendarId, reachable: false, error: message(err), meetings, events: [] })];
    }
  });

  withProgram(['time-zone'], (p) => [checkTimeZone({ programZone: p.settings.timeZone, spreadsheetZone: spreadsheetTimeZone_() })]);
  run(['mail-quota'], () => [checkMailQuota(remainingMailQuota_(), reserveOf(props?.[MAIL_RESERVE_PROPERTY], at.getTime()))]);

  withProgram(['program-dates'], (p) => {
    const last = p.meetings.reduce<Date | null>((acc, m) => (!acc || m.end.getTime() > acc.getTime() ? m.end : acc), null);
    return [
      checkProgramDates({
        now: at,
        program: p.settings.program,
        registrationDeadline: p.settings.registrationDeadline,
        deadlineText: deadlineText(p),
        lastMeetingEnd: last,
        lastMeetingText: last ? formatDay(last, p.settings.timeZone, domainFormatDate) : '',
      }),
    ];
  });

  withProgram(['reviewers'], (p) => [
    checkReviewers({ reviewers: p.settings.reviewers, editors: p.settings.reviewers.length > 0 ? editorEmails_() : null, user }),
  ]);

  withProgram(['date-format'], (p) => {
    const tz = p.settings.timeZone;
    const samples: DateSample[] = [];
    const first = p.meetings[0];
    if (first) {
      samples.push({
        label: meetingLabel(p, first.community, first.number),
        ours: formatMeetingWhen(first.start, first.end, tz, domainFormatDate),
        platform: formatMeetingWhen(first.start, first.end, tz, platformFormatDate_),
      });
    }
    samples.push({
      label: 'the registration deadline',
      ours: formatDay(p.settings.registrationDeadline, tz, domainFormatDate),
      platform: formatDay(p.settings.registrationDeadline, tz, platformFormatDate_),
    });
    return [checkDateFormat(tz, samples)];
  });

  return { ok: true, checks: CHECK_IDS.map((id) => results.get(id) ?? failedCheck(id, 'not run')) };
}

function parseStopped(raw: string | undefined): { at: string; trigger: string; missing: string[] } | null {
  if (!raw) return null;
  try {
    const v = JSON.parse(raw) as { at?: unknown; trigger?: unknown; missing?: unknown };
    return {
      at: typeof v.at === 'string' ? v.at : '',
      trigger: typeof v.trigger === 'string' ? v.trigger : '',
      missing: Array.isArray(v.missing) ? v.missing.map(String) : [],
    };
  } catch {
    return null;
  }
}

/** Never throws: a broken check is a failed check, and an unexpected error a failed result. */
export function checkInstallation_(): InstallCheckResult {
  try {
    return runInstallationCheck_();
  } catch (err) {
    if (/exceeded maximum execution time/i.test(message(err))) throw err;
    return { ok: true, checks: CHECK_IDS.map((id) => failedCheck(id, message(err))) };
  }
}

export function installCheckReport_(checks: InstallCheck[]): Report {
  return { title: 'Check installation', headline: checksHeadline(checks), checks };
}

/** Menu "Check installation": the checks in a dialog. Returns the same as plain text. */
export function showInstallationCheck_(): string {
  const report = installCheckReport_(checkInstallation_().checks);
  showReport_(report);
  return reportText(report);
}

/** Shows a run's report; when there is no UI (run from the editor), the execution log keeps it. */
export function showReport_(report: Report): void {
  if (!showReportDialog_(report)) console.log(reportText(report));
}

/** Set up's last step: its full summary and the installation check, in one dialog. */
export function showSetupReport_(summary: string): void {
  const checks = checkInstallation_().checks;
  const n = countByStatus(checks);
  const found = [n.fail ? `${n.fail} problem${n.fail === 1 ? '' : 's'} to fix` : '', n.warn ? `${n.warn} thing${n.warn === 1 ? '' : 's'} to look at` : '']
    .filter(Boolean)
    .join(' and ');
  const headline = found ? `Set up finished. The installation check found ${found}: see "What to do" below.` : `Set up finished. ${checksHeadline(checks)}`;
  showReport_({ title: 'Set up: Communities of Practice', headline, lines: [summary], linesHeading: 'What Set up did', checks });
}
