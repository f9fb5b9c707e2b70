import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { databaseFingerprint, dbKinds, login } from '../../test/harness';
import { type Kit } from '../trips/__fixtures__/trips.testkit';
import { controlOf, CUSTOMS_DECLARATION, decide, declare, officerView, perishableIn, publish, quietRules, startClearanceKit } from './__fixtures__/clearance.testkit';

// Who may do what: each agency decides only its own controls, only at its own gates, once per
// Idempotency-Key; rules and lists are kept by their agency; enterprises see only their trips.

describe.each(dbKinds())('clearance rights on %s', (kind) => {
  let kit: Kit;
  let tripId: string;
  beforeAll(async () => {
    kit = await startClearanceKit(kind);
    // A customs officer at another gate (Thanh Thủy).
    const created = await kit.req('POST', '/api/v1/accounts', 'admin', {
      username: 'haiquan.thanhthuy',
      displayName: 'Hải quan Thanh Thủy',
      password: 'CuaKhauSo@2026-HQ',
      role: 'customs',
      agencyCode: 'tq-haiquan',
      gateIds: ['thanh-thuy'],
    });
    if (created.statusCode !== 201) throw new Error(`account: ${created.statusCode} ${created.body}`);
    kit.cookies['haiquan.thanhthuy'] = await login(kit.t.app, 'haiquan.thanhthuy', 'CuaKhauSo@2026-HQ');
    await publish(kit, perishableIn('yellow'));
    tripId = (await declare(kit, { documents: [CUSTOMS_DECLARATION] })).id;
  });
  afterAll(async () => kit?.t.close());

  const untouched = async (attempt: () => Promise<{ statusCode: number; json(): { code: string } }>, status: number, code: string) => {
    const before = await databaseFingerprint(kit.t.db, ['sessions']);
    const res = await attempt();
    expect(res.statusCode).toBe(status);
    expect(res.json().code).toBe(code);
    expect(await databaseFingerprint(kit.t.db, ['sessions'])).toEqual(before);
  };

  it('customs cannot pass a quarantine control, nor the border guard a customs one', async () => {
    const view = await officerView(kit, tripId);
    const plant = controlOf(view, 'plant_quarantine');
    await untouched(() => decide(kit, 'haiquan.tralinh', plant.id, { outcome: 'pass', version: plant.version }), 403, 'clearance.wrong_agency');
    const customs = controlOf(view, 'customs');
    await untouched(() => decide(kit, 'bienphong.tralinh', customs.id, { outcome: 'pass', version: customs.version }), 403, 'clearance.wrong_agency');
    await untouched(() => decide(kit, 'kddv.tralinh', plant.id, { outcome: 'pass', version: plant.version }), 403, 'clearance.wrong_agency');
  });

  it('an officer of one gate cannot see or act at another', async () => {
    const customs = controlOf(await officerView(kit, tripId), 'customs');
    await untouched(() => decide(kit, 'haiquan.thanhthuy', customs.id, { outcome: 'pass', version: customs.version }), 403, 'auth.out_of_scope');
    expect((await kit.req('GET', `/api/v1/clearance/trips/${tripId}`, 'haiquan.thanhthuy')).statusCode).toBe(404);
    expect((await kit.req('GET', '/api/v1/clearance/worklist?gateId=tra-linh', 'haiquan.thanhthuy')).statusCode).toBe(403);
    const own = (await kit.req('GET', '/api/v1/clearance/worklist', 'haiquan.thanhthuy')).json();
    expect(own.items.map((i: { tripId: string }) => i.tripId)).not.toContain(tripId);
  });

  it('staff without an agency read but never decide; enterprises use their own view', async () => {
    const customs = controlOf(await officerView(kit, tripId, 'bql.tralinh'), 'customs');
    expect(customs.allowedOutcomes).toEqual([]);
    await untouched(() => decide(kit, 'bql.tralinh', customs.id, { outcome: 'pass', version: customs.version }), 403, 'auth.forbidden');
    await untouched(() => decide(kit, 'admin', customs.id, { outcome: 'pass', version: customs.version }), 403, 'clearance.no_agency');
    expect((await kit.req('GET', `/api/v1/clearance/trips/${tripId}`, 'lanhdao.caobang')).statusCode).toBe(200);
    const leader = (await kit.req('GET', '/api/v1/clearance/worklist?gateId=tra-linh&status=all', 'lanhdao.caobang')).json();
    expect(leader.items.map((i: { tripId: string }) => i.tripId)).toContain(tripId);
    expect((await kit.req('GET', '/api/v1/clearance/worklist', 'dn.nongsan')).statusCode).toBe(403);
    expect((await kit.req('GET', `/api/v1/clearance/trips/${tripId}`, 'dn.nongsan')).statusCode).toBe(403);
  });

  it('an enterprise sees only its own trips; its driver sees the trip they drive', async () => {
    expect((await kit.req('GET', `/api/v1/trips/${tripId}/clearance`, 'dn.nongsan')).statusCode).toBe(200);
    expect((await kit.req('GET', `/api/v1/trips/${tripId}/clearance`, 'dn.thanhthuy')).json().code).toBe('trips.not_found');
    expect((await kit.req('GET', `/api/v1/trips/${tripId}/clearance`, 'taixe.nongsan')).statusCode).toBe(404);
    const driven = (await kit.t.db.selectFrom('trips').innerJoin('drivers', 'drivers.id', 'trips.driver_id').select('trips.id').where('drivers.account_id', 'is not', null).where('trips.status', '<>', 'draft').executeTakeFirstOrThrow()).id;
    const driverView = await kit.req('GET', `/api/v1/trips/${driven}/clearance`, 'taixe.nongsan');
    expect(driverView.statusCode).toBe(200);
    expect(driverView.json().canAnswer).toBe(false);
  });

  it('a decision is recorded once per key: a retry replays it, another body with the same key is refused', async () => {
    const customs = controlOf(await officerView(kit, tripId), 'customs');
    const body = { outcome: 'pass', version: customs.version, note: 'Một lần' };
    const first = await decide(kit, 'haiquan.tralinh', customs.id, body, 'decision-key-0001');
    expect(first.statusCode).toBe(200);
    const second = await decide(kit, 'haiquan.tralinh', customs.id, body, 'decision-key-0001');
    expect(second.statusCode).toBe(200);
    expect(second.headers['idempotent-replayed']).toBe('true');
    const passes = await kit.t.db.selectFrom('clearance_control_events').select('id').where('control_id', '=', customs.id).where('action', '=', 'pass').execute();
    expect(passes).toHaveLength(1);
    expect((await decide(kit, 'haiquan.tralinh', customs.id, { ...body, note: 'Khác' }, 'decision-key-0001')).json().code).toBe('idempotency.key_reused');
    // A new key on the stale version is a conflict, not a second decision.
    expect((await decide(kit, 'haiquan.tralinh', customs.id, body, 'decision-key-0002')).json()).toMatchObject({ code: 'clearance.version_conflict', currentVersion: customs.version + 1 });
    const noKey = await kit.req('POST', `/api/v1/clearance/controls/${customs.id}/decisions`, 'haiquan.tralinh', body);
    expect(noKey.statusCode).toBe(400);
  });

  it('two officers deciding the same control at once: one decision, the other told it changed', async () => {
    const other = (await declare(kit, { documents: [CUSTOMS_DECLARATION] })).id;
    const customs = controlOf(await officerView(kit, other), 'customs');
    const [a, b] = await Promise.all([
      decide(kit, 'haiquan.tralinh', customs.id, { outcome: 'pass', version: customs.version }, 'race-key-a-0001'),
      decide(kit, 'haiquan.tralinh', customs.id, { outcome: 'inspect', version: customs.version }, 'race-key-b-0001'),
    ]);
    expect([a.statusCode, b.statusCode].sort()).toEqual([200, 409]);
    expect([a, b].find((r) => r.statusCode === 409)!.json().code).toBe('clearance.version_conflict');
    const decisions = await kit.t.db.selectFrom('clearance_control_events').select('action').where('control_id', '=', customs.id).where('action', 'in', ['pass', 'inspect']).execute();
    expect(decisions).toHaveLength(1);
  });

  it('risk rules are published by customs only; approved lists are imported by plant quarantine only', async () => {
    const rules = quietRules();
    await untouched(() => kit.req('POST', '/api/v1/clearance/rule-sets', 'kdtv.tralinh', { reason: 'Thử quyền', rules }), 403, 'clearance.rules_wrong_agency');
    await untouched(() => kit.req('POST', '/api/v1/clearance/rule-sets', 'dn.nongsan', { reason: 'Thử quyền', rules }), 403, 'auth.forbidden');
    await untouched(() => kit.req('POST', '/api/v1/clearance/rule-sets', 'bql.tralinh', { reason: 'Thử quyền', rules }), 403, 'auth.forbidden');
    const codes = { label: 'x', reason: 'Thử quyền', mode: 'merge', format: 'json', codes: [{ kind: 'puc', code: 'VNORC-0777', fruit: 'durian' }] };
    await untouched(() => kit.req('POST', '/api/v1/clearance/approved-codes/import', 'haiquan.tralinh', codes), 403, 'clearance.rules_wrong_agency');
    expect((await kit.req('POST', '/api/v1/clearance/approved-codes/import', 'kdtv.tralinh', codes)).statusCode).toBe(201);
  });
});
