// The dev server's downloads, checked with real parsers: .eml with mailparser, .ics with ical.js.
import { simpleParser } from 'mailparser';
import ICAL from 'ical.js';
import { toEml, quotedPrintable, encodedWords } from '../../emulator/server/eml';
import { toIcs, fold, escapeText } from '../../emulator/server/ics';
import { fromZonedLocal, presets } from '../../emulator/server/clock';

const html = '<p>Dear Zoë,</p><p>You are <b>accepted</b> to Learner Voice — see you on Aug 31.</p>' + '<p>' + 'x'.repeat(300) + '</p>';
const text = 'Dear Zoë,\n\nYou are accepted to Learner Voice — see you on Aug 31.\nTrailing space \nLine with = sign and a very long line ' + 'y'.repeat(200);

describe('.eml', () => {
  it('is RFC 5322 multipart/alternative that mailparser reads back exactly', async () => {
    const eml = toEml({
      id: 'mail-7',
      to: 'zoe@education.ohio.gov',
      subject: 'Décision: Communities of Practice – accepted 🎉',
      body: text,
      htmlBody: html,
      replyTo: 'efabillar@careertech.org',
      name: 'Advance CTE "Communities"',
      from: 'efabillar@careertech.org',
      sentAt: new Date('2023-08-15T13:00:00Z'),
    });
    for (const line of eml.split('\r\n')) expect(Buffer.byteLength(line)).toBeLessThanOrEqual(998);
    expect(eml.replace(/\r\n/g, '')).not.toMatch(/[\r\n]/);
    expect(eml).toMatch(/^Subject: =\?UTF-8\?B\?/m);
    expect(eml).toContain('Date: Tue, 15 Aug 2023 09:00:00 -0400');
    const parsed = await simpleParser(eml);
    expect(parsed.subject).toBe('Décision: Communities of Practice – accepted 🎉');
    expect(parsed.text).toBe(text);
    expect(parsed.html).toBe(html);
    expect(parsed.replyTo?.value[0].address).toBe('efabillar@careertech.org');
    const from = [parsed.from].flat()[0];
    expect(from?.value[0]).toEqual({ address: 'efabillar@careertech.org', name: 'Advance CTE "Communities"' });
    const to = [parsed.to].flat()[0];
    expect(to?.value[0].address).toBe('zoe@education.ohio.gov');
    expect(parsed.date?.toISOString()).toBe('2023-08-15T13:00:00.000Z');
    expect(parsed.messageId).toBe('<mail-7@devserver.localhost>');
    expect(parsed.headers.get('content-type')).toMatchObject({ value: 'multipart/alternative' });
  });

  it('keeps header injection out of headers and sends plain text alone when there is no HTML', async () => {
    const eml = toEml({
      id: 'x',
      to: 'a@b.org',
      subject: 'Hi\r\nBcc: victim@evil.example',
      body: 'plain',
      from: 'me@x.org',
      sentAt: new Date(0),
    });
    expect(eml).not.toMatch(/^Bcc:/m);
    const parsed = await simpleParser(eml);
    expect(parsed.subject).toBe('Hi Bcc: victim@evil.example');
    expect(parsed.text).toBe('plain\n');
    expect(parsed.html).toBe(false);
  });

  it('quoted-printable: soft breaks under 76 characters, escapes = and non-ASCII, trailing space', () => {
    const qp = quotedPrintable(`a=b ${'é'.repeat(40)} end \nnext`);
    for (const line of qp.split('\r\n')) expect(line.length).toBeLessThanOrEqual(76);
    expect(qp).toContain('a=3Db');
    expect(qp).toMatch(/end=20\r\nnext$/);
  });

  it('encoded words stay within 75 characters and never split a character', () => {
    const words = encodedWords('Ünïcödé '.repeat(20) + '🎉🎉🎉');
    for (const w of words) expect(w.length).toBeLessThanOrEqual(75);
    const decoded = words.map((w) => Buffer.from(w.slice(10, -2), 'base64').toString('utf8')).join('');
    expect(decoded).toBe('Ünïcödé '.repeat(20) + '🎉🎉🎉');
  });
});

