// The program-year proposal (pure domain): target year, whole-week moves across daylight saving,
// and the validation messages staff see in the dialog.
import { DEFAULT_COMMUNITIES, DEFAULT_MEETINGS, DEFAULT_SETTINGS } from '../../src/domain/program/defaults';
import { wallClock } from '../../src/domain/program/dates';
import type { Program } from '../../src/domain/program/model';
import { addWeeksLocal, addYearsLocal, isoInZone, parseIsoStrict } from '../../src/domain/programYear/calendarMath';
import { proposeNextYear, shiftProgram } from '../../src/domain/programYear/propose';
import { summarizeProblems, validateProposal } from '../../src/domain/programYear/validate';
import { archiveTabName, shiftProgramName, yearsLabel } from '../../src/domain/programYear/years';
import type { ProgramYearProposal } from '../../src/shared/programYear';

const TZ = 'America/New_York';
const seeded: Program = { settings: { ...DEFAULT_SETTINGS }, communities: DEFAULT_COMMUNITIES, meetings: DEFAULT_MEETINGS };
const TODAY = new Date('2026-12-07T12:00:00Z');
const ctx = { timeZone: TZ, currentProgram: DEFAULT_SETTINGS.program, now: TODAY };

function proposal(): ProgramYearProposal {
  return JSON.parse(JSON.stringify(proposeNextYear(seeded, TODAY).proposal)) as ProgramYearProposal;
}

function problemsOf(p: unknown): { field: string; message: string }[] {
  const r = validateProposal(p, ctx);
  return r.ok ? [] : r.problems;
}

describe('calendar math', () => {
  it('moves by whole weeks keeping the local time across daylight saving (2:00 pm ET: 18:00Z in EDT, 19:00Z in EST)', () => {
    const edt = new Date('2023-10-24T18:00:00Z'); // Tue 2:00 pm EDT
    const est = addWeeksLocal(edt, 2, TZ); // Nov 7: EST
    expect(est.toISOString()).toBe('2023-11-07T19:00:00.000Z');
    expect(addWeeksLocal(est, -2, TZ).toISOString()).toBe(edt.toISOString());
    const w = wallClock(addWeeksLocal(edt, 209, TZ), TZ);
    expect([w.weekday, w.hour, w.minute]).toEqual([2, 14, 0]);
  });
  it('keeps a month-end date at the month end when moving whole years', () => {
    const feb29 = new Date('2024-02-29T05:00:00Z');
    expect(isoInZone(addYearsLocal(feb29, 3, TZ), TZ)).toBe('2027-02-28T00:00:00-05:00');
    expect(isoInZone(addYearsLocal(addYearsLocal(feb29, 3, TZ), 1, TZ), TZ)).toBe('2028-02-29T00:00:00-05:00');
  });
  it('parses strict ISO dates, wall-clock in the zone when no offset is given', () => {
    expect(parseIsoStrict('2027-09-10T23:59', TZ)?.toISOString()).toBe('2027-09-11T03:59:00.000Z');
    expect(parseIsoStrict('2027-12-10', TZ)?.toISOString()).toBe('2027-12-10T05:00:00.000Z');
    expect(parseIsoStrict('2027-09-10T23:59:00-04:00', TZ)?.toISOString()).toBe('2027-09-11T03:59:00.000Z');
    expect(parseIsoStrict('2027-09-10T23:59:00Z', TZ)?.toISOString()).toBe('2027-09-10T23:59:00.000Z');
    for (const bad of ['2027-02-30', '2027-13-01', 'next Tuesday', '2027-09-10T25:00', '9/10/2027', '2027-03-14T02:30', '']) {
      expect(parseIsoStrict(bad, TZ)).toBeNull();
    }
  });
});

