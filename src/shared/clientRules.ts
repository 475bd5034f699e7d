// Code that runs on both sides of the wire: on the server and in the browser clients (the staff
// sidebar, the applicant page). It is the ONE module of rules the clients share with the server,
// so that a rule shown to staff and the rule the server applies cannot drift apart. Keep it pure
// (no Apps Script globals, no DOM) and free of value imports from src/domain: the browser bundles
// must stay small. Types may be imported (they vanish at build time).

/**
 * The next applicant to offer a free seat, per community: first waitlisted, first offered
 * (earliest decision time, then earliest submission, then sheet order). Only communities with a
 * capacity have seats to free; an unlimited community has nobody waiting for a seat.
 */
export function nextFromWaitlist<T extends { status: string; community: string; waitlistedAt: number; submittedAt: number; order: number }>(
  rows: readonly T[],
  community: { key: string; capacity: number | null },
): { next: T; freeSeats: number } | null {
  if (community.capacity === null) return null;
  let accepted = 0;
  let best: T | null = null;
  for (const r of rows) {
    if (r.community !== community.key) continue;
    if (r.status === 'Accepted') accepted++;
    else if (r.status === 'Waitlisted' && (best === null || waitlistOrder(r, best) < 0)) best = r;
  }
  const freeSeats = community.capacity - accepted;
  if (freeSeats <= 0 || best === null) return null;
  return { next: best, freeSeats };
}

function waitlistOrder(a: { waitlistedAt: number; submittedAt: number; order: number }, b: typeof a): number {
  return a.waitlistedAt - b.waitlistedAt || a.submittedAt - b.submittedAt || a.order - b.order;
}
