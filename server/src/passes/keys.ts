import crypto, { type KeyObject } from 'node:crypto';
import { sql } from 'kysely';
import type { PassKey } from '../../../shared/schemas/passes';
import type { Executor } from '../trips/trips.repository';

// Ed25519 keys that sign gate passes (see README.md in this folder for why and how to rotate).
// PASS_SIGNING_KEY (a PKCS#8 PEM private key) wins when set: only its public half is stored, to be
// published. Otherwise a key is generated on first use and kept in pass_signing_keys, so every
// server process and every restart signs with the same key and passes stay verifiable offline.

export interface SigningKey {
  kid: string;
  privateKey: KeyObject;
}

const parsed = new Map<string, KeyObject>();

function kidOf(publicKey: KeyObject, prefix: string): string {
  const der = publicKey.export({ type: 'spki', format: 'der' });
  return `${prefix}${crypto.createHash('sha256').update(der).digest('hex').slice(0, 16)}`;
}

function privateFromPem(pem: string): KeyObject {
  let key = parsed.get(pem);
  if (!key) {
    key = crypto.createPrivateKey(pem);
    if (key.asymmetricKeyType !== 'ed25519') throw new Error('PASS_SIGNING_KEY must be an Ed25519 private key (PKCS#8 PEM)');
    parsed.set(pem, key);
  }
  return key;
}

async function environmentKey(db: Executor, pem: string, now: Date): Promise<SigningKey> {
  const privateKey = privateFromPem(pem.replace(/\\n/g, '\n'));
  const publicKey = crypto.createPublicKey(privateKey);
  const kid = kidOf(publicKey, 'env-');
  await db
    .insertInto('pass_signing_keys')
    .values({ kid, public_key_pem: publicKey.export({ type: 'spki', format: 'pem' }).toString(), private_key_pem: null, source: 'environment', created_at: now })
    .onConflict((oc) => oc.column('kid').doNothing())
    .execute();
  return { kid, privateKey };
}

/** The key new passes are signed with; generated and stored on first use when none is configured. */
export async function currentSigningKey(db: Executor, now: Date, env: NodeJS.ProcessEnv = process.env): Promise<SigningKey> {
  if (env.PASS_SIGNING_KEY) return environmentKey(db, env.PASS_SIGNING_KEY, now);
  const active = () =>
    db.selectFrom('pass_signing_keys').select(['kid', 'private_key_pem']).where('source', '=', 'generated').where('retired_at', 'is', null).executeTakeFirst();
  let row = await active();
  if (!row) {
    const { privateKey, publicKey } = crypto.generateKeyPairSync('ed25519');
    const kid = kidOf(publicKey, 'k-');
    const privatePem = privateKey.export({ type: 'pkcs8', format: 'pem' }).toString();
    const publicPem = publicKey.export({ type: 'spki', format: 'pem' }).toString();
    // Two processes starting together: the partial unique index lets one key win; both use it.
    await sql`insert into pass_signing_keys (kid, public_key_pem, private_key_pem, source, created_at)
      values (${kid}, ${publicPem}, ${privatePem}, 'generated', ${now})
      on conflict (source) where retired_at is null and source = 'generated' do nothing`.execute(db);
    row = await active();
  }
  return { kid: row!.kid, privateKey: privateFromPem(row!.private_key_pem!) };
}

export async function publicKeyOf(db: Executor, kid: string): Promise<KeyObject | null> {
  const row = await db.selectFrom('pass_signing_keys').select('public_key_pem').where('kid', '=', kid).executeTakeFirst();
  return row ? crypto.createPublicKey(row.public_key_pem) : null;
}

/** Every key that signed or signs passes, retired ones included, for offline verification. */
export async function publishedKeys(db: Executor): Promise<PassKey[]> {
  const rows = await db.selectFrom('pass_signing_keys').select(['kid', 'public_key_pem', 'created_at', 'retired_at']).orderBy('created_at').execute();
  return rows.map((r) => {
    const jwk = crypto.createPublicKey(r.public_key_pem).export({ format: 'jwk' }) as { x: string };
    return {
      kid: r.kid,
      alg: 'Ed25519' as const,
      publicKeyPem: r.public_key_pem,
      publicKeyJwk: { kty: 'OKP' as const, crv: 'Ed25519' as const, x: jwk.x },
      createdAt: r.created_at.toISOString(),
      retiredAt: r.retired_at?.toISOString() ?? null,
    };
  });
}
