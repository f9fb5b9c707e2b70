import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { databaseFingerprint, dbKinds } from '../../test/harness';
import { startKit, type Kit } from '../trips/__fixtures__/trips.testkit';

describe.each(dbKinds())('fleet on %s', (kind) => {
  let kit: Kit;
  beforeAll(async () => {
    kit = await startKit(kind);
  });
  afterAll(async () => kit?.t.close());

  it('registers a Vietnamese truck with its plate, trailer and container in canonical form', async () => {
    const res = await kit.req('POST', '/api/v1/vehicles', 'dn.nongsan', {
      plate: '11c 24680',
      type: 'container_truck',
      axles: 3,
      tonnageCapacity: 18,
      trailerPlate: '11R01357',
      containerNumbers: ['csqu 305438-3'],
      inspectionExpiresOn: '2028-06-30',
    });
    expect(res.statusCode).toBe(201);
    expect(res.json()).toMatchObject({
      plate: '11C-246.80',
      plateCountry: 'VN',
      plateProvince: 'Cao Bằng',
      trailerPlate: '11R-013.57',
      containerNumbers: ['CSQU3054383'],
      enterpriseId: kit.enterpriseIds.nongsan,
      inspectionExpired: false,
      version: 1,
    });
    const audit = await kit.t.db.selectFrom('audit_log').selectAll().where('action', '=', 'vehicle.created').where('entity_id', '=', res.json().id).execute();
    expect(audit).toHaveLength(1);
  });

  it('registers a Chinese truck by its GA 36-2018 plate', async () => {
    const res = await kit.req('POST', '/api/v1/vehicles', 'dn.thanhthuy', { plate: '桂F12345', type: 'truck', axles: 2, tonnageCapacity: 10 });
    expect(res.statusCode).toBe(201);
    expect(res.json()).toMatchObject({ plate: '桂F·12345', plateCountry: 'CN' });
  });

  it('lists every problem of a vehicle at once and writes nothing', async () => {
    const before = await databaseFingerprint(kit.t.db, ['sessions']);
    const res = await kit.req('POST', '/api/v1/vehicles', 'dn.nongsan', {
      plate: '11O-123.45',
      type: 'truck',
      axles: 2,
      tonnageCapacity: 8,
      trailerPlate: '11C-111.22',
      containerNumbers: ['CSQU3054384', 'MSKU9070323'],
      inspectionExpiresOn: '2027-02-01',
    });
    expect(res.statusCode).toBe(422);
    const body = res.json();
    expect(body.code).toBe('fleet.invalid_vehicle');
    expect(body.errors.map((e: { path: string; code: string }) => `${e.path} ${e.code}`)).toEqual([
      '/plate plate.invalid_format',
      '/trailerPlate plate.not_trailer',
      '/containerNumbers/0 fleet.container_check_digit',
      '/inspectionExpiresOn fleet.inspection_expired',
    ]);
    expect(body.errors[2].message.en).toMatch(/check digit would be 3/);
    expect(body.errors[0].message.vi).toMatch(/Biển số/);
    expect(await databaseFingerprint(kit.t.db, ['sessions'])).toEqual(before);
  });

  it('refuses an unknown province code on a plate', async () => {
    const res = await kit.req('POST', '/api/v1/vehicles', 'dn.nongsan', { plate: '13C-123.45', type: 'truck', axles: 2, tonnageCapacity: 8 });
    expect(res.statusCode).toBe(422);
    expect(res.json().errors).toEqual([expect.objectContaining({ path: '/plate', code: 'plate.unknown_province' })]);
  });

  it('catches a duplicate plate in the same enterprise (409), whatever its spelling, but not in another', async () => {
    const body = { plate: '11C-777.77', type: 'truck', axles: 2, tonnageCapacity: 8 };
    expect((await kit.req('POST', '/api/v1/vehicles', 'dn.nongsan', body)).statusCode).toBe(201);
    const again = await kit.req('POST', '/api/v1/vehicles', 'dn.nongsan', { ...body, plate: '11c77777' });
    expect(again.statusCode).toBe(409);
    expect(again.json().code).toBe('fleet.duplicate_vehicle');
    expect((await kit.req('POST', '/api/v1/vehicles', 'dn.thanhthuy', body)).statusCode).toBe(201);
  });

  it('replays a retried registration with the same Idempotency-Key instead of failing as a duplicate', async () => {
    const body = { plate: '11C-888.11', type: 'truck', axles: 2, tonnageCapacity: 8 };
    const headers = { 'idempotency-key': 'vehicle-retry-0001' };
    const first = await kit.req('POST', '/api/v1/vehicles', 'dn.nongsan', body, headers);
    const second = await kit.req('POST', '/api/v1/vehicles', 'dn.nongsan', body, headers);
    expect(first.statusCode).toBe(201);
    expect(second.statusCode).toBe(201);
    expect(second.headers['idempotent-replayed']).toBe('true');
    expect(second.json().id).toBe(first.json().id);
  });

  it('registers drivers, refusing an expired document and a duplicate one', async () => {
    const driver = { fullName: 'Lý Thị Lan', nationality: 'VN', documentType: 'passport', documentNumber: 'c 7654321', documentExpiresOn: '2031-01-01' };
    const ok = await kit.req('POST', '/api/v1/drivers', 'dn.nongsan', driver);
    expect(ok.statusCode).toBe(201);
    expect(ok.json()).toMatchObject({ documentNumber: 'C7654321', documentExpired: false });
    const dup = await kit.req('POST', '/api/v1/drivers', 'dn.nongsan', { ...driver, documentNumber: 'C7654321' });
    expect(dup.statusCode).toBe(409);
    expect(dup.json().code).toBe('fleet.duplicate_driver');
    const expired = await kit.req('POST', '/api/v1/drivers', 'dn.nongsan', { ...driver, documentNumber: 'C1111111', documentExpiresOn: '2027-02-28' });
    expect(expired.statusCode).toBe(422);
    expect(expired.json().errors).toEqual([expect.objectContaining({ path: '/documentExpiresOn', code: 'fleet.document_expired' })]);
  });

  it('links a driver account only if it is a driver of the same enterprise', async () => {
    const base = { fullName: 'Lục Văn Phúc', nationality: 'VN', documentType: 'border_pass', documentExpiresOn: '2030-01-01' };
    const own = await kit.req('POST', '/api/v1/drivers', 'dn.nongsan', { ...base, documentNumber: 'GT5550001', accountId: kit.userIds['taixe.nongsan'] });
    expect(own.statusCode).toBe(201);
    const foreign = await kit.req('POST', '/api/v1/drivers', 'dn.thanhthuy', { ...base, documentNumber: 'GT5550002', accountId: kit.userIds['taixe.nongsan'] });
    expect(foreign.statusCode).toBe(422);
    expect(foreign.json().errors[0].code).toBe('fleet.account_not_driver');
  });

  it('shows an enterprise only its own fleet; another enterprise gets 404', async () => {
    const mine = (await kit.req('GET', '/api/v1/vehicles', 'dn.thanhthuy')).json().items as Array<{ enterpriseId: string; id: string }>;
    expect(mine.length).toBeGreaterThan(0);
    expect(mine.every((v) => v.enterpriseId === kit.enterpriseIds.thanhthuy)).toBe(true);
    const theirs = (await kit.req('GET', '/api/v1/vehicles', 'dn.nongsan')).json().items[0];
    expect((await kit.req('GET', `/api/v1/vehicles/${theirs.id}`, 'dn.thanhthuy')).statusCode).toBe(404);
    const patch = await kit.req('PATCH', `/api/v1/vehicles/${theirs.id}`, 'dn.thanhthuy', { version: 1, axles: 4 });
    expect(patch.statusCode).toBe(404);
    const all = (await kit.req('GET', '/api/v1/vehicles', 'admin')).json().items as Array<{ enterpriseId: string }>;
    expect(new Set(all.map((v) => v.enterpriseId)).size).toBeGreaterThanOrEqual(2);
  });

  it('edits a vehicle with optimistic versions and finds it by a plate typed without separators', async () => {
    const v = (await kit.req('GET', '/api/v1/vehicles?q=11C24680', 'dn.nongsan')).json().items[0];
    expect(v.plate).toBe('11C-246.80');
    const ok = await kit.req('PATCH', `/api/v1/vehicles/${v.id}`, 'dn.nongsan', { version: v.version, tonnageCapacity: 20, active: false });
    expect(ok.statusCode).toBe(200);
    expect(ok.json()).toMatchObject({ tonnageCapacity: 20, active: false, version: v.version + 1 });
    const stale = await kit.req('PATCH', `/api/v1/vehicles/${v.id}`, 'dn.nongsan', { version: v.version, axles: 4 });
    expect(stale.statusCode).toBe(409);
    expect(stale.json()).toMatchObject({ code: 'fleet.version_conflict', currentVersion: v.version + 1 });
  });
});
