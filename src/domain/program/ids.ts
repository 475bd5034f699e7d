// Stable identifiers derived from the data itself, so the same response gets the same IDs whether
// the trigger or the sweep processes it, and however many times.

/** cyrb53: a fast 53-bit string hash (public domain), good enough to tell 10^5 rows apart. */
export function hash53(s: string, seed = 0): number {
  let h1 = 0xdeadbeef ^ seed;
  let h2 = 0x41c6ce57 ^ seed;
  for (let i = 0; i < s.length; i++) {
    const ch = s.charCodeAt(i);
    h1 = Math.imul(h1 ^ ch, 2654435761);
    h2 = Math.imul(h2 ^ ch, 1597334677);
  }
  h1 = Math.imul(h1 ^ (h1 >>> 16), 2246822507) ^ Math.imul(h2 ^ (h2 >>> 13), 3266489909);
  h2 = Math.imul(h2 ^ (h2 >>> 16), 2246822507) ^ Math.imul(h1 ^ (h1 >>> 13), 3266489909);
  return 4294967296 * (2097151 & h2) + (h1 >>> 0);
}

/** The response's identity: when it was submitted and by whom ("2023-08-01T14:00:00.000Z jane@state.gov"). */
export function responseKey(timestamp: Date | null, email: string, row: number): string {
  const when = timestamp ? timestamp.toISOString() : `row-${row}`;
  return email ? `${when} ${email}` : when;
}

/** "APP-" + 11 base-36 characters derived from the response key and the community. */
export function applicationId(key: string, community: string): string {
  return `APP-${hash53(`${key}\u0000${community}`).toString(36).toUpperCase().padStart(11, '0')}`;
}
