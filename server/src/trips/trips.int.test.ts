import crypto from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { databaseFingerprint, dbKinds, login } from '../../test/harness';
import { addDriver, addVehicle, CROSSING_DATE, durianLine, furnitureLine, startKit, submittedTrip, tripBody, type Kit } from './__fixtures__/trips.testkit';

const codes = (body: { errors: Array<{ path: string; code: string }> }) => body.errors.map((e) => `${e.path} ${e.code}`);

describe.each(dbKinds())('trip declarations on %s', (kind) => {
  let kit: Kit;
  let vehicleId: string;
  let driverId: string;
  beforeAll(async () => {
    kit = await startKit(kind);
    kit.cookies['haiquan.tralinh'] = await login(kit.t.app, 'haiquan.tralinh');
    kit.cookies['bql.thanhthuy'] = await login(kit.t.app, 'bql.thanhthuy');
    kit.cookies['taixe.nongsan'] = await login(kit.t.app, 'taixe.nongsan');
    vehicleId = await addVehicle(kit);
    driverId = await addDriver(kit);
  });
  afterAll(async () => kit?.t.close());

  it('saves an incomplete draft, with a provisional reference, and submits nothing yet', async () => {
    const res = await kit.req('POST', '/api/v1/trips', 'dn.nongsan', { gateId: 'tra-linh', notes: 'chưa đủ thông tin' });
    expect(res.statusCode).toBe(201);
    const trip = res.json();
    expect(trip).toMatchObject({ status: 'draft', version: 1, gateId: 'tra-linh', vehicle: null, cargoLines: [], fee: { total: null, outstanding: 0 } });
    expect(trip.reference).toMatch(/^CKS-TRL-20270301-[0-9A-HJKMNP-TV-Z]{6}$/);
    expect(trip.allowedActions).toEqual(['submit', 'amend', 'cancel']);
    const timeline = (await kit.req('GET', `/api/v1/trips/${trip.id}/timeline`, 'dn.nongsan')).json().items;
    expect(timeline.map((e: { action: string }) => e.action)).toEqual(['created']);
  });

  it('refuses a draft that names another enterprise\'s vehicle, writing nothing', async () => {
    const foreign = await addVehicle(kit, 'dn.thanhthuy');
    const before = await databaseFingerprint(kit.t.db, ['sessions']);
    const res = await kit.req('POST', '/api/v1/trips', 'dn.nongsan', { vehicleId: foreign, gateId: 'no-such-gate' });
    expect(res.statusCode).toBe(422);
    expect(codes(res.json())).toEqual(['/gateId trips.gate_not_found', '/vehicleId trips.vehicle_not_found']);
    expect(await databaseFingerprint(kit.t.db, ['sessions'])).toEqual(before);
  });

  it('lists every failed check of a submission at once, with actionable messages, and changes nothing', async () => {
    const tightVehicle = await addVehicle(kit, 'dn.nongsan', { tonnageCapacity: 5, inspectionExpiresOn: '2027-03-02' });
    const soonDriver = await addDriver(kit, 'dn.nongsan', { documentExpiresOn: '2027-04-30' });
    const draft = await kit.req('POST', '/api/v1/trips', 'dn.nongsan', {
      direction: 'transit',
      gateId: 'soc-giang',
      plannedDate: '2027-05-01',
      window: { from: '08:00', to: '11:00' },
      vehicleId: tightVehicle,
      driverId: soonDriver,
      containers: [{ number: 'CSQU3054384', size: '40' }],
      cargoLines: [
        durianLine({ growingAreaCode: null, packingHouseCode: 'PHC 12' }),
        furnitureLine({ hsCode: '9999.99', description: undefined }),
      ],
      documents: [{ kind: 'phytosanitary_certificate', number: 'KD-2027-001', expiresOn: '2027-04-01' }],
    });
    expect(draft.statusCode).toBe(201);
    const before = await databaseFingerprint(kit.t.db, ['sessions']);
    const dryRun = (await kit.req('GET', `/api/v1/trips/${draft.json().id}/checks`, 'dn.nongsan')).json();
    const res = await kit.req('POST', `/api/v1/trips/${draft.json().id}/submit`, 'dn.nongsan', { version: 1 });
    expect(res.statusCode).toBe(422);
    expect(res.json().code).toBe('trips.checks_failed');
    expect(dryRun).toMatchObject({ ok: false, errors: res.json().errors, feeTotal: null });
    expect(codes(res.json())).toEqual([
      '/direction trips.regime_not_allowed',
      '/plannedDate trips.gate_closed',
      '/vehicleId trips.vehicle_inspection_expired',
      '/cargoLines trips.overweight',
      '/driverId trips.driver_document_expired',
      '/cargoLines/1/description trips.required',
      '/cargoLines/1/hsCode hs.unknown_code',
      '/containers/0/number fleet.container_check_digit',
      '/documents/0/expiresOn trips.document_expired',
    ]);
    const closed = res.json().errors.find((e: { code: string }) => e.code === 'trips.gate_closed');
    expect(closed.message.en).toMatch(/International Labour Day closure/);
    expect(closed.message.vi).toMatch(/đóng cửa/);
    expect(await databaseFingerprint(kit.t.db, ['sessions'])).toEqual(before);
  });

  it('requires PUC and PHC codes in the right format for fresh fruit exported to China', async () => {
    const draft = await kit.req('POST', '/api/v1/trips', 'dn.nongsan', tripBody(vehicleId, driverId, {
      cargoLines: [durianLine({ growingAreaCode: null, packingHouseCode: 'PHC 12' }), durianLine({ hsCode: '0810.90.10', grossWeightKg: 1000, growingAreaCode: 'VNORC0077', packingHouseCode: 'VNPHC.0078' })],
    }));
    const res = await kit.req('POST', `/api/v1/trips/${draft.json().id}/submit`, 'dn.nongsan', { version: 1 });
    expect(res.statusCode).toBe(422);
    expect(codes(res.json())).toEqual(['/cargoLines/0/growingAreaCode trips.fruit_codes_missing', '/cargoLines/0/packingHouseCode trips.fruit_code_format']);
    expect(res.json().errors[1].message.en).toMatch(/VNPHC-0456/);
  });

  it('refuses a crossing in the past, and a window that ends before it starts', async () => {
    const reversed = await kit.req('POST', '/api/v1/trips', 'dn.nongsan', tripBody(vehicleId, driverId, { window: { from: '10:00', to: '09:00' } }));
    expect(reversed.statusCode).toBe(422);
    expect(codes(reversed.json())).toEqual(['/window trips.window_invalid']);
    const draft = await kit.req('POST', '/api/v1/trips', 'dn.nongsan', tripBody(vehicleId, driverId, { plannedDate: '2027-02-26' }));
    const res = await kit.req('POST', `/api/v1/trips/${draft.json().id}/submit`, 'dn.nongsan', { version: 1 });
    expect(codes(res.json())).toEqual(['/plannedDate trips.date_in_past']);
    // Today, but the window is already over (the clock reads 08:00 in Vietnam).
    const today = await kit.req('POST', '/api/v1/trips', 'dn.nongsan', tripBody(vehicleId, driverId, { plannedDate: '2027-03-01', window: { from: '07:00', to: '08:00' } }));
    const late = await kit.req('POST', `/api/v1/trips/${today.json().id}/submit`, 'dn.nongsan', { version: 1 });
    expect(codes(late.json())).toEqual(['/window trips.date_in_past']);
  });

  it('refuses a window outside the day\'s hours, naming them, and a goods trip at a gate closed to goods', async () => {
    const draft = await kit.req('POST', '/api/v1/trips', 'dn.nongsan', tripBody(vehicleId, driverId, { gateId: 'po-peo', window: { from: '11:00', to: '14:00' } }));
    const res = await kit.req('POST', `/api/v1/trips/${draft.json().id}/submit`, 'dn.nongsan', { version: 1 });
    expect(codes(res.json())).toEqual(['/gateId trips.gate_no_goods', '/window trips.window_outside_hours']);
    expect(res.json().errors[1].message.en).toMatch(/07:30–11:30, 13:30–16:30/);
  });

  it('submits a complete declaration: fee from the Cao Bằng tariff, final reference, expiry, timeline, audit', async () => {
    const created = (await kit.req('POST', '/api/v1/trips', 'dn.nongsan', { gateId: null })).json();
    const filled = await kit.req('PATCH', `/api/v1/trips/${created.id}`, 'dn.nongsan', { version: 1, ...tripBody(vehicleId, driverId) });
    expect(filled.statusCode).toBe(200);
    expect(filled.json().version).toBe(2);
    const res = await kit.req('POST', `/api/v1/trips/${created.id}/submit`, 'dn.nongsan', { version: 2 });
    expect(res.statusCode).toBe(200);
    const trip = res.json();
    expect(created.reference).toMatch(/^CKS-DRF-20270301-/);
    expect(trip.reference).toMatch(/^CKS-TRL-20270303-[0-9A-Z]{6}$/);
    expect(trip).toMatchObject({ status: 'submitted', version: 3, fee: { total: 212_500, paid: 0, outstanding: 212_500 } });
    expect(trip.fee.quote).toMatchObject({ tariffId: 'cao-bang-nq39-2019', legalBasis: { number: '39/2019/NQ-HĐND' } });
    expect(trip.fee.quote.items).toEqual([expect.objectContaining({ unitRate: 25_000, quantity: 8.5, amount: 212_500 })]);
    // Unpaid: 72 hours after submission, but no later than the end of the window (11:00 in Vietnam).
    expect(trip.expiresAt).toBe('2027-03-03T04:00:00.000Z');
    expect(trip.allowedActions).toEqual(['amend', 'pay', 'cancel']);
    const timeline = (await kit.req('GET', `/api/v1/trips/${trip.id}/timeline`, 'dn.nongsan')).json().items;
    expect(timeline.map((e: { action: string; toStatus: string }) => `${e.action}:${e.toStatus}`)).toEqual(['created:draft', 'edited:draft', 'submitted:submitted']);
    const audit = await kit.t.db.selectFrom('audit_log').select(['action', 'actor_label']).where('entity_id', '=', trip.id).orderBy('id').execute();
    expect(audit.map((a) => a.action)).toEqual(['trip.created', 'trip.edited', 'trip.submitted']);
    const version = await kit.t.db.selectFrom('trip_versions').selectAll().where('trip_id', '=', trip.id).execute();
    expect(version).toHaveLength(1);
    expect(version[0].changes).toEqual(expect.arrayContaining(['direction', 'gateId', 'cargoLines']));
  });

  it('enforces the transition table: 409 with the allowed actions, and a stale version is 409 too', async () => {
    const trip = await submittedTrip(kit);
    const again = await kit.req('POST', `/api/v1/trips/${trip.id}/submit`, 'dn.nongsan', { version: trip.version });
    expect(again.statusCode).toBe(409);
    expect(again.json()).toMatchObject({ code: 'trips.invalid_transition', allowedActions: ['amend', 'pay', 'cancel'] });
    const stale = await kit.req('POST', `/api/v1/trips/${trip.id}/cancel`, 'dn.nongsan', { version: trip.version - 1, reason: 'đổi kế hoạch' });
    expect(stale.json()).toMatchObject({ code: 'trips.version_conflict', currentVersion: trip.version });
    const cancelled = await kit.req('POST', `/api/v1/trips/${trip.id}/cancel`, 'dn.nongsan', { version: trip.version, reason: 'đổi kế hoạch' });
    expect(cancelled.json()).toMatchObject({ status: 'cancelled', allowedActions: [], expiresAt: null });
    const amend = await kit.req('PATCH', `/api/v1/trips/${trip.id}`, 'dn.nongsan', { version: trip.version + 1, reason: 'thử lại', notes: 'x' });
    expect(amend.statusCode).toBe(409);
    expect(amend.json()).toMatchObject({ code: 'trips.invalid_transition', allowedActions: [] });
  });

  it('scopes trips: own enterprise, officers at the gate (not drafts), the driver who drives; 404 elsewhere', async () => {
    const account = await addDriver(kit, 'dn.nongsan', { accountId: kit.userIds['taixe.nongsan'] });
    const trip = (await kit.req('POST', '/api/v1/trips', 'dn.nongsan', tripBody(vehicleId, account))).json();
    const get = (who: string) => kit.req('GET', `/api/v1/trips/${trip.id}`, who);
    expect((await get('dn.nongsan')).statusCode).toBe(200);
    expect((await get('dn.thanhthuy')).statusCode).toBe(404);
    expect((await get('haiquan.tralinh')).statusCode).toBe(404); // a draft is the enterprise's own business
    expect((await get('taixe.nongsan')).statusCode).toBe(404);
    await kit.req('POST', `/api/v1/trips/${trip.id}/submit`, 'dn.nongsan', { version: 1 });
    const officer = await get('haiquan.tralinh');
    expect(officer.statusCode).toBe(200);
    expect(officer.json().allowedActions).toEqual([]);
    expect((await get('bql.thanhthuy')).statusCode).toBe(404);
    expect((await get('taixe.nongsan')).statusCode).toBe(200);
    const list = (who: string) => kit.req('GET', '/api/v1/trips?limit=200', who).then((r) => r.json().items.map((i: { id: string }) => i.id));
    expect(await list('haiquan.tralinh')).toContain(trip.id);
    expect(await list('bql.thanhthuy')).not.toContain(trip.id);
    const driven = await list('taixe.nongsan');
    expect(driven).toContain(trip.id);
    const drivers = await kit.t.db.selectFrom('trips').innerJoin('drivers', 'drivers.id', 'trips.driver_id').select('drivers.account_id').where('trips.id', 'in', driven).execute();
    expect(drivers.every((d) => d.account_id === kit.userIds['taixe.nongsan'])).toBe(true);
    expect(await list('dn.thanhthuy')).not.toContain(trip.id);
    const write = await kit.req('POST', `/api/v1/trips/${trip.id}/cancel`, 'dn.thanhthuy', { version: 2, reason: 'không phải của tôi' });
    expect(write.statusCode).toBe(404);
  });

  it('filters the list by status, gate, date and a plate typed loosely', async () => {
    const plate = (await kit.req('GET', `/api/v1/vehicles/${vehicleId}`, 'dn.nongsan')).json().plate as string;
    const items = (await kit.req('GET', `/api/v1/trips?status=submitted&gateId=tra-linh&from=${CROSSING_DATE}&to=${CROSSING_DATE}&q=${encodeURIComponent(plate.replace(/[-.]/g, ''))}`, 'dn.nongsan')).json().items;
    expect(items.length).toBeGreaterThan(0);
    expect(items.every((i: { status: string; plate: string }) => i.status === 'submitted' && i.plate === plate)).toBe(true);
  });

  it('keeps uploaded files with their checksum and serves them back', async () => {
    const trip = (await kit.req('POST', '/api/v1/trips', 'dn.nongsan', {})).json();
    const pdf = Buffer.from('%PDF-1.4\n% test certificate\n');
    const up = await kit.req('POST', `/api/v1/trips/${trip.id}/files`, 'dn.nongsan', { fileName: 'kiem-dich.pdf', contentType: 'application/pdf', contentBase64: pdf.toString('base64') });
    expect(up.statusCode).toBe(201);
    const sha = crypto.createHash('sha256').update(pdf).digest('hex');
    expect(up.json()).toMatchObject({ fileName: 'kiem-dich.pdf', size: pdf.length, sha256: sha });
    const linked = await kit.req('PATCH', `/api/v1/trips/${trip.id}`, 'dn.nongsan', { version: 1, documents: [{ kind: 'phytosanitary_certificate', number: 'KD-1', fileId: up.json().id }] });
    expect(linked.statusCode).toBe(200);
    const down = await kit.req('GET', `/api/v1/trips/${trip.id}/files/${up.json().id}`, 'dn.nongsan');
    expect(down.headers['x-content-sha256']).toBe(sha);
    expect(down.rawPayload.equals(pdf)).toBe(true);
    const fake = await kit.req('POST', `/api/v1/trips/${trip.id}/files`, 'dn.nongsan', { fileName: 'x.png', contentType: 'image/png', contentBase64: pdf.toString('base64') });
    expect(fake.statusCode).toBe(422);
    expect(fake.json().code).toBe('trips.file_invalid');
  });

  it('quotes fees publicly without an account, and refuses an invalid HS code with a fee code', async () => {
    const body = {
      province: 'CB', gateId: 'tra-linh', date: CROSSING_DATE, regime: 'export', vehicle: { grossTonnageCapacity: 15 }, containers: [],
      cargoLines: [{ hsCode: '0810.60.00', grossWeightKg: 10_000, declaredValue: 100, currency: 'USD', origin: 'VN' }],
    };
    const res = await kit.t.app.inject({ method: 'POST', url: '/api/v1/fees/quote', payload: body });
    expect(res.statusCode).toBe(200);
    expect(res.json()).toMatchObject({ total: 250_000, tariffId: 'cao-bang-nq39-2019' });
    const bad = await kit.t.app.inject({ method: 'POST', url: '/api/v1/fees/quote', payload: { ...body, cargoLines: [{ ...body.cargoLines[0], hsCode: '9999.99' }] } });
    expect(bad.statusCode).toBe(422);
    expect(bad.json()).toMatchObject({ code: 'fees.invalid_hs_code', details: { field: 'cargoLines[0].hsCode' } });
    // Lạng Sơn's gates are not in the registry; its tariff applies by province to any gate named.
    const ls = await kit.t.app.inject({ method: 'POST', url: '/api/v1/fees/quote', payload: { ...body, province: 'LS', gateId: 'huu-nghi', vehicle: { grossTonnageCapacity: 1.5 }, cargoLines: [{ ...body.cargoLines[0], hsCode: '0709.99.90', grossWeightKg: 1000 }] } });
    expect(ls.json()).toMatchObject({ tariffId: 'lang-son-nq09-2025', total: 100_000 });
    const typo = await kit.t.app.inject({ method: 'POST', url: '/api/v1/fees/quote', payload: { ...body, colour: 'red' } });
    expect(typo.statusCode).toBe(400);
  });

  it('charges transit fruit by the vehicle band, with the boundaries at exactly 10 t and 18 t', async () => {
    const fees: Record<number, number> = {};
    for (const tonnage of [9.99, 10, 17.99, 18]) {
      const v = await addVehicle(kit, 'dn.nongsan', { tonnageCapacity: tonnage });
      const line = durianLine({ origin: 'TH', grossWeightKg: 6000, growingAreaCode: null, packingHouseCode: null });
      const draft = (await kit.req('POST', '/api/v1/trips', 'dn.nongsan', tripBody(v, driverId, { direction: 'transit', cargoLines: [line] }))).json();
      const res = await kit.req('POST', `/api/v1/trips/${draft.id}/submit`, 'dn.nongsan', { version: 1 });
      expect(res.statusCode).toBe(200);
      fees[tonnage] = res.json().fee.total;
    }
    expect(fees).toEqual({ 9.99: 600_000, 10: 4_500_000, 17.99: 4_500_000, 18: 5_500_000 });
  });

  it('gives a trip at a province without a tariff a zero fee: it is paid at once and gets its pass', async () => {
    const v = await addVehicle(kit, 'dn.thanhthuy');
    const d = await addDriver(kit, 'dn.thanhthuy');
    const created = (await kit.req('POST', '/api/v1/trips', 'dn.thanhthuy', tripBody(v, d, { gateId: 'thanh-thuy', cargoLines: [furnitureLine()] }))).json();
    const res = await kit.req('POST', `/api/v1/trips/${created.id}/submit`, 'dn.thanhthuy', { version: 1 });
    expect(res.json()).toMatchObject({ status: 'paid', fee: { total: 0, outstanding: 0, quote: null }, pass: { serial: 1, status: 'valid' } });
    expect(res.json().reference).toMatch(/^CKS-TTH-20270303-/);
  });
});
