import { parseResponses, splitChoices, CELL_LIMIT } from '../../src/domain/intake/responses';
import { planIntake, type RowApplication } from '../../src/domain/intake/intakePlan';
import {
  keyHash,
  MAX_PER_RUN,
  parseJournal,
  parseQueuedDetails,
  planClaims,
  queuedDetails,
  readLedger,
  STALE_MS,
} from '../../src/domain/intake/confirmationQueue';
import { composeConfirmation } from '../../src/domain/intake/confirmationEmail';
import { formSpec } from '../../src/domain/intake/formSpec';
import { applicationId, responseKey } from '../../src/domain/program/ids';
import { cohortLabel, isPersonalEmail, needsEligibilityReview } from '../../src/domain/intake/tagging';
import { DEFAULT_COMMUNITIES, DEFAULT_MEETINGS, DEFAULT_SETTINGS, STATES_AND_TERRITORIES } from '../../src/domain/program/defaults';
import type { Program } from '../../src/domain/program/model';

const program: Program = { settings: { ...DEFAULT_SETTINGS }, communities: DEFAULT_COMMUNITIES, meetings: DEFAULT_MEETINGS };
const names = DEFAULT_COMMUNITIES.map((c) => c.name);
const HEADERS = [
  'Timestamp',
  'Email Address',
  'First name',
  'Last name',
  'Job title',
  'Agency or organization',
  'Agency type',
  'State',
  'Communities of Practice',
  'What do you hope to gain?',
  'Commitment',
];

function row(at: string, email: string, communities: string, over: Partial<Record<string, string>> = {}): unknown[] {
  const base: Record<string, unknown> = {
    Timestamp: new Date(at),
    'Email Address': email,
    'First name': 'Jane',
    'Last name': 'Doe',
    'Job title': 'Director',
    'Agency or organization': 'Ohio Dept of Ed',
    'Agency type': 'Lead state CTE agency',
    State: 'Ohio',
    'Communities of Practice': communities,
    'What do you hope to gain?': 'Ideas',
    Commitment: 'I will attend',
    ...over,
  };
  return HEADERS.map((h) => base[h]);
}

function plan(rows: unknown[][], apps: RowApplication[] = [], logged = new Set<string>()) {
  const responses = parseResponses({ headers: HEADERS, rows }, names);
  return planIntake(program, responses, apps, logged);
}

describe('responses', () => {
  it('splits checkbox answers, rejoining a label that contains a comma', () => {
    expect(splitChoices('Learner Voice, Data and Accountability', names)).toEqual(['Learner Voice', 'Data and Accountability']);
    expect(splitChoices('Alpha, Beta, Gamma', ['Alpha, Beta'])).toEqual(['Alpha, Beta', 'Gamma']);
    expect(splitChoices('', names)).toEqual([]);
  });
  it('derives a stable key and id', () => {
    const [r] = parseResponses({ headers: HEADERS, rows: [row('2023-08-01T14:00:00Z', ' Jane@State.gov ', 'Learner Voice')] }, names);
    expect(r.email).toBe('jane@state.gov');
    expect(r.key).toBe('2023-08-01T14:00:00.000Z jane@state.gov');
    expect(r.key).toBe(responseKey(new Date('2023-08-01T14:00:00Z'), 'jane@state.gov', 9));
    expect(applicationId(r.key, 'learner-voice')).toMatch(/^APP-[0-9A-Z]{11}$/);
    expect(applicationId(r.key, 'learner-voice')).not.toBe(applicationId(r.key, 'clna'));
  });
  it('cuts answers longer than a cell holds and says so', () => {
    const [r] = parseResponses(
      { headers: HEADERS, rows: [row('2023-08-01T14:00:00Z', 'a@b.gov', 'Learner Voice', { 'What do you hope to gain?': 'x'.repeat(60000) })] },
      names,
    );
    expect(r.hopes).toHaveLength(CELL_LIMIT);
    expect(r.truncated).toEqual(['What do you hope to gain?']);
  });
});

