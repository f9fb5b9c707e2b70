import type { Transaction } from 'kysely';
import type { GateCapacity, HourLimit, UpdateDateOverrideRequest, UpdateProfileRequest } from '../../../shared/schemas/capacity';
import { recordAudit } from '../audit/audit.repository';
import type { Database } from '../db/database';
import { actorLabel, requireGateScope, requirePermission, type AuthenticatedActor } from '../platform/actor';
import type { RequestContext } from '../platform/context';
import { AppError } from '../platform/errors';
import { runIdempotent, type IdempotentResult } from '../platform/idempotency';
import { todayIn } from '../trips/time';
import { gateCapacityContext, loadOverrides, planFor } from './capacity-config';
import type { CrossingDirection } from './capacity-query';
import { lockDays, refreshLimits } from './counters';
import { hourList, readGateCapacity } from './read-capacity';

// The gate authority changes capacity for its own gates: the standing hourly profile of a
// direction, or the capacity of one date. Optimistic version, reason required, history row and
// audit record in the same transaction; stored counter limits follow (never below bookings).

type Tx = Transaction<Database>;

function hourMap(hours: HourLimit[]): Record<string, number> {
  const seen = new Set<number>();
  for (const h of hours) {
    if (seen.has(h.hour)) throw new AppError('capacity.invalid_hours', { hour: h.hour });
    seen.add(h.hour);
  }
  return Object.fromEntries([...hours].sort((a, b) => a.hour - b.hour).map((h) => [String(h.hour), h.capacity]));
}

interface Change {
  gateId: string;
  direction: CrossingDirection;
  version: number;
  reason: string;
  scope: 'profile' | 'date';
  date: string | null;
  apply: (tx: Tx, userId: string, now: Date) => Promise<{ before: unknown; after: unknown }>;
}

/** Who may edit is answered before what is wrong with the edit. */
function authorise(ctx: RequestContext, gateId: string): AuthenticatedActor {
  const actor = requirePermission(ctx.actor, 'capacity:write');
  requireGateScope(actor, gateId);
  return actor;
}

async function changeCapacity(ctx: RequestContext, actor: AuthenticatedActor, change: Change, key: string | undefined, request: unknown): Promise<IdempotentResult<GateCapacity>> {
  return runIdempotent(ctx, { scope: `capacity:${actor.userId}`, key, request }, async (tx) => {
    const now = ctx.app.now();
    const gate = await tx.selectFrom('gates').select(['id', 'time_zone']).where('id', '=', change.gateId).executeTakeFirst();
    if (!gate) throw new AppError('gates.not_found');
    const today = todayIn(now, gate.time_zone);
    if (change.date !== null && change.date < today) throw new AppError('capacity.date_in_past', { date: change.date });
    await tx.insertInto('capacity_settings').values({ gate_id: change.gateId, version: 0, updated_at: now }).onConflict((oc) => oc.column('gate_id').doNothing()).execute();
    const settings = await tx.selectFrom('capacity_settings').select('version').where('gate_id', '=', change.gateId).forUpdate().executeTakeFirstOrThrow();
    if (settings.version !== change.version) throw new AppError('capacity.version_conflict', { currentVersion: settings.version });
    const { before, after } = await change.apply(tx, actor.userId, now);
    await tx.updateTable('capacity_settings').set({ version: settings.version + 1, updated_at: now }).where('gate_id', '=', change.gateId).execute();
    await tx
      .insertInto('capacity_changes')
      .values({
        gate_id: change.gateId,
        direction: change.direction,
        scope: change.scope,
        day: change.date,
        before: JSON.stringify(before),
        after: JSON.stringify(after),
        reason: change.reason,
        changed_by: actor.userId,
        changed_by_label: actorLabel(actor),
        changed_at: now,
        request_id: ctx.requestId,
      })
      .execute();
    await recordAudit(tx, actor, ctx.requestId, {
      action: change.scope === 'profile' ? 'capacity.profile_changed' : 'capacity.date_changed',
      entityType: 'gate',
      entityId: change.gateId,
      before: { direction: change.direction, date: change.date, ...(before as object) },
      after: { direction: change.direction, date: change.date, ...(after as object) },
      reason: change.reason,
    });
    await followLimits(tx, change.gateId, change.direction, change.date ?? today, change.date);
    return { status: 200, body: await readGateCapacity(tx, change.gateId, today) };
  });
}

