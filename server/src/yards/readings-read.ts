import type { PlateReading } from '../../../shared/schemas/yards';
import type { RequestContext } from '../platform/context';
import type { Executor } from '../trips/trips.repository';
import { requireYardAccess } from './scope';

// Plate readings of a gate's cameras; status pending = waiting for an operator.

const base = (db: Executor) =>
  db
    .selectFrom('plate_readings as r')
    .leftJoin('trips as t', 't.id', 'r.trip_id')
    .selectAll('r')
    .select('t.reference');

type Row = Awaited<ReturnType<ReturnType<typeof base>['executeTakeFirstOrThrow']>>;

function toReading(r: Row): PlateReading {
  return {
    id: r.id,
    eventId: r.event_id,
    cameraId: r.camera_id,
    cameraPosition: r.camera_position as PlateReading['cameraPosition'],
    yardId: r.yard_id,
    gateId: r.gate_id,
    plateRead: r.plate_read,
    plate: r.plate,
    confidence: r.confidence,
    capturedAt: r.captured_at.toISOString(),
    imageSha256: r.image_sha256,
    status: r.status as PlateReading['status'],
    tripId: r.trip_id,
    tripReference: r.reference,
    flagId: r.flag_id,
    resolvedBy: r.resolved_by_label,
    resolvedAt: r.resolved_at?.toISOString() ?? null,
    resolution: r.resolution,
    receivedAt: r.received_at.toISOString(),
  };
}

export async function readingView(db: Executor, id: string): Promise<PlateReading> {
  return toReading(await base(db).where('r.id', '=', id).executeTakeFirstOrThrow());
}

export async function listReadings(ctx: RequestContext, q: { gateId: string; yardId?: string; status?: string; limit?: number }): Promise<PlateReading[]> {
  requireYardAccess(ctx.actor, 'yards:read', q.gateId);
  let query = base(ctx.app.db).where('r.gate_id', '=', q.gateId);
  if (q.yardId) query = query.where('r.yard_id', '=', q.yardId);
  if (q.status) query = query.where('r.status', '=', q.status);
  const rows = await query.orderBy('r.captured_at', 'desc').limit(q.limit ?? 100).execute();
  return rows.map(toReading);
}
