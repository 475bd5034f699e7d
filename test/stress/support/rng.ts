// A small seeded PRNG (mulberry32): every random choice of the stress suite is reproducible from
// the seed it prints. STRESS_SEED overrides the default.
export type Rng = () => number;

export function mulberry32(seed: number): Rng {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

export function suiteSeed(fallback: number): number {
  const env = process.env.STRESS_SEED;
  const n = env === undefined ? NaN : Number(env);
  return Number.isInteger(n) ? n : fallback;
}

export function pick<T>(rng: Rng, xs: readonly T[]): T {
  return xs[Math.floor(rng() * xs.length)];
}

/** k distinct items of xs, in a random order. */
export function sample<T>(rng: Rng, xs: readonly T[], k: number): T[] {
  const copy = [...xs];
  for (let i = copy.length - 1; i > 0; i--) {
    const j = Math.floor(rng() * (i + 1));
    [copy[i], copy[j]] = [copy[j], copy[i]];
  }
  return copy.slice(0, Math.min(k, copy.length));
}