describe('years', () => {
  it('reads the years from the name, else from the cohorts', () => {
    expect(yearsLabel('2023–2024 Communities of Practice', [], TZ)).toBe('2023–2024');
    expect(yearsLabel('CoP 2023-24', [], TZ)).toBe('2023–2024');
    expect(yearsLabel('Communities of Practice', DEFAULT_COMMUNITIES, TZ)).toBe('2023–2024');
    expect(shiftProgramName('2023–2024 Communities of Practice', 4, '2027–2028')).toBe('2027–2028 Communities of Practice');
    expect(shiftProgramName('Communities of Practice', 4, '2027–2028')).toBe('Communities of Practice 2027–2028');
    expect(archiveTabName('Applications', '2023–2024', new Set())).toBe('Applications 2023–2024');
    expect(archiveTabName('Applications', '2023–2024', new Set(['Applications 2023–2024']))).toBe('Applications 2023–2024 (2)');
  });
});

describe('proposeNextYear', () => {
  it('on 2026-12-07 proposes 2027–2028: the first year whose deadline is still ahead', () => {
    const p = proposeNextYear(seeded, TODAY);
    expect(p.proposal.program).toBe('2027–2028 Communities of Practice');
    expect(p.years).toBe(4);
    expect([p.fromLabel, p.toLabel]).toEqual(['2023–2024', '2027–2028']);
    // 4 years is 1,461 days = 208.7 weeks; 209 weeks would push Learner Voice's Feb 29 meeting to
    // March 2, 2028, past its cohort, so the other neighbour (208 weeks) is chosen.
    expect(p.weeks).toBe(208);
    expect(p.proposal.settings.registrationDeadline).toBe('2027-09-10T23:59:00-04:00'); // still a Friday, 11:59 pm
    expect(p.proposal.settings.notifyFrom).toBe('2027-08-10T00:00:00-04:00');
    expect(p.proposal.communities.map((c) => [c.cohortStart.slice(0, 10), c.cohortEnd.slice(0, 10)])).toEqual([
      ['2027-08-01', '2028-02-29'],
      ['2027-08-01', '2028-02-29'],
      ['2027-09-01', '2028-03-31'],
      ['2027-09-01', '2028-03-31'],
    ]);
    expect(validateProposal(p.proposal, ctx).ok).toBe(true);
  });

  it('moves all 16 meetings to the same weekday and 2:00–3:30 pm local time (18:00Z in EDT, 19:00Z in EST)', () => {
    const p = proposeNextYear(seeded, TODAY).proposal;
    expect(p.meetings).toHaveLength(16);
    for (const [i, m] of p.meetings.entries()) {
      const old = DEFAULT_MEETINGS[i];
      const start = new Date(m.start);
      const w = wallClock(start, TZ);
      expect(w.weekday).toBe(wallClock(old.start, TZ).weekday);
      expect([w.hour, w.minute]).toEqual([14, 0]);
      const e = wallClock(new Date(m.end), TZ);
      expect([e.hour, e.minute]).toEqual([15, 30]);
      expect(start.getTime() - old.start.getTime()).toBeGreaterThan(0);
      const edt = m.start.endsWith('-04:00');
      expect(start.getUTCHours()).toBe(edt ? 18 : 19);
    }
    // a meeting that moved from EST into EDT: the instant shift is 1 hour less than whole weeks
    const first = p.meetings.find((m) => m.community === 'data-accountability' && m.number === 4)!;
    expect(first.start).toBe('2028-03-21T14:00:00-04:00');
    expect(DEFAULT_MEETINGS.find((m) => m.community === 'data-accountability' && m.number === 4)!.start.toISOString()).toBe('2024-03-26T18:00:00.000Z');
  });

  it('proposes the next year when the current one is still open, never the same year', () => {
    const p = proposeNextYear(seeded, new Date('2023-07-01T00:00:00Z'));
    expect(p.years).toBe(1);
    expect(p.proposal.program).toBe('2024–2025 Communities of Practice');
    expect(new Date(p.proposal.settings.registrationDeadline).getTime()).toBeGreaterThan(seeded.settings.registrationDeadline.getTime());
  });

  it('keeps the intervals: every date moved by the same number of days', () => {
    const p = shiftProgram(seeded, 4, 208);
    const days = (a: string, b: Date): number => Math.round((new Date(a).getTime() - b.getTime()) / 86400000);
    const all = [
      days(p.settings.registrationDeadline, seeded.settings.registrationDeadline),
      ...p.meetings.map((m, i) => days(m.start, DEFAULT_MEETINGS[i].start)),
    ];
    expect(new Set(all)).toEqual(new Set([208 * 7]));
  });
});

