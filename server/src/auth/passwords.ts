import argon2 from 'argon2';
import { AppError } from '../platform/errors';

// OWASP's recommended Argon2id parameters (19 MiB, 2 passes) keep a sign-in near 50 ms on
// one core while making offline guessing expensive.
const OPTIONS = { type: argon2.argon2id, memoryCost: 19_456, timeCost: 2, parallelism: 1 } as const;

export function hashPassword(password: string): Promise<string> {
  return argon2.hash(password, OPTIONS);
}

export async function verifyPassword(hash: string, password: string): Promise<boolean> {
  try {
    return await argon2.verify(hash, password);
  } catch {
    return false;
  }
}

/** Verifying against this when the user does not exist keeps timing from revealing usernames. */
let dummyHash: Promise<string> | null = null;
export function dummyPasswordHash(): Promise<string> {
  dummyHash ??= hashPassword('not-a-real-password-0');
  return dummyHash;
}

export function assertPasswordPolicy(password: string, username: string): void {
  const strong =
    password.length >= 10 &&
    /\p{L}/u.test(password) &&
    /\d/.test(password) &&
    !password.toLowerCase().includes(username.toLowerCase());
  if (!strong) throw new AppError('auth.password_too_weak');
}
