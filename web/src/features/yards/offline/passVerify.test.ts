import crypto from 'node:crypto';
import { describe, expect, it } from 'vitest';
import type { PassPayload } from '../../../../../shared/schemas/passes';
import { signPass } from '../../../../../server/src/passes/token';
import { extractPassToken, parsePassToken, verifyPassOffline, type ExpectedPass, type VerifyContext } from './passVerify';

// The browser's offline check against passes signed the way the server signs them (node:crypto
// Ed25519, server/src/passes/token.ts), verified with @noble/ed25519 and the published JWK.

const NOW = new Date('2027-03-03T02:00:00Z');
const { privateKey, publicKey } = crypto.generateKeyPairSync('ed25519');
const jwk = publicKey.export({ format: 'jwk' }) as { x: string };
const keys = [{ kid: 'k-test', publicKeyJwk: { kty: 'OKP' as const, crv: 'Ed25519' as const, x: jwk.x } }];

const payload: PassPayload = {
  v: 1, kid: 'k-test', ref: 'CKS-TRL-20270303-ABC234', tid: '5b0c3c1e-1111-4222-8333-944444444444', sn: 2, gate: 'tra-linh', dir: 'export',
  date: '2027-03-03', from: '08:00', to: '11:00', plate: '11C-123.45', trl: null, drv: 'GT1102345', nat: 'VN',
  iat: Math.floor(NOW.getTime() / 1000) - 3600, exp: Math.floor(NOW.getTime() / 1000) + 86_400,
};

function ctx(expected: Record<string, ExpectedPass> = { [payload.tid]: { passSerial: 2 } }, overrides: Partial<VerifyContext> = {}): VerifyContext {
  return { keys, gateId: 'tra-linh', now: NOW, today: '2027-03-03', expected: (tid) => expected[tid], ...overrides };
}

describe('offline pass verification', () => {
  it('accepts a genuine pass of this gate and today, from the bare token or a link carrying it', async () => {
    const token = signPass(payload, privateKey);
    const result = await verifyPassOffline(token, ctx());
    expect(result).toMatchObject({ valid: true, verdict: 'valid', warnings: [] });
    expect(result.payload).toEqual(payload);
    const viaLink = await verifyPassOffline(`https://cks.example/driver/${payload.ref}?pass=${token}`, ctx());
    expect(viaLink.verdict).toBe('valid');
    expect(extractPassToken(`  ${token}\n`)).toBe(token);
  });

  it('refuses any altered character, another key, and an unknown key id', async () => {
    const token = signPass(payload, privateKey);
    const [p, b, s] = token.split('.');
    const forged = `${p}.${Buffer.from(JSON.stringify({ ...payload, plate: '11C-999.99' })).toString('base64url')}.${s}`;
    expect((await verifyPassOffline(forged, ctx())).verdict).toBe('bad_signature');
    const flipped = `${p}.${b}.${s.slice(0, 10)}${s[10] === 'A' ? 'B' : 'A'}${s.slice(11)}`;
    expect((await verifyPassOffline(flipped, ctx())).verdict).toBe('bad_signature');
    const other = crypto.generateKeyPairSync('ed25519');
    expect((await verifyPassOffline(signPass(payload, other.privateKey), ctx())).verdict).toBe('bad_signature');
    expect((await verifyPassOffline(signPass({ ...payload, kid: 'k-other' }, privateKey), ctx())).verdict).toBe('unknown_key');
  });

  it('checks the validity window, the gate and what the snapshot knows', async () => {
    const at = (p: Partial<PassPayload>) => signPass({ ...payload, ...p }, privateKey);
    const nowS = Math.floor(NOW.getTime() / 1000);
    expect((await verifyPassOffline(at({ exp: nowS }), ctx())).verdict).toBe('expired');
    expect((await verifyPassOffline(at({ exp: nowS + 1 }), ctx())).verdict).toBe('valid');
    expect((await verifyPassOffline(at({ iat: nowS + 3600 }), ctx())).verdict).toBe('not_yet_valid');
    expect((await verifyPassOffline(at({ iat: nowS + 60 }), ctx())).verdict).toBe('valid'); // clock skew
    expect((await verifyPassOffline(at({ gate: 'ta-lung' }), ctx())).verdict).toBe('wrong_gate');
    expect((await verifyPassOffline(at({ sn: 1 }), ctx())).verdict).toBe('superseded');
    expect((await verifyPassOffline(at({}), ctx({ [payload.tid]: { passSerial: 2, ended: true } }))).verdict).toBe('trip_ended');
    const unknown = await verifyPassOffline(at({ date: '2027-03-02' }), ctx({}));
    expect(unknown).toMatchObject({ valid: true, warnings: ['not_in_snapshot', 'other_day'] });
  });

  it('reads only its own format', async () => {
    for (const junk of ['', 'hello', 'CKS1.abc', 'CKS2.abc.def', `CKS1.${Buffer.from('{"v":2}').toString('base64url')}.AAAA`, `CKS1.${Buffer.from('not json').toString('base64url')}.AAAA`]) {
      expect(parsePassToken(junk)).toBeNull();
      expect((await verifyPassOffline(junk, ctx())).verdict).toBe('malformed');
    }
  });
});
