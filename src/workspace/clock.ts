// The one place that reads the current time, so tests and the emulator control it.
export function now(): Date {
  return new Date();
}
export const now_ = now;