describe('tagging', () => {
  it('flags personal email and agency type Other', () => {
    expect(isPersonalEmail('x@Gmail.com')).toBe(true);
    expect(isPersonalEmail('x@state.gov')).toBe(false);
    expect(needsEligibilityReview('Other')).toBe(true);
    expect(needsEligibilityReview('Lead state CTE agency')).toBe(false);
    expect(cohortLabel(DEFAULT_COMMUNITIES[0], 'America/New_York')).toBe('August 2023 – February 2024');
  });
});

describe('planIntake', () => {
  it('adds one Pending row per chosen community with flags and cohort', () => {
    const p = plan([row('2023-09-20T14:00:00Z', 'jane@gmail.com', 'Learner Voice, Data and Accountability', { 'Agency type': 'Other', State: '' })]);
    expect(p.append.map((a) => [a.community, a.cohort, a.flags.join(','), a.status])).toEqual([
      ['learner-voice', 'August 2023 – February 2024', 'late,eligibility-review,personal-email,incomplete', 'Pending'],
      ['data-accountability', 'September 2023 – March 2024', 'late,eligibility-review,personal-email,incomplete', 'Pending'],
    ]);
    expect(p.log).toHaveLength(1);
    expect(p.log[0].details).toMatch(/missing: State/);
    expect(p.confirmations).toEqual([{ k: p.append[0].responseKey, to: 'jane@gmail.com', n: 'Jane', c: ['learner-voice', 'data-accountability'], l: true }]);
  });
  it('keeps an unknown option with its raw label, matching known ones tolerantly', () => {
    const p = plan([row('2023-08-01T14:00:00Z', 'a@b.gov', 'learner  VOICE, Astronomy Club')]);
    expect(p.append.map((a) => [a.community, a.flags])).toEqual([
      ['learner-voice', []],
      ['Astronomy Club', ['unknown-community']],
    ]);
  });
  it('keeps a response without communities as one incomplete row', () => {
    const p = plan([row('2023-08-01T14:00:00Z', 'a@b.gov', '')]);
    expect(p.append.map((a) => [a.community, a.flags])).toEqual([['', ['incomplete']]]);
    expect(p.confirmations).toEqual([]);
  });
  it('is idempotent: a logged response is not processed again; a same-key duplicate row once', () => {
    const r = row('2023-08-01T14:00:00Z', 'a@b.gov', 'Learner Voice');
    const first = plan([r, r]);
    expect(first.append).toHaveLength(1);
    expect(first.handled).toHaveLength(1);
    expect(plan([r], [], new Set(first.handled)).append).toHaveLength(0);
  });
  it('resumes a response cut off half-way without duplicating its rows', () => {
    const r = row('2023-08-01T14:00:00Z', 'a@b.gov', 'Learner Voice, Data and Accountability');
    const first = plan([r]);
    const written: RowApplication[] = [{ ...first.append[0], row: 2 }];
    const again = plan([r], written);
    expect(again.append.map((a) => a.community)).toEqual(['data-accountability']);
    expect(again.update).toEqual([]);
    expect(again.log[0].applicationIds).toEqual(first.append.map((a) => a.id));
  });
  it('updates a Pending row on resubmission, never a decided one, and adds new communities', () => {
    const first = plan([row('2023-08-01T14:00:00Z', 'a@b.gov', 'Learner Voice, Data and Accountability')]);
    const apps: RowApplication[] = first.append.map((a, i) => ({ ...a, row: i + 2 }));
    apps[1].status = 'Accepted';
    apps[1].decidedBy = 'staff@x.org';
    const again = plan(
      [row('2023-08-02T14:00:00Z', 'A@b.gov', 'Learner Voice, Data and Accountability, Learner Voice, CLNA', { 'First name': 'Janet' })],
      apps,
      new Set(first.handled),
    );
    expect(again.update.map((a) => [a.row, a.id, a.firstName, a.flags, a.status])).toEqual([[2, first.append[0].id, 'Janet', ['resubmitted'], 'Pending']]);
    expect(apps[1]).toMatchObject({ status: 'Accepted', firstName: 'Jane', decidedBy: 'staff@x.org' });
    expect(again.append.map((a) => [a.community, a.flags])).toEqual([['clna', []]]);
    expect(again.log[0].details).toMatch(/decision kept \(Accepted\)/);
    expect(again.confirmations[0].c).toEqual(['learner-voice', 'clna']);
  });
  it('rejects a blank row once, with a Log entry', () => {
    const blank = HEADERS.map((h) => (h === 'Timestamp' ? new Date('2023-08-01T14:00:00Z') : ''));
    const p = plan([blank]);
    expect(p.append).toEqual([]);
    expect(p.log.map((l) => l.action)).toEqual(['Response rejected']);
  });
  it('sends no confirmations when the setting is off', () => {
    const off = { ...program, settings: { ...program.settings, sendConfirmations: false } };
    const responses = parseResponses({ headers: HEADERS, rows: [row('2023-08-01T14:00:00Z', 'a@b.gov', 'Learner Voice')] }, names);
    expect(planIntake(off, responses, [], new Set()).confirmations).toEqual([]);
  });
});