/** Stored counter limits of the affected days follow the new plan. */
async function followLimits(tx: Tx, gateId: string, direction: CrossingDirection, from: string, only: string | null): Promise<void> {
  let query = tx.selectFrom('capacity_day_counters').select('day').where('gate_id', '=', gateId).where('direction', '=', direction).where('day', '>=', from);
  if (only) query = query.where('day', '=', only);
  const days = (await query.orderBy('day').execute()).map((d) => d.day);
  if (days.length === 0) return;
  const ctx = (await gateCapacityContext(tx, gateId, direction))!;
  const overrides = await loadOverrides(tx, gateId, direction, days[0], days[days.length - 1]);
  await lockDays(tx, days.map((date) => ({ gateId, direction, date })));
  for (const date of days) {
    const plan = planFor(ctx, date, overrides.get(date) ?? null);
    await refreshLimits(tx, { gateId, direction, date }, plan.perDay, new Map(plan.hours.map((h) => [h.hour, h.capacity])));
  }
}

export function updateProfile(ctx: RequestContext, gateId: string, input: UpdateProfileRequest, key: string | undefined) {
  const actor = authorise(ctx, gateId);
  const hours = hourMap(input.hours);
  return changeCapacity(
    ctx,
    actor,
    {
      gateId,
      direction: input.direction,
      version: input.version,
      reason: input.reason,
      scope: 'profile',
      date: null,
      apply: async (tx, userId, now) => {
        const old = await tx.selectFrom('capacity_profiles').select('hours').where('gate_id', '=', gateId).where('direction', '=', input.direction).executeTakeFirst();
        await tx
          .insertInto('capacity_profiles')
          .values({ gate_id: gateId, direction: input.direction, hours: JSON.stringify(hours), updated_at: now, updated_by: userId })
          .onConflict((oc) => oc.columns(['gate_id', 'direction']).doUpdateSet({ hours: JSON.stringify(hours), updated_at: now, updated_by: userId }))
          .execute();
        return { before: { hours: hourList(old?.hours) }, after: { hours: input.hours } };
      },
    },
    key,
    { gateId, ...input },
  );
}

export function updateDateOverride(ctx: RequestContext, gateId: string, date: string, input: UpdateDateOverrideRequest, key: string | undefined) {
  const actor = authorise(ctx, gateId);
  const hours = hourMap(input.hours);
  const remove = input.perDay === null && input.hours.length === 0;
  return changeCapacity(
    ctx,
    actor,
    {
      gateId,
      direction: input.direction,
      version: input.version,
      reason: input.reason,
      scope: 'date',
      date,
      apply: async (tx, userId, now) => {
        const old = await tx.selectFrom('capacity_date_overrides').select(['per_day', 'hours']).where('gate_id', '=', gateId).where('direction', '=', input.direction).where('day', '=', date).executeTakeFirst();
        const before = old ? { perDay: old.per_day, hours: hourList(old.hours) } : null;
        if (remove) {
          await tx.deleteFrom('capacity_date_overrides').where('gate_id', '=', gateId).where('direction', '=', input.direction).where('day', '=', date).execute();
          return { before, after: null };
        }
        const values = { per_day: input.perDay, hours: JSON.stringify(hours), reason: input.reason, updated_at: now, updated_by: userId };
        await tx
          .insertInto('capacity_date_overrides')
          .values({ gate_id: gateId, direction: input.direction, day: date, ...values })
          .onConflict((oc) => oc.columns(['gate_id', 'direction', 'day']).doUpdateSet(values))
          .execute();
        return { before, after: { perDay: input.perDay, hours: input.hours } };
      },
    },
    key,
    { gateId, date, ...input },
  );
}
