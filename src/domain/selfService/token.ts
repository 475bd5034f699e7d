// Personal links: the token in an applicant's link names them (their normalised email) and proves
// it was made with the script's secret. Pure: the caller passes HMAC-SHA256 (Apps Script's
// Utilities.computeHmacSha256Signature, signed Java bytes) so this runs anywhere.
//
// Shape: base64url( tag[16] || email XOR keystream ), no padding.
//   tag       = first 16 bytes of HMAC(secret, "tag:" + email)
//   keystream = HMAC(secret, "ks:" + base64url(tag) + ":" + i), i = 0, 1, … (32 bytes each)
// That is a deterministic authenticated encryption (SIV: the tag is the MAC of the message and the
// IV of an HMAC counter-mode stream), so a link neither shows the applicant's email (links travel
// in browser history and forwarded mail) nor can be made for anybody without the secret. A new
// secret (menu "Reset applicant links") makes every old token fail the tag check.
// Verification recomputes the tag and compares all 16 bytes in constant time.

/** HMAC-SHA256(message, key) as bytes (either -128..127 or 0..255). */
export type Hmac = (message: string, key: string) => number[];

export const TAG_BYTES = 16;
/** Emails are at most 254 characters (RFC 5321); a token is then at most ~360 characters. */
export const MAX_EMAIL_BYTES = 320;
export const MAX_TOKEN_LENGTH = Math.ceil(((TAG_BYTES + MAX_EMAIL_BYTES) * 4) / 3);
/** The shortest email worth a token is 3 bytes ("a@b"). */
export const MIN_TOKEN_LENGTH = Math.ceil(((TAG_BYTES + 3) * 4) / 3);
const TOKEN_FORMAT = /^[A-Za-z0-9_-]+$/;

export function normalizeEmail(email: string): string {
  return String(email).trim().toLowerCase();
}

const B64 = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_';

export function base64UrlEncode(bytes: readonly number[]): string {
  let out = '';
  for (let i = 0; i < bytes.length; i += 3) {
    const a = bytes[i] & 0xff;
    const b = i + 1 < bytes.length ? bytes[i + 1] & 0xff : 0;
    const c = i + 2 < bytes.length ? bytes[i + 2] & 0xff : 0;
    const n = (a << 16) | (b << 8) | c;
    out += B64[(n >> 18) & 63] + B64[(n >> 12) & 63];
    if (i + 1 < bytes.length) out += B64[(n >> 6) & 63];
    if (i + 2 < bytes.length) out += B64[n & 63];
  }
  return out;
}

/** Strict: only the web-safe alphabet, no padding, no impossible length; null otherwise. */
export function base64UrlDecode(text: string): number[] | null {
  if (!TOKEN_FORMAT.test(text) || text.length % 4 === 1) return null;
  const out: number[] = [];
  let bits = 0;
  let acc = 0;
  for (let i = 0; i < text.length; i++) {
    acc = (acc << 6) | B64.indexOf(text.charAt(i));
    bits += 6;
    if (bits >= 8) {
      bits -= 8;
      out.push((acc >> bits) & 0xff);
    }
    acc &= 0xff;
  }
  return out;
}

export function utf8Encode(s: string): number[] {
  const out: number[] = [];
  for (let i = 0; i < s.length; i++) {
    let c = s.charCodeAt(i);
    if (c >= 0xd800 && c <= 0xdbff && i + 1 < s.length) {
      const d = s.charCodeAt(i + 1);
      if (d >= 0xdc00 && d <= 0xdfff) {
        c = 0x10000 + ((c - 0xd800) << 10) + (d - 0xdc00);
        i++;
      }
    }
    if (c < 0x80) out.push(c);
    else if (c < 0x800) out.push(0xc0 | (c >> 6), 0x80 | (c & 63));
    else if (c < 0x10000) out.push(0xe0 | (c >> 12), 0x80 | ((c >> 6) & 63), 0x80 | (c & 63));
    else out.push(0xf0 | (c >> 18), 0x80 | ((c >> 12) & 63), 0x80 | ((c >> 6) & 63), 0x80 | (c & 63));
  }
  return out;
}

