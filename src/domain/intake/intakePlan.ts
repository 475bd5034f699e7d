// What processing the new form responses must change: rows to add, Pending rows to update as
// resubmissions, Log entries, confirmations to send. Pure: the caller reads the tabs (under the
// script lock), applies the plan, and sends the confirmations outside the lock.
import { applicationId } from '../program/ids';
import { findCommunity } from '../program/programParse';
import type { FormResponse } from './responses';
import { cohortLabel, missingAnswers, responseFlags, sortFlags } from './tagging';
import type { ApplicationKeys } from '../program/applicationRow';
import type { Application, Flag, Program } from '../program/model';

export interface RowApplication extends Application {
  row: number;
}

/** An existing row as intake sees it: its identifying cells; a resubmission sets the other fields it rewrites. */
export type ExistingRow = ApplicationKeys & Partial<Application>;

type Indexed = Pick<Application, 'id' | 'responseKey' | 'email' | 'community' | 'status'> & Partial<Application>;

export interface IntakeLogEntry {
  actor: string;
  action: 'Response processed' | 'Response rejected';
  applicationIds: string[];
  details: string;
  responseKey: string;
}

/** What the confirmation email needs, small enough for a script property. */
export interface ConfirmationRecord {
  /** response key */
  k: string;
  to: string;
  /** first name (clipped) */
  n: string;
  /** community keys, or raw labels for options no community matches */
  c: string[];
  /** arrived after the registration deadline */
  l?: boolean;
}

export interface IntakePlan {
  append: Application[];
  /** existing rows with the RESUBMISSION_FIELDS set */
  update: ExistingRow[];
  log: IntakeLogEntry[];
  confirmations: ConfirmationRecord[];
  /** keys of responses this plan handles (processed or rejected) */
  handled: string[];
}

/** Fields a resubmission refreshes on a Pending row; the decision columns are never touched. */
export const RESUBMISSION_FIELDS = [
  'responseKey',
  'submitted',
  'firstName',
  'lastName',
  'jobTitle',
  'agency',
  'agencyType',
  'state',
  'cohort',
  'flags',
] as const;

function clip(s: string, n: number): string {
  return s.length > n ? `${s.slice(0, n - 1)}…` : s;
}

/**
 * @param responses every row of the responses tab, in sheet order
 * @param applications every Applications row (updated in place and appended to as the plan is built)
 * @param handledKeys response keys the Log already records as processed or rejected
 */
export function planIntake(program: Program, responses: FormResponse[], applications: ExistingRow[], handledKeys: ReadonlySet<string>): IntakePlan {
  const plan: IntakePlan = { append: [], update: [], log: [], confirmations: [], handled: [] };
  const seen = new Set(handledKeys);
  const byEmailCommunity = new Map<string, Indexed>();
  const byKeyCommunity = new Map<string, Indexed>();
  const index = (a: Indexed): void => {
    if (a.email) {
      const k = `${a.email}\u0000${a.community}`;
      const prior = byEmailCommunity.get(k);
      // With duplicates (staff copied a row), prefer the one still open.
      if (!prior || (prior.status !== 'Pending' && a.status === 'Pending')) byEmailCommunity.set(k, a);
    }
    if (a.responseKey) byKeyCommunity.set(`${a.responseKey}\u0000${a.community}`, a);
  };
  applications.forEach(index);
  const updated = new Set<Indexed>();
  const { settings } = program;

  const ordered = responses.filter((r) => !seen.has(r.key)).sort((a, b) => (a.timestamp?.getTime() ?? 0) - (b.timestamp?.getTime() ?? 0) || a.row - b.row);

  for (const r of ordered) {
    if (seen.has(r.key)) continue; // the same response written twice in the tab
    seen.add(r.key);
    plan.handled.push(r.key);
    if (r.blank || !r.timestamp) {
      plan.log.push({
        actor: r.email || 'form',
        action: 'Response rejected',
        applicationIds: [],
        details: `Row ${r.row} of the responses tab has ${r.timestamp ? 'no email and no answers' : 'no timestamp'}; nothing to process.`,
        responseKey: r.key,
      });
      continue;
    }
    const base = responseFlags(r, settings);
    const labels = r.communities.length > 0 ? r.communities : [''];
    const ids: string[] = [];
    const notes: string[] = [];
    const confirmed: string[] = [];
    for (const label of labels) {
      const community = label ? findCommunity(program.communities, label) : undefined;
      const key = community ? community.key : label;
      const flags: Flag[] = [...base];
      if (label && !community) flags.push('unknown-community');
      const name = community ? community.name : label || '(no community chosen)';
      const done = byKeyCommunity.get(`${r.key}\u0000${key}`);
      if (done) {
        // A run cut off after writing this row: it is already here.
        ids.push(done.id);
        confirmed.push(key);
        continue;
      }
      const fields = {
        responseKey: r.key,
        submitted: r.timestamp,
        firstName: r.firstName,
        lastName: r.lastName,
        jobTitle: r.jobTitle,
        agency: r.agency,
        agencyType: r.agencyType,
        state: r.state,
        cohort: community ? cohortLabel(community, settings.timeZone) : '',
      };
      const existing = r.email ? byEmailCommunity.get(`${r.email}\u0000${key}`) : undefined;
      if (existing && existing.status !== 'Pending') {
        ids.push(existing.id);
        notes.push(`${name}: decision kept (${existing.status}), resubmission not applied`);
        continue;
      }
      if (existing) {
        byKeyCommunity.delete(`${existing.responseKey}\u0000${key}`);
        Object.assign(existing, fields, { flags: sortFlags([...flags, 'resubmitted']) });
        byKeyCommunity.set(`${r.key}\u0000${key}`, existing);
        if (!updated.has(existing)) {
          updated.add(existing);
          if ('row' in existing) plan.update.push(existing as ExistingRow);
        }
        ids.push(existing.id);
        notes.push(`${name}: resubmitted, row updated`);
        confirmed.push(key);
        continue;
      }
      const app: Application = {
        id: applicationId(r.key, key),
        email: r.email,
        community: key,
        ...fields,
        flags: sortFlags(flags),
        status: 'Pending',
        decidedBy: '',
        decidedAt: null,
        note: '',
        notified: '',
        invited: '',
      };
      plan.append.push(app);
      index(app);
      ids.push(app.id);
      notes.push(`${name}: new application`);
      confirmed.push(key);
    }
    const missing = missingAnswers(r);
    if (missing.length > 0) notes.push(`missing: ${missing.join(', ')}`);
    if (base.length > 0) notes.push(`flags: ${base.join(', ')}`);
    if (r.truncated.length > 0) notes.push(`cut to 50,000 characters: ${r.truncated.join(', ')}`);
    plan.log.push({
      actor: r.email || 'form',
      action: 'Response processed',
      applicationIds: ids,
      details: clip(`Row ${r.row}. ${notes.join('; ')}`, 5000),
      responseKey: r.key,
    });
    const toConfirm = confirmed.filter((k) => k !== '');
    if (settings.sendConfirmations && r.email && toConfirm.length > 0) {
      const record: ConfirmationRecord = { k: r.key, to: r.email, n: clip(r.firstName, 100), c: toConfirm.map((c) => clip(c, 200)) };
      if (base.includes('late')) record.l = true;
      plan.confirmations.push(record);
    }
  }
  return plan;
}