describe('.ics', () => {
  const event = {
    uid: 'abc123@google.com',
    summary: 'Learner Voice, meeting 1; "kick-off" \\ intro',
    description: 'Line one\nLine two, with commas; semicolons\\backslash and ünïcödé ' + 'z'.repeat(120),
    location: '',
    start: new Date('2023-08-31T18:00:00Z'),
    end: new Date('2023-08-31T19:30:00Z'),
    allDay: false,
    attendees: [
      { email: 'ada@education.ohio.gov', responseStatus: 'needsAction' },
      { email: 'bo@x.gov', responseStatus: 'accepted', displayName: 'Bo, Jr.' },
    ],
    meetLink: 'https://meet.google.com/abc-defg-hij',
    organizer: 'efabillar@careertech.org',
  };
  const winter = {
    ...event,
    uid: 'w@google.com',
    summary: 'Winter',
    start: new Date('2023-12-14T19:00:00Z'),
    end: new Date('2023-12-14T20:30:00Z'),
    attendees: [],
  };

  it('is RFC 5545 (CRLF, folded at 75 octets) and ical.js reads it back in New York time', () => {
    const ics = toIcs({
      name: '2023–2024 Communities of Practice',
      timeZone: 'America/New_York',
      events: [event, winter],
      stamp: new Date('2023-08-15T13:00:00Z'),
    });
    expect(ics.endsWith('\r\n')).toBe(true);
    expect(ics.replace(/\r\n/g, '')).not.toMatch(/[\r\n]/);
    for (const line of ics.split('\r\n')) expect(Buffer.byteLength(line)).toBeLessThanOrEqual(75);
    expect(ics).toContain('DTSTART;TZID=America/New_York:20230831T140000');
    expect(ics).toContain('DTSTART;TZID=America/New_York:20231214T140000');
    expect(ics).toContain('DTSTAMP:20230815T130000Z');

    const cal = new ICAL.Component(ICAL.parse(ics) as unknown[]);
    const tz = new ICAL.Timezone(cal.getFirstSubcomponent('vtimezone')!);
    ICAL.TimezoneService.register(tz);
    const [summer, win] = cal.getAllSubcomponents('vevent').map((v) => new ICAL.Event(v));
    expect(summer.uid).toBe('abc123@google.com');
    expect(summer.summary).toBe(event.summary);
    expect(summer.description).toBe(`${event.description}\n\nJoin with Google Meet: ${event.meetLink}`);
    expect(summer.startDate.toJSDate().toISOString()).toBe('2023-08-31T18:00:00.000Z');
    expect(summer.endDate.toJSDate().toISOString()).toBe('2023-08-31T19:30:00.000Z');
    expect(win.startDate.toJSDate().toISOString()).toBe('2023-12-14T19:00:00.000Z');
    const attendees = summer.attendees.map((a) => ({ value: a.getFirstValue(), partstat: a.getParameter('partstat'), cn: a.getParameter('cn') }));
    expect(attendees).toEqual([
      { value: 'mailto:ada@education.ohio.gov', partstat: 'NEEDS-ACTION', cn: 'ada@education.ohio.gov' },
      { value: 'mailto:bo@x.gov', partstat: 'ACCEPTED', cn: 'Bo, Jr.' },
    ]);
    expect(summer.organizer).toBe('mailto:efabillar@careertech.org');
    expect(summer.component.getFirstPropertyValue('url')).toBe(event.meetLink);
  });

  it('UTC times for a calendar in another zone', () => {
    const ics = toIcs({ name: 'x', timeZone: 'Europe/Paris', events: [event], stamp: new Date(0) });
    expect(ics).toContain('DTSTART:20230831T180000Z');
    expect(ics).not.toContain('VTIMEZONE');
    const ev = new ICAL.Event(new ICAL.Component(ICAL.parse(ics) as unknown[]).getFirstSubcomponent('vevent')!);
    expect(ev.startDate.toJSDate().toISOString()).toBe('2023-08-31T18:00:00.000Z');
  });

  it('folds by octets without splitting a character, escapes TEXT', () => {
    const line = 'DESCRIPTION:' + 'é'.repeat(100);
    const folded = fold(line).split('\r\n');
    for (const l of folded) expect(Buffer.byteLength(l)).toBeLessThanOrEqual(75);
    expect(folded.map((l, i) => (i ? l.slice(1) : l)).join('')).toBe(line);
    expect(escapeText('a,b;c\\d\ne')).toBe('a\\,b\\;c\\\\d\\ne');
  });
});

describe('clock', () => {
  it('reads New York wall time across daylight saving', () => {
    expect(fromZonedLocal('2023-08-15T09:00', 'America/New_York')?.toISOString()).toBe('2023-08-15T13:00:00.000Z');
    expect(fromZonedLocal('2023-12-14T14:00', 'America/New_York')?.toISOString()).toBe('2023-12-14T19:00:00.000Z');
    expect(fromZonedLocal('nonsense', 'America/New_York')).toBeNull();
  });

  it('presets: two weeks before the notify date, the notify date, the day after the deadline (9 am)', () => {
    const p = presets(new Date('2023-08-15T04:00:00Z'), new Date('2023-09-16T03:59:00Z'));
    expect(p).toEqual([
      { label: 'Before notify date', iso: '2023-08-01T13:00:00.000Z' },
      { label: 'Notify date', iso: '2023-08-15T13:00:00.000Z' },
      { label: 'After deadline', iso: '2023-09-16T13:00:00.000Z' },
    ]);
  });
});