describe('validateProposal: messages that say what to fix', () => {
  it('accepts the proposal as proposed and returns real dates', () => {
    const r = validateProposal(proposal(), ctx);
    expect(r.ok).toBe(true);
    if (r.ok) {
      expect(r.value.meetings).toHaveLength(16);
      expect(r.value.registrationDeadline.toISOString()).toBe('2027-09-11T03:59:00.000Z');
    }
  });
  it('a meeting before its cohort starts, and after it ends', () => {
    const p = proposal();
    p.meetings[0].start = '2027-07-27T14:00';
    p.meetings[0].end = '2027-07-27T15:30';
    p.meetings[3].start = '2028-03-07T14:00';
    p.meetings[3].end = '2028-03-07T15:30';
    const probs = problemsOf(p);
    expect(probs).toContainEqual({
      field: 'meetings.0.start',
      message: expect.stringMatching(
        /Comprehensive Local Needs Assessment, meeting 1 \(Tuesday, July 27, 2027 at 2:00 pm EDT\) is before the cohort starts \(August 1, 2027\)\. Move the meeting or the cohort start\./,
      ),
    });
    expect(probs).toContainEqual({ field: 'meetings.3.start', message: expect.stringMatching(/meeting 4 .* is after the cohort ends \(February 29, 2028\)/) });
  });
  it('a deadline after the first meeting', () => {
    const p = proposal();
    // rolling registration: after CLNA's first meeting is fine (the seeded program does it) ...
    p.settings.registrationDeadline = '2027-08-25T12:00';
    expect(problemsOf(p)).toEqual([]);
    // ... after the first meeting of every community is not
    p.settings.registrationDeadline = '2027-09-24T12:00';
    const probs = problemsOf(p);
    expect(probs).toContainEqual({
      field: 'settings.registrationDeadline',
      message: expect.stringMatching(
        /is after the first meeting of every community \(the last to start: K-12\/Postsecondary Alignment, meeting 1, Thursday, September 23, 2027 at 2:00 pm EDT\)\. Close registration before the meetings begin\./,
      ),
    });
  });
  it('a deadline already passed', () => {
    const p = proposal();
    p.settings.registrationDeadline = '2026-12-01T23:59';
    expect(problemsOf(p)[0]).toEqual({ field: 'settings.registrationDeadline', message: expect.stringMatching(/has already passed/) });
  });
  it('a date that does not parse', () => {
    const p = proposal();
    p.meetings[5].start = 'next Tuesday';
    p.communities[1].cohortEnd = '2028-02-30';
    const probs = problemsOf(p);
    expect(probs).toContainEqual({
      field: 'meetings.5.start',
      message: 'Learner Voice, meeting 2, start: "next Tuesday" is not a date this form can read. Use the date picker, or write it as 2027-09-17T23:59.',
    });
    expect(probs.map((x) => x.field)).toContain('communities.1.cohortEnd');
  });
  it('two meetings at once in one community', () => {
    const p = proposal();
    p.meetings[1].start = p.meetings[0].start.replace('14:00', '15:00');
    p.meetings[1].end = p.meetings[0].end.replace('15:30', '16:00');
    const probs = problemsOf(p);
    expect(probs).toContainEqual({
      field: 'meetings.1.start',
      message: expect.stringMatching(/Comprehensive Local Needs Assessment: meetings 1 and 2 are at the same time .* move one of them\./),
    });
  });
  it('meeting numbers 1 to 4, once each', () => {
    const p = proposal();
    p.meetings[0].number = 5;
    p.meetings[5].number = 1;
    const probs = problemsOf(p);
    expect(probs).toContainEqual({ field: 'meetings.0.number', message: expect.stringMatching(/must be 1, 2, 3 or 4/) });
    expect(probs).toContainEqual({ field: 'meetings.5.number', message: expect.stringMatching(/two meeting 1s for Learner Voice/) });
  });
  it('unknown and duplicate community keys', () => {
    const p = proposal();
    p.meetings[0].community = 'nope';
    p.communities[1].key = 'clna';
    const probs = problemsOf(p);
    expect(probs).toContainEqual({ field: 'meetings.0.community', message: expect.stringMatching(/"nope" is not the key of any community/) });
    expect(probs).toContainEqual({ field: 'communities.1.key', message: expect.stringMatching(/the key "clna" is already used by community 1/) });
  });
  it('capacity must be a non-negative whole number or blank', () => {
    for (const bad of [-1, 2.5, '12', true]) {
      const p = proposal() as unknown as { communities: Record<string, unknown>[] };
      p.communities[0].capacity = bad;
      expect(problemsOf(p)).toContainEqual({ field: 'communities.0.capacity', message: expect.stringMatching(/capacity must be a whole number from 0/) });
    }
    const ok = proposal();
    ok.communities[0].capacity = 25;
    ok.communities[1].capacity = null;
    expect(problemsOf(ok)).toEqual([]);
  });
  it('community names: no commas (the form joins checked options with commas), unique, bounded', () => {
    const p = proposal();
    p.communities[0].name = 'Data, Accountability';
    p.communities[2].name = 'learner  voice';
    p.communities[3].name = 'x'.repeat(101);
    const probs = problemsOf(p);
    expect(probs).toContainEqual({ field: 'communities.0.name', message: expect.stringMatching(/remove the comma/) });
    expect(probs).toContainEqual({ field: 'communities.2.name', message: expect.stringMatching(/another community already has this name/) });
    expect(probs).toContainEqual({ field: 'communities.3.name', message: expect.stringMatching(/keep it to 100/) });
  });
  it('the new program needs its own name, and the time zone cannot change here', () => {
    const p = proposal();
    p.program = DEFAULT_SETTINGS.program;
    p.settings.timeZone = 'Europe/Paris';
    const fields = problemsOf(p).map((x) => x.field);
    expect(fields).toEqual(expect.arrayContaining(['program', 'settings.timeZone']));
  });
  it('refuses shapes that are not a proposal, and sizes past the limits', () => {
    for (const bad of [null, 'x', 42, [], { program: 'x' }]) expect(validateProposal(bad, ctx).ok).toBe(false);
    const p = proposal();
    p.communities[0].description = 'd'.repeat(200000);
    expect(problemsOf(p)[0].message).toMatch(/too large/);
    const many = proposal();
    many.communities = Array.from({ length: 21 }, (_, i) => ({ ...many.communities[0], key: `c${i}`, name: `C ${i}` }));
    expect(problemsOf(many)[0].message).toMatch(/more than this dialog takes \(20\)/);
  });
  it('a community added with its meetings is accepted; one without meetings is refused', () => {
    const p = proposal();
    p.communities.push({
      key: 'work-based-learning',
      name: 'Work-Based Learning',
      description: 'New.',
      cohortStart: '2027-10-01',
      cohortEnd: '2028-04-30',
      capacity: 30,
    });
    expect(problemsOf(p)).toContainEqual({ field: 'communities.4.name', message: expect.stringMatching(/has no meetings/) });
    p.meetings.push({ community: 'work-based-learning', number: 1, start: '2027-10-06T14:00', end: '2027-10-06T15:30' });
    expect(problemsOf(p)).toEqual([]);
  });
  it('summarizes the first problem and how many more', () => {
    expect(
      summarizeProblems([
        { field: 'a', message: 'Fix A.' },
        { field: 'b', message: 'Fix B.' },
      ]),
    ).toBe('The proposal was not applied: Fix A. (and 1 more problem to fix)');
  });
});
