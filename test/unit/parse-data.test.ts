import { runInNewContext } from 'node:vm';
import { asSheetText, escapeHtml, needsTextPrefix } from '../../src/domain/program/escape';
import { columnIndex, gridReader, normalizeHeader } from '../../src/domain/program/grid';
import { parseBoolean, parseCapacity, parseDateTime, parseEmailList } from '../../src/domain/program/cells';
import { formatLongDate, offsetMinutes, zonedToInstant } from '../../src/domain/program/dates';
import { findCommunity, parseCommunities, parseMeetings, parseProgram, parseSettings } from '../../src/domain/program/programParse';
import { applicationFromRow, applicationRecord, parseFlags, parseStatus } from '../../src/domain/program/applicationRow';
import { DEFAULT_COMMUNITIES, DEFAULT_SETTINGS } from '../../src/domain/program/defaults';
import { APPLICATION_HEADERS } from '../../src/domain/program/layout';
import { runsOf } from '../../src/workspace/table';
import type { Application } from '../../src/domain/program/model';

describe('escape', () => {
  it('escapes HTML', () => {
    expect(escapeHtml(`<script>alert("x&'y")</script>`)).toBe('&lt;script&gt;alert(&quot;x&amp;&#39;y&quot;)&lt;/script&gt;');
    expect(escapeHtml(undefined)).toBe('');
  });
  it.each(['=1+1', '+1', '-2+3', '@SUM(A1)', '\tx', '\rx', '=HYPERLINK("http://evil")'])('prefixes %j', (s) => {
    expect(needsTextPrefix(s)).toBe(true);
    expect(asSheetText(s)).toBe(`'${s}`);
  });
  it('keeps numbers, dates and booleans typed as text, and writes verbatim into @ cells', () => {
    expect(asSheetText('02134')).toBe("'02134");
    expect(asSheetText('1')).toBe("'1");
    expect(asSheetText('12.5%')).toBe("'12.5%");
    expect(asSheetText('TRUE')).toBe("'TRUE");
    expect(asSheetText('2023-08-01')).toBe("'2023-08-01");
    expect(asSheetText("'quoted")).toBe("''quoted");
    expect(asSheetText('1, 2, 3, 4')).toBe('1, 2, 3, 4');
    expect(asSheetText('=1+1', '@')).toBe('=1+1');
    expect(asSheetText('Director of CTE')).toBe('Director of CTE');
  });
  it('leaves ordinary text and non-strings alone', () => {
    expect(asSheetText('Jane')).toBe('Jane');
    expect(asSheetText(' =x')).toBe(' =x');
    expect(asSheetText(5)).toBe(5);
    const d = new Date();
    expect(asSheetText(d)).toBe(d);
  });
});

describe('grid', () => {
  it('finds columns tolerating case and spaces', () => {
    const grid = { headers: ['Staff notes', ' response   KEY ', 'Email'], rows: [['n', 'k', 'e']] };
    expect(normalizeHeader('  Response\tKey ')).toBe('response key');
    expect(columnIndex(grid, 'Response Key')).toBe(1);
    expect(columnIndex(grid, 'Missing')).toBe(-1);
    const r = gridReader(grid)(0);
    expect(r('email')).toBe('e');
    expect(r('Missing')).toBe('');
  });
  it('groups contiguous columns into runs', () => {
    expect(runsOf([7, 1, 2, 3, 8, 2])).toEqual([
      [1, 3],
      [7, 8],
    ]);
    expect(runsOf([])).toEqual([]);
  });
});

describe('cells', () => {
  it('parses TRUE/FALSE with a default for blanks', () => {
    expect(parseBoolean(true, false)).toBe(true);
    expect(parseBoolean('FALSE', true)).toBe(false);
    expect(parseBoolean(' yes ', false)).toBe(true);
    expect(parseBoolean('', true)).toBe(true);
    expect(parseBoolean('maybe', false)).toBe(false);
  });
  it('parses date-times in the program zone', () => {
    expect(parseDateTime('2023-09-15 23:59', 'America/New_York')?.toISOString()).toBe('2023-09-16T03:59:00.000Z');
    expect(parseDateTime('2023-12-12 14:00', 'America/New_York')?.toISOString()).toBe('2023-12-12T19:00:00.000Z');
    expect(parseDateTime('9/15/2023 11:59 pm', 'America/New_York')?.toISOString()).toBe('2023-09-16T03:59:00.000Z');
    expect(parseDateTime('2023-09-15T10:00:00Z', 'America/New_York')?.toISOString()).toBe('2023-09-15T10:00:00.000Z');
    expect(parseDateTime('nonsense', 'America/New_York')).toBeNull();
    expect(parseDateTime('', 'America/New_York')).toBeNull();
  });
  it('accepts Dates from another realm', () => {
    const foreign: unknown = runInNewContext('new Date("2023-08-15T04:00:00Z")');
    expect(foreign instanceof Date).toBe(false);
    expect(parseDateTime(foreign, 'UTC')?.toISOString()).toBe('2023-08-15T04:00:00.000Z');
  });
  it('parses capacity and email lists', () => {
    expect(parseCapacity('')).toBeNull();
    expect(parseCapacity(25)).toBe(25);
    expect(parseCapacity('30')).toBe(30);
    expect(parseCapacity('lots')).toBeNull();
    expect(parseEmailList(' A@x.org, b@Y.org;a@x.org ')).toEqual(['a@x.org', 'b@y.org']);
  });
  it('handles daylight saving', () => {
    expect(offsetMinutes(new Date('2023-08-29T18:00:00Z'), 'America/New_York')).toBe(-240);
    expect(offsetMinutes(new Date('2023-12-12T19:00:00Z'), 'America/New_York')).toBe(-300);
    expect(zonedToInstant(2023, 11, 5, 1, 30, 0, 'America/New_York').toISOString()).toMatch(/^2023-11-05T0[56]:30/);
    expect(formatLongDate(new Date('2023-09-16T03:59:00Z'), 'America/New_York')).toBe('September 15, 2023');
  });
});

