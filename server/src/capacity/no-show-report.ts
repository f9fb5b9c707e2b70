import { sql } from 'kysely';
import type { NoShowReport } from '../../../shared/schemas/capacity';
import { requireAuthenticated, requireGateScope } from '../platform/actor';
import type { RequestContext } from '../platform/context';
import { AppError } from '../platform/errors';
import { bookingRules } from './rules';

// Repeated no-shows, for the gate authority: enterprises ranked by the bookings they did not
// use in the last N days at the authority's gates, with the trips concerned (the Felixstowe
// lesson: make slot hoarding visible). Leaders and administrators see every gate.

export async function noShowReport(ctx: RequestContext, query: { gateId?: string; days?: number }): Promise<NoShowReport> {
  const actor = requireAuthenticated(ctx.actor);
  if (!actor.permissions.has('capacity:write') && !actor.permissions.has('statistics:read')) throw new AppError('auth.forbidden', { permission: 'capacity:write' });
  const everywhere = actor.role === 'admin' || actor.role === 'provincial_leader';
  if (query.gateId && !everywhere) requireGateScope(actor, query.gateId);
  const gateIds = query.gateId ? [query.gateId] : everywhere ? null : actor.gateIds;
  const days = query.days ?? 30;
  const since = new Date(ctx.app.now().getTime() - days * 86_400_000);
  const minCount = bookingRules().noShow.repeatedMinCount;
  const inScope = (column: 'b.gate_id') => (gateIds === null ? sql<boolean>`true` : gateIds.length ? sql<boolean>`${sql.ref(column)} = any(${gateIds})` : sql<boolean>`false`);
  const db = ctx.app.db;
  const noShows = await db
    .selectFrom('crossing_bookings as b')
    .innerJoin('trips as t', 't.id', 'b.trip_id')
    .innerJoin('enterprises as e', 'e.id', 'b.enterprise_id')
    .select(['b.enterprise_id', 'e.name', 'e.tax_code', 'b.trip_id', 't.reference', 'b.gate_id', 'b.day', 'b.hour', 'b.status_at'])
    .where('b.status', '=', 'no_show')
    .where('b.status_at', '>=', since)
    .where(inScope('b.gate_id'))
    .orderBy('b.status_at', 'desc')
    .limit(5000)
    .execute();
  const enterpriseIds = [...new Set(noShows.map((n) => n.enterprise_id))];
  const totals = enterpriseIds.length
    ? await db
        .selectFrom('crossing_bookings as b')
        .select(['b.enterprise_id', (eb) => eb.fn.countAll<number>().as('n')])
        .where('b.enterprise_id', 'in', enterpriseIds)
        .where('b.created_at', '>=', since)
        .where(inScope('b.gate_id'))
        .groupBy('b.enterprise_id')
        .execute()
    : [];
  const items = enterpriseIds.map((id) => {
    const rows = noShows.filter((n) => n.enterprise_id === id);
    return {
      enterpriseId: id,
      name: rows[0].name,
      taxCode: rows[0].tax_code,
      noShows: rows.length,
      bookings: Math.max(rows.length, Number(totals.find((t) => t.enterprise_id === id)?.n ?? 0)),
      repeated: rows.length >= minCount,
      trips: rows.map((r) => ({ tripId: r.trip_id, reference: r.reference, gateId: r.gate_id, date: r.day, hour: r.hour, at: r.status_at.toISOString() })),
    };
  });
  items.sort((a, b) => b.noShows - a.noShows || a.name.localeCompare(b.name));
  return { days, since: since.toISOString(), repeatedMinCount: minCount, gateIds: gateIds ?? [], items };
}
