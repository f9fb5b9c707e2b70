import type { Availability, BookingsOverview, CapacityChange, GateCapacity, HourLimit } from '../../../shared/schemas/capacity';
import { todayIn } from '../trips/time';
import { requireAuthenticated, requireGateScope } from '../platform/actor';
import type { RequestContext } from '../platform/context';
import { AppError } from '../platform/errors';
import { loadAvailability, type Executor } from './capacity-config';
import { bookingsOverview, crossingDirectionOf } from './capacity-query';
import type { HourMap } from './capacity.tables';
import { bookingRules } from './rules';

// Reading capacity: the settings (public, like the gate calendar), what is free (public: no
// enterprise data), the next days' bookings against capacity, and the change history (staff).

export function hourList(map: HourMap | null | undefined): HourLimit[] {
  return Object.entries(map ?? {})
    .map(([hour, capacity]) => ({ hour: Number(hour), capacity: Number(capacity) }))
    .sort((a, b) => a.hour - b.hour);
}

export async function readGateCapacity(db: Executor, gateId: string, today: string): Promise<GateCapacity> {
  const gate = await db.selectFrom('gates').selectAll().where('id', '=', gateId).executeTakeFirst();
  if (!gate) throw new AppError('gates.not_found');
  const [settings, profiles, overrides] = await Promise.all([
    db.selectFrom('capacity_settings').select('version').where('gate_id', '=', gateId).executeTakeFirst(),
    db.selectFrom('capacity_profiles').select(['direction', 'hours']).where('gate_id', '=', gateId).execute(),
    db.selectFrom('capacity_date_overrides').selectAll().where('gate_id', '=', gateId).where('day', '>=', today).orderBy('day').orderBy('direction').execute(),
  ]);
  const profileOf = (direction: string) => hourList(profiles.find((p) => p.direction === direction)?.hours);
  return {
    gateId,
    version: settings?.version ?? 0,
    gateVersion: gate.version,
    timeZone: gate.time_zone,
    perDay: { export: gate.capacity_export_per_day, import: gate.capacity_import_per_day },
    profiles: { export: profileOf('export'), import: profileOf('import') },
    overrides: overrides.map((o) => ({
      date: o.day,
      direction: o.direction as 'export' | 'import',
      perDay: o.per_day,
      hours: hourList(o.hours),
      reason: o.reason,
      updatedAt: o.updated_at.toISOString(),
    })),
  };
}

export async function getGateCapacity(ctx: RequestContext, gateId: string): Promise<GateCapacity> {
  const gate = await ctx.app.db.selectFrom('gates').select('time_zone').where('id', '=', gateId).executeTakeFirst();
  if (!gate) throw new AppError('gates.not_found');
  return readGateCapacity(ctx.app.db, gateId, todayIn(ctx.app.now(), gate.time_zone));
}

export async function getAvailability(ctx: RequestContext, gateId: string, query: { date: string; direction: string; days?: number }): Promise<Availability> {
  const direction = crossingDirectionOf(query.direction);
  const loaded = await loadAvailability(ctx.app.db, gateId, direction, query.date, query.days ?? 1);
  if (!loaded) throw new AppError('gates.not_found');
  return { gateId, timeZone: loaded.ctx.gate.time_zone, direction, days: loaded.days };
}

export async function getBookingsOverview(ctx: RequestContext, gateId: string, query: { from?: string; days?: number }): Promise<BookingsOverview> {
  const gate = await ctx.app.db.selectFrom('gates').select('time_zone').where('id', '=', gateId).executeTakeFirst();
  if (!gate) throw new AppError('gates.not_found');
  const rules = bookingRules().overview;
  const from = query.from ?? todayIn(ctx.app.now(), gate.time_zone);
  const items = await bookingsOverview(ctx.app.db, gateId, from, Math.min(query.days ?? rules.defaultDays, rules.maxDays));
  return { gateId, from, items };
}

/**
 * Who changed capacity, when and why: profile and date-override changes, and day-capacity
 * changes made on the gate page (read from the gate's versions). Names staff, so staff only.
 */
export async function capacityHistory(ctx: RequestContext, gateId: string): Promise<CapacityChange[]> {
  const actor = requireAuthenticated(ctx.actor);
  if (!actor.permissions.has('capacity:write') && !actor.permissions.has('audit:read')) throw new AppError('auth.forbidden', { permission: 'capacity:write' });
  if (actor.role === 'gate_authority') requireGateScope(actor, gateId);
  const db = ctx.app.db;
  if (!(await db.selectFrom('gates').select('id').where('id', '=', gateId).executeTakeFirst())) throw new AppError('gates.not_found');
  const [changes, versions] = await Promise.all([
    db.selectFrom('capacity_changes').selectAll().where('gate_id', '=', gateId).orderBy('id', 'desc').limit(200).execute(),
    db.selectFrom('gate_versions').select(['version', 'snapshot', 'changed_by_label', 'changed_at', 'reason']).where('gate_id', '=', gateId).orderBy('version').execute(),
  ]);
  const out: CapacityChange[] = changes.map((c) => ({
    at: c.changed_at.toISOString(),
    by: c.changed_by_label,
    scope: c.scope as 'profile' | 'date',
    direction: c.direction as 'export' | 'import',
    date: c.day,
    before: c.before,
    after: c.after,
    reason: c.reason,
  }));
  const capacityOf = (snapshot: unknown) => (snapshot as { capacity?: { exportPerDay: number; importPerDay: number } } | null)?.capacity ?? null;
  for (let i = 1; i < versions.length; i++) {
    const before = capacityOf(versions[i - 1].snapshot);
    const after = capacityOf(versions[i].snapshot);
    if (!after || JSON.stringify(before) === JSON.stringify(after)) continue;
    out.push({ at: versions[i].changed_at.toISOString(), by: versions[i].changed_by_label, scope: 'day_capacity', direction: null, date: null, before, after, reason: versions[i].reason });
  }
  return out.sort((a, b) => b.at.localeCompare(a.at));
}
