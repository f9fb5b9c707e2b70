import type { Trip } from '../../../shared/schemas/trips';
import { requirePermission } from '../platform/actor';
import type { RequestContext } from '../platform/context';
import { AppError } from '../platform/errors';
import { inEnterpriseScope } from '../fleet/scope';
import { hasPendingCharge } from '../payments/payments.repository';
import { throwIfProblems } from './check-error';
import { loadCheckInput } from './check-context';
import { submissionChecks } from './checks';
import { computeExpiry, gateTimeZone } from './expiry';
import { assertAction } from './lifecycle';
import { completeIfCovered } from './paid';
import { freshReference, referenceMatches } from './reference';
import { runTripHooks } from './hooks';
import { recordTripChange } from './timeline';
import { tripView } from './trip-view';
import { fieldsOf, findTripRow, loadAggregate } from './trips.repository';

/**
 * Runs every check at once; when all pass, fixes the fee and the reference and moves the draft to
 * submitted (straight on to paid, with a pass, when nothing is due). Otherwise 422 with the list.
 */
export async function submitTrip(ctx: RequestContext, id: string, version: number): Promise<Trip> {
  const actor = requirePermission(ctx.actor, 'trips:write');
  return ctx.app.db.transaction().execute(async (tx) => {
    const now = ctx.app.now();
    const row = await findTripRow(tx, id, true);
    if (!row || !inEnterpriseScope(actor, row.enterprise_id)) throw new AppError('trips.not_found');
    if (row.version !== version) throw new AppError('trips.version_conflict', { currentVersion: row.version });
    assertAction(row, 'submit', await hasPendingCharge(tx, id));
    const fields = fieldsOf(await loadAggregate(tx, row));
    const { problems, fee } = submissionChecks(await loadCheckInput(tx, fields, row.enterprise_id, id, now));
    throwIfProblems('trips.checks_failed', problems);
    if (!fee?.ok) throw new Error('a checked declaration must have a fee');
    // The draft's reference was provisional; from now on it names the trip for good.
    const reference = referenceMatches(row.reference, fields.gateId, fields.plannedDate!) ? row.reference : await freshReference(tx, fields.gateId, fields.plannedDate!);
    const expiresAt = computeExpiry({ ...row, status: 'submitted', submitted_at: now }, await gateTimeZone(tx, fields.gateId));
    await tx
      .updateTable('trips')
      .set({
        status: 'submitted',
        reference,
        submitted_at: now,
        fee_total: fee.total,
        fee_quote: fee.quote ? JSON.stringify(fee.quote) : null,
        expires_at: expiresAt,
        version: row.version + 1,
        updated_at: now,
      })
      .where('id', '=', id)
      .execute();
    await recordTripChange(tx, actor, ctx.requestId, {
      tripId: id,
      action: 'submitted',
      from: 'draft',
      to: 'submitted',
      at: now,
      details: { reference, feeTotal: fee.total, tariffId: fee.quote?.tariffId ?? null },
    });
    await runTripHooks('submitted', { tx, actor, requestId: ctx.requestId, trip: (await findTripRow(tx, id))!, now });
    if (fee.total === 0) await completeIfCovered(tx, actor, ctx.requestId, id, now);
    return tripView(tx, actor, (await findTripRow(tx, id))!);
  });
}
