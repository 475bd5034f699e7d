// LockService: script, user and document locks shared by every execution of the Workspace.
import type { ServiceName } from '../execution';
import { ScriptError, ServiceObject, type Runtime } from '../runtime';
import type { LockHolder } from '../state';

export const LOCK_TIMEOUT_MESSAGE = 'Lock timeout: another process was holding the lock for too long.';

type Slot = { get(): LockHolder | null; set(h: LockHolder | null): void };

export class Lock extends ServiceObject {
  constructor(
    rt: Runtime,
    private readonly slot: Slot,
  ) {
    super(rt);
  }
  _kind(): [ServiceName, string] {
    return ['LockService', 'Lock'];
  }
  private acquire(timeoutInMillis: number): boolean {
    const ms = Number(timeoutInMillis);
    if (!Number.isFinite(ms) || ms < 0) throw new ScriptError('Invalid argument: timeoutInMillis');
    const me = this._rt.exec.id;
    const holder = this.slot.get();
    const clock = this._rt.core.clock;
    if (!holder || holder.executionId === me) {
      this.slot.set({ executionId: me });
      return true;
    }
    if (holder.until !== undefined && holder.until <= clock.millis() + ms) {
      if (holder.until > clock.millis()) clock.set(holder.until);
      this.slot.set({ executionId: me });
      return true;
    }
    clock.advance(ms);
    return false;
  }
  tryLock(timeoutInMillis: number): boolean {
    return this.acquire(timeoutInMillis);
  }
  waitLock(timeoutInMillis: number): void {
    if (!this.acquire(timeoutInMillis)) throw new ScriptError(LOCK_TIMEOUT_MESSAGE);
  }
  hasLock(): boolean {
    return this.slot.get()?.executionId === this._rt.exec.id;
  }
  releaseLock(): void {
    if (this.hasLock()) this.slot.set(null);
  }
  toString(): string {
    return 'Lock';
  }
}

export class LockService extends ServiceObject {
  _kind(): [ServiceName, string] {
    return ['LockService', 'LockService'];
  }
  getScriptLock(): Lock {
    const locks = this._rt.state.locks;
    return new Lock(this._rt, { get: () => locks.script, set: (h) => (locks.script = h) });
  }
  /** Always bound to the spreadsheet here, so never null. */
  getDocumentLock(): Lock {
    const locks = this._rt.state.locks;
    return new Lock(this._rt, { get: () => locks.document, set: (h) => (locks.document = h) });
  }
  getUserLock(): Lock {
    const locks = this._rt.state.locks;
    const user = this._rt.user;
    return new Lock(this._rt, { get: () => locks.user[user] ?? null, set: (h) => (locks.user[user] = h) });
  }
  toString(): string {
    return 'LockService';
  }
}

/** Apps Script releases every lock an execution still holds when it ends. */
export function releaseAll(
  locks: { script: LockHolder | null; document: LockHolder | null; user: Record<string, LockHolder | null> },
  executionId: string,
): void {
  if (locks.script?.executionId === executionId) locks.script = null;
  if (locks.document?.executionId === executionId) locks.document = null;
  for (const u of Object.keys(locks.user)) if (locks.user[u]?.executionId === executionId) locks.user[u] = null;
}
