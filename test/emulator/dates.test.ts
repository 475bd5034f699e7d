import { probeWorkspace } from './helpers';
import { Workspace } from '../../emulator';
import path from 'node:path';

const DATES = path.join(__dirname, 'fixtures', 'dates.js');

describe("the bundle's Date", () => {
  const ws = (): Workspace => probeWorkspace({ bundlePath: DATES });

  it('reads the emulated clock and local time is the script time zone (America/New_York)', () => {
    expect(ws().run('localTime')).toEqual({
      now: '2023-08-01T14:00:00.000Z',
      hours: 10, // 14:00 UTC is 10:00 EDT
      offset: 240,
      fields: '2023-08-29T18:00:00.000Z', // new Date(2023, 7, 29, 14) = 2 pm EDT
      winterFields: '2023-12-12T19:00:00.000Z', // 2 pm EST
      parsedLocal: '2023-08-01T04:00:00.000Z', // '8/1/2023' is local midnight
      parsedIsoDate: '2023-08-01T00:00:00.000Z', // 'yyyy-mm-dd' is UTC, as in V8
      parsedOffset: '2023-08-01T12:00:00.000Z',
      setHours: '2023-08-01T22:30:00.000Z', // setHours(18, 30) on 8/1 = 6:30 pm EDT
      string: 'Tue Aug 01 2023 10:00:00 GMT-0400 (Eastern Daylight Time)',
      isDate: true,
      callWithoutNew: 'string',
    });
  });

  it('keeps the rest of the Date API: Date.UTC, subclasses, copies, invalid dates, local parse', () => {
    expect(ws().run('dateApi')).toEqual({
      utc: Date.UTC(2023, 7, 1),
      subclass: [true, true, 'stamp 2024'],
      copy: 5,
      invalid: 'Invalid Date',
      parse: Date.parse('2023-08-01T14:00:00Z'),
      ctor: true,
    });
  });

  it('follows the clock as it moves', () => {
    const w = ws();
    w.clock.set('2024-01-01T00:00:00Z');
    expect((w.run('localTime') as { now: string }).now).toBe('2024-01-01T00:00:00.000Z');
    w.clock.advance(1000);
    expect((w.run('localTime') as { now: string }).now).toBe('2024-01-01T00:00:01.000Z');
  });

  it('uses another script time zone when configured', () => {
    const w = probeWorkspace({ bundlePath: DATES, scriptTimeZone: 'Europe/Berlin' });
    expect((w.run('localTime') as { hours: number }).hours).toBe(16);
  });
});
