// Utilities' HMAC and random ids, for the applicants' personal links (src/domain/selfService/token.ts).

/** HMAC-SHA256 of a UTF-8 message under a UTF-8 key (signed bytes, as Apps Script returns them). */
export function hmacSha256_(message: string, key: string): number[] {
  return Utilities.computeHmacSha256Signature(message, key, Utilities.Charset.UTF_8);
}

/** 64 hex characters from two random UUIDs (v4: 122 random bits each). */
export function newSecret_(): string {
  return (Utilities.getUuid() + Utilities.getUuid()).replace(/-/g, '');
}
