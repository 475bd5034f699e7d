// One delivery run's shape (see deliver.ts): the options and result, the state read under the
// lock with the delivery lease, what the steps share (Run), the end-of-run write of Notified /
// Invited / Agenda Sent / Follow-up Sent, and the helpers every sending step uses.
import type { Budget } from '../../domain/notify/budget';
import { isLeaseFree, LEASE_MS, parseLease, type Lease } from '../../domain/notify/lease';
import { emptyEntries, journalKeys, mergeEntries, type JournalEntries } from '../../domain/notify/journal';
import type { Templates } from '../../domain/notify/emails/templates';
import { applicationRecord } from '../../domain/program/applicationRow';
import type { Program } from '../../domain/program/model';
import type { Absence } from '../../domain/members/plan';
import { peekAttendance_ } from '../../workspace/attendanceRepo';
import { withScriptLock_ } from '../../workspace/lock';
import type { LogEntry } from '../../workspace/log';
import { loadProgram_ } from '../../workspace/programRepo';
import { allProperties_, deleteProperty_, getJsonProperty_, setJsonProperty_ } from '../../workspace/properties';
import { writeRows_ } from '../../workspace/table';
import { bumpApplicationsRevision_, readApplications_, type ApplicationsTable, type StoredApplication } from '../../workspace/applicationsRepo';
import { readTemplates_ } from '../templates';
import type { RunJournal } from './runJournal';

/** Stop starting new work after this much of the 6-minute execution limit. */
export const TIME_BUDGET_MS = 4.5 * 60 * 1000;
const LEASE_KEY = 'cop.delivery.lease';
export const ACTOR = 'system';

export interface DeliverOptions {
  /** only these applications' applicants and events; undefined = everything due */
  applicationIds?: string[];
  /** epoch ms after which no new email or event is started (default: start + 4.5 min) */
  deadline?: number;
}

export interface DeliveryResult {
  /** emails sent by this run */
  sent: number;
  /** ids (of the request, or all) whose notification is still owed afterwards */
  pendingIds: string[];
  /** events whose attendees this run changed */
  eventsUpdated: number;
  /** agenda emails sent by this run (also counted in `sent`) */
  agendasSent?: number;
  /** attendance follow-ups sent by this run (also counted in `sent`) */
  followUpsSent?: number;
  /** event descriptions this run rewrote (agenda changed) */
  descriptionsUpdated?: number;
  /** why the run stopped early, if it did */
  stopped: '' | 'time' | 'quota' | 'busy';
  /** Calendar refused with 'usage limits exceeded': the invitations of this run stopped there (the rest wait) */
  calendarLimited?: boolean;
  failures: number;
}

export interface State {
  program: Program;
  apps: ApplicationsTable;
  templates: Templates;
  lease: Lease | null;
  /** what runs cut off before their end left in the journal (empty unless this run has the lease) */
  leftover: { keys: string[]; entries: JournalEntries };
  /** the script properties read with the lease */
  props: Record<string, string>;
  /** members recorded absent (read only when follow-ups are on) */
  absences: Absence[];
}

export function parseJson(raw: string | undefined): unknown {
  if (raw === undefined) return null;
  try {
    return JSON.parse(raw);
  } catch {
    return null;
  }
}

export function readState_(holder: string, startedAt: number): State {
  return withScriptLock_(() => {
    const { program } = loadProgram_();
    const apps = readApplications_(program.communities);
    const templates = readTemplates_();
    const absences: Absence[] = program.settings.sendAttendanceFollowUp
      ? peekAttendance_(program.communities)
          .filter((r) => r.attended === false)
          .map((r) => ({ applicationId: r.applicationId, meeting: r.meeting }))
      : [];
    // taken last, so a read that throws leaves no lease behind. One read serves the lease and the
    // journal: a holder of the lease is the only writer of both.
    const props = allProperties_();
    const current = parseLease(parseJson(props[LEASE_KEY]));
    let lease: Lease | null = null;
    let leftover: State['leftover'] = { keys: [], entries: emptyEntries() };
    if (isLeaseFree(current, startedAt)) {
      lease = { holder, until: startedAt + LEASE_MS };
      setJsonProperty_(LEASE_KEY, lease);
      // a free lease means no run is live, so every journal key left is a cut-off run's
      const keys = journalKeys(Object.keys(props));
      leftover = { keys, entries: mergeEntries(keys.map((k) => props[k])) };
    }
    return { program, apps, templates, lease, leftover, props, absences };
  });
}

