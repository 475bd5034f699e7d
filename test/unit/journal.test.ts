import { emptyEntries, entryCount, journalKey, journalKeys, mergeEntries, parseEntries } from '../../src/domain/journal';

describe('delivery journal', () => {
  it('parses what a run stored and drops anything malformed', () => {
    expect(parseEntries('{"n":{"A1":"Accepted","A2":"Maybe","A3":3},"i":{"A1":"1, 2","A4":7}}')).toEqual({ n: { A1: 'Accepted' }, i: { A1: '1, 2' } });
    expect(parseEntries('not json')).toEqual(emptyEntries());
    expect(parseEntries('null')).toEqual(emptyEntries());
    expect(entryCount({ n: { A: 'Declined' }, i: { A: '1', B: '' } })).toBe(3);
  });

  it('orders keys oldest run first, then by sequence (10 after 9), ignoring other properties', () => {
    const keys = [
      journalKey('2000-bbb', 10),
      'cop.delivery.lease',
      journalKey('2000-bbb', 9),
      journalKey('1000-zzz', 0),
      journalKey('2000-aaa', 0),
    ];
    expect(journalKeys(keys)).toEqual([journalKey('1000-zzz', 0), journalKey('2000-aaa', 0), journalKey('2000-bbb', 9), journalKey('2000-bbb', 10)]);
  });

  it('merges in order: a later entry for the same application wins', () => {
    const merged = mergeEntries(['{"n":{"A1":"Accepted"},"i":{"A1":"1"}}', '{"n":{"A1":"Withdrawn"},"i":{"A1":""}}', 'garbage']);
    expect(merged).toEqual({ n: { A1: 'Withdrawn' }, i: { A1: '' } });
  });
});
