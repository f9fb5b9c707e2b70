import type { QueueResponse } from '../../../shared/schemas/yards';
import type { CrossingDirection } from '../capacity/capacity-query';
import type { RequestContext } from '../platform/context';
import { capacityNow, gateQueue, toEntry } from './queue-read';
import { rulesFor } from './rules';
import { requireGateExists, requireYardAccess } from './scope';

// The operator's live view of a gate and direction: called trucks, the queue in call order with
// waiting times and clearance, capacity free now, and what needs attention.

export async function readQueue(ctx: RequestContext, gateId: string, direction: CrossingDirection): Promise<QueueResponse> {
  requireYardAccess(ctx.actor, 'yards:read', gateId);
  const db = ctx.app.db;
  const gate = await requireGateExists(db, gateId);
  const now = ctx.app.now();
  const rules = await rulesFor(db, gateId);
  const capacity = await capacityNow(db, gateId, direction, now, rules);
  const queue = await gateQueue(db, gateId, direction, now);
  const yards = await db.selectFrom('yards').select(['id', 'name_vi', 'name_en', 'name_zh', 'capacity', 'active']).where('gate_id', '=', gateId).orderBy('id').execute();
  const occupancy = await db
    .selectFrom('yard_visits')
    .select(['yard_id', (eb) => eb.fn.countAll<number>().as('n')])
    .where('gate_id', '=', gateId)
    .where('status', 'in', ['queued', 'called'])
    .groupBy('yard_id')
    .execute();
  const count = async (table: 'yard_flags' | 'plate_readings' | 'yard_sync_events', status: string) =>
    Number((await db.selectFrom(table).select((eb) => eb.fn.countAll<number>().as('n')).where('gate_id', '=', gateId).where('status', '=', status).executeTakeFirstOrThrow()).n);
  return {
    gateId,
    direction,
    generatedAt: now.toISOString(),
    timeZone: gate.time_zone,
    capacity,
    called: queue.called.map((r) => toEntry(r, now, null)),
    queued: queue.queued.map((r, i) => toEntry(r, now, i + 1)),
    lanes: rules.lanes,
    yards: yards.map((y) => ({
      id: y.id, nameVi: y.name_vi, nameEn: y.name_en, nameZh: y.name_zh, capacity: y.capacity, active: y.active,
      occupancy: Number(occupancy.find((o) => o.yard_id === y.id)?.n ?? 0),
    })),
    counts: {
      queued: queue.queued.length,
      called: queue.called.length,
      openFlags: await count('yard_flags', 'open'),
      pendingReadings: await count('plate_readings', 'pending'),
      openConflicts: await count('yard_sync_events', 'conflict'),
    },
  };
}
