import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { databaseFingerprint, dbKinds, login } from '../../test/harness';
import { durianLine, newKey, OK_ACCOUNT, paidTrip, START, startKit, submittedTrip, type Kit } from './__fixtures__/trips.testkit';
import { expireDueTrips } from './expire-trips';
import { tripsCapability } from './index';

// Amendments (in place, with history; after payment the fee difference is settled), cancellation
// with the refund rules, and the expiry job.

describe.each(dbKinds())('trip lifecycle on %s', (kind) => {
  let kit: Kit;
  beforeAll(async () => {
    kit = await startKit(kind);
  });
  afterAll(async () => kit?.t.close());

  const get = async (id: string) => (await kit.req('GET', `/api/v1/trips/${id}`, 'dn.nongsan')).json();
  const amend = (trip: { id: string; version: number }, body: Record<string, unknown>) => kit.req('PATCH', `/api/v1/trips/${trip.id}`, 'dn.nongsan', { version: trip.version, ...body });
  const process = () => kit.req('POST', '/api/v1/payments/simulated/process', 'dn.nongsan');
  const actions = async (id: string) => (await kit.req('GET', `/api/v1/trips/${id}/timeline`, 'dn.nongsan')).json().items.map((e: { action: string }) => e.action);

  it('amends a submitted declaration in place: reason required, checks re-run, history kept, fee recomputed', async () => {
    const trip = await submittedTrip(kit);
    expect((await amend(trip, { notes: 'x' })).json().code).toBe('trips.reason_required');
    const before = await databaseFingerprint(kit.t.db, ['sessions']);
    const bad = await amend(trip, { reason: 'Sửa mã HS', cargoLines: [durianLine({ hsCode: '0810.99.99' })] });
    expect(bad.statusCode).toBe(422);
    expect(bad.json().errors.map((e: { code: string }) => e.code)).toEqual(['hs.unknown_code']);
    expect(await databaseFingerprint(kit.t.db, ['sessions'])).toEqual(before);
    const ok = await amend(trip, { reason: 'Cân lại hàng', cargoLines: [durianLine({ grossWeightKg: 10_000 })] });
    expect(ok.statusCode).toBe(200);
    expect(ok.json()).toMatchObject({ id: trip.id, reference: trip.reference, status: 'submitted', version: trip.version + 1, fee: { total: 250_000, outstanding: 250_000 } });
    const versions = (await kit.req('GET', `/api/v1/trips/${trip.id}/versions`, 'dn.nongsan')).json().items;
    expect(versions[0]).toMatchObject({ version: trip.version, status: 'submitted', reason: 'Cân lại hàng', changes: ['cargoLines'], actor: 'dn.nongsan' });
    expect(versions[0].snapshot).toMatchObject({ feeTotal: 212_500, cargoLines: [expect.objectContaining({ grossWeightKg: 8500 })] });
    expect(await actions(trip.id)).toEqual(['created', 'submitted', 'amended']);
  });

  it('after payment, an amendment that costs more leaves an extra charge; paying it brings a new pass', async () => {
    const trip = await paidTrip(kit);
    expect(trip.fee).toMatchObject({ total: 212_500, paid: 212_500 });
    const res = await amend(trip, { reason: 'Thêm hàng', cargoLines: [durianLine({ grossWeightKg: 12_000 })] });
    expect(res.statusCode).toBe(200);
    expect(res.json()).toMatchObject({ status: 'paid', fee: { total: 300_000, paid: 212_500, outstanding: 87_500 }, pass: { serial: 1, status: 'superseded' } });
    expect(res.json().allowedActions).toEqual(['amend', 'pay', 'cancel']);
    const settlement = await kit.t.db.selectFrom('trip_settlements').selectAll().where('trip_id', '=', trip.id).executeTakeFirstOrThrow();
    expect(settlement).toMatchObject({ kind: 'extra_charge', previous_total: 212_500, new_total: 300_000, paid_before: 212_500, difference: 87_500 });
    const payment = await kit.req('POST', `/api/v1/trips/${trip.id}/payments`, 'dn.nongsan', { amount: 87_500, payerAccount: OK_ACCOUNT }, { 'idempotency-key': newKey() });
    expect(payment.json()).toMatchObject({ purpose: 'settlement', amount: 87_500 });
    await process();
    const settled = await get(trip.id);
    expect(settled).toMatchObject({ fee: { total: 300_000, paid: 300_000, outstanding: 0 }, pass: { serial: 2, status: 'valid' } });
    expect(await actions(trip.id)).toEqual(['created', 'submitted', 'payment_initiated', 'payment_succeeded', 'paid', 'amended', 'settlement', 'payment_initiated', 'payment_succeeded', 'pass_issued']);
  });

  it('after payment, an amendment that costs less refunds the difference through the provider', async () => {
    const trip = await paidTrip(kit);
    const res = await amend(trip, { reason: 'Bớt hàng', cargoLines: [durianLine({ grossWeightKg: 4_000 })] });
    // Nothing printed on the pass changed, so the pass stays as it is.
    expect(res.json()).toMatchObject({ fee: { total: 100_000, paid: 212_500, outstanding: -112_500 }, pass: { serial: 1, status: 'valid' } });
    const refunds = await kit.t.db.selectFrom('payments').selectAll().where('trip_id', '=', trip.id).where('kind', '=', 'refund').execute();
    expect(refunds).toEqual([expect.objectContaining({ purpose: 'amendment_refund', amount: 112_500, status: 'pending', payer_account: OK_ACCOUNT })]);
    await process();
    expect((await get(trip.id)).fee).toMatchObject({ total: 100_000, paid: 100_000, outstanding: 0 });
    const entries = await kit.t.db
      .selectFrom('simgw_entries')
      .innerJoin('simgw_transactions', 'simgw_transactions.id', 'simgw_entries.transaction_id')
      .select(['simgw_entries.account_no', 'simgw_entries.amount'])
      .where('simgw_transactions.merchant_reference', '=', refunds[0].id)
      .execute();
    expect(entries).toEqual(expect.arrayContaining([{ account_no: OK_ACCOUNT, amount: 112_500 }, { account_no: '0000000000000001', amount: -112_500 }]));
    // A second decrease counts the refund already on its way; an increase back charges only the difference.
    const again = await amend(await get(trip.id), { reason: 'Thêm lại hàng', cargoLines: [durianLine({ grossWeightKg: 6_000 })] });
    expect(again.json().fee).toMatchObject({ total: 150_000, outstanding: 50_000 });
  });

  it('after payment, an amendment of what the pass shows replaces the pass; one of nothing priced settles nothing', async () => {
    const trip = await paidTrip(kit);
    const notes = await amend(trip, { reason: 'Ghi chú', notes: 'Hàng dễ dập, xếp nhẹ tay' });
    expect(notes.json()).toMatchObject({ fee: { total: 212_500, outstanding: 0 }, pass: { serial: 1, status: 'valid' } });
    const window = await amend(notes.json(), { reason: 'Đổi giờ', window: { from: '14:00', to: '16:00' } });
    expect(window.json()).toMatchObject({ fee: { total: 212_500, outstanding: 0 }, pass: { serial: 2, status: 'valid' }, expiresAt: '2027-03-04T09:00:00.000Z' });
    expect(await kit.t.db.selectFrom('trip_settlements').select('id').where('trip_id', '=', trip.id).execute()).toEqual([]);
    expect(await actions(trip.id)).toEqual(['created', 'submitted', 'payment_initiated', 'payment_succeeded', 'paid', 'amended', 'amended', 'pass_issued']);
  });

  it('cancels a paid trip 24 hours or more before its window with a full refund, revoking the pass', async () => {
    const trip = await paidTrip(kit);
    const res = await kit.req('POST', `/api/v1/trips/${trip.id}/cancel`, 'dn.nongsan', { version: trip.version, reason: 'Đối tác hủy đơn' });
    expect(res.json()).toMatchObject({ status: 'cancelled', pass: { status: 'revoked' }, allowedActions: [] });
    await process();
    expect((await get(trip.id)).fee).toMatchObject({ paid: 0 });
    const cancelled = (await kit.req('GET', `/api/v1/trips/${trip.id}/timeline`, 'dn.nongsan')).json().items.find((e: { action: string }) => e.action === 'cancelled');
    expect(cancelled).toMatchObject({ reason: 'Đối tác hủy đơn', details: { refund: { percent: 100, amount: 212_500 } } });
    expect(await actions(trip.id)).toEqual(expect.arrayContaining(['cancelled', 'refund_initiated', 'refund_succeeded']));
  });

  it('refunds 90% when cancelled less than 24 hours before the window', async () => {
    const trip = await paidTrip(kit);
    kit.clock.now = new Date('2027-03-02T02:00:00Z'); // 23 hours before 08:00 on 3 March in Vietnam
    try {
      const cookie = await login(kit.t.app, 'dn.nongsan');
      const preview = await kit.t.app.inject({ method: 'GET', url: `/api/v1/trips/${trip.id}/refund-preview`, headers: { cookie } });
      expect(preview.json()).toMatchObject({ paid: 212_500, percent: 90, amount: 191_250, description: { vi: expect.any(String), en: expect.any(String) } });
      const other = await kit.t.app.inject({ method: 'GET', url: `/api/v1/trips/${trip.id}/refund-preview`, headers: { cookie: await login(kit.t.app, 'dn.thanhthuy') } });
      expect(other.statusCode).toBe(404);
      const res = await kit.t.app.inject({ method: 'POST', url: `/api/v1/trips/${trip.id}/cancel`, headers: { cookie }, payload: { version: trip.version, reason: 'Xe hỏng' } });
      expect(res.statusCode).toBe(200);
      const refund = await kit.t.db.selectFrom('payments').selectAll().where('trip_id', '=', trip.id).where('kind', '=', 'refund').executeTakeFirstOrThrow();
      expect(refund).toMatchObject({ purpose: 'cancellation_refund', amount: 191_250 });
    } finally {
      kit.clock.now = new Date(START);
    }
  });

  it('expires unpaid declarations after the time to pay and unused paid trips after the grace, but not while the bank is answering', async () => {
    expect(tripsCapability.jobs?.map((j) => j.name)).toContain('trips.expiry');
    const unused = await paidTrip(kit);
    const unpaid = await submittedTrip(kit, 'dn.nongsan', { plannedDate: '2027-03-20' });
    const paying = await submittedTrip(kit, 'dn.nongsan', { plannedDate: '2027-03-20' });
    await kit.req('POST', `/api/v1/trips/${paying.id}/payments`, 'dn.nongsan', { amount: paying.fee.outstanding, payerAccount: OK_ACCOUNT }, { 'idempotency-key': newKey() });
    const draft = (await kit.req('POST', '/api/v1/trips', 'dn.nongsan', {})).json();
    const status = async (id: string) => (await kit.t.db.selectFrom('trips').select('status').where('id', '=', id).executeTakeFirstOrThrow()).status;
    try {
      kit.clock.now = new Date('2027-03-04T00:59:59Z');
      await expireDueTrips(kit.t.db, kit.clock.now);
      expect(await status(unpaid.id)).toBe('submitted');
      kit.clock.now = new Date('2027-03-04T01:00:00Z'); // 72 hours after submission and creation
      await expireDueTrips(kit.t.db, kit.clock.now);
      expect(await status(unpaid.id)).toBe('expired');
      expect(await status(draft.id)).toBe('expired');
      expect(await status(paying.id)).toBe('submitted');
      expect(await status(unused.id)).toBe('paid');
      kit.clock.now = new Date('2027-03-04T04:00:00Z'); // end of the 3 March window plus 24 hours
      await expireDueTrips(kit.t.db, kit.clock.now);
      expect(await status(unused.id)).toBe('expired');
      const event = await kit.t.db.selectFrom('trip_events').selectAll().where('trip_id', '=', unused.id).where('action', '=', 'expired').executeTakeFirstOrThrow();
      expect(event).toMatchObject({ actor_label: 'system:trip-expiry', from_status: 'paid', to_status: 'expired' });
      expect(event.details).toMatchObject({ refund: { percent: 0, amount: 0 }, passRevoked: true });
      const refunds = await kit.t.db.selectFrom('payments').select('id').where('trip_id', '=', unused.id).where('kind', '=', 'refund').execute();
      expect(refunds).toEqual([]);
      // Running again finds nothing more to do.
      expect(await expireDueTrips(kit.t.db, kit.clock.now)).toBe(0);
    } finally {
      kit.clock.now = new Date(START);
    }
  });
});
