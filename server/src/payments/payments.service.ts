import type { Payment, ReconciliationReport } from '../../../shared/schemas/payments';
import type { FeeQuote } from '../fees/fees.schemas';
import { requireAuthenticated, requirePermission } from '../platform/actor';
import type { RequestContext } from '../platform/context';
import { AppError } from '../platform/errors';
import { readableTrip } from '../trips/trip-scope';
import { processPayments } from './confirm';
import { toPayment } from './payments.repository';
import { reconcileDay, storeReconciliation } from './reconciliation';
import { receiptPdf } from './receipt-pdf';

// Reading payments and receipts (whoever may read the trip), the simulator's manual run, and
// reconciliation (payments:reconcile; a gate authority sees its gates' payments only).

export async function listTripPayments(ctx: RequestContext, tripId: string): Promise<Payment[]> {
  const { row } = await readableTrip(ctx.app.db, ctx.actor, tripId);
  const rows = await ctx.app.db.selectFrom('payments').selectAll().where('trip_id', '=', tripId).orderBy('created_at').execute();
  return rows.map((p) => toPayment(p, row.reference));
}

async function readablePayment(ctx: RequestContext, id: string) {
  requirePermission(ctx.actor, 'trips:read');
  const payment = await ctx.app.db.selectFrom('payments').selectAll().where('id', '=', id).executeTakeFirst();
  if (!payment) throw new AppError('payments.not_found');
  try {
    const { row } = await readableTrip(ctx.app.db, ctx.actor, payment.trip_id);
    return { payment, trip: row };
  } catch (error) {
    if (error instanceof AppError && error.code === 'trips.not_found') throw new AppError('payments.not_found');
    throw error;
  }
}

export async function getPayment(ctx: RequestContext, id: string): Promise<Payment> {
  const { payment, trip } = await readablePayment(ctx, id);
  return toPayment(payment, trip.reference);
}

export async function paymentReceipt(ctx: RequestContext, id: string): Promise<{ receiptNumber: string; pdf: Buffer }> {
  const { payment, trip } = await readablePayment(ctx, id);
  if (!payment.receipt_number || !payment.confirmed_at) throw new AppError('payments.no_receipt');
  const db = ctx.app.db;
  const [enterprise, gate, vehicle] = await Promise.all([
    db.selectFrom('enterprises').select(['name', 'tax_code']).where('id', '=', trip.enterprise_id).executeTakeFirstOrThrow(),
    trip.gate_id ? db.selectFrom('gates').select('name_vi').where('id', '=', trip.gate_id).executeTakeFirst() : undefined,
    trip.vehicle_id ? db.selectFrom('vehicles').select('plate').where('id', '=', trip.vehicle_id).executeTakeFirst() : undefined,
  ]);
  const pdf = await receiptPdf({
    receiptNumber: payment.receipt_number,
    confirmedAt: payment.confirmed_at,
    amount: payment.amount,
    purpose: payment.purpose,
    providerReference: payment.provider_reference,
    payerAccountMasked: toPayment(payment, trip.reference).payerAccount,
    enterprise: { name: enterprise.name, taxCode: enterprise.tax_code },
    trip: { reference: trip.reference, gateName: gate?.name_vi ?? null, plannedDate: trip.planned_date, plate: vehicle?.plate ?? null },
    quote: (trip.fee_quote as FeeQuote | null) ?? null,
  });
  return { receiptNumber: payment.receipt_number, pdf };
}

/** Runs the simulated bank now (tests and demos); the job does the same every few seconds. */
export async function processSimulated(ctx: RequestContext) {
  const actor = requireAuthenticated(ctx.actor);
  if (!actor.permissions.has('trips:write') && !actor.permissions.has('payments:reconcile')) throw new AppError('auth.forbidden', { permission: 'payments:reconcile' });
  return processPayments(ctx.app.db, ctx.app.now());
}

export async function reconciliation(ctx: RequestContext, date: string): Promise<ReconciliationReport> {
  const actor = requirePermission(ctx.actor, 'payments:reconcile');
  if (actor.role !== 'admin') return reconcileDay(ctx.app.db, date, ctx.app.now(), actor.gateIds);
  const report = await reconcileDay(ctx.app.db, date, ctx.app.now());
  await storeReconciliation(ctx.app.db, report);
  return report;
}
