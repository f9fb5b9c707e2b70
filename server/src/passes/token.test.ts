import crypto from 'node:crypto';
import { describe, expect, it } from 'vitest';
import type { PassPayload } from '../../../shared/schemas/passes';
import { parsePass, signatureValid, signPass } from './token';

const payload: PassPayload = {
  v: 1, kid: 'k-test', ref: 'CKS-TRL-20270303-ABC234', tid: '5b0c3c1e-1111-4222-8333-944444444444', sn: 1, gate: 'tra-linh', dir: 'export',
  date: '2027-03-03', from: '08:00', to: '11:00', plate: '11C-123.45', trl: null, drv: 'GT1102345', nat: 'VN', iat: 1_803_000_000, exp: 1_803_100_000,
};

describe('gate pass tokens', () => {
  const { privateKey, publicKey } = crypto.generateKeyPairSync('ed25519');

  it('round-trips: what is signed is what is read, and the signature holds', () => {
    const token = signPass(payload, privateKey);
    expect(token).toMatch(/^CKS1\.[A-Za-z0-9_-]+\.[A-Za-z0-9_-]+$/);
    const parsed = parsePass(token)!;
    expect(parsed.payload).toEqual(payload);
    expect(signatureValid(parsed, publicKey)).toBe(true);
  });

  it('detects any change to the payload, and a signature by another key', () => {
    const token = signPass(payload, privateKey);
    const [p, , s] = token.split('.');
    for (const change of [{ plate: '11C-123.46' }, { exp: payload.exp + 1 }, { sn: 2 }, { drv: 'GT1102346' }]) {
      const body = Buffer.from(JSON.stringify({ ...payload, ...change })).toString('base64url');
      expect(signatureValid(parsePass(`${p}.${body}.${s}`)!, publicKey)).toBe(false);
    }
    const other = crypto.generateKeyPairSync('ed25519');
    expect(signatureValid(parsePass(signPass(payload, other.privateKey))!, publicKey)).toBe(false);
  });

  it('reads only its own format', () => {
    for (const junk of ['', 'CKS1', 'CKS1.abc', 'JWT.eyJ.abc', 'CKS1.!!!.abc', `CKS1.${Buffer.from('{"v":2}').toString('base64url')}.AAAA`, `CKS1.${Buffer.from('not json').toString('base64url')}.AAAA`]) {
      expect(parsePass(junk)).toBeNull();
    }
  });
});