describe('confirmation queue (in the Log; one constant-size journal in properties)', () => {
  const rec = (k: string) => ({ k, to: `${k}@b.gov`, n: 'A', c: ['clna'] });
  const queued = (k: string) => ({ key: k, action: 'Confirmation queued', details: queuedDetails(rec(k)) });
  const sent = (k: string) => ({ key: k, action: 'Confirmation sent', details: '' });
  const t = 1_700_000_000_000;

  it('a queued entry reads back as its record; the Details start with a sentence staff read', () => {
    const r = { ...rec('k1'), n: 'Ann | data: "x"', l: true };
    const d = queuedDetails(r);
    expect(d.startsWith('Confirmation email to k1@b.gov waits to be sent.')).toBe(true);
    expect(parseQueuedDetails('k1', d)).toEqual(r);
    expect(parseQueuedDetails('k1', 'nothing here')).toBeNull();
  });

  it('pending = queued and not sent, in Log order, plus what this run queues', () => {
    const ledger = readLedger([queued('k1'), queued('k2'), sent('k1'), { key: 'k3', action: 'Response processed', details: '' }]);
    const p = planClaims(ledger, [rec('k4')], null, 'me', t);
    expect(p.busy).toBe(false);
    expect(p.pending.map((x) => x.k)).toEqual(['k2', 'k4']);
    expect(p.waiting).toBe(2);
  });

  it('another live run holding the journal: busy, nothing to send; a stale or finished journal is taken over', () => {
    const ledger = readLedger([queued('k1')]);
    const live = { x: 'other', t: t - 1000, sent: [], sending: null };
    expect(planClaims(ledger, [], live, 'me', t).busy).toBe(true);
    expect(planClaims(ledger, [], { ...live, t: t - STALE_MS - 1 }, 'me', t).busy).toBe(false);
    expect(planClaims(ledger, [], { ...live, done: true }, 'me', t).pending.map((x) => x.k)).toEqual(['k1']);
  });

  it("a journal's sends are recorded; the one it was sending is sent again (at-least-once: never lost)", () => {
    const ledger = readLedger([queued('k1'), queued('k2'), queued('k3')]);
    const cut = { x: 'dead', t: t - STALE_MS - 1, sent: [keyHash('k1')], sending: keyHash('k2') };
    const p = planClaims(ledger, [], cut, 'me', t);
    expect(p.cutOff).toBe(true);
    expect(p.recoveredSent.map((x) => x.k)).toEqual(['k1']);
    expect(p.uncertain.map((x) => x.k)).toEqual(['k2']);
    expect(p.pending.map((x) => x.k)).toEqual(['k2', 'k3']);
    const done = planClaims(ledger, [], { x: 'prev', t, sent: [keyHash('k1'), keyHash('k2')], sending: null, done: true }, 'me', t);
    expect(done.cutOff).toBe(false);
    expect(done.recoveredSent.map((x) => x.k)).toEqual(['k1', 'k2']);
    expect(done.pending.map((x) => x.k)).toEqual(['k3']);
  });

  it('sends at most MAX_PER_RUN a run, so the journal stays small (a 300-character key is an 11-character hash)', () => {
    const many = Array.from({ length: 2000 }, (_, i) => queued(`2023-08-01T14:00:00.000Z ${'x'.repeat(280)}${i}@b.gov`));
    const p = planClaims(readLedger(many), [], null, 'me', t);
    expect(p.pending).toHaveLength(MAX_PER_RUN);
    expect(p.waiting).toBe(2000);
    const journal = { x: 'me-xxxxxxxxxxxxxxxxxx', t, sent: p.pending.map((r) => keyHash(r.k)), sending: null, done: true };
    expect(JSON.stringify(journal).length).toBeLessThan(4 * 1024);
    expect(parseJournal(JSON.stringify(journal))).toEqual(journal);
    expect(parseJournal('{')).toBeNull();
  });
});

