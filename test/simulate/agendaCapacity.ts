// How many agenda emails the account's mail quota alone would have cost: the yardstick that tells a
// loss the code could have avoided from one the account's quota forces.
//
// Each agenda owed (a member told of their acceptance before the meeting, a meeting with an
// agenda) can go from max(start − lead days, agenda typed, member told) until the meeting starts,
// and never outside that window (the SPEC's lead time; an email cannot carry an agenda before it is
// due). One email to a member carries every agenda of theirs due at the moment it is sent. On
// those rules the yardstick builds two schedules, hour by hour like the sweep, on the emulator's
// quota model (N recipients from the first send, renewed 24 hours after it), with every other
// email put off, and keeps the better:
//   - by member, earliest deadline first: each hour the members whose soonest due agenda ends
//     first get one email each, carrying all of theirs due then (what the delivery run does, with
//     the quota to itself and no hour lost to the renewal);
//   - merged, earliest deadline first: a member's agendas whose windows overlap wait for the
//     overlap and go as one email (fewer emails, later).
// Both are schedules the account could have run, so what the better one misses is not proof that
// no schedule could do better; but when the code misses more, one of them shows how to do better.
//
// An earlier version merged a member's overlapping agendas over the union of their windows, as if
// one email could carry an agenda before it was due (members of two communities whose second
// agenda was not due yet when the first went): at 5,000 applicants on a free account it missed 24
// fewer agendas than a schedule can.
const HOUR = 3_600_000;
const DAY = 24 * HOUR;

export interface OwedAgenda {
  to: string;
  /** earliest moment it may go (ms) */
  from: number;
  /** the meeting's start: after it the agenda is not sent (ms) */
  until: number;
}

/** The quota windows as the emulator models them: a window opens at its first send and lasts 24 hours. */
class Quota {
  private windowStart = -Infinity;
  private used = 0;
  constructor(private readonly perDay: number) {}
  left(t: number): number {
    return t - this.windowStart >= DAY ? this.perDay : this.perDay - this.used;
  }
  take(t: number, n: number): void {
    if (n <= 0) return;
    if (t - this.windowStart >= DAY) {
      this.windowStart = t;
      this.used = 0;
    }
    this.used += n;
  }
}

function sendable(owed: readonly OwedAgenda[]): OwedAgenda[] {
  return owed.filter((o) => o.from < o.until);
}

/** Appends `item` to the list kept under the member's address (any case). */
function addTo<T>(lists: Map<string, T[]>, to: string, item: T): void {
  const k = to.toLowerCase();
  const list = lists.get(k);
  if (list) list.push(item);
  else lists.set(k, [item]);
}

function firstHour(owed: readonly OwedAgenda[]): number {
  return Math.ceil(Math.min(...owed.map((o) => o.from)) / HOUR) * HOUR;
}

/** By member, earliest deadline first; each email carries every agenda of the member due then. */
function missedByMember(owed: readonly OwedAgenda[], perDay: number): number {
  const jobs = [...owed].sort((a, b) => a.from - b.from);
  const quota = new Quota(perDay);
  const ready = new Map<string, OwedAgenda[]>();
  const end = Math.max(...jobs.map((j) => j.until));
  let next = 0;
  let missed = 0;
  for (let t = firstHour(jobs); t <= end && (next < jobs.length || ready.size > 0); t += HOUR) {
    while (next < jobs.length && jobs[next].from <= t) {
      const j = jobs[next++];
      addTo(ready, j.to, j);
    }
    for (const [k, list] of ready) {
      const live = list.filter((j) => j.until > t);
      missed += list.length - live.length;
      if (live.length) ready.set(k, live);
      else ready.delete(k);
    }
    const n = Math.min(quota.left(t), ready.size);
    if (n <= 0) continue;
    const soonest = [...ready].map(([k, list]) => ({ k, deadline: Math.min(...list.map((j) => j.until)) }));
    soonest.sort((a, b) => a.deadline - b.deadline);
    for (const { k } of soonest.slice(0, n)) ready.delete(k);
    quota.take(t, n);
  }
  for (const list of ready.values()) missed += list.length;
  return missed;
}

interface Unit {
  from: number;
  until: number;
  /** agendas it carries */
  n: number;
}

/** A member's agendas whose windows overlap, as one email in the overlap. */
function mergedUnits(owed: readonly OwedAgenda[]): Unit[] {
  const byMember = new Map<string, OwedAgenda[]>();
  for (const o of owed) addTo(byMember, o.to, o);
  const out: Unit[] = [];
  for (const list of byMember.values()) {
    list.sort((a, b) => a.from - b.from);
    let cur: Unit | null = null;
    for (const o of list) {
      const from = cur ? Math.max(cur.from, o.from) : o.from;
      const until = cur ? Math.min(cur.until, o.until) : o.until;
      if (cur && Math.ceil(from / HOUR) * HOUR < until) {
        cur.from = from;
        cur.until = until;
        cur.n++;
      } else {
        cur = { from: o.from, until: o.until, n: 1 };
        out.push(cur);
      }
    }
  }
  return out;
}

/** Merged units, earliest deadline first (optimal for one-email jobs). */
function missedMerged(owed: readonly OwedAgenda[], perDay: number): number {
  const jobs = mergedUnits(owed).sort((a, b) => a.from - b.from);
  const quota = new Quota(perDay);
  const ready: Unit[] = []; // kept sorted by deadline
  const end = Math.max(...jobs.map((j) => j.until));
  let next = 0;
  let missed = 0;
  for (let t = firstHour(owed); t <= end && (next < jobs.length || ready.length > 0); t += HOUR) {
    while (next < jobs.length && jobs[next].from <= t) {
      const j = jobs[next++];
      let i = ready.length;
      while (i > 0 && ready[i - 1].until > j.until) i--;
      ready.splice(i, 0, j);
    }
    while (ready.length > 0 && ready[0].until <= t) missed += (ready.shift() as Unit).n;
    const n = Math.min(quota.left(t), ready.length);
    if (n <= 0) continue;
    ready.splice(0, n);
    quota.take(t, n);
  }
  for (const j of ready) missed += j.n;
  return missed;
}

/** Owed agendas the better of the two schedules above still misses on `perDay` emails a day. */
export function agendasBeyondQuota(owed: readonly OwedAgenda[], perDay: number): number {
  const jobs = sendable(owed);
  if (jobs.length === 0) return 0;
  return Math.min(missedByMember(jobs, perDay), missedMerged(jobs, perDay));
}
