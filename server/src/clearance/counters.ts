import { sql, type Kysely, type Selectable, type Transaction } from 'kysely';
import type { Channel } from '../../../shared/schemas/clearance';
import type { Database } from '../db/database';
import { ZERO_COUNTERS, type EnterpriseCounters } from './risk-engine';

// Counters kept up to date with each event, so selection reads two rows (the enterprise's
// history and the gate-day's quota) instead of scanning history.

type Executor = Kysely<Database> | Transaction<Database>;
type BayRow = Selectable<Database['clearance_inspection_bays']>;

export type EnterpriseCounter = 'trips' | 'cleared' | 'refusals' | 'discrepancies' | 'document_requests';

export async function enterpriseCounters(db: Executor, enterpriseId: string): Promise<EnterpriseCounters> {
  const row = await db.selectFrom('clearance_enterprise_counters').selectAll().where('enterprise_id', '=', enterpriseId).executeTakeFirst();
  if (!row) return { ...ZERO_COUNTERS };
  return { trips: row.trips, cleared: row.cleared, refusals: row.refusals, discrepancies: row.discrepancies, documentRequests: row.document_requests };
}

export async function bumpEnterprise(tx: Transaction<Database>, enterpriseId: string, counter: EnterpriseCounter, now: Date): Promise<void> {
  await tx
    .insertInto('clearance_enterprise_counters')
    .values({ enterprise_id: enterpriseId, [counter]: 1, updated_at: now })
    .onConflict((oc) =>
      oc.column('enterprise_id').doUpdateSet({ [counter]: sql`clearance_enterprise_counters.${sql.ref(counter)} + 1`, updated_at: now }),
    )
    .execute();
}

const minutes = (t: string) => {
  const [h, m] = t.slice(0, 5).split(':').map(Number);
  return h * 60 + m;
};

/** Trucks a bay can inspect in a day: whole slots between opening and closing × trucks per slot. */
export function bayCapacityPerDay(bay: Pick<BayRow, 'opens' | 'closes' | 'slot_minutes' | 'trucks_per_slot'>): number {
  return Math.floor((minutes(bay.closes) - minutes(bay.opens)) / bay.slot_minutes) * bay.trucks_per_slot;
}

/** Customs inspection capacity of a gate per day (the basis of the red quota). */
export async function customsCapacity(db: Executor, gateId: string): Promise<number> {
  const bays = await db
    .selectFrom('clearance_inspection_bays')
    .select(['opens', 'closes', 'slot_minutes', 'trucks_per_slot'])
    .where('gate_id', '=', gateId)
    .where('active', '=', true)
    .where(sql<boolean>`'customs' = any(agencies)`)
    .execute();
  return bays.reduce((sum, b) => sum + bayCapacityPerDay(b), 0);
}

/** Locks the gate-day counters (creating them) and returns them: concurrent selections queue here. */
export async function lockChannelCounters(tx: Transaction<Database>, gateId: string, day: string): Promise<{ green: number; yellow: number; red: number }> {
  await tx.insertInto('clearance_channel_counters').values({ gate_id: gateId, day }).onConflict((oc) => oc.columns(['gate_id', 'day']).doNothing()).execute();
  return tx
    .selectFrom('clearance_channel_counters')
    .select(['green', 'yellow', 'red'])
    .where('gate_id', '=', gateId)
    .where('day', '=', day)
    .forUpdate()
    .executeTakeFirstOrThrow();
}

export async function addToChannel(tx: Transaction<Database>, gateId: string, day: string, channel: Channel, by: 1 | -1): Promise<void> {
  await tx
    .updateTable('clearance_channel_counters')
    .set({ [channel]: sql`greatest(${sql.ref(channel)} + ${by}, 0)` })
    .where('gate_id', '=', gateId)
    .where('day', '=', day)
    .execute();
}
