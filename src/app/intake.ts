// Intake: form responses → tagged Applications rows, exactly once, plus one confirmation email per
// response. The trigger and the hourly sweep share one code path: read the responses tab and
// process every response the Log does not yet record. The event is only a hint (it may be
// duplicated, blank, or missing).
import { composeConfirmation } from '../domain/intake/confirmationEmail';
import {
  JOURNAL_PROPERTY,
  keyHash,
  LEGACY_PREFIX,
  parseJournal,
  parseLegacy,
  planClaims,
  queuedDetails,
  readLedger,
  QUEUED_ACTION,
  RETRIED_ACTION,
  SENT_ACTION,
  type Journal,
} from '../domain/intake/confirmationQueue';
import type { ConfirmationRecord } from '../domain/intake/intakePlan';
import { planIntake, RESUBMISSION_FIELDS } from '../domain/intake/intakePlan';
import { TABS } from '../domain/program/layout';
import type { Program } from '../domain/program/model';
import { parseResponses, resumeIndex, rowKey, type ScanMark } from '../domain/intake/responses';
import { personalLinks_ } from './selfService/links';
import { appendApplications_, readApplicationKeys_, readApplications_, saveApplications_ } from '../workspace/applicationsRepo';
import { now } from '../workspace/clock';
import { responsesTabName_, RESPONSES_TAB } from '../workspace/form';
import { switchInProgress } from '../domain/programYear/record';
import { withScriptLock_ } from '../workspace/lock';
import { appendLog_, loggedResponseKeys_, type LogEntry } from '../workspace/log';
import { remainingMailQuota_, sendMail_ } from '../workspace/mail';
import { confirmationAllowance, MAIL_RESERVE_PROPERTY, reserveOf } from '../domain/notify/mailReserve';
import { readProgram_ } from '../workspace/programRepo';
import { allProperties_, deleteProperty_, getProperty_, setProperty_ } from '../workspace/properties';
import { readTable_, readTableFrom_, type Table } from '../workspace/table';

export interface IntakeSummary {
  processed: number;
  rejected: number;
  added: number;
  updated: number;
  confirmationsSent: number;
  /** confirmations still waiting (mail quota, time) */
  confirmationsWaiting: number;
}

/** Stop sending with this much of the 6-minute limit left, so the run ends cleanly. */
const SEND_DEADLINE_MS = 4.5 * 60 * 1000;
/** Script property: how far the responses tab is known to be handled (a ScanMark). */
export const SCAN_MARK = 'intake.scanMark';

function parseMark(raw: string | undefined): ScanMark | null {
  if (!raw) return null;
  try {
    const m = JSON.parse(raw) as ScanMark;
    return typeof m.count === 'number' && typeof m.key === 'string' ? m : null;
  } catch {
    return null;
  }
}

/** A spurious firing carries a row of blank strings (beyond the timestamp): nothing to do. */
function isBlankFiring(e?: GoogleAppsScript.Events.SheetsOnFormSubmit): boolean {
  if (!e || !Array.isArray(e.values)) return false;
  return e.values.slice(1).every((v) => String(v ?? '').trim() === '');
}

export function handleFormSubmit_(e?: GoogleAppsScript.Events.SheetsOnFormSubmit): void {
  if (isBlankFiring(e)) return;
  runIntake_(e);
}

/**
 * The tab a form-submit event's row was written to, or null when the event has no range. The
 * spreadsheet's form-submit trigger fires for EVERY form linked to the sheet, so after a new
 * program year a (re-opened) old form's submission fires it too.
 */
function eventSheetName(e?: GoogleAppsScript.Events.SheetsOnFormSubmit): string | null {
  if (!e || !e.range || typeof e.range.getSheet !== 'function') return null;
  try {
    return e.range.getSheet().getName();
  } catch {
    return null;
  }
}

/** For sweep: processes every response the trigger missed and sends waiting confirmations. */
export function catchUpResponses_(): IntakeSummary {
  return runIntake_();
}

/**
 * The responses tab from where the scan mark says to resume: only its tail is read (each
 * submission costs the rows since the last run, not the whole tab). When the mark no longer
 * matches (staff deleted, inserted or sorted rows), the whole tab is read and scanned again.
 */
function readResponses(tab: string | null, mark: ScanMark | null): { table: Table | null; from: number } {
  if (!tab) return { table: null, from: 0 };
  if (mark && mark.count >= 1) {
    const tail = readTableFrom_(tab, mark.count - 1);
    const from = tail ? resumeIndex(tail, mark) : 0;
    if (tail && from > 0) return { table: tail, from };
  }
  const whole = readTable_(tab);
  return { table: whole, from: whole ? resumeIndex(whole, mark) : 0 };
}

