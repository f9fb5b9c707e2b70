import { verifyAsync } from '@noble/ed25519';
import type { PassKey, PassPayload } from '../../../../../shared/schemas/passes';

// Offline check of a gate pass at the yard: the same token the server signs ("CKS1.<payload>.<sig>",
// Ed25519 over "CKS1.<payload>", see server/src/passes/token.ts), verified in the browser with the
// public keys kept from the last snapshot. What only the server knows (revoked after the snapshot,
// unpaid extra charge) is checked again when the recorded event is synchronised.

const PREFIX = 'CKS1';
/** Device clocks drift; a pass issued a few minutes "in the future" is still genuine. */
const CLOCK_SKEW_MS = 10 * 60 * 1000;

export type OfflineVerdict = 'valid' | 'malformed' | 'unknown_key' | 'bad_signature' | 'expired' | 'not_yet_valid' | 'wrong_gate' | 'superseded' | 'trip_ended';
/** Not reasons to refuse, but what the operator must see before admitting the truck. */
export type OfflineWarning = 'not_in_snapshot' | 'other_day';

export interface OfflineVerification {
  valid: boolean;
  verdict: OfflineVerdict;
  payload: PassPayload | null;
  warnings: OfflineWarning[];
}

/** What the snapshot says about a trip expected at the yard, when it is in it. */
export interface ExpectedPass {
  passSerial: number | null;
  /** True when the trip can no longer be admitted (cancelled, expired, already completed...). */
  ended?: boolean;
}

export interface VerifyContext {
  keys: ReadonlyArray<Pick<PassKey, 'kid' | 'publicKeyJwk'>>;
  gateId: string;
  now: Date;
  /** The gate's calendar date now (YYYY-MM-DD in the gate's zone). */
  today: string;
  /** Looks the trip up in the last snapshot; undefined when the snapshot does not list it. */
  expected: (tripId: string, reference: string) => ExpectedPass | undefined;
}

export function base64UrlToBytes(text: string): Uint8Array {
  const b64 = text.replace(/-/g, '+').replace(/_/g, '/');
  const binary = atob(b64 + '='.repeat((4 - (b64.length % 4)) % 4));
  const bytes = new Uint8Array(binary.length);
  for (let i = 0; i < binary.length; i++) bytes[i] = binary.charCodeAt(i);
  return bytes;
}

export interface ParsedToken {
  payload: PassPayload;
  signingInput: Uint8Array;
  signature: Uint8Array;
}

/** Splits and decodes a token; null when the text is not a pass token at all. */
export function parsePassToken(text: string): ParsedToken | null {
  const parts = text.trim().split('.');
  if (parts.length !== 3 || parts[0] !== PREFIX || !/^[A-Za-z0-9_-]+$/.test(parts[1]) || !/^[A-Za-z0-9_-]+$/.test(parts[2])) return null;
  try {
    const payload = JSON.parse(new TextDecoder('utf-8', { fatal: true }).decode(base64UrlToBytes(parts[1]))) as PassPayload;
    if (payload?.v !== 1 || typeof payload.kid !== 'string' || typeof payload.exp !== 'number' || typeof payload.tid !== 'string' || typeof payload.ref !== 'string') return null;
    return { payload, signingInput: new TextEncoder().encode(`${parts[0]}.${parts[1]}`), signature: base64UrlToBytes(parts[2]) };
  } catch {
    return null;
  }
}

/** The pass token inside what a scanner read: the bare token, or a link carrying it (?pass=). */
export function extractPassToken(scanned: string): string {
  const text = scanned.trim();
  const match = text.match(/CKS1\.[A-Za-z0-9_-]+\.[A-Za-z0-9_-]+/);
  return match ? match[0] : text;
}

export async function verifyPassOffline(scanned: string, ctx: VerifyContext): Promise<OfflineVerification> {
  const parsed = parsePassToken(extractPassToken(scanned));
  const answer = (verdict: OfflineVerdict, warnings: OfflineWarning[] = []): OfflineVerification => ({
    valid: verdict === 'valid',
    verdict,
    payload: parsed?.payload ?? null,
    warnings,
  });
  if (!parsed) return answer('malformed');
  const key = ctx.keys.find((k) => k.kid === parsed.payload.kid);
  if (!key) return answer('unknown_key');
  let genuine = false;
  try {
    genuine = parsed.signature.length === 64 && (await verifyAsync(parsed.signature, parsed.signingInput, base64UrlToBytes(key.publicKeyJwk.x)));
  } catch {
    genuine = false;
  }
  if (!genuine) return answer('bad_signature');
  const p = parsed.payload;
  const now = ctx.now.getTime();
  if (p.exp * 1000 <= now) return answer('expired');
  if (p.iat * 1000 > now + CLOCK_SKEW_MS) return answer('not_yet_valid');
  if (p.gate !== ctx.gateId) return answer('wrong_gate');
  const expected = ctx.expected(p.tid, p.ref);
  if (expected?.ended) return answer('trip_ended');
  if (expected?.passSerial != null && p.sn < expected.passSerial) return answer('superseded');
  const warnings: OfflineWarning[] = [];
  if (!expected) warnings.push('not_in_snapshot');
  if (p.date !== ctx.today) warnings.push('other_day');
  return answer('valid', warnings);
}
