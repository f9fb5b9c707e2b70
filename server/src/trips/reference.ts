import crypto from 'node:crypto';
import type { Executor } from './trips.repository';
import { gateShortCode } from './rules';

// Trip references: CKS-<gate code>-<yyyymmdd>-<6 chars>. The six characters are random in
// Crockford's base32 (no I, L, O, U), so they are read aloud and typed without confusion.

const ALPHABET = '0123456789ABCDEFGHJKMNPQRSTVWXYZ';

export function randomSuffix(): string {
  const bytes = crypto.randomBytes(6);
  return Array.from(bytes, (b) => ALPHABET[b & 31]).join('');
}

export function buildReference(gateId: string | null, date: string): string {
  return `CKS-${gateShortCode(gateId)}-${date.replaceAll('-', '')}-${randomSuffix()}`;
}

/** Whether a reference already names this gate and date (then it is kept). */
export function referenceMatches(reference: string, gateId: string | null, date: string): boolean {
  return reference.startsWith(`CKS-${gateShortCode(gateId)}-${date.replaceAll('-', '')}-`);
}

/** A reference not used by any trip (30 random bits per day and gate: a clash is rare; retried). */
export async function freshReference(db: Executor, gateId: string | null, date: string): Promise<string> {
  for (let attempt = 0; attempt < 10; attempt++) {
    const candidate = buildReference(gateId, date);
    const taken = await db.selectFrom('trips').select('id').where('reference', '=', candidate).executeTakeFirst();
    if (!taken) return candidate;
  }
  throw new Error('could not find a free trip reference');
}