function executionId(): string {
  return `${Date.now().toString(36)}-${Math.random().toString(36).slice(2, 10)}`;
}

interface LockedResult {
  program: Program;
  summary: IntakeSummary;
  /** confirmations this run holds the lease to send (empty: none, no quota, or another run sends) */
  pending: ConfirmationRecord[];
  /** confirmations today's quota allows, after the agendas' reserve (src/domain/notify/mailReserve.ts) */
  allowance: number;
}

function emptySummary(): IntakeSummary {
  return { processed: 0, rejected: 0, added: 0, updated: 0, confirmationsSent: 0, confirmationsWaiting: 0 };
}

/** `remaining`: the day's mail quota, read before the lock (no mail call is made under it). */
function processUnderLock(execution: string, remaining: number, e?: GoogleAppsScript.Events.SheetsOnFormSubmit): LockedResult {
  return withScriptLock_(() => {
    const program = readProgram_();
    const props = allProperties_();
    // A new program year is half applied (tabs being archived, the new form not yet in place):
    // the responses wait in their tab and the next run after the switch takes them.
    if (switchInProgress(props)) return { program, summary: emptySummary(), pending: [], allowance: 0 };
    const current = props[RESPONSES_TAB] || null;
    const responsesTab = responsesTabName_(TABS.responses, current);
    // After a program-year switch, a submission to an older year's form is not this year's
    // business: its tab is never read (two service calls, spent only on sheets that switched).
    if (current && e && responsesTab) {
      const from = eventSheetName(e);
      if (from !== null && from !== responsesTab) return { program, summary: emptySummary(), pending: [], allowance: 0 };
    }
    const mark = parseMark(props[SCAN_MARK]);
    const { table: responsesTable, from } = readResponses(responsesTab, mark);
    const { keys: logged, lines, log } = loggedResponseKeys_();
    const responses = responsesTable
      ? parseResponses(
          responsesTable,
          program.communities.map((c) => c.name),
          logged,
          from,
        )
      : [];
    const apps = readApplicationKeys_(program.communities);
    const plan = planIntake(program, responses, apps.keys, logged);
    const ledger = readLedger(lines);
    const entries: LogEntry[] = plan.log.map((l) => ({ ...l }));
    const queued = [...plan.confirmations];
    // The replaced design kept one script property per confirmation: move them into the Log once.
    const legacyKeys = Object.keys(props).filter((k) => k.startsWith(LEGACY_PREFIX));
    for (const key of legacyKeys) {
      const old = parseLegacy(props[key]);
      if (!old || ledger.queued.has(old.rec.k) || ledger.sent.has(old.rec.k)) continue;
      queued.push(old.rec);
      if (old.maybeSent) entries.push(retried(old.rec));
    }
    for (const rec of queued) entries.push({ actor: 'system', action: QUEUED_ACTION, details: queuedDetails(rec), responseKey: rec.k });
    const nowMs = now().getTime();
    const journal = parseJournal(props[JOURNAL_PROPERTY]);
    const claims = planClaims(ledger, queued, journal, execution, nowMs);
    for (const rec of claims.recoveredSent) {
      const how = claims.cutOff ? ' (recorded from the journal of a run that was cut off after sending it)' : '';
      entries.push({ actor: 'system', action: SENT_ACTION, details: `Confirmation email sent to ${rec.to}${how}.`, responseKey: rec.k });
    }
    for (const rec of claims.uncertain) entries.push(retried(rec));
    appendApplications_(apps, plan.append);
    // a resubmission updates rows in place: only then is the whole tab read (writes go in blocks of whole rows)
    if (plan.update.length > 0) saveApplications_(readApplications_(program.communities), plan.update, RESUBMISSION_FIELDS);
    // the rows, the 'Response processed' entries and their 'Confirmation queued' entries: the
    // confirmation is in the Log the moment its response is recorded as handled
    appendLog_(entries, log);
    for (const key of legacyKeys) deleteProperty_(key);
    // Take the lease (a fresh journal) only when there is mail to send and the day's quota leaves
    // room for it: with the quota spent, the hourly runs write nothing until it comes back.
    let pending: ConfirmationRecord[] = [];
    const allowance = !claims.busy && claims.pending.length > 0 ? confirmationAllowance(remaining, reserveOf(props[MAIL_RESERVE_PROPERTY], nowMs)) : 0;
    if (allowance > 0) {
      const fresh: Journal = { x: execution, t: nowMs, sent: [], sending: null };
      setProperty_(JOURNAL_PROPERTY, JSON.stringify(fresh));
      pending = claims.pending;
    } else if (journal && !claims.busy) {
      deleteProperty_(JOURNAL_PROPERTY);
    }
    // Only now is every row of the tab recorded as handled: mark where the next run may resume.
    if (responsesTable && responsesTable.rows.length > 0) {
      const next: ScanMark = { count: responsesTable.rows.length, key: rowKey(responsesTable, responsesTable.rows.length - 1) };
      if (next.key && (!mark || mark.count !== next.count || mark.key !== next.key)) setProperty_(SCAN_MARK, JSON.stringify(next));
    }
    const rejected = plan.log.filter((l) => l.action === 'Response rejected').length;
    return {
      program,
      pending,
      allowance,
      summary: {
        processed: plan.log.length - rejected,
        rejected,
        added: plan.append.length,
        updated: plan.update.length,
        confirmationsSent: 0,
        confirmationsWaiting: claims.waiting,
      },
    };
  });
}

