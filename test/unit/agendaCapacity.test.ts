import { agendasBeyondQuota } from '../simulate/agendaCapacity';

const H = 3_600_000;
const D = 24 * H;

describe("the simulation's yardstick: agendas no schedule could send on the quota", () => {
  const owed = (n: number, from: number, until: number, prefix = 'm') => Array.from({ length: n }, (_, i) => ({ to: `${prefix}${i}@x.gov`, from, until }));

  it('is 0 when the window holds them all', () => {
    expect(agendasBeyondQuota(owed(700, 0, 7 * D), 100)).toBe(0);
  });
  it('counts what seven days of 100 cannot carry', () => {
    expect(agendasBeyondQuota(owed(1136, 0, 7 * D), 100)).toBe(1136 - 700);
  });
  it('sends the soonest deadline first', () => {
    // 100 due in one day and 100 due in a week: both fit when the urgent ones go first
    expect(agendasBeyondQuota([...owed(100, 0, 7 * D, 'late'), ...owed(100, 0, D - H, 'soon')], 100)).toBe(0);
  });
  it('counts one email for a member whose two meetings overlap', () => {
    const two = [
      { to: 'a@x.gov', from: 0, until: D - H },
      { to: 'A@x.gov', from: H, until: D - H },
    ];
    expect(agendasBeyondQuota(two, 1)).toBe(0);
    expect(agendasBeyondQuota([two[0], { ...two[1], to: 'b@x.gov' }], 1)).toBe(1);
  });
  it('ignores what was owed with no time to send it', () => {
    expect(agendasBeyondQuota([{ to: 'a@x.gov', from: 5 * D, until: 5 * D }], 100)).toBe(0);
  });
});
