import { runInNewContext } from 'node:vm';
import { MAX_IDS, parseDecideRequest, parseOptionalDecision } from '../../src/domain/review/decideRequest';
import { mayDecide } from '../../src/domain/review/decisions';

const ok = { applicationIds: ['a1', 'a2'], decision: 'accept' };

describe('parseDecideRequest', () => {
  it('accepts a well-formed request and normalises optional fields', () => {
    expect(parseDecideRequest(ok)).toEqual({
      ok: true,
      value: { applicationIds: ['a1', 'a2'], decision: 'accept', note: '', expected: {}, overrideCapacity: false },
    });
    const full = { ...ok, note: '  fine ', expected: { a1: 'Pending' }, overrideCapacity: true };
    expect(parseDecideRequest(full)).toMatchObject({ ok: true, value: { note: 'fine', expected: { a1: 'Pending' }, overrideCapacity: true } });
  });

  const bad: [string, unknown, RegExp][] = [
    ['null', null, /expected an object/],
    ['an array', [ok], /expected an object/],
    ['a string', 'accept', /expected an object/],
    ['a Date', new Date(), /expected an object/],
    ['an unknown field', { ...ok, extra: 1 }, /unknown field "extra"/],
    ['ids not a list', { ...ok, applicationIds: 'a1' }, /list of application IDs/],
    ['no ids', { ...ok, applicationIds: [] }, /no applications selected/],
    ['too many ids', { ...ok, applicationIds: Array.from({ length: MAX_IDS + 1 }, (_, i) => `x${i}`) }, /at most 5000/],
    ['a number id', { ...ok, applicationIds: [1] }, /non-empty string/],
    ['a blank id', { ...ok, applicationIds: [' '] }, /non-empty string/],
    ['a huge id', { ...ok, applicationIds: ['x'.repeat(201)] }, /at most 200 characters/],
    ['duplicate ids', { ...ok, applicationIds: ['a1', 'a1'] }, /listed twice/],
    ['an unknown decision', { ...ok, decision: 'approve' }, /decision must be one of/],
    ['a decision in the wrong case', { ...ok, decision: 'Accept' }, /decision must be one of/],
    ['a missing decision', { applicationIds: ['a1'] }, /decision must be one of/],
    ['a number note', { ...ok, note: 5 }, /note must be text/],
    ['a null note', { ...ok, note: null }, /note must be text/],
    ['a long note', { ...ok, note: 'x'.repeat(2001) }, /at most 2000 characters/],
    ['expected as a list', { ...ok, expected: ['Pending'] }, /expected must map/],
    ['expected for another id', { ...ok, expected: { zz: 'Pending' } }, /not in applicationIds/],
    ['expected with a bad status', { ...ok, expected: { a1: 'Approved' } }, /expected status/],
    ['override as a string', { ...ok, overrideCapacity: 'true' }, /true or false/],
  ];
  it.each(bad)('refuses %s', (_name, input, error) => {
    const r = parseDecideRequest(input);
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.error).toMatch(error);
  });

  it('accepts exactly 5,000 ids and a 2,000-character note', () => {
    const ids = Array.from({ length: MAX_IDS }, (_, i) => `x${i}`);
    expect(parseDecideRequest({ ...ok, applicationIds: ids, note: 'n'.repeat(2000) }).ok).toBe(true);
  });

  it('accepts objects from another realm (the emulator passes them across vm contexts)', () => {
    const foreign: unknown = runInNewContext('({ applicationIds: ["a1"], decision: "decline", expected: { a1: "Pending" } })');
    expect(parseDecideRequest(foreign).ok).toBe(true);
  });
});

describe('parseOptionalDecision', () => {
  it('takes a known decision or nothing', () => {
    expect(parseOptionalDecision(undefined)).toEqual({ ok: true, value: undefined });
    expect(parseOptionalDecision('waitlist')).toEqual({ ok: true, value: 'waitlist' });
    expect(parseOptionalDecision({}).ok).toBe(false);
  });
});

describe('mayDecide', () => {
  it('lets everyone decide when no reviewers are listed, else only the listed ones', () => {
    expect(mayDecide([], 'anyone@x.org')).toBe(true);
    expect(mayDecide(['boss@x.org'], 'Boss@X.org')).toBe(true);
    expect(mayDecide(['boss@x.org'], 'staff@x.org')).toBe(false);
    expect(mayDecide(['boss@x.org'], '')).toBe(false);
  });
});