/** Strict UTF-8 (no overlongs, no surrogates); null when the bytes are not text. */
export function utf8Decode(bytes: readonly number[]): string | null {
  let out = '';
  for (let i = 0; i < bytes.length;) {
    const b = bytes[i] & 0xff;
    let need = 0;
    let c: number;
    let min = 0;
    if (b < 0x80) {
      c = b;
    } else if (b >= 0xc2 && b < 0xe0) {
      need = 1;
      c = b & 31;
      min = 0x80;
    } else if (b >= 0xe0 && b < 0xf0) {
      need = 2;
      c = b & 15;
      min = 0x800;
    } else if (b >= 0xf0 && b < 0xf5) {
      need = 3;
      c = b & 7;
      min = 0x10000;
    } else return null;
    if (i + need > bytes.length - 1) return null;
    for (let k = 1; k <= need; k++) {
      const x = bytes[i + k] & 0xff;
      if ((x & 0xc0) !== 0x80) return null;
      c = (c << 6) | (x & 63);
    }
    if (need > 0 && (c < min || c > 0x10ffff || (c >= 0xd800 && c <= 0xdfff))) return null;
    out += String.fromCodePoint(c);
    i += need + 1;
  }
  return out;
}

/** Equal length and bytes, looking at every byte whatever differs first. */
export function constantTimeEqual(a: readonly number[], b: readonly number[]): boolean {
  let diff = a.length ^ b.length;
  const n = Math.max(a.length, b.length);
  for (let i = 0; i < n; i++) diff |= ((a[i] ?? 0) ^ (b[i] ?? 0)) & 0xff;
  return diff === 0;
}

function tagOf(email: string, secret: string, hmac: Hmac): number[] {
  return hmac(`tag:${email}`, secret)
    .slice(0, TAG_BYTES)
    .map((x) => x & 0xff);
}

function xorStream(data: readonly number[], tag: readonly number[], secret: string, hmac: Hmac): number[] {
  const iv = base64UrlEncode(tag);
  const out: number[] = [];
  for (let block = 0; out.length < data.length; block++) {
    const ks = hmac(`ks:${iv}:${block}`, secret);
    for (let j = 0; j < ks.length && out.length < data.length; j++) out.push((data[out.length] ^ ks[j]) & 0xff);
  }
  return out;
}

/** The token of an applicant's personal link. */
export function makeToken(email: string, secret: string, hmac: Hmac): string {
  const normalized = normalizeEmail(email);
  const tag = tagOf(normalized, secret, hmac);
  return base64UrlEncode(tag.concat(xorStream(utf8Encode(normalized), tag, secret, hmac)));
}

/** Whether a value can be a token at all (cheap, no secret): length and alphabet only. */
export function looksLikeToken(value: unknown): value is string {
  return (
    typeof value === 'string' && value.length >= MIN_TOKEN_LENGTH && value.length <= MAX_TOKEN_LENGTH && TOKEN_FORMAT.test(value) && value.length % 4 !== 1
  );
}

/** The normalised email a valid token names, or null (malformed, tampered, made under another secret). */
export function openToken(token: unknown, secret: string, hmac: Hmac): string | null {
  if (!secret || !looksLikeToken(token)) return null;
  const bytes = base64UrlDecode(token);
  if (!bytes || bytes.length < TAG_BYTES + 3 || bytes.length > TAG_BYTES + MAX_EMAIL_BYTES) return null;
  const tag = bytes.slice(0, TAG_BYTES);
  const plain = utf8Decode(xorStream(bytes.slice(TAG_BYTES), tag, secret, hmac));
  // The tag is computed and compared even for bytes that are not text, so a forged token costs the
  // same work whatever is wrong with it.
  const candidate = plain ?? '';
  const ok = constantTimeEqual(tag, tagOf(candidate, secret, hmac));
  if (!ok || plain === null || plain !== normalizeEmail(plain) || plain.indexOf('@') < 1) return null;
  return plain;
}
