// Issue 12, must-have 5: every decision email states only what is true for the row, whatever the
// settings it meets: a capacity or none, full or not, meetings of any number, length and spacing,
// meetings ahead or all held, a community description or none.
import { acceptedCountsOf, composeDecisionEmail, isFull, meetingsIntro } from '../../src/domain/notify/emails/compose';
import { DEFAULT_TEMPLATES, SUPERSEDED_BODIES, templatesFromRows } from '../../src/domain/notify/emails/templates';
import type { Program } from '../../src/domain/program/model';
import { app, program } from './dueFixtures';
import { formatDate } from './emailTestSupport';

const now = new Date('2023-08-15T14:00:00Z');

function withCapacity(p: Program, key: string, capacity: number | null): Program {
  return { ...p, communities: p.communities.map((c) => (c.key === key ? { ...c, capacity } : c)) };
}

function waitlistText(p: Program, acceptedCounts?: Record<string, number>): string {
  return composeDecisionEmail({ applications: [app({ status: 'Waitlisted', community: 'clna' })], program: p, formatDate, now, acceptedCounts }).text;
}

describe('the waitlist email', () => {
  it('says "full" only when the community has a capacity and it is reached', () => {
    const none = waitlistText(withCapacity(program(), 'clna', null), { clna: 40 });
    expect(none).not.toMatch(/\bfull\b/);
    expect(none).toContain('We are not able to offer you a place in the Comprehensive Local Needs Assessment Community of Practice');
    expect(none).toContain('If a place becomes available, we will email you');
    expect(none).not.toMatch(/order/);

    const notReached = waitlistText(withCapacity(program(), 'clna', 10), { clna: 9 });
    expect(notReached).not.toMatch(/\bfull\b/);
    expect(notReached).toContain('in the order they were placed on the waitlist');

    const reached = waitlistText(withCapacity(program(), 'clna', 10), { clna: 10 });
    expect(reached).toMatch(/^The Comprehensive Local Needs Assessment Community of Practice \(.+\) is full for now, so we have placed you on its waitlist\./m);
    expect(reached).toContain('in the order they were placed on the waitlist');

    // Without the counts (an unknown state), nothing claims the community is full.
    expect(waitlistText(withCapacity(program(), 'clna', 10))).not.toMatch(/\bfull\b/);
  });

  it('counts accepted applications per community', () => {
    const counts = acceptedCountsOf([
      { community: 'a', status: 'Accepted' },
      { community: 'a', status: 'Accepted' },
      { community: 'b', status: 'Waitlisted' },
    ]);
    expect(counts).toEqual({ a: 2 });
    expect(isFull({ key: 'a', capacity: 2 } as Program['communities'][number], counts)).toBe(true);
    expect(isFull({ key: 'b', capacity: 0 } as Program['communities'][number], counts)).toBe(true);
    expect(isFull({ key: 'a', capacity: null } as Program['communities'][number], counts)).toBe(false);
  });
});

describe('the acceptance email', () => {
  it('describes the meetings the Meetings tab has: count, length, spacing', () => {
    const t = (h: number, m = 0) => new Date(Date.UTC(2023, 8, 1, h, m));
    const at = (days: number, minutes: number) => {
      const start = new Date(t(18).getTime() + days * 86_400_000);
      return { start, end: new Date(start.getTime() + minutes * 60_000) };
    };
    expect(meetingsIntro([at(0, 90), at(61, 60), at(126, 90), at(183, 90)])).toBe(
      'Members attend and actively engage in four virtual meetings of 60 to 90 minutes, held every other month:',
    );
    expect(meetingsIntro([at(0, 60), at(31, 60), at(61, 60)])).toBe(
      'Members attend and actively engage in three virtual meetings of 60 minutes, held monthly:',
    );
    expect(meetingsIntro([at(0, 45), at(7, 45)])).toBe('Members attend and actively engage in two virtual meetings of 45 minutes:');
    expect(meetingsIntro([at(0, 90)])).toBe('Members attend and actively engage in one virtual meeting of 90 minutes:');
    expect(meetingsIntro([])).toBe('');
  });

  it('with the default program: four meetings of 90 minutes, every other month, invitations follow', () => {
    const mail = composeDecisionEmail({ applications: [app({ status: 'Accepted' })], program: program(), formatDate, now });
    expect(mail.text).toMatch(/engage in four virtual meetings of \d+( to \d+)? minutes, held every other month:/);
    expect(mail.text).toContain('Calendar invitations to the meetings ahead');
    expect(mail.text).not.toMatch(/\{\{|\n\n\n/);
  });

  it('with no meetings: no count, no invitations promised, the dates follow', () => {
    const p = { ...program(), meetings: [] };
    const mail = composeDecisionEmail({ applications: [app({ status: 'Accepted' })], program: p, formatDate, now });
    expect(mail.text).not.toMatch(/four|virtual meetings|Calendar invitations/);
    expect(mail.text).toContain('The meeting dates will follow.');
  });

  it('when every meeting has been held: no invitations promised', () => {
    const late = new Date('2024-06-01T14:00:00Z');
    const mail = composeDecisionEmail({ applications: [app({ status: 'Accepted' })], program: program(), formatDate, now: late });
    expect(mail.text).not.toContain('Calendar invitations');
    expect(mail.text).toContain('(already held)');
  });

  it('without a community description: no dangling "will focus on"', () => {
    const p = program();
    const bare = { ...p, communities: p.communities.map((c) => ({ ...c, description: '' })) };
    const mail = composeDecisionEmail({ applications: [app({ status: 'Accepted' })], program: bare, formatDate, now });
    expect(mail.text).not.toContain('will focus on');
  });
});

describe('the other decisions', () => {
  it('decline names no organisation the settings do not', () => {
    const mail = composeDecisionEmail({ applications: [app({ status: 'Declined' })], program: program(), formatDate, now });
    expect(mail.text).not.toContain('Advance CTE opportunities');
    expect(mail.text).toContain('apply again in a future program year');
  });
});

describe('templates setup wrote before this wording', () => {
  it('are replaced by the current defaults; rows staff edited are kept', () => {
    const rows = Object.entries(SUPERSEDED_BODIES).flatMap(([template, bodies]) => (bodies ?? []).map((body) => ({ template, subject: '', body })));
    const out = templatesFromRows(rows);
    expect(out.Waitlisted.body).toBe(DEFAULT_TEMPLATES.Waitlisted.body);
    expect(out.Accepted.body).toBe(DEFAULT_TEMPLATES.Accepted.body);
    expect(out.Declined.body).toBe(DEFAULT_TEMPLATES.Declined.body);
    const edited = templatesFromRows([{ template: 'Waitlisted', subject: '', body: 'Our own words: {{community}} is full.' }]);
    expect(edited.Waitlisted.body).toBe('Our own words: {{community}} is full.');
  });
});