describe('program tabs', () => {
  const settingsGrid = {
    headers: ['Setting', 'Value'],
    rows: [
      ['Program', 'Test Program'],
      ['Registration deadline', '2024-09-13 23:59'],
      ['send  confirmations', 'FALSE'],
      ['Close form at deadline', ''],
      ['Reviewers', 'Boss@x.org, helper@x.org'],
      ['Contact email', ''],
    ],
  };
  it('parses Settings with defaults for blanks', () => {
    const s = parseSettings(settingsGrid);
    expect(s.program).toBe('Test Program');
    expect(s.registrationDeadline.toISOString()).toBe('2024-09-14T03:59:00.000Z');
    expect(s.sendConfirmations).toBe(false);
    expect(s.closeFormAtDeadline).toBe(true);
    expect(s.reviewers).toEqual(['boss@x.org', 'helper@x.org']);
    expect(s.contactEmail).toBe(DEFAULT_SETTINGS.contactEmail);
    expect(s.notifyFrom.getTime()).toBe(DEFAULT_SETTINGS.notifyFrom.getTime());
  });
  it('parses Communities and Meetings, defaults when the tab is missing', () => {
    expect(parseCommunities(null, DEFAULT_SETTINGS).map((c) => c.key)).toEqual(DEFAULT_COMMUNITIES.map((c) => c.key));
    const grid = {
      headers: ['Community', 'Key', 'Capacity', 'Cohort Start', 'Cohort End', 'Description', 'Mine'],
      rows: [
        ['Learner Voice', 'learner-voice', 20, new Date('2023-08-01T04:00:00Z'), new Date('2024-02-29T05:00:00Z'), '', 'x'],
        ['New Thing', '', '', '', '', 'desc', ''],
        ['', '', '', '', '', '', ''],
      ],
    };
    const cs = parseCommunities(grid, DEFAULT_SETTINGS);
    expect(cs.map((c) => [c.key, c.name, c.capacity])).toEqual([
      ['learner-voice', 'Learner Voice', 20],
      ['new-thing', 'New Thing', null],
    ]);
    expect(cs[0].description).toMatch(/engage learners/);
    const meetings = parseMeetings(
      {
        headers: ['Community', 'Meeting', 'Start', 'End', 'Event ID'],
        rows: [
          ['Learner Voice', 2, '2023-10-26 14:00', '', 'ev2'],
          ['learner-voice', 1, new Date('2023-08-31T18:00:00Z'), new Date('2023-08-31T19:30:00Z'), ''],
          ['nope', 1, '2023-10-26 14:00', '', ''],
        ],
      },
      cs,
      DEFAULT_SETTINGS,
    );
    expect(meetings.map((m) => [m.community, m.number, m.start.toISOString(), m.end.toISOString(), m.eventId])).toEqual([
      ['learner-voice', 1, '2023-08-31T18:00:00.000Z', '2023-08-31T19:30:00.000Z', ''],
      ['learner-voice', 2, '2023-10-26T18:00:00.000Z', '2023-10-26T19:30:00.000Z', 'ev2'],
    ]);
    expect(parseProgram(null, null, null).communities).toHaveLength(4);
  });
  it('matches community labels tolerating case and spacing', () => {
    expect(findCommunity(DEFAULT_COMMUNITIES, '  k-12 / postsecondary   ALIGNMENT ')?.key).toBe('k12-postsecondary');
    expect(findCommunity(DEFAULT_COMMUNITIES, 'learner-voice')?.key).toBe('learner-voice');
    expect(findCommunity(DEFAULT_COMMUNITIES, 'Astronomy')).toBeUndefined();
  });
});

describe('application rows', () => {
  const app: Application = {
    id: 'A1',
    responseKey: 'k',
    submitted: new Date('2023-08-01T14:00:00Z'),
    email: 'jane@state.gov',
    firstName: '=Jane',
    lastName: 'Doe',
    jobTitle: 'Director',
    agency: 'Dept',
    agencyType: 'Other',
    state: 'Ohio',
    community: 'learner-voice',
    cohort: 'August 2023 – February 2024',
    flags: ['eligibility-review', 'late'],
    status: 'Pending',
    decidedBy: '',
    decidedAt: null,
    note: '',
    notified: '',
    invited: '',
  };
  it('round-trips, showing the community name in the sheet', () => {
    const record = applicationRecord(app, DEFAULT_COMMUNITIES);
    expect(record.Community).toBe('Learner Voice');
    expect(record.Flags).toBe('eligibility-review, late');
    expect(record['Decided At']).toBe('');
    const headers = ['Extra', ...APPLICATION_HEADERS];
    const row = headers.map((h) => (h === 'Extra' ? 'staff' : record[h]));
    const back = applicationFromRow(gridReader({ headers, rows: [row] })(0), DEFAULT_COMMUNITIES);
    expect(back).toEqual(app);
  });
  it('keeps an unknown community label raw', () => {
    const record = applicationRecord({ ...app, community: 'Astronomy Club' }, DEFAULT_COMMUNITIES);
    expect(record.Community).toBe('Astronomy Club');
  });
  it('parses flags and status leniently', () => {
    expect(parseFlags('Late, resubmitted,, bogus ,late')).toEqual(['late', 'resubmitted']);
    expect(parseStatus('accepted')).toBe('Accepted');
    expect(parseStatus('')).toBe('Pending');
  });
});
