// The clock control's arithmetic: "local" wall times in the program's zone, and the quick
// presets built from the Settings tab (falling back to the SPEC's dates before setup).
import type { DevPreset } from './devWire';
import { zonedParts } from './eml';

/** `2023-08-15T09:00` as wall-clock time in `timeZone` → the instant (DST-correct). */
export function fromZonedLocal(text: string, timeZone: string): Date | null {
  const m = /^(\d{4})-(\d{2})-(\d{2})[T ](\d{2}):(\d{2})(?::(\d{2}))?$/.exec(text.trim());
  if (!m) return null;
  const [y, mo, d, h, mi, s] = m.slice(1).map((x) => Number(x ?? 0));
  const wanted = Date.UTC(y, mo - 1, d, h, mi, s);
  let guess = wanted;
  // Two corrections settle the offset, also across a DST change.
  for (let i = 0; i < 2; i++) {
    const p = zonedParts(new Date(guess), timeZone);
    const shown = Date.UTC(p.year, p.month - 1, p.day, p.hour, p.minute, p.second);
    guess += wanted - shown;
  }
  return new Date(guess);
}

/** 09:00 on the day of `d` in the zone. */
function nineOn(d: Date, timeZone: string): Date {
  const p = zonedParts(d, timeZone);
  const two = (n: number): string => String(n).padStart(2, '0');
  return fromZonedLocal(`${p.year}-${two(p.month)}-${two(p.day)}T09:00`, timeZone) ?? d;
}

const DAY = 24 * 3600e3;

export function presets(notifyFrom: Date | null, deadline: Date | null, timeZone = 'America/New_York'): DevPreset[] {
  const notify = notifyFrom ?? new Date('2023-08-15T04:00:00Z');
  const close = deadline ?? new Date('2023-09-16T03:59:00Z');
  const notifyMorning = nineOn(notify, timeZone);
  return [
    { label: 'Before notify date', iso: nineOn(new Date(notify.getTime() - 14 * DAY), timeZone).toISOString() },
    { label: 'Notify date', iso: (notifyMorning.getTime() >= notify.getTime() ? notifyMorning : notify).toISOString() },
    { label: 'After deadline', iso: nineOn(new Date(close.getTime() + DAY), timeZone).toISOString() },
  ];
}

/**
 * The original walk-through: late July 2023, before the seeded 2023–2024 program's notify date,
 * with registration open. Choose it before Set up (or after Reset) to replay that year.
 */
export const DEMO_2023_PRESET: DevPreset = { label: '2023–2024 demo', iso: '2023-07-24T14:00:00.000Z' };
