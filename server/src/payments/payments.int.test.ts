import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { dbKinds, login } from '../../test/harness';
import { FAILING, newKey, OK_ACCOUNT, pay, startKit, submittedTrip, type Kit } from '../trips/__fixtures__/trips.testkit';

function pdfText(pdf: Buffer): string {
  const dir = mkdtempSync(path.join(tmpdir(), 'receipt-'));
  try {
    const file = path.join(dir, 'r.pdf');
    writeFileSync(file, pdf);
    return execFileSync('pdftotext', ['-layout', file, '-'], { encoding: 'utf8' });
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

describe.each(dbKinds())('payments on %s', (kind) => {
  let kit: Kit;
  beforeAll(async () => {
    kit = await startKit(kind);
    kit.cookies['bql.tralinh'] = await login(kit.t.app, 'bql.tralinh');
    kit.cookies['bql.thanhthuy'] = await login(kit.t.app, 'bql.thanhthuy');
  });
  afterAll(async () => kit?.t.close());

  const payReq = (tripId: string, amount: number, key: string | null, account = OK_ACCOUNT) =>
    kit.req('POST', `/api/v1/trips/${tripId}/payments`, 'dn.nongsan', { amount, payerAccount: account }, key ? { 'idempotency-key': key } : {});
  const process = () => kit.req('POST', '/api/v1/payments/simulated/process', 'dn.nongsan');

  it('accepts a payment as pending, freezes the trip, and on the bank\'s confirmation makes it paid with a receipt and a pass', async () => {
    const trip = await submittedTrip(kit);
    const res = await payReq(trip.id, 212_500, newKey());
    expect(res.statusCode).toBe(201);
    expect(res.json()).toMatchObject({ status: 'pending', kind: 'charge', purpose: 'trip_fee', amount: 212_500, payerAccount: '••••0018', receiptNumber: null, provider: 'simulated' });
    const waiting = (await kit.req('GET', `/api/v1/trips/${trip.id}`, 'dn.nongsan')).json();
    expect(waiting).toMatchObject({ status: 'submitted', allowedActions: [] });
    const cancel = await kit.req('POST', `/api/v1/trips/${trip.id}/cancel`, 'dn.nongsan', { version: waiting.version, reason: 'đổi ý' });
    expect(cancel.json().code).toBe('payments.in_progress');
    expect(await process().then((r) => r.json())).toMatchObject({ processed: 1, succeeded: 1, failed: 0 });
    const paid = (await kit.req('GET', `/api/v1/trips/${trip.id}`, 'dn.nongsan')).json();
    expect(paid).toMatchObject({ status: 'paid', fee: { total: 212_500, paid: 212_500, outstanding: 0 }, pass: { serial: 1, status: 'valid' }, allowedActions: ['amend', 'cancel'] });
    const payment = (await kit.req('GET', `/api/v1/payments/${res.json().id}`, 'dn.nongsan')).json();
    expect(payment).toMatchObject({ status: 'succeeded', receiptNumber: expect.stringMatching(/^CKS-2027-\d{6}$/) });
    const timeline = (await kit.req('GET', `/api/v1/trips/${trip.id}/timeline`, 'dn.nongsan')).json().items.map((e: { action: string }) => e.action);
    expect(timeline).toEqual(['created', 'submitted', 'payment_initiated', 'payment_succeeded', 'paid']);
    // Delivering the confirmations again changes nothing.
    expect((await process()).json().processed).toBe(0);
  });

  it('requires an Idempotency-Key, and replays a retry instead of charging again', async () => {
    const trip = await submittedTrip(kit);
    expect((await payReq(trip.id, 212_500, null)).statusCode).toBe(400);
    const key = newKey('retry');
    const first = await payReq(trip.id, 212_500, key);
    const second = await payReq(trip.id, 212_500, key);
    expect(second.statusCode).toBe(201);
    expect(second.headers['idempotent-replayed']).toBe('true');
    expect(second.json().id).toBe(first.json().id);
    const reused = await payReq(trip.id, 212_500, key, '9704999999999999');
    expect(reused.json().code).toBe('idempotency.key_reused');
    expect(await kit.t.db.selectFrom('payments').select('id').where('trip_id', '=', trip.id).execute()).toHaveLength(1);
  });

  it('charges once for 20 parallel requests with the same key', async () => {
    const trip = await submittedTrip(kit);
    const key = newKey('double-click');
    const results = await Promise.all(Array.from({ length: 20 }, () => payReq(trip.id, 212_500, key)));
    const ids = new Set(results.map((r) => r.json().id));
    expect(results.map((r) => r.statusCode)).toEqual(Array(20).fill(201));
    expect(ids.size).toBe(1);
    const payments = await kit.t.db.selectFrom('payments').selectAll().where('trip_id', '=', trip.id).execute();
    expect(payments).toHaveLength(1);
    const atGateway = await kit.t.db.selectFrom('simgw_transactions').selectAll().where('merchant_reference', '=', payments[0].id).execute();
    expect(atGateway).toHaveLength(1);
    await process();
    const entries = await kit.t.db.selectFrom('simgw_entries').selectAll().where('transaction_id', '=', atGateway[0].id).execute();
    expect(entries.map((e) => e.amount).sort((a, b) => a - b)).toEqual([-212_500, 212_500]);
    expect((await kit.req('GET', `/api/v1/trips/${trip.id}`, 'dn.nongsan')).json().fee).toMatchObject({ paid: 212_500, outstanding: 0 });
  });

  it('charges once when 20 clicks each send a new key: one pending charge per trip', async () => {
    const trip = await submittedTrip(kit);
    const results = await Promise.all(Array.from({ length: 20 }, (_, i) => payReq(trip.id, 212_500, newKey(`click${i}`))));
    const codes = results.map((r) => (r.statusCode === 201 ? 'created' : r.json().code)).sort();
    expect(codes.filter((c) => c === 'created')).toHaveLength(1);
    expect(new Set(codes.filter((c) => c !== 'created'))).toEqual(new Set(['payments.in_progress']));
    expect(await kit.t.db.selectFrom('payments').select('id').where('trip_id', '=', trip.id).execute()).toHaveLength(1);
  });

  it('refuses an amount that is not what is due, and a payment when nothing is due', async () => {
    const trip = await submittedTrip(kit);
    const wrong = await payReq(trip.id, 200_000, newKey());
    expect(wrong.statusCode).toBe(409);
    expect(wrong.json()).toMatchObject({ code: 'payments.amount_mismatch', amountDue: 212_500 });
    await pay(kit, trip.id);
    const again = await payReq(trip.id, 212_500, newKey());
    expect(again.statusCode).toBe(409);
    expect(again.json().code).toBe('payments.nothing_due');
  });

  it('fails deterministically for the designated test accounts; the trip can be paid again', async () => {
    const trip = await submittedTrip(kit);
    const expected = { [FAILING.insufficient]: 'payments.insufficient_funds', [FAILING.declined]: 'payments.declined', [FAILING.closed]: 'payments.unknown_account' };
    for (const [account, failureCode] of Object.entries(expected)) {
      const res = await payReq(trip.id, 212_500, newKey(), account);
      expect(res.statusCode).toBe(201);
      expect((await process()).json()).toMatchObject({ failed: 1 });
      const payment = (await kit.req('GET', `/api/v1/payments/${res.json().id}`, 'dn.nongsan')).json();
      expect(payment).toMatchObject({ status: 'failed', failureCode, receiptNumber: null, failureMessage: { vi: expect.any(String), en: expect.any(String) } });
      const after = (await kit.req('GET', `/api/v1/trips/${trip.id}`, 'dn.nongsan')).json();
      expect(after).toMatchObject({ status: 'submitted', fee: { paid: 0, outstanding: 212_500 } });
      expect(after.allowedActions).toContain('pay');
    }
    const paid = await pay(kit, trip.id);
    expect(paid.status).toBe('paid');
    const timeline = (await kit.req('GET', `/api/v1/trips/${trip.id}/timeline`, 'dn.nongsan')).json().items.map((e: { action: string }) => e.action);
    expect(timeline.filter((a: string) => a === 'payment_failed')).toHaveLength(3);
  });

  it('numbers receipts per year without gaps, even with failures in between', async () => {
    const rows = await kit.t.db.selectFrom('payments').select(['receipt_number', 'status', 'kind']).where('receipt_number', 'is not', null).execute();
    const numbers = rows.map((r) => r.receipt_number!).filter((n) => n.startsWith('CKS-2027-')).map((n) => Number(n.slice(9))).sort((a, b) => a - b);
    expect(numbers.length).toBeGreaterThanOrEqual(4);
    expect(numbers).toEqual(Array.from({ length: numbers.length }, (_, i) => i + 1));
    expect(rows.every((r) => r.status === 'succeeded' && r.kind === 'charge')).toBe(true);
    const counter = await kit.t.db.selectFrom('receipt_counters').selectAll().where('year', '=', 2027).executeTakeFirstOrThrow();
    expect(counter.last_number).toBe(numbers.length);
  });

  it('prints a receipt with its number, the fee items and their legal basis', async () => {
    const trip = await submittedTrip(kit);
    const res = await payReq(trip.id, 212_500, newKey());
    const early = await kit.req('GET', `/api/v1/payments/${res.json().id}/receipt.pdf`, 'dn.nongsan');
    expect(early.json().code).toBe('payments.no_receipt');
    await process();
    const payment = (await kit.req('GET', `/api/v1/payments/${res.json().id}`, 'dn.nongsan')).json();
    const pdf = await kit.req('GET', `/api/v1/payments/${payment.id}/receipt.pdf`, 'dn.nongsan');
    expect(pdf.statusCode).toBe(200);
    expect(pdf.headers['content-type']).toBe('application/pdf');
    const text = pdfText(pdf.rawPayload);
    expect(text).toContain('BIÊN LAI THU PHÍ');
    expect(text).toContain(payment.receiptNumber);
    expect(text).toContain(trip.reference);
    expect(text).toContain('Công ty TNHH Xuất nhập khẩu Nông sản Cao Bằng');
    expect(text).toContain('212.500 đ');
    expect(text).toContain('39/2019/NQ-HĐND');
    expect((await kit.req('GET', `/api/v1/payments/${payment.id}/receipt.pdf`, 'dn.thanhthuy')).statusCode).toBe(404);
  });

  it('reconciles a day against the gateway ledger and lists each mismatch', async () => {
    const clean = await kit.req('GET', '/api/v1/payments/reconciliation?date=2027-03-01', 'admin');
    expect(clean.statusCode).toBe(200);
    const report = clean.json();
    expect(report.mismatches).toEqual([]);
    expect(report.matched).toBe(report.platform.count);
    expect(report.platform.charged).toBe(report.gateway.charged);
    expect(report.platform.charged).toBeGreaterThan(0);
    // The bank's books disagree: a transaction the platform never saw, and an amount changed.
    const day = new Date('2027-03-01T05:00:00Z');
    await kit.t.db.insertInto('simgw_transactions').values({ reference: 'SIM-ORPHAN-1', merchant_reference: 'not-a-platform-payment', kind: 'charge', account_no: OK_ACCOUNT, amount: 99_000, status: 'succeeded', created_at: day, processed_at: day, notified_at: day }).execute();
    const victim = await kit.t.db.selectFrom('payments').select(['provider_reference', 'id']).where('status', '=', 'succeeded').where('kind', '=', 'charge').where('receipt_number', 'like', 'CKS-2027-%').executeTakeFirstOrThrow();
    await kit.t.db.updateTable('simgw_transactions').set({ amount: 1 }).where('reference', '=', victim.provider_reference!).execute();
    const dirty = (await kit.req('GET', '/api/v1/payments/reconciliation?date=2027-03-01', 'admin')).json();
    expect(dirty.mismatches).toEqual(
      expect.arrayContaining([
        expect.objectContaining({ kind: 'missing_on_platform', providerReference: 'SIM-ORPHAN-1', gatewayAmount: 99_000, paymentId: null }),
        expect.objectContaining({ kind: 'amount_differs', paymentId: victim.id, platformAmount: 212_500, gatewayAmount: 1 }),
      ]),
    );
    expect(dirty.mismatches).toHaveLength(2);
    const stored = await kit.t.db.selectFrom('payment_reconciliations').selectAll().where('day', '=', '2027-03-01').executeTakeFirstOrThrow();
    expect(stored.mismatch_count).toBe(2);
    // A gate authority sees its own gates' payments only; an enterprise may not reconcile.
    const tralinh = (await kit.req('GET', '/api/v1/payments/reconciliation?date=2027-03-01', 'bql.tralinh')).json();
    expect(tralinh.mismatches.map((m: { kind: string }) => m.kind)).toEqual(['amount_differs']);
    const thanhthuy = (await kit.req('GET', '/api/v1/payments/reconciliation?date=2027-03-01', 'bql.thanhthuy')).json();
    expect(thanhthuy).toMatchObject({ mismatches: [], platform: { count: 0 } });
    expect((await kit.req('GET', '/api/v1/payments/reconciliation?date=2027-03-01', 'dn.nongsan')).statusCode).toBe(403);
  });
});
