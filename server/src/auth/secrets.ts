import crypto from 'node:crypto';

export function newSecret(prefix: string): string {
  return `${prefix}${crypto.randomBytes(32).toString('base64url')}`;
}

/** Session cookies and API tokens are stored only as SHA-256 digests. */
export function digest(secret: string): string {
  return crypto.createHash('sha256').update(secret).digest('hex');
}
