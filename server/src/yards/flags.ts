import type { Transaction } from 'kysely';
import type { FlagReason, YardFlag } from '../../../shared/schemas/yards';
import { recordAudit } from '../audit/audit.repository';
import type { Database } from '../db/database';
import type { Actor } from '../platform/actor';
import { emitEvent } from '../platform/events';
import type { Executor } from '../trips/trips.repository';

// A flag puts a truck in front of an operator instead of admitting it silently (unknown, unpaid,
// wrong gate, full yard…). A camera reading the same plate again does not pile up flags: an open
// flag for the same gate, plate and reason raised in the last half hour is reused.

const REUSE_MS = 30 * 60_000;

export interface FlagInput {
  gateId: string;
  yardId: string | null;
  tripId: string | null;
  plate: string | null;
  direction: string | null;
  reason: FlagReason;
  source: YardFlag['source'];
  details?: Record<string, unknown>;
  at: Date;
  /** false: always a new flag (e.g. a truck admitted over capacity by an operator). */
  reuse?: boolean;
}

export async function raiseFlag(tx: Transaction<Database>, actor: Actor, requestId: string | null, input: FlagInput): Promise<string> {
  if (input.reuse !== false && (input.tripId || input.plate)) {
    const base = tx
      .selectFrom('yard_flags')
      .select('id')
      .where('gate_id', '=', input.gateId)
      .where('reason', '=', input.reason)
      .where('status', '=', 'open')
      .where('raised_at', '>=', new Date(input.at.getTime() - REUSE_MS));
    const reuse = await (input.tripId ? base.where('trip_id', '=', input.tripId) : base.where('plate', '=', input.plate!)).executeTakeFirst();
    if (reuse) return reuse.id;
  }
  const row = await tx
    .insertInto('yard_flags')
    .values({
      gate_id: input.gateId,
      yard_id: input.yardId,
      trip_id: input.tripId,
      plate: input.plate,
      reason: input.reason,
      source: input.source,
      details: JSON.stringify(input.details ?? {}),
      raised_at: input.at,
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  await recordAudit(tx, actor, requestId, { action: 'yard.flagged', entityType: 'yard_flag', entityId: row.id, after: { ...input, reuse: undefined, at: input.at.toISOString() } });
  const enterprise = input.tripId ? await tx.selectFrom('trips').select('enterprise_id').where('id', '=', input.tripId).executeTakeFirst() : undefined;
  await emitEvent(tx, {
    type: 'yard.flagged',
    occurredAt: input.at,
    gateId: input.gateId,
    tripId: input.tripId,
    direction: input.direction,
    payload: { yardId: input.yardId, plate: input.plate, reason: input.reason, ...(enterprise ? { enterpriseId: enterprise.enterprise_id } : {}) },
  });
  return row.id;
}

export async function flagView(db: Executor, id: string): Promise<YardFlag> {
  const r = await db
    .selectFrom('yard_flags as f')
    .leftJoin('trips as t', 't.id', 'f.trip_id')
    .selectAll('f')
    .select('t.reference')
    .where('f.id', '=', id)
    .executeTakeFirstOrThrow();
  return toFlag(r);
}

export function toFlag(r: { id: string; gate_id: string; yard_id: string | null; trip_id: string | null; reference: string | null; plate: string | null; reason: string; source: string; details: unknown; status: string; raised_at: Date; resolved_at: Date | null; resolved_by_label: string | null; resolution: string | null }): YardFlag {
  return {
    id: r.id,
    gateId: r.gate_id,
    yardId: r.yard_id,
    tripId: r.trip_id,
    tripReference: r.reference,
    plate: r.plate,
    reason: r.reason as YardFlag['reason'],
    source: r.source as YardFlag['source'],
    details: (r.details ?? {}) as Record<string, unknown>,
    status: r.status as YardFlag['status'],
    raisedAt: r.raised_at.toISOString(),
    resolvedAt: r.resolved_at?.toISOString() ?? null,
    resolvedBy: r.resolved_by_label,
    resolution: r.resolution,
  };
}