function retried(rec: ConfirmationRecord): LogEntry {
  return {
    actor: 'system',
    action: RETRIED_ACTION,
    details: `A run was cut off while sending the confirmation to ${rec.to}; it is sent again (the first may or may not have gone out).`,
    responseKey: rec.k,
  };
}

function isTimeLimit(err: unknown): boolean {
  return /exceeded maximum execution time/i.test(String((err as Error)?.message ?? err));
}

/**
 * Sends what this run holds the lease for, outside the lock: before each email the journal names
 * it ('sending'), after it the email joins the journal's 'sent'. At the end the journal is marked
 * done (the lease ends); the next run records its sends in the Log. Returns how many were sent.
 */
function sendPending(program: Program, pending: ConfirmationRecord[], allowance: number, startedAt: number, execution: string): number {
  if (pending.length === 0) return 0;
  // agendas due that the last delivery run could not send keep their share of the day's emails
  let quota = allowance;
  const links = personalLinks_();
  const journal: Journal = { x: execution, t: now().getTime(), sent: [], sending: null };
  for (const rec of pending) {
    if (quota <= 0 || now().getTime() - startedAt > SEND_DEADLINE_MS) break;
    const link = links(rec.to);
    const hash = keyHash(rec.k);
    journal.sending = hash;
    setProperty_(JOURNAL_PROPERTY, JSON.stringify(journal));
    journal.sending = null;
    try {
      sendMail_(composeConfirmation(rec, program, now(), link));
    } catch (err) {
      if (isTimeLimit(err)) throw err;
      // not sent: it stays queued for the next run
      if (/too many times|quota/i.test(String((err as Error)?.message))) break;
      continue;
    }
    journal.sent.push(hash);
    quota--;
  }
  journal.done = true;
  setProperty_(JOURNAL_PROPERTY, JSON.stringify(journal));
  return journal.sent.length;
}

function runIntake_(e?: GoogleAppsScript.Events.SheetsOnFormSubmit): IntakeSummary {
  const startedAt = now().getTime();
  const execution = executionId();
  const locked = processUnderLock(execution, remainingMailQuota_(), e);
  const sent = sendPending(locked.program, locked.pending, locked.allowance, startedAt, execution);
  locked.summary.confirmationsSent = sent;
  locked.summary.confirmationsWaiting = Math.max(0, locked.summary.confirmationsWaiting - sent);
  return locked.summary;
}

/**
 * Confirmations queued in the Log and not yet sent (reads the Log: one getValues). The program-year
 * dialog warns about them: after a switch they stay with last year's archived Log.
 */
export function waitingConfirmations_(): number {
  const { lines } = loggedResponseKeys_();
  const journal = parseJournal(getProperty_(JOURNAL_PROPERTY));
  const plan = planClaims(readLedger(lines), [], journal, '', now().getTime());
  return plan.busy ? planClaims(readLedger(lines), [], null, '', now().getTime()).waiting : plan.waiting;
}

/** Forgets the queue's state in properties (the journal, and entries of the replaced design): a new program year starts empty. */
export function dropConfirmationState_(): void {
  for (const key of Object.keys(allProperties_())) if (key === JOURNAL_PROPERTY || key.startsWith(LEGACY_PREFIX)) deleteProperty_(key);
}
