// Every random choice of the stress suite is reproducible from the seed it prints (the PRNG is
// the emulator's). STRESS_SEED overrides the default.
import { mulberry32, type Rng } from '../../../emulator/random';

export { mulberry32, type Rng };

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
