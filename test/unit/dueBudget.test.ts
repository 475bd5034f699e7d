import { createBudget } from '../../src/domain/notify/budget';
import { isPlausibleEmail, guestChangeFor } from '../../src/domain/notify/due';
import { isLeaseFree, LEASE_MS, parseLease } from '../../src/domain/notify/lease';
import { app, program } from './dueFixtures';

describe('time budget', () => {
  it('stops before the deadline, and earlier when the longest item would not fit', () => {
    let t = 0;
    const b = createBudget(100, () => t);
    expect(b.canStart()).toBe(true);
    b.time(() => {
      t += 30;
    });
    expect(b.canStart()).toBe(true); // 30 + 30 < 100
    b.time(() => {
      t += 10;
    });
    t = 69;
    expect(b.canStart()).toBe(true); // 69 + 30 < 100
    t = 70;
    expect(b.canStart()).toBe(false);
  });
  it('measures an item that throws', () => {
    let t = 0;
    const b = createBudget(100, () => t);
    expect(() =>
      b.time(() => {
        t += 80;
        throw new Error('x');
      }),
    ).toThrow('x');
    expect(b.canStart()).toBe(false);
  });
});

describe('delivery lease', () => {
  it('is free when absent, malformed or expired; outlives a 6-minute execution', () => {
    expect(isLeaseFree(null, 0)).toBe(true);
    expect(parseLease({ holder: 1 })).toBeNull();
    expect(parseLease('x')).toBeNull();
    const l = parseLease({ holder: 'a', until: 1000 })!;
    expect(isLeaseFree(l, 999)).toBe(false);
    expect(isLeaseFree(l, 1000)).toBe(true);
    expect(LEASE_MS).toBeGreaterThan(6 * 60 * 1000);
  });
});

describe('addresses', () => {
  it('leaves a malformed address out of event changes', () => {
    expect(isPlausibleEmail('jane@state.gov')).toBe(true);
    expect(isPlausibleEmail('jane @state.gov')).toBe(false);
    expect(isPlausibleEmail('jane@state')).toBe(false);
    expect(isPlausibleEmail('')).toBe(false);
    const now = new Date('2023-08-16T12:00:00Z');
    expect(guestChangeFor(app({ status: 'Accepted', email: 'not an email' }), program(), now)).toEqual({ add: [], remove: [] });
  });
});
