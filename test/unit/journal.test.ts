import {
  emptyEntries,
  entryCount,
  invitedFromAttendees,
  journalKey,
  journalKeys,
  meetingKey,
  mergeEntries,
  parseEntries,
} from '../../src/domain/notify/journal';
import type { Application } from '../../src/domain/program/model';

describe('delivery journal', () => {
  it('parses what a run stored and drops anything malformed', () => {
    expect(parseEntries('{"n":{"A1":"Accepted","A2":"Maybe","A3":3},"e":["clna#1",7,"clna#1"]}')).toEqual({
      n: { A1: 'Accepted' },
      e: ['clna#1'],
      a: {},
      f: {},
    });
    expect(parseEntries('not json')).toEqual(emptyEntries());
    expect(parseEntries('null')).toEqual(emptyEntries());
    expect(entryCount({ n: { A: 'Declined' }, e: ['clna#1', 'clna#2'], a: {}, f: {} })).toBe(3);
    expect(meetingKey({ community: 'clna', number: 3 })).toBe('clna#3');
  });

  it('orders keys oldest run first, then by sequence (10 after 9), ignoring other properties', () => {
    const keys = [journalKey('2000-bbb', 10), 'cop.delivery.lease', journalKey('2000-bbb', 9), journalKey('1000-zzz', 0), journalKey('2000-aaa', 0)];
    expect(journalKeys(keys)).toEqual([journalKey('1000-zzz', 0), journalKey('2000-aaa', 0), journalKey('2000-bbb', 9), journalKey('2000-bbb', 10)]);
  });

  it('merges in order: a later entry for the same application wins; marks accumulate', () => {
    const merged = mergeEntries(['{"n":{"A1":"Accepted"},"e":["clna#1"]}', '{"n":{"A1":"Withdrawn"},"e":["clna#2","clna#1"]}', 'garbage']);
    expect(merged).toEqual({ n: { A1: 'Withdrawn' }, e: ['clna#1', 'clna#2'], a: {}, f: {} });
  });

  it('reads Invited back from an attendee list, for the meeting community only', () => {
    const a = (id: string, email: string, community: string, invited: string) => ({ id, email, community, invited }) as Application;
    const apps = [
      a('X1', 'Ann@Ohio.gov', 'clna', '2'),
      a('X2', 'bob@ohio.gov', 'clna', '1, 2'),
      a('X3', 'cat@ohio.gov', 'clna', '1'),
      a('X4', 'ann@ohio.gov', 'learner-voice', ''),
    ];
    expect(invitedFromAttendees(apps, { community: 'clna', number: 1 }, ['ann@ohio.gov', 'staff@x.org', 'cat@ohio.gov'])).toEqual([
      { id: 'X1', invited: '1, 2' },
      { id: 'X2', invited: '2' },
    ]);
  });
});
