/** The emulated clock: it moves only when told (tests, Utilities.sleep, simulated call latency). */
export class Clock {
  private ms: number;

  constructor(start: Date | string | number = Date.now()) {
    this.ms = toMillis(start);
  }

  now(): Date {
    return new Date(this.ms);
  }

  millis(): number {
    return this.ms;
  }

  set(to: Date | string | number): void {
    this.ms = toMillis(to);
  }

  advance(ms: number): void {
    if (!Number.isFinite(ms) || ms < 0) throw new Error(`clock.advance: invalid duration ${ms}`);
    this.ms += ms;
  }
}

export function toMillis(t: Date | string | number): number {
  const ms = typeof t === 'number' ? t : typeof t === 'string' ? Date.parse(t) : t.getTime();
  if (!Number.isFinite(ms)) throw new Error(`clock: invalid time ${String(t)}`);
  return ms;
}