/** What a run changed in `Notified`/`Invited` (its own deliveries and the leftover journal), by id. */
export type Changed = Map<string, StoredApplication>;

/**
 * Every change of the run in one block per contiguous column run (Notified and Invited are
 * adjacent in our layout: one getRange, one setValues). Only these two columns are
 * written: another column between them (staff reordered) is left alone, since the run's copy of,
 * say, Status may be stale by now.
 */
export function writeChanges_(apps: ApplicationsTable, changed: Changed): void {
  if (changed.size === 0) return;
  writeRows_(
    apps.table,
    [...changed.values()].map((a) => ({ row: a.row, values: applicationRecord(a, apps.communities, ['notified', 'invited', 'agendaSent', 'followUpSent']) })),
    { fill: ['Notified', 'Invited', 'Agenda Sent', 'Follow-up Sent'] },
  );
  // open review pages show Last emailed / Invited as they change (see applicationsRepo)
  bumpApplicationsRevision_();
}

export function releaseLease_(holder: string): void {
  const current = parseLease(getJsonProperty_(LEASE_KEY));
  if (current && current.holder === holder) deleteProperty_(LEASE_KEY);
}

export function errorText(err: unknown): string {
  return String((err as Error)?.message ?? err);
}

export function isQuotaError(err: unknown): boolean {
  return /too many times|quota|limit exceeded/i.test(errorText(err));
}

/** What the steps of one run share. */
export interface Run {
  state: State;
  byId: Map<string, StoredApplication>;
  log: LogEntry[];
  result: DeliveryResult;
  journal: RunJournal;
  changed: Changed;
  /** the daily mail quota left (read once, on the first email) */
  quota: number | null;
  /** accepted applications per community, for wording that depends on a full community */
  acceptedCounts: Record<string, number>;
  /** agenda emails the last agenda pass planned and could not send (the mail reserve) */
  agendasUnsent?: number;
}

/** The journal write after a success; false (logged) when the store refused it: the change then lives only in memory, so the run starts nothing new. */
export function journalled(run: Run, ids: string[], write: () => void): boolean {
  try {
    write();
    return true;
  } catch (err) {
    run.log.push({ actor: ACTOR, action: 'record-delayed', applicationIds: ids, details: `recorded at the end of the run: ${errorText(err)}` });
    run.result.stopped = 'time';
    return false;
  }
}

/**
 * Shared by decision and member emails. Sends each plan while the budget and the quota last. `cost` is the emails a plan takes from the
 * day's quota (its own and any it makes due at once); one that does not fit is left for the next
 * run and the cheaper ones after it still go. Returns how many were left that way.
 */
export function sendEach<P>(
  plans: readonly P[],
  run: Run,
  budget: Budget,
  send: (plan: P) => 'sent' | 'failed' | 'stop',
  cost: (plan: P) => number = () => 1,
): number {
  let deferred = 0;
  // emails kept for what the plans sent make due (their agendas, sent by the caller's next pass)
  let held = 0;
  for (const plan of plans) {
    if (!budget.canStart()) {
      run.result.stopped = 'time';
      return deferred;
    }
    // one email = one recipient of the daily quota
    if ((run.quota ?? 0) < 1) {
      run.result.stopped = 'quota';
      return deferred;
    }
    const need = Math.max(1, cost(plan));
    if (need > (run.quota ?? 0) - held) {
      deferred++;
      continue;
    }
    const outcome = budget.time(() => send(plan));
    if (outcome === 'sent') {
      run.quota = (run.quota ?? 0) - 1;
      held += need - 1;
    }
    if (outcome === 'stop') return deferred;
  }
  return deferred;
}
