// Utilities: formatDate (SimpleDateFormat in any zone), getUuid, sleep on the emulated clock, digests, base64, blobs.
import { createHash, createHmac } from 'node:crypto';
import type { ServiceName } from '../execution';
import { formatDate } from '../formatDate';
import { isDate } from '../realm';
import { ScriptError, ServiceObject, type Runtime } from '../runtime';

export const DigestAlgorithm = { MD2: 'MD2', MD5: 'MD5', SHA_1: 'SHA_1', SHA_256: 'SHA_256', SHA_384: 'SHA_384', SHA_512: 'SHA_512' } as const;
export const Charset = { US_ASCII: 'US_ASCII', UTF_8: 'UTF_8' } as const;
const NODE_ALGO: Record<string, string> = { MD5: 'md5', SHA_1: 'sha1', SHA_256: 'sha256', SHA_384: 'sha384', SHA_512: 'sha512' };
const MAX_SLEEP_MS = 300000;

/** Apps Script byte arrays are Java bytes: signed, -128..127. */
const toSigned = (buf: Buffer): number[] => Array.from(buf, (b) => (b > 127 ? b - 256 : b));
const toBuffer = (data: string | number[], charset?: string): Buffer =>
  typeof data === 'string' ? Buffer.from(data, charset === 'US_ASCII' ? 'latin1' : 'utf8') : Buffer.from(data.map((b) => b & 0xff));

export class Blob extends ServiceObject {
  constructor(
    rt: Runtime,
    private bytes: Buffer,
    private contentType: string | null,
    private name: string | null,
  ) {
    super(rt);
  }
  _kind(): [ServiceName, string] {
    return ['Utilities', 'Blob'];
  }
  getBytes(): number[] {
    return toSigned(this.bytes);
  }
  getDataAsString(charset?: string): string {
    return this.bytes.toString(charset === 'US_ASCII' ? 'latin1' : 'utf8');
  }
  setDataFromString(s: string, charset?: string): Blob {
    this.bytes = toBuffer(String(s), charset);
    return this;
  }
  getContentType(): string | null {
    return this.contentType;
  }
  setContentType(t: string | null): Blob {
    this.contentType = t;
    return this;
  }
  getName(): string | null {
    return this.name;
  }
  setName(n: string): Blob {
    this.name = n;
    return this;
  }
  copyBlob(): Blob {
    return new Blob(this._rt, Buffer.from(this.bytes), this.contentType, this.name);
  }
  toString(): string {
    return 'Blob';
  }
}

/** Java-style String.format subset used by Utilities.formatString: %s %d %f %.Nf %05d %%. */
export function formatString(template: string, args: unknown[]): string {
  let i = 0;
  return String(template).replace(/%(-)?(0)?(\d+)?(?:\.(\d+))?([sdfx%])/g, (m, left: string, zero: string, width: string, prec: string, conv: string) => {
    if (conv === '%') return '%';
    const a = args[i++];
    let s: string;
    if (conv === 'd') s = String(Math.trunc(Number(a)));
    else if (conv === 'f') s = Number(a).toFixed(prec === undefined ? 6 : Number(prec));
    else if (conv === 'x') s = Math.trunc(Number(a)).toString(16);
    else s = String(a);
    const w = width ? Number(width) : 0;
    if (s.length < w) s = left ? s.padEnd(w) : s.padStart(w, zero && conv !== 's' ? '0' : ' ');
    return s;
  });
}

export class Utilities extends ServiceObject {
  readonly DigestAlgorithm = DigestAlgorithm;
  readonly Charset = Charset;
  _kind(): [ServiceName, string] {
    return ['Utilities', 'Utilities'];
  }
  formatDate(date: Date | GoogleAppsScript.Base.Date, timeZone: string, format: string): string {
    if (!isDate(date)) throw new ScriptError("The parameters don't match the method signature for Utilities.formatDate.");
    if (typeof timeZone !== 'string' || typeof format !== 'string')
      throw new ScriptError("The parameters don't match the method signature for Utilities.formatDate.");
    try {
      return formatDate(date, timeZone, format);
    } catch (e) {
      throw new ScriptError(`Invalid argument: ${e instanceof Error ? e.message : String(e)}`);
    }
  }
  formatString(template: string, ...args: unknown[]): string {
    return formatString(template, args);
  }
  getUuid(): string {
    return this._rt.core.uuid();
  }
  /** Sleeps on the emulated clock (Apps Script caps one sleep at 5 minutes). */
  sleep(milliseconds: number): void {
    const ms = Number(milliseconds);
    if (!Number.isFinite(ms) || ms < 0) throw new ScriptError('Invalid argument: milliseconds');
    if (ms > MAX_SLEEP_MS) throw new ScriptError('Invalid argument: milliseconds');
    this._rt.core.clock.advance(ms);
  }
  computeDigest(
    algorithm: string | GoogleAppsScript.Utilities.DigestAlgorithm,
    value: string | number[],
    charset?: string | GoogleAppsScript.Utilities.Charset,
  ): number[] {
    const algo = NODE_ALGO[String(algorithm)];
    if (!algo) throw new ScriptError(`Invalid argument: algorithm`);
    return toSigned(
      createHash(algo)
        .update(toBuffer(value, charset === undefined ? undefined : String(charset)))
        .digest(),
    );
  }
  computeHmacSha256Signature(value: string | number[], key: string | number[], charset?: string | GoogleAppsScript.Utilities.Charset): number[] {
    const cs = charset === undefined ? undefined : String(charset);
    return toSigned(createHmac('sha256', toBuffer(key, cs)).update(toBuffer(value, cs)).digest());
  }
  base64Encode(data: string | number[], charset?: string | GoogleAppsScript.Utilities.Charset): string {
    return toBuffer(data, charset === undefined ? undefined : String(charset)).toString('base64');
  }
  base64EncodeWebSafe(data: string | number[], charset?: string | GoogleAppsScript.Utilities.Charset): string {
    return toBuffer(data, charset === undefined ? undefined : String(charset))
      .toString('base64')
      .replace(/\+/g, '-')
      .replace(/\//g, '_');
  }
  base64Decode(encoded: string, _charset?: string | GoogleAppsScript.Utilities.Charset): number[] {
    return toSigned(Buffer.from(String(encoded), 'base64'));
  }
  base64DecodeWebSafe(encoded: string, _charset?: string | GoogleAppsScript.Utilities.Charset): number[] {
    return toSigned(Buffer.from(String(encoded).replace(/-/g, '+').replace(/_/g, '/'), 'base64'));
  }
  newBlob(data: string | number[], contentType?: string, name?: string): Blob {
    return new Blob(this._rt, toBuffer(data ?? ''), contentType ?? null, name ?? null);
  }
  toString(): string {
    return 'Utilities';
  }
}
