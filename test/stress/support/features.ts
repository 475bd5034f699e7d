// Which parts of the product the built bundle has yet. The stress suite is written against the
// whole product; while the notify work's delivery-in-sweep is not on main, the tests that need it
// say so in their output and wait (this file goes once everything has landed).
import { readFileSync } from 'node:fs';
import path from 'node:path';

const code = (): string => readFileSync(path.join(__dirname, '..', '..', '..', 'dist', 'Code.js'), 'utf8');

/** notify: the hourly sweep delivers due notifications (and record writes are one block per run). */
export function sweepDeliversNotifications(): boolean {
  return /step\(['"]Notifications['"]/.test(code());
}

export function awaiting(feature: string): string {
  return `WAITING: ${feature} is not in dist/Code.js yet (not on main); this test runs as soon as it lands.`;
}
