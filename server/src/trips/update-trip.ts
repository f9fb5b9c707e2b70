import type { Trip, UpdateTripRequest } from '../../../shared/schemas/trips';
import { requirePermission } from '../platform/actor';
import type { RequestContext } from '../platform/context';
import { AppError } from '../platform/errors';
import { inEnterpriseScope } from '../fleet/scope';
import { endPasses } from '../passes/issue';
import { hasPendingCharge } from '../payments/payments.repository';
import { settleAmendment } from '../payments/settlement';
import { actorLabel } from '../platform/actor';
import { throwIfProblems } from './check-error';
import { loadCheckInput, merge } from './check-context';
import { referenceProblems, submissionChecks } from './checks';
import { computeExpiry, gateTimeZone } from './expiry';
import { assertAction } from './lifecycle';
import { completeIfCovered } from './paid';
import { runTripHooks } from './hooks';
import { recordTripChange } from './timeline';
import { tripView } from './trip-view';
import { fieldsOf, findTripRow, loadAggregate, writeFields } from './trips.repository';

// Editing a draft, or amending a submitted or paid declaration in place (never "start again").
// The previous version goes to trip_versions; an amendment re-runs every check and recomputes
// the fee, and after payment settles the difference. Nothing is written unless all of it holds.

const PASS_FIELDS = ['direction', 'gateId', 'plannedDate', 'window', 'vehicleId', 'driverId'];

export async function updateTrip(ctx: RequestContext, id: string, input: UpdateTripRequest): Promise<Trip> {
  const actor = requirePermission(ctx.actor, 'trips:write');
  const { version, reason, ...changes } = input;
  return ctx.app.db.transaction().execute(async (tx) => {
    const now = ctx.app.now();
    const row = await findTripRow(tx, id, true);
    if (!row || !inEnterpriseScope(actor, row.enterprise_id)) throw new AppError('trips.not_found');
    if (row.version !== version) throw new AppError('trips.version_conflict', { currentVersion: row.version });
    assertAction(row, 'amend', await hasPendingCharge(tx, id));
    const isDraft = row.status === 'draft';
    if (!isDraft && !reason) throw new AppError('trips.reason_required');
    const current = fieldsOf(await loadAggregate(tx, row));
    const { merged, changes: changed } = merge(current, changes);
    if (changed.length === 0) return tripView(tx, actor, row);

    const checkInput = await loadCheckInput(tx, merged, row.enterprise_id, id, now);
    let fee: { total: number; quote: unknown } | null = null;
    if (isDraft) throwIfProblems('trips.checks_failed', referenceProblems(checkInput));
    else {
      const result = submissionChecks(checkInput);
      throwIfProblems('trips.checks_failed', result.problems);
      if (!result.fee?.ok) throw new Error('a checked declaration must have a fee');
      fee = { total: result.fee.total, quote: result.fee.quote };
    }

    await tx
      .insertInto('trip_versions')
      .values({
        trip_id: id,
        version: row.version,
        status: row.status,
        snapshot: JSON.stringify({ ...current, feeTotal: row.fee_total }),
        changes: changed,
        reason: reason ?? null,
        changed_by: actor.userId,
        changed_by_label: actorLabel(actor),
        changed_at: now,
      })
      .execute();
    const timing = { ...row, planned_date: merged.plannedDate, window_to: merged.window?.to ?? null };
    await writeFields(tx, id, merged, {
      version: row.version + 1,
      updated_at: now,
      expires_at: computeExpiry(timing, await gateTimeZone(tx, merged.gateId)),
      ...(fee ? { fee_total: fee.total, fee_quote: JSON.stringify(fee.quote) } : {}),
    });
    await recordTripChange(tx, actor, ctx.requestId, {
      tripId: id,
      action: isDraft ? 'edited' : 'amended',
      from: row.status,
      to: row.status,
      at: now,
      reason,
      details: { version: row.version + 1, changes: changed, ...(fee ? { feeBefore: row.fee_total, feeAfter: fee.total } : {}) },
      before: current,
      after: merged,
    });
    if (!isDraft) await runTripHooks('amended', { tx, actor, requestId: ctx.requestId, trip: (await findTripRow(tx, id))!, previous: row, changes: changed, now });
    if (row.status === 'paid' && fee) {
      // The printed pass names the gate, day, window, truck and driver: it is replaced when one
      // of them changes, or withdrawn until an extra charge is paid.
      const feeChanged = fee.total !== row.fee_total;
      const settlement = feeChanged ? await settleAmendment(tx, actor, ctx.requestId, row, fee.total, row.version + 1, now) : null;
      if (changed.some((c) => PASS_FIELDS.includes(c)) || (settlement?.difference ?? 0) > 0) await endPasses(tx, id, 'superseded', now);
      await completeIfCovered(tx, actor, ctx.requestId, id, now);
    }
    return tripView(tx, actor, (await findTripRow(tx, id))!);
  });
}
