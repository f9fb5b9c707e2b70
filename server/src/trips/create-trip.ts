import type { CreateTripRequest, Trip } from '../../../shared/schemas/trips';
import { requirePermission } from '../platform/actor';
import type { RequestContext } from '../platform/context';
import { AppError } from '../platform/errors';
import { runIdempotent, type IdempotentResult } from '../platform/idempotency';
import { writeEnterprise } from '../fleet/scope';
import { throwIfProblems } from './check-error';
import { loadCheckInput, withDefaults } from './check-context';
import { referenceProblems } from './checks';
import { computeExpiry, gateTimeZone } from './expiry';
import { freshReference } from './reference';
import { recordTripChange } from './timeline';
import { todayIn } from './time';
import { tripView } from './trip-view';
import { writeFields } from './trips.repository';

/** Saves a new declaration as a draft; it may be incomplete, but what it names must exist. */
export async function createTrip(ctx: RequestContext, input: CreateTripRequest, key: string | undefined): Promise<IdempotentResult<Trip>> {
  const actor = requirePermission(ctx.actor, 'trips:write');
  const { enterpriseId: requested, ...rest } = input;
  const enterpriseId = writeEnterprise(actor, requested);
  return runIdempotent(ctx, { scope: `${actor.userId}:trips.create`, key, request: input }, async (tx) => {
    const now = ctx.app.now();
    if (!(await tx.selectFrom('enterprises').select('id').where('id', '=', enterpriseId).executeTakeFirst())) throw new AppError('enterprises.not_found');
    const fields = withDefaults(rest);
    throwIfProblems('trips.checks_failed', referenceProblems(await loadCheckInput(tx, fields, enterpriseId, null, now)));
    const reference = await freshReference(tx, fields.gateId, fields.plannedDate ?? todayIn(now));
    const timing = { status: 'draft', created_at: now, submitted_at: null, planned_date: fields.plannedDate, window_to: fields.window?.to ?? null };
    const row = await tx
      .insertInto('trips')
      .values({
        reference,
        enterprise_id: enterpriseId,
        options: '{}',
        created_by: actor.userId,
        created_at: now,
        updated_at: now,
        expires_at: computeExpiry(timing, await gateTimeZone(tx, fields.gateId)),
      })
      .returningAll()
      .executeTakeFirstOrThrow();
    await writeFields(tx, row.id, fields, {});
    await recordTripChange(tx, actor, ctx.requestId, { tripId: row.id, action: 'created', from: null, to: 'draft', at: now, details: { reference }, after: fields });
    const saved = await tx.selectFrom('trips').selectAll().where('id', '=', row.id).executeTakeFirstOrThrow();
    return { status: 201, body: await tripView(tx, actor, saved) };
  });
}
