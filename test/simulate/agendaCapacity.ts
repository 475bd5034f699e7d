// How many agenda emails no schedule could have sent in time on the account's mail quota: the
// yardstick that tells a loss the code could have avoided from one the account's quota forces.
//
// Each agenda owed (a member told of their acceptance before the meeting, a meeting with an
// agenda) can go from max(start − lead days, agenda typed, member told) until the meeting starts.
// The owed agendas of one member whose windows overlap are counted as one email (one email per
// member and run may cover several meetings), with the union of their windows, so the figure
// errs towards "the code could have sent it". They are then scheduled alone, hour by hour,
// earliest deadline first (optimal for one-email jobs), on the emulator's quota model (N
// recipients from the first send, renewed 24 hours after it), with every other email put off.
// What still misses its meeting could not have fit whatever the code did.
const HOUR = 3_600_000;
const DAY = 24 * HOUR;

export interface OwedAgenda {
  to: string;
  /** earliest moment it may go (ms) */
  from: number;
  /** the meeting's start: after it the agenda is not sent (ms) */
  until: number;
}

interface Unit {
  from: number;
  until: number;
}

function units(owed: readonly OwedAgenda[]): Unit[] {
  const byMember = new Map<string, OwedAgenda[]>();
  for (const o of owed) {
    if (o.from >= o.until) continue;
    const k = o.to.toLowerCase();
    const list = byMember.get(k);
    if (list) list.push(o);
    else byMember.set(k, [o]);
  }
  const out: Unit[] = [];
  for (const list of byMember.values()) {
    list.sort((a, b) => a.from - b.from);
    let cur: Unit | null = null;
    for (const o of list) {
      if (cur && o.from < cur.until) cur.until = Math.max(cur.until, o.until);
      else {
        cur = { from: o.from, until: o.until };
        out.push(cur);
      }
    }
  }
  return out;
}

/** Owed agendas that could not have been sent before their meeting on `quota` emails a day. */
export function agendasBeyondQuota(owed: readonly OwedAgenda[], quota: number): number {
  const jobs = units(owed).sort((a, b) => a.from - b.from);
  if (jobs.length === 0) return 0;
  // hourly sends, like the sweep; a job released mid-hour waits for the next hour
  const start = Math.ceil(jobs[0].from / HOUR) * HOUR;
  const end = Math.max(...jobs.map((j) => j.until));
  const ready: Unit[] = []; // kept sorted by deadline
  let next = 0;
  let missed = 0;
  let windowStart = -Infinity;
  let used = 0;
  for (let t = start; t <= end && (next < jobs.length || ready.length > 0); t += HOUR) {
    while (next < jobs.length && jobs[next].from <= t) {
      const j = jobs[next++];
      let i = ready.length;
      while (i > 0 && ready[i - 1].until > j.until) i--;
      ready.splice(i, 0, j);
    }
    while (ready.length > 0 && ready[0].until <= t) {
      ready.shift();
      missed++;
    }
    if (ready.length === 0) continue;
    if (t - windowStart >= DAY) {
      windowStart = t;
      used = 0;
    }
    const n = Math.min(quota - used, ready.length);
    if (n > 0) {
      ready.splice(0, n);
      used += n;
    }
  }
  return missed + ready.length;
}
