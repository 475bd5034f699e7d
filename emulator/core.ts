// What every service view needs from the Workspace: the state, the clock, faults and id minting.
import { createHash } from 'node:crypto';
import type { Clock } from './clock';
import { dateFactory, type EmuDateConstructor } from './realm';
import type { WorkspaceState } from './state';
import type { Faults } from './faults';

export interface CoreOptions {
  bundlePath: string;
  projectName: string;
  domain: string;
}

export class Core {
  readonly newDate: (ms: number) => Date;
  constructor(
    readonly state: WorkspaceState,
    readonly clock: Clock,
    readonly faults: Faults,
    readonly EmuDate: EmuDateConstructor,
    readonly options: CoreOptions,
  ) {
    this.newDate = dateFactory(EmuDate);
  }

  /** Deterministic ids: the same sequence of operations mints the same ids. */
  mint(length: number, alphabet = 'abcdefghijklmnopqrstuvwxyz0123456789'): string {
    let out = '';
    while (out.length < length) {
      const digest = createHash('sha256').update(`${this.state.scriptId}:${this.state.seq++}`).digest();
      for (const byte of digest) {
        if (out.length >= length) break;
        out += alphabet[byte % alphabet.length];
      }
    }
    return out;
  }

  uuid(): string {
    const h = this.mint(32, '0123456789abcdef');
    return `${h.slice(0, 8)}-${h.slice(8, 12)}-4${h.slice(13, 16)}-${'89ab'[parseInt(h[16], 16) % 4]}${h.slice(17, 20)}-${h.slice(20, 32)}`;
  }

  now(): Date {
    return this.clock.now();
  }
}
