import type { Selectable } from 'kysely';
import { ENTERPRISE_ROLES } from '../../../shared/roles';
import type { PriceEntry } from '../../../shared/schemas/market';
import type { Database } from '../db/database';
import type { Actor } from '../platform/actor';
import { inGateScope } from './scope';

export type PriceRow = Selectable<Database['market_prices']>;

const num = (v: string | number | null): number | null => (v === null ? null : Number(v));

/**
 * Who may retract an entry: the enterprise that published it, or the authority for the market's
 * gate (which also takes down a wrong enterprise entry).
 */
export function canRetract(actor: Actor, scope: string[] | null, row: PriceRow): boolean {
  if (row.retracted_at) return false;
  if (actor.kind !== 'user' && actor.kind !== 'token') return false;
  if (!actor.permissions.has('market:write')) return false;
  if (ENTERPRISE_ROLES.includes(actor.role)) return row.enterprise_id !== null && row.enterprise_id === actor.enterpriseId;
  return inGateScope(scope, row.gate_id);
}

export function toPriceEntry(row: PriceRow, actor: Actor, scope: string[] | null): PriceEntry {
  return {
    id: row.id,
    commodity: row.commodity,
    marketId: row.market_id,
    gateId: row.gate_id,
    date: row.day,
    currency: row.currency as PriceEntry['currency'],
    unit: row.unit,
    priceMin: num(row.price_min),
    priceMax: num(row.price_max),
    priceAvg: num(row.price_avg),
    volumeTonnes: num(row.volume_tonnes),
    source: row.source as PriceEntry['source'],
    official: row.source === 'authority',
    publisher: row.publisher_label,
    note: row.note,
    createdAt: row.created_at.toISOString(),
    retractedAt: row.retracted_at?.toISOString() ?? null,
    retractReason: row.retract_reason,
    canRetract: canRetract(actor, scope, row),
  };
}
