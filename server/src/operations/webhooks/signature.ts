import crypto from 'node:crypto';

// Webhook signatures. Each delivery carries
//   cks-webhook-id: the event id (the same event is delivered once per endpoint; receivers
//                   deduplicate on it when a retry arrives after a lost answer)
//   cks-webhook-timestamp: Unix seconds when this attempt was signed
//   cks-webhook-signature: v1=<hex HMAC-SHA256(secret, "<timestamp>.<raw body>")>
// A receiver recomputes the HMAC over the raw body with its secret, compares in constant time,
// and refuses timestamps older than a few minutes (replays).

export const SIGNATURE_HEADER = 'cks-webhook-signature';
export const TIMESTAMP_HEADER = 'cks-webhook-timestamp';
export const ID_HEADER = 'cks-webhook-id';

export function newSecret(): string {
  return `whsec_${crypto.randomBytes(32).toString('base64url')}`;
}

export function sign(secret: string, timestamp: number, body: string): string {
  return `v1=${crypto.createHmac('sha256', secret).update(`${timestamp}.${body}`).digest('hex')}`;
}

/** What a receiver does (kept here as the reference implementation and for tests). */
export function verify(secret: string, header: string | undefined, timestamp: string | undefined, body: string, nowSeconds: number, toleranceSeconds = 300): boolean {
  if (!header || !timestamp || !/^\d+$/.test(timestamp)) return false;
  if (Math.abs(nowSeconds - Number(timestamp)) > toleranceSeconds) return false;
  const expected = Buffer.from(sign(secret, Number(timestamp), body));
  return header.split(',').some((candidate) => {
    const given = Buffer.from(candidate.trim());
    return given.length === expected.length && crypto.timingSafeEqual(given, expected);
  });
}
