import crypto from 'node:crypto';
import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { dbKinds, login } from '../../test/harness';
import { paidTrip, startKit, type Kit } from '../trips/__fixtures__/trips.testkit';
import { currentSigningKey } from './keys';

function withPdf<T>(pdf: Buffer, read: (file: string) => T): T {
  const dir = mkdtempSync(path.join(tmpdir(), 'pass-'));
  try {
    const file = path.join(dir, 'p.pdf');
    writeFileSync(file, pdf);
    return read(file);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

/** What a yard's offline checker does: split the token and check it against a published key. */
function offlineCheck(token: string, keys: Array<{ kid: string; publicKeyPem: string; publicKeyJwk: object }>) {
  const [prefix, body, signature] = token.split('.');
  const payload = JSON.parse(Buffer.from(body, 'base64url').toString('utf8'));
  const key = keys.find((k) => k.kid === payload.kid);
  if (!key) return { ok: false, payload };
  const fromJwk = crypto.createPublicKey({ key: key.publicKeyJwk as crypto.JsonWebKey, format: 'jwk' });
  const ok = crypto.verify(null, Buffer.from(`${prefix}.${body}`), fromJwk, Buffer.from(signature, 'base64url'));
  return { ok, payload };
}

describe.each(dbKinds())('gate passes on %s', (kind) => {
  let kit: Kit;
  beforeAll(async () => {
    kit = await startKit(kind);
    kit.cookies['haiquan.tralinh'] = await login(kit.t.app, 'haiquan.tralinh');
    kit.cookies['dulich.bangioc'] = await login(kit.t.app, 'dulich.bangioc');
  });
  afterAll(async () => kit?.t.close());

  const verify = (token: string, who = 'haiquan.tralinh') => kit.req('POST', '/api/v1/passes/verify', who, { token });

  it('issues a signed pass with a QR code that anyone can check offline with the published keys', async () => {
    const trip = await paidTrip(kit);
    const pass = (await kit.req('GET', `/api/v1/trips/${trip.id}/pass`, 'dn.nongsan')).json();
    expect(pass).toMatchObject({ serial: 1, status: 'valid', tripReference: trip.reference });
    expect(pass.qrSvg).toMatch(/^<svg/);
    expect(pass.payload).toMatchObject({ v: 1, ref: trip.reference, tid: trip.id, gate: 'tra-linh', date: '2027-03-03', from: '08:00', to: '11:00', plate: trip.vehicle.plate, drv: trip.driver.documentNumber, nat: 'VN', sn: 1 });
    // Valid until the end of the window (11:00 in Vietnam) plus 24 hours of grace.
    expect(pass.validUntil).toBe('2027-03-04T04:00:00.000Z');
    const keys = await kit.t.app.inject({ method: 'GET', url: '/api/v1/passes/keys' });
    expect(keys.statusCode).toBe(200);
    expect(offlineCheck(pass.token, keys.json().keys).ok).toBe(true);
    const tampered = pass.token.split('.');
    const forged = { ...JSON.parse(Buffer.from(tampered[1], 'base64url').toString()), plate: '11C-999.99' };
    tampered[1] = Buffer.from(JSON.stringify(forged)).toString('base64url');
    expect(offlineCheck(tampered.join('.'), keys.json().keys).ok).toBe(false);
    const online = (await verify(tampered.join('.'))).json();
    expect(online).toMatchObject({ valid: false, verdict: 'bad_signature' });
  });

  it('verifies online for officers: valid, then superseded by an amendment, then revoked by cancellation', async () => {
    const trip = await paidTrip(kit);
    const first = (await kit.req('GET', `/api/v1/trips/${trip.id}/pass`, 'dn.nongsan')).json();
    expect((await verify(first.token)).json()).toMatchObject({ valid: true, verdict: 'valid', trip: { reference: trip.reference, status: 'paid' } });
    const amended = await kit.req('PATCH', `/api/v1/trips/${trip.id}`, 'dn.nongsan', { version: trip.version, reason: 'Đổi khung giờ', window: { from: '13:00', to: '15:00' } });
    expect(amended.statusCode).toBe(200);
    expect(amended.json().pass).toMatchObject({ serial: 2, status: 'valid' });
    expect((await verify(first.token)).json()).toMatchObject({ valid: false, verdict: 'superseded' });
    const second = (await kit.req('GET', `/api/v1/trips/${trip.id}/pass`, 'dn.nongsan')).json();
    expect(second.payload).toMatchObject({ sn: 2, from: '13:00', to: '15:00' });
    expect((await verify(second.token)).json().verdict).toBe('valid');
    await kit.req('POST', `/api/v1/trips/${trip.id}/cancel`, 'dn.nongsan', { version: amended.json().version, reason: 'Hủy chuyến' });
    expect((await verify(second.token)).json()).toMatchObject({ valid: false, verdict: 'revoked', trip: { status: 'cancelled' } });
  });

  it('calls an old pass expired once its validity has passed, and refuses what is not a pass', async () => {
    const trip = await paidTrip(kit);
    const pass = (await kit.req('GET', `/api/v1/trips/${trip.id}/pass`, 'dn.nongsan')).json();
    kit.clock.now = new Date('2027-03-04T04:00:01Z');
    try {
      const officer = await login(kit.t.app, 'haiquan.tralinh');
      const res = await kit.t.app.inject({ method: 'POST', url: '/api/v1/passes/verify', headers: { cookie: officer }, payload: { token: pass.token } });
      expect(res.json()).toMatchObject({ valid: false, verdict: 'expired' });
    } finally {
      kit.clock.now = new Date('2027-03-01T01:00:00Z');
    }
    expect((await verify('hello world, not a pass')).json().verdict).toBe('malformed');
    const unknownKid = pass.token.split('.');
    unknownKid[1] = Buffer.from(JSON.stringify({ ...pass.payload, kid: 'k-0000000000000000' })).toString('base64url');
    expect((await verify(unknownKid.join('.'))).json().verdict).toBe('unknown_key');
  });

  it('lets staff and drivers verify online, not anonymous callers or roles without trips', async () => {
    const trip = await paidTrip(kit);
    const { token } = (await kit.req('GET', `/api/v1/trips/${trip.id}/pass`, 'dn.nongsan')).json();
    expect((await kit.t.app.inject({ method: 'POST', url: '/api/v1/passes/verify', payload: { token } })).statusCode).toBe(401);
    expect((await verify(token, 'dulich.bangioc')).statusCode).toBe(403);
    expect((await kit.req('GET', `/api/v1/trips/${trip.id}/pass`, 'haiquan.tralinh')).statusCode).toBe(200);
    expect((await kit.req('GET', `/api/v1/trips/${trip.id}/pass`, 'dn.thanhthuy')).statusCode).toBe(404);
  });

  it('prints the pass as a PDF with the QR code and the facts in words', async () => {
    const trip = await paidTrip(kit);
    const res = await kit.req('GET', `/api/v1/trips/${trip.id}/pass.pdf`, 'dn.nongsan');
    expect(res.statusCode).toBe(200);
    expect(res.headers['content-type']).toBe('application/pdf');
    const { text, images } = withPdf(res.rawPayload, (file) => ({
      text: execFileSync('pdftotext', ['-layout', file, '-'], { encoding: 'utf8' }),
      images: execFileSync('pdfimages', ['-list', file], { encoding: 'utf8' }),
    }));
    expect(text).toContain('THẺ QUA CỬA KHẨU');
    expect(text).toContain(trip.reference);
    expect(text).toContain(trip.vehicle.plate);
    expect(text).toContain('Cửa khẩu quốc tế Trà Lĩnh');
    expect(images.trim().split('\n').length).toBeGreaterThanOrEqual(3); // header, rule, and the QR image
  });

  it('keeps verifying passes signed with a retired key, and signs new ones with a new key', async () => {
    const older = await paidTrip(kit);
    const oldPass = (await kit.req('GET', `/api/v1/trips/${older.id}/pass`, 'dn.nongsan')).json();
    await kit.t.db.updateTable('pass_signing_keys').set({ retired_at: kit.clock.now }).where('kid', '=', oldPass.kid).execute();
    const newer = await paidTrip(kit);
    const newPass = (await kit.req('GET', `/api/v1/trips/${newer.id}/pass`, 'dn.nongsan')).json();
    expect(newPass.kid).not.toBe(oldPass.kid);
    expect((await verify(oldPass.token)).json().verdict).toBe('valid');
    const keys = (await kit.t.app.inject({ method: 'GET', url: '/api/v1/passes/keys' })).json().keys;
    expect(keys.find((k: { kid: string }) => k.kid === oldPass.kid).retiredAt).not.toBeNull();
    expect(offlineCheck(oldPass.token, keys).ok).toBe(true);
    expect(offlineCheck(newPass.token, keys).ok).toBe(true);
  });

  it('signs with PASS_SIGNING_KEY when set, publishing only its public half', async () => {
    const { privateKey } = crypto.generateKeyPairSync('ed25519');
    const pem = privateKey.export({ type: 'pkcs8', format: 'pem' }).toString();
    const key = await currentSigningKey(kit.t.db, kit.clock.now, { PASS_SIGNING_KEY: pem });
    expect(key.kid).toMatch(/^env-[0-9a-f]{16}$/);
    const row = await kit.t.db.selectFrom('pass_signing_keys').selectAll().where('kid', '=', key.kid).executeTakeFirstOrThrow();
    expect(row).toMatchObject({ source: 'environment', private_key_pem: null });
    expect(crypto.createPublicKey(row.public_key_pem).export({ format: 'jwk' })).toEqual(crypto.createPublicKey(privateKey).export({ format: 'jwk' }));
    await expect(currentSigningKey(kit.t.db, kit.clock.now, { PASS_SIGNING_KEY: crypto.generateKeyPairSync('ec', { namedCurve: 'P-256' }).privateKey.export({ type: 'pkcs8', format: 'pem' }).toString() })).rejects.toThrow(/Ed25519/);
  });
});
