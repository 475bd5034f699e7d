import { composeDecisionEmail } from '../../src/domain/notify/emails/compose';
import { DEFAULT_TEMPLATES, templatesFromRows } from '../../src/domain/notify/emails/templates';
import { formatMeetingWhen } from '../../src/domain/notify/emails/when';
import { app, program } from './dueFixtures';
import { formatDate } from './emailTestSupport';

const now = new Date('2023-08-15T14:00:00Z');

describe('meeting times', () => {
  it('reads as the program team writes them, across daylight saving', () => {
    const p = program();
    const clna = p.meetings.filter((m) => m.community === 'clna');
    expect(formatMeetingWhen(clna[0].start, clna[0].end, 'America/New_York', formatDate)).toBe('Tuesday, August 29, 2023, 2:00–3:30 pm ET (America/New_York)');
    expect(formatMeetingWhen(clna[2].start, clna[2].end, 'America/New_York', formatDate)).toBe(
      'Tuesday, December 12, 2023, 2:00–3:30 pm ET (America/New_York)',
    );
    expect(formatMeetingWhen(new Date('2023-08-29T15:30:00Z'), new Date('2023-08-29T17:00:00Z'), 'America/New_York', formatDate)).toBe(
      'Tuesday, August 29, 2023, 11:30 am–1:00 pm ET (America/New_York)',
    );
    expect(formatMeetingWhen(clna[0].start, clna[0].end, 'Europe/Berlin', formatDate)).toMatch(
      /^Tuesday, August 29, 2023, 8:00–9:30 pm \S+ \(Europe\/Berlin\)$/,
    );
  });
});

describe('composeDecisionEmail', () => {
  const p = program();
  const links = Object.fromEntries(p.meetings.map((m) => [m.eventId, `https://meet.google.com/${m.community}-${m.number}`]));

  it('acceptance lists the four meetings with time zone and Meet link, and says invitations follow', () => {
    const mail = composeDecisionEmail({ applications: [app({ firstName: 'Jane', status: 'Accepted' })], program: p, formatDate, now, meetLinks: links });
    expect(mail.subject).toBe('Welcome to the 2023–2024 Communities of Practice: Comprehensive Local Needs Assessment');
    expect(mail.text).toMatch(/^Dear Jane,/);
    for (const d of ['Tuesday, August 29, 2023', 'Tuesday, October 24, 2023', 'Tuesday, December 12, 2023', 'Tuesday, February 27, 2024']) {
      expect(mail.text).toContain(`${d}, 2:00–3:30 pm ET (America/New_York)`);
    }
    expect(mail.text).toContain('Google Meet: https://meet.google.com/clna-1');
    expect(mail.text).toMatch(/Calendar invitations .* follow/);
    expect(mail.text).toMatch(/agenda and any pre-reading will be provided in advance/);
    expect(mail.text).toContain('efabillar@careertech.org');
    expect(mail.html).toContain('<a href="https://meet.google.com/clna-4">https://meet.google.com/clna-4</a>');
    expect((mail.html.match(/<li>/g) || []).length).toBe(4);
  });

  it('one email covers every community, each with its own wording', () => {
    const mail = composeDecisionEmail({
      applications: [
        app({ status: 'Accepted', community: 'clna' }),
        app({ status: 'Waitlisted', community: 'learner-voice' }),
        app({ status: 'Declined', community: 'data-accountability' }),
      ],
      program: p,
      formatDate,
      now,
    });
    expect(mail.subject).toBe('2023–2024 Communities of Practice: your application');
    expect(mail.text).toContain('Comprehensive Local Needs Assessment: accepted');
    expect(mail.text).toContain('Learner Voice: waitlisted');
    expect(mail.text).toMatch(/placed you on its waitlist/);
    expect(mail.text).not.toMatch(/\bfull\b/); // no capacity in this program: nothing says full
    expect(mail.text).toContain('Data and Accountability: not accepted');
    expect(mail.text).not.toMatch(/\{\{|\n\n\n/);
  });

  it('declined after acceptance and withdrawn say the meetings are removed', () => {
    const mail = composeDecisionEmail({ applications: [app({ status: 'Withdrawn', invited: '1, 2, 3, 4' })], program: p, formatDate, now });
    expect(mail.subject).toContain('withdrawn');
    expect(mail.text).toContain('removed from its remaining meetings');
    const plain = composeDecisionEmail({ applications: [app({ status: 'Declined' })], program: p, formatDate, now });
    expect(plain.text).not.toContain('removed');
  });

  it('escapes every applicant value in the HTML and never turns it into markup', () => {
    const evil = app({ firstName: '<img src=x onerror=alert(1)>', lastName: '"&', status: 'Accepted', community: '<b>raw</b>' });
    const mail = composeDecisionEmail({ applications: [evil], program: p, formatDate, now });
    expect(mail.html).not.toContain('<img');
    expect(mail.html).not.toContain('<b>raw');
    expect(mail.html).toContain('&lt;img src=x onerror=alert(1)&gt;');
    expect(mail.text).toContain('Dear <img src=x onerror=alert(1)>,');
  });

  it('staff templates override defaults; blank cells keep them; links must be https', () => {
    const t = templatesFromRows([
      { template: 'accepted', subject: 'You are in, {{firstName}}!', body: 'Hi from {{community}}.\n{{meetings}}\n<script>' },
      { template: 'Declined', subject: '', body: '  ' },
      { template: 'Notes', subject: 'x', body: 'y' },
    ]);
    expect(t.Declined).toEqual(DEFAULT_TEMPLATES.Declined);
    const mail = composeDecisionEmail({
      applications: [app({ firstName: 'Jo', status: 'Accepted' })],
      program: p,
      formatDate,
      now,
      templates: t,
      meetLinks: { 'ev-clna-1': 'javascript:alert(1)' },
    });
    expect(mail.subject).toBe('You are in, Jo!');
    expect(mail.text).toContain('Hi from Comprehensive Local Needs Assessment.');
    expect(mail.html).toContain('&lt;script&gt;');
    expect(mail.html).not.toContain('javascript:');
  });

  it('a meeting already held is marked, without a link', () => {
    const later = new Date('2023-09-01T12:00:00Z');
    const mail = composeDecisionEmail({ applications: [app({ status: 'Accepted' })], program: p, formatDate, now: later, meetLinks: links });
    expect(mail.text).toContain('Tuesday, August 29, 2023, 2:00–3:30 pm ET (America/New_York) (already held)');
    expect(mail.text).not.toContain('clna-1');
  });
});

describe('the domain date formatter', () => {
  it('agrees with SimpleDateFormat (Intl reference) on every letter the emails use, across zones and DST', () => {
    const { formatDate: domain } = jest.requireActual<typeof import('../../src/domain/notify/emails/when')>('../../src/domain/notify/emails/when');
    const instants = [
      '2023-08-29T18:00:00Z',
      '2023-12-12T19:00:00Z',
      '2024-03-10T06:59:00Z',
      '2024-03-10T07:00:00Z',
      '2023-11-05T05:30:00Z',
      '2024-01-01T04:59:59Z',
    ];
    for (const tz of ['America/New_York', 'America/Los_Angeles', 'Europe/Berlin', 'Asia/Kolkata', 'UTC']) {
      for (const iso of instants) {
        for (const p of ['EEEE, MMMM d, yyyy', 'h:mm', 'a', 'yyyy-MM-dd', 'HH:mm', 'MMMM yyyy', 'z']) {
          expect([iso, tz, p, domain(new Date(iso), tz, p)]).toEqual([iso, tz, p, formatDate(new Date(iso), tz, p)]);
        }
      }
    }
  });
});
