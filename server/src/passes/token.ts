import crypto, { type KeyObject } from 'node:crypto';
import type { PassPayload } from '../../../shared/schemas/passes';

// The pass token: "CKS1.<base64url JSON payload>.<base64url Ed25519 signature>", the signature
// covering "CKS1.<payload>". Any change to a character of the payload breaks the signature, so a
// photocopied or edited pass is caught offline with only the published public key.

const PREFIX = 'CKS1';

export function signPass(payload: PassPayload, privateKey: KeyObject): string {
  const body = Buffer.from(JSON.stringify(payload), 'utf8').toString('base64url');
  const signature = crypto.sign(null, Buffer.from(`${PREFIX}.${body}`), privateKey).toString('base64url');
  return `${PREFIX}.${body}.${signature}`;
}

export interface ParsedPass {
  payload: PassPayload;
  signingInput: string;
  signature: Buffer;
}

/** Splits and decodes a token; null when it is not a pass token at all. */
export function parsePass(token: string): ParsedPass | null {
  const parts = token.trim().split('.');
  if (parts.length !== 3 || parts[0] !== PREFIX || !/^[A-Za-z0-9_-]+$/.test(parts[1]) || !/^[A-Za-z0-9_-]+$/.test(parts[2])) return null;
  try {
    const payload = JSON.parse(Buffer.from(parts[1], 'base64url').toString('utf8')) as PassPayload;
    if (payload?.v !== 1 || typeof payload.kid !== 'string' || typeof payload.exp !== 'number') return null;
    return { payload, signingInput: `${parts[0]}.${parts[1]}`, signature: Buffer.from(parts[2], 'base64url') };
  } catch {
    return null;
  }
}

export function signatureValid(parsed: ParsedPass, publicKey: KeyObject): boolean {
  return crypto.verify(null, Buffer.from(parsed.signingInput), publicKey, parsed.signature);
}