describe('confirmation email', () => {
  it('lists communities with cohort dates, the notify date, reply-to contact, escaped HTML', () => {
    const mail = composeConfirmation(
      { k: 'k', to: 'a@b.gov', n: '<b>Jane</b> & co', c: ['learner-voice', 'Astro <x>'] },
      program,
      new Date('2023-08-01T14:00:00Z'),
    );
    expect(mail.replyTo).toBe('efabillar@careertech.org');
    expect(mail.name).toBe('Advance CTE Communities of Practice');
    expect(mail.text).toContain('Dear <b>Jane</b> & co,');
    expect(mail.text).toContain('  - Learner Voice (August 2023 – February 2024)');
    expect(mail.text).toContain('starting August 15, 2023');
    expect(mail.html).toContain('Dear &lt;b&gt;Jane&lt;/b&gt; &amp; co,');
    expect(mail.html).toContain('Astro &lt;x&gt;');
    expect(mail.html).not.toContain('<b>Jane');
  });
});

describe('form spec', () => {
  it('has the SPEC titles, 56 states, four community checkboxes and a required commitment', () => {
    const spec = formSpec(program);
    expect(spec.title).toBe('2023–2024 Communities of Practice Application');
    const byTitle = Object.fromEntries(spec.items.map((i) => [i.title, i]));
    expect(spec.items.filter((i) => i.type !== 'page').map((i) => i.title)).toEqual([
      'First name',
      'Last name',
      'Job title',
      'Agency or organization',
      'Agency type',
      'State',
      'Communities of Practice',
      'What do you hope to gain?',
      'Commitment',
    ]);
    expect(Object.keys(byTitle)).toHaveLength(spec.items.length);
    expect(byTitle.State).toMatchObject({ type: 'list', choices: [...STATES_AND_TERRITORIES] });
    expect(STATES_AND_TERRITORIES).toHaveLength(56);
    expect(byTitle['Communities of Practice']).toMatchObject({ type: 'checkbox', required: true, choices: names });
    expect((byTitle['Communities of Practice'] as { helpText: string }).helpText).toContain(
      'Learner Voice (August 2023 to February 2024): Identifying opportunities',
    );
    expect(byTitle.Commitment).toMatchObject({ type: 'checkbox', required: true });
    expect(byTitle['What do you hope to gain?']).toMatchObject({ type: 'paragraph', required: false });
    expect(spec.items.filter((i) => i.type === 'page')).toHaveLength(1);
    expect(spec.description).toContain('until Friday, September 15, 2023');
  });
});
