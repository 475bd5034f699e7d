// PropertiesService: script, user (per user) and document stores, with Apps Script's size limits.
import type { ServiceName } from '../execution';
import { isPlainObject } from '../realm';
import { ScriptError, ServiceObject, type Runtime } from '../runtime';

const VALUE_LIMIT = 9 * 1024;
const STORE_LIMIT = 500 * 1024;

export class Properties extends ServiceObject {
  constructor(
    rt: Runtime,
    private readonly store: () => Record<string, string>,
  ) {
    super(rt);
  }
  _kind(): [ServiceName, string] {
    return ['PropertiesService', 'Properties'];
  }
  private checkSize(next: Record<string, string>): void {
    let total = 0;
    for (const [k, v] of Object.entries(next)) total += k.length + v.length;
    if (total > STORE_LIMIT) throw new ScriptError('You have exceeded the property storage quota. Please remove some properties and try again.');
  }
  private static str(key: string, value: unknown): string {
    const v = String(value);
    if (Buffer.byteLength(key) + Buffer.byteLength(v) > VALUE_LIMIT) throw new ScriptError('Argument too large: value');
    return v;
  }
  getProperty(key: string): string | null {
    const s = this.store();
    return Object.prototype.hasOwnProperty.call(s, key) ? s[key] : null;
  }
  setProperty(key: string, value: string): Properties {
    const s = this.store();
    const v = Properties.str(String(key), value);
    this.checkSize({ ...s, [key]: v });
    s[String(key)] = v;
    return this;
  }
  deleteProperty(key: string): Properties {
    delete this.store()[key];
    return this;
  }
  getProperties(): Record<string, string> {
    return { ...this.store() };
  }
  getKeys(): string[] {
    return Object.keys(this.store());
  }
  setProperties(properties: Record<string, string>, deleteAllOthers?: boolean): Properties {
    if (!isPlainObject(properties)) throw new ScriptError("The parameters don't match the method signature for PropertiesService.Properties.setProperties.");
    const s = this.store();
    const next: Record<string, string> = deleteAllOthers ? {} : { ...s };
    for (const [k, v] of Object.entries(properties)) next[k] = Properties.str(k, v);
    this.checkSize(next);
    for (const k of Object.keys(s)) delete s[k];
    Object.assign(s, next);
    return this;
  }
  deleteAllProperties(): Properties {
    const s = this.store();
    for (const k of Object.keys(s)) delete s[k];
    return this;
  }
  toString(): string {
    return 'Properties';
  }
}

export class PropertiesService extends ServiceObject {
  _kind(): [ServiceName, string] {
    return ['PropertiesService', 'PropertiesService'];
  }
  getScriptProperties(): Properties {
    return new Properties(this._rt, () => this._rt.state.properties.script);
  }
  getUserProperties(): Properties {
    const user = this._rt.user;
    return new Properties(this._rt, () => (this._rt.state.properties.user[user] ??= {}));
  }
  getDocumentProperties(): Properties {
    return new Properties(this._rt, () => this._rt.state.properties.document);
  }
  toString(): string {
    return 'PropertiesService';
  }
}
