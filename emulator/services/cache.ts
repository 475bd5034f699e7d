// CacheService: script, user and document caches; entries expire on the emulated clock.
import type { ServiceName } from '../execution';
import { ScriptError, ServiceObject, type Runtime } from '../runtime';
import type { CacheEntry } from '../state';

const MAX_TTL_S = 21600;
const MAX_VALUE = 100 * 1024;

export class Cache extends ServiceObject {
  constructor(
    rt: Runtime,
    private readonly store: () => Record<string, CacheEntry>,
  ) {
    super(rt);
  }
  _kind(): [ServiceName, string] {
    return ['CacheService', 'Cache'];
  }
  private live(key: string): CacheEntry | null {
    const s = this.store();
    const e = s[key];
    if (!e) return null;
    if (e.expiresAt <= this._rt.core.clock.millis()) {
      delete s[key];
      return null;
    }
    return e;
  }
  get(key: string): string | null {
    return this.live(String(key))?.value ?? null;
  }
  getAll(keys: string[]): Record<string, string> {
    const out: Record<string, string> = {};
    for (const k of keys) {
      const e = this.live(String(k));
      if (e) out[k] = e.value;
    }
    return out;
  }
  put(key: string, value: string, expirationInSeconds?: number): void {
    const k = String(key);
    const v = String(value);
    if (k.length > 250) throw new ScriptError('Argument too large: key');
    if (Buffer.byteLength(v) > MAX_VALUE) throw new ScriptError('Argument too large: value');
    const ttl = Math.min(expirationInSeconds ?? 600, MAX_TTL_S);
    if (ttl < 1) throw new ScriptError('Invalid argument: expirationInSeconds');
    this.store()[k] = { value: v, expiresAt: this._rt.core.clock.millis() + ttl * 1000 };
  }
  putAll(values: Record<string, string>, expirationInSeconds?: number): void {
    for (const [k, v] of Object.entries(values)) this.put(k, v, expirationInSeconds);
  }
  remove(key: string): void {
    delete this.store()[String(key)];
  }
  removeAll(keys: string[]): void {
    for (const k of keys) this.remove(k);
  }
  toString(): string {
    return 'Cache';
  }
}

export class CacheService extends ServiceObject {
  _kind(): [ServiceName, string] {
    return ['CacheService', 'CacheService'];
  }
  getScriptCache(): Cache {
    return new Cache(this._rt, () => this._rt.state.caches.script);
  }
  getUserCache(): Cache {
    const user = this._rt.user;
    return new Cache(this._rt, () => (this._rt.state.caches.user[user] ??= {}));
  }
  getDocumentCache(): Cache {
    return new Cache(this._rt, () => this._rt.state.caches.document);
  }
  toString(): string {
    return 'CacheService';
  }
}
