// The personal-link token (src/domain/selfService/token.ts) with Node's HMAC standing in for
// Utilities.computeHmacSha256Signature (signed bytes, as Apps Script returns them).
import { createHmac } from 'node:crypto';
import fc from 'fast-check';
import {
  base64UrlDecode,
  base64UrlEncode,
  constantTimeEqual,
  makeToken,
  MAX_TOKEN_LENGTH,
  openToken,
  utf8Decode,
  utf8Encode,
} from '../../src/domain/selfService/token';

const hmac = (message: string, key: string): number[] =>
  Array.from(createHmac('sha256', Buffer.from(key, 'utf8')).update(Buffer.from(message, 'utf8')).digest(), (b) => (b > 127 ? b - 256 : b));
const SECRET = 'a'.repeat(64);

describe('personal-link token', () => {
  it('opens to the normalised email it was made for, and hides it', () => {
    const t = makeToken('  Jane.Doe@State.GOV ', SECRET, hmac);
    expect(t).toMatch(/^[A-Za-z0-9_-]+$/);
    expect(t.toLowerCase()).not.toContain('jane');
    expect(openToken(t, SECRET, hmac)).toBe('jane.doe@state.gov');
    expect(makeToken('jane.doe@state.gov', SECRET, hmac)).toBe(t);
  });

  it('refuses every one-character change, another secret, and junk', () => {
    const t = makeToken('jane.doe@state.gov', SECRET, hmac);
    const alphabet = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_';
    for (let i = 0; i < t.length; i++) {
      const c = alphabet[(alphabet.indexOf(t[i]) + 1) % 64];
      const changed = t.slice(0, i) + c + t.slice(i + 1);
      // The last character may carry padding bits only; a change there that decodes to the same bytes is the same token.
      if (Buffer.from(base64UrlDecode(changed) ?? []).equals(Buffer.from(base64UrlDecode(t) ?? []))) continue;
      expect(openToken(changed, SECRET, hmac)).toBeNull();
    }
    expect(openToken(t, 'b'.repeat(64), hmac)).toBeNull();
    for (const junk of ['', 'abc', `${t}=`, `${t}A`, t.slice(0, -1), 'x'.repeat(MAX_TOKEN_LENGTH + 1), null, 42, {}, ['x']])
      expect(openToken(junk, SECRET, hmac)).toBeNull();
  });

  it('round-trips any email-like text (UTF-8, base64url)', () => {
    fc.assert(
      fc.property(fc.string({ minLength: 1, maxLength: 60 }), fc.string({ minLength: 1, maxLength: 30 }), (local, domain) => {
        const email = `${local}@${domain}`.trim().toLowerCase();
        fc.pre(email.indexOf('@') >= 1 && email === email.trim() && utf8Encode(email).length >= 3);
        return openToken(makeToken(email, SECRET, hmac), SECRET, hmac) === email;
      }),
      { numRuns: 300 },
    );
    fc.assert(
      fc.property(
        fc.uint8Array({ minLength: 1, maxLength: 80 }),
        (a) => JSON.stringify(base64UrlDecode(base64UrlEncode(Array.from(a)))) === JSON.stringify(Array.from(a)),
      ),
    );
    fc.assert(fc.property(fc.string({ unit: 'binary' }), (s) => utf8Decode(utf8Encode(s)) === s && Buffer.from(utf8Encode(s)).equals(Buffer.from(s, 'utf8'))));
    expect(utf8Encode('é✓😀')).toEqual(Array.from(Buffer.from('é✓😀', 'utf8')));
    expect(utf8Decode([0xc0, 0x80])).toBeNull();
    expect(utf8Decode([0xed, 0xa0, 0x80])).toBeNull();
  });

  it('compares in constant time over every byte', () => {
    expect(constantTimeEqual([1, 2, 3], [1, 2, 3])).toBe(true);
    expect(constantTimeEqual([1, 2, 3], [1, 2, 4])).toBe(false);
    expect(constantTimeEqual([1, 2, 3], [1, 2])).toBe(false);
    expect(constantTimeEqual([-1], [255])).toBe(true);
  });
});
