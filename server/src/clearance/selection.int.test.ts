import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { databaseFingerprint, dbKinds } from '../../test/harness';
import { addDriver, addVehicle, durianLine, furnitureLine, tripBody, type Kit } from '../trips/__fixtures__/trips.testkit';
import { controlOf, CUSTOMS_DECLARATION, decided, declare, officerView, perishableIn, PHYTO, publish, quietRules } from './__fixtures__/clearance.testkit';
import { startClearanceKit } from './__fixtures__/clearance.testkit';

// Selection against the database: rule set versions never change past selections, quotas follow
// the gate's inspection capacity and free up when a trip ends, the enterprise's history comes
// from counters kept in step with events, and amendments keep the decisions they do not touch.

describe.each(dbKinds())('clearance selection on %s', (kind) => {
  let kit: Kit;
  beforeAll(async () => {
    kit = await startClearanceKit(kind);
  });
  afterAll(async () => kit?.t.close());

  const amend = async (tripId: string, body: Record<string, unknown>) => {
    const trip = (await kit.req('GET', `/api/v1/trips/${tripId}`, 'dn.nongsan')).json();
    const res = await kit.req('PATCH', `/api/v1/trips/${tripId}`, 'dn.nongsan', { version: trip.version, reason: 'Sửa tờ khai', ...body });
    if (res.statusCode !== 200) throw new Error(`amend: ${res.statusCode} ${res.body}`);
    return res.json();
  };

  it('a new rule set version applies from its effective time and never changes a past selection', async () => {
    const quiet = await publish(kit, quietRules());
    const first = await declare(kit, { documents: [CUSTOMS_DECLARATION, PHYTO] });
    const red = await publish(kit, perishableIn('red'), 'Tăng kiểm tra hàng tươi');
    const second = await declare(kit, { documents: [CUSTOMS_DECLARATION, PHYTO] });
    expect((await officerView(kit, first.id)).selection).toMatchObject({ ruleSetVersion: quiet, channel: 'green' });
    expect((await officerView(kit, second.id)).selection).toMatchObject({ ruleSetVersion: red, channel: 'red', firedRule: { id: 'T-RED' } });
    const list = (await kit.req('GET', '/api/v1/clearance/rule-sets', 'kdtv.tralinh')).json();
    expect(list.items.slice(0, 2).map((r: { version: number; inForce: boolean }) => [r.version, r.inForce])).toEqual([[red, true], [quiet, false]]);
    expect((await kit.req('GET', `/api/v1/clearance/rule-sets/${quiet}`, 'haiquan.tralinh')).json().rules.random).toEqual({ red: 0, yellow: 0 });

    // Published for tomorrow: today's selections still use the version in force.
    const tomorrow = new Date(kit.clock.now.getTime() + 86_400_000).toISOString();
    const res = await kit.req('POST', '/api/v1/clearance/rule-sets', 'haiquan.tralinh', { reason: 'Từ ngày mai', effectiveFrom: tomorrow, rules: quietRules() });
    expect(res.json()).toMatchObject({ version: red + 1, inForce: false });
    expect((await officerView(kit, (await declare(kit)).id)).selection?.ruleSetVersion).toBe(red);
    // An amendment that touches the cargo selects again, under the version in force; the old selection is kept.
    await amend(first.id, { cargoLines: [durianLine({ grossWeightKg: 9000 })] });
    const view = await officerView(kit, first.id);
    expect(view.selections.map((s) => [s.ruleSetVersion, s.channel, s.current])).toEqual([[red, 'red', true], [quiet, 'green', false]]);
  });

  it('refuses a rule set that reaches into the past or repeats itself, writing nothing', async () => {
    const before = await databaseFingerprint(kit.t.db, ['sessions']);
    const past = await kit.req('POST', '/api/v1/clearance/rule-sets', 'haiquan.tralinh', { reason: 'Hồi tố', effectiveFrom: '2027-01-01T00:00:00Z', rules: quietRules() });
    expect(past.json()).toMatchObject({ code: 'clearance.rule_set_invalid', errors: [{ path: '/effectiveFrom' }] });
    const rules = quietRules();
    const twice = await kit.req('POST', '/api/v1/clearance/rule-sets', 'haiquan.tralinh', {
      reason: 'Trùng',
      rules: { ...rules, rules: [...rules.rules, rules.rules[0]], random: { red: 0.6, yellow: 0.6 } },
    });
    expect(twice.json().errors.map((e: { path: string }) => e.path)).toEqual([`/rules/rules/${rules.rules.length}/id`, '/rules/random']);
    expect(await databaseFingerprint(kit.t.db, ['sessions'])).toEqual(before);
  });

  it('quota: beyond the gate-day inspection capacity a red becomes yellow; a trip that ends gives its place back', async () => {
    // Trà Lĩnh's customs bays inspect 47 trucks a day; 3% of that is one red a day.
    await publish(kit, { ...perishableIn('red'), quota: { redShareOfInspectionCapacity: 0.03, minRedShare: 0 } });
    const day = { plannedDate: '2027-03-04' };
    const one = await declare(kit, day);
    const two = await declare(kit, day);
    expect((await officerView(kit, one.id)).selection).toMatchObject({ channel: 'red', quota: { redQuota: 1, redBefore: 0, action: 'none' } });
    const downgraded = (await officerView(kit, two.id)).selection!;
    expect(downgraded).toMatchObject({ channel: 'yellow', criteriaChannel: 'red', stage: 'quota', quota: { redQuota: 1, redBefore: 1, day: '2027-03-04', action: 'downgraded' } });
    expect(downgraded.explanation.vi).toContain('hết năng lực kiểm tra');
    const counters = () => kit.t.db.selectFrom('clearance_channel_counters').select(['green', 'yellow', 'red']).where('gate_id', '=', 'tra-linh').where('day', '=', '2027-03-04').executeTakeFirstOrThrow();
    expect(await counters()).toEqual({ green: 0, yellow: 1, red: 1 });
    const cancel = await kit.req('POST', `/api/v1/trips/${one.id}/cancel`, 'dn.nongsan', { version: one.version, reason: 'Không đi nữa' });
    expect(cancel.statusCode).toBe(200);
    expect(controlOf(await officerView(kit, one.id), 'customs').status).toBe('closed');
    expect(await counters()).toEqual({ green: 0, yellow: 1, red: 0 });
    expect((await officerView(kit, (await declare(kit, day)).id)).selection?.channel).toBe('red');
  });

  it('concurrent submissions never select more reds than the quota', async () => {
    await publish(kit, { ...perishableIn('red'), quota: { redShareOfInspectionCapacity: 0.05, minRedShare: 0 } });
    const drafts = [];
    for (let i = 0; i < 6; i++) {
      const vehicleId = await addVehicle(kit);
      const driverId = await addDriver(kit);
      drafts.push((await kit.req('POST', '/api/v1/trips', 'dn.nongsan', tripBody(vehicleId, driverId, { plannedDate: '2027-03-08' }))).json());
    }
    const results = await Promise.all(drafts.map((d) => kit.req('POST', `/api/v1/trips/${d.id}/submit`, 'dn.nongsan', { version: d.version })));
    expect(results.map((r) => r.statusCode)).toEqual([200, 200, 200, 200, 200, 200]);
    const selections = await kit.t.db.selectFrom('clearance_selections').select(['channel', 'record']).where('day', '=', '2027-03-08').execute();
    // 47 inspections a day × 5% = 2 reds.
    expect(selections.filter((s) => s.channel === 'red')).toHaveLength(2);
    expect(selections.map((s) => (s.record as { quota: { totalBefore: number } }).quota.totalBefore).sort((a, b) => a - b)).toEqual([0, 1, 2, 3, 4, 5]);
  });

  it('amendments re-derive only what they touch and keep the other decisions', async () => {
    await publish(kit, quietRules());
    const trip = await declare(kit, { documents: [CUSTOMS_DECLARATION, PHYTO] });
    const before = await officerView(kit, trip.id);
    expect(before.trip.clearanceStatus).toBe('cleared');
    const versions = (v: typeof before) => Object.fromEntries(v.controls.map((c) => [c.kind, c.version]));

    await amend(trip.id, { notes: 'Ghi chú mới' });
    expect(versions(await officerView(kit, trip.id))).toEqual(versions(before));

    const replacement = (await kit.req('POST', '/api/v1/drivers', 'dn.nongsan', { fullName: 'Lò Văn Hai', nationality: 'VN', documentType: 'border_pass', documentNumber: 'GT9900001', documentExpiresOn: '2030-01-01' })).json();
    await amend(trip.id, { driverId: replacement.id });
    let view = await officerView(kit, trip.id);
    expect(view.events.filter((e) => e.action === 'reopen').map((e) => e.kind)).toEqual(['border_control']);
    expect(controlOf(view, 'customs').version).toBe(controlOf(before, 'customs').version);
    expect(view.trip.clearanceStatus).toBe('cleared');

    // Removing the phytosanitary certificate reopens plant quarantine (and customs): no longer automatic.
    await amend(trip.id, { documents: [CUSTOMS_DECLARATION] });
    view = await officerView(kit, trip.id);
    expect(controlOf(view, 'plant_quarantine')).toMatchObject({ status: 'pending', decision: null });
    expect(controlOf(view, 'customs').status).toBe('passed');
    expect(controlOf(view, 'border_control').status).toBe('passed');
    expect(view.trip.clearanceStatus).toBe('pending');
    expect(view.selections).toHaveLength(2);

    // A furniture load needs no plant quarantine any more: the control is closed, the trip cleared again.
    await amend(trip.id, { cargoLines: [furnitureLine()] });
    view = await officerView(kit, trip.id);
    expect(controlOf(view, 'plant_quarantine').status).toBe('closed');
    expect(view.trip.clearanceStatus).toBe('cleared');
  });
  // Last: it leaves the enterprise with a discrepancy on record.
  it('history: a discrepancy found at inspection selects the enterprise\'s next trip; counters match the history', async () => {
    await publish(kit, perishableIn('red'));
    const trip = await declare(kit, { documents: [CUSTOMS_DECLARATION, PHYTO] });
    let view = await officerView(kit, trip.id);
    view = await decided(kit, 'haiquan.tralinh', controlOf(view, 'customs').id, { outcome: 'inspect', version: controlOf(view, 'customs').version });
    view = await decided(kit, 'haiquan.tralinh', controlOf(view, 'customs').id, { outcome: 'refuse', version: controlOf(view, 'customs').version, legalBasisId: 'customs-false-declaration', reason: 'Số thùng thực tế 380, khai 400' });
    expect(view.trip.status).toBe('refused');
    expect(view.compliance).toMatchObject({ refusals: 1, discrepancies: 1 });

    await publish(kit, quietRules());
    const next = await declare(kit, { cargoLines: [furnitureLine()] });
    expect((await officerView(kit, next.id)).selection).toMatchObject({ channel: 'yellow', firedRule: { id: 'R06-DISCREPANCY' }, inputs: { counters: { discrepancies: 1, refusals: 1 } } });

    // The counters selection reads are the history, recounted.
    const enterpriseId = trip.enterpriseId;
    const db = kit.t.db;
    const stored = await db.selectFrom('clearance_enterprise_counters').selectAll().where('enterprise_id', '=', enterpriseId).executeTakeFirstOrThrow();
    const trips = await db.selectFrom('clearance_trips').select(['trip_id', 'cleared_at', 'refused_at']).where('enterprise_id', '=', enterpriseId).execute();
    const ids = trips.map((t) => t.trip_id);
    const discrepancies = await db.selectFrom('clearance_control_events').select('id').where('trip_id', 'in', ids).where('action', '=', 'inspection_refuse').execute();
    const requests = await db.selectFrom('clearance_document_requests').select('id').where('trip_id', 'in', ids).execute();
    const refusedTrips = await db.selectFrom('trips').select('id').where('enterprise_id', '=', enterpriseId).where('status', '=', 'refused').execute();
    expect({ trips: stored.trips, cleared: stored.cleared, refusals: stored.refusals, discrepancies: stored.discrepancies, documentRequests: stored.document_requests }).toEqual({
      trips: trips.length,
      cleared: trips.filter((t) => t.cleared_at).length,
      refusals: refusedTrips.length,
      discrepancies: discrepancies.length,
      documentRequests: requests.length,
    });
    expect(stored.trips).toBeGreaterThan(5);
    expect(stored.cleared).toBeGreaterThan(0);
  });

});
