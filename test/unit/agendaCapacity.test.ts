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
  it('counts one email for a member whose two meetings overlap, sent once both are due', () => {
    const two = [
      { to: 'a@x.gov', from: 0, until: D - H },
      { to: 'A@x.gov', from: H, until: D - H },
    ];
    expect(agendasBeyondQuota(two, 1)).toBe(0);
    expect(agendasBeyondQuota([two[0], { ...two[1], to: 'b@x.gov' }], 1)).toBe(1);
  });
  it('never sends an agenda before it is due, even in an email the member gets anyway', () => {
    // the second agenda is due only after the first meeting has started: two emails, and one a day
    const apart = [
      { to: 'a@x.gov', from: 0, until: 2 * H },
      { to: 'a@x.gov', from: 3 * H, until: D - H },
    ];
    expect(agendasBeyondQuota(apart, 1)).toBe(1);
    expect(agendasBeyondQuota(apart, 2)).toBe(0);
  });
  it('keeps the better schedule: waiting for the overlap when the quota is short, sending at once when waiting would miss', () => {
    // one email a day, two days: a owes a meeting due now and one due tomorrow, c one due now.
    // By member, a's first agenda goes today alone and a and c share tomorrow's email: one missed.
    // Holding a's first agenda for the second: c today, a's two tomorrow in one email.
    const short = [
      { to: 'a@x.gov', from: 0, until: 2 * D },
      { to: 'a@x.gov', from: D, until: 2 * D },
      { to: 'c@x.gov', from: 0, until: 2 * D },
    ];
    expect(agendasBeyondQuota(short, 1)).toBe(0);
    // the first meetings end before tomorrow's agendas are due: nothing to wait for, both sent now
    const early = [
      { to: 'a@x.gov', from: 0, until: D - H },
      { to: 'a@x.gov', from: D, until: 3 * D },
    ];
    expect(agendasBeyondQuota(early, 1)).toBe(0);
  });
  it('ignores what was owed with no time to send it', () => {
    expect(agendasBeyondQuota([{ to: 'a@x.gov', from: 5 * D, until: 5 * D }], 100)).toBe(0);
  });
});
