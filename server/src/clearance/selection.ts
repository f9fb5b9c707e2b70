import type { Kysely, Selectable, Transaction } from 'kysely';
import type { Channel, Selection } from '../../../shared/schemas/clearance';
import type { Database } from '../db/database';
import { exchangeRatesOn } from '../trips/rules';
import type { TripRow } from '../trips/trips.repository';
import { addToChannel, customsCapacity, enterpriseCounters, lockChannelCounters } from './counters';
import type { TripFacts } from './facts';
import { selectChannel, type SelectionOutcome } from './risk-engine';
import { ensureRuleSet, ruleSetInForce } from './rule-sets';

// Selecting a trip's customs channel: reads the enterprise's counters and the gate-day's quota
// counters (two rows), runs the engine, and keeps the selection with everything that decided it.

type Executor = Kysely<Database> | Transaction<Database>;
type SelectionRow = Selectable<Database['clearance_selections']>;

export interface StoredSelection {
  id: string;
  channel: Channel;
  ruleSetVersion: number;
  outcome: SelectionOutcome;
}

export async function selectForTrip(tx: Transaction<Database>, trip: TripRow, facts: TripFacts, licensedGoods: boolean, now: Date): Promise<StoredSelection> {
  await ensureRuleSet(tx);
  const ruleSet = await ruleSetInForce(tx, now);
  if (!ruleSet) throw new Error('No customs rule set in force (reference/clearance/risk-rules.json)');
  const gateId = trip.gate_id!;
  const day = trip.planned_date!;
  const counters = await enterpriseCounters(tx, trip.enterprise_id);
  const channels = await lockChannelCounters(tx, gateId, day);
  const redQuota = Math.floor((await customsCapacity(tx, gateId)) * ruleSet.rules.quota.redShareOfInspectionCapacity);
  const outcome = selectChannel(
    ruleSet.rules,
    { facts, counters, licensedGoods, rates: exchangeRatesOn(day) },
    { gateId, day, redQuota, redBefore: channels.red, totalBefore: channels.green + channels.yellow + channels.red },
  );
  const row = await tx
    .insertInto('clearance_selections')
    .values({
      trip_id: trip.id,
      rule_set_version: ruleSet.version,
      channel: outcome.channel,
      stage: outcome.stage,
      fired_rule_id: outcome.firedRule?.id ?? null,
      gate_id: gateId,
      day,
      record: JSON.stringify(outcome),
      selected_at: now,
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  await addToChannel(tx, gateId, day, outcome.channel, 1);
  return { id: row.id, channel: outcome.channel, ruleSetVersion: ruleSet.version, outcome };
}

/** A selection that no longer applies (re-selected after an amendment, or the trip ended) frees its place in the day's counters. */
export async function releaseSelection(tx: Transaction<Database>, selectionId: string): Promise<void> {
  const row = await tx.selectFrom('clearance_selections').select(['gate_id', 'day', 'channel']).where('id', '=', selectionId).executeTakeFirst();
  if (!row) return;
  await lockChannelCounters(tx, row.gate_id, row.day);
  await addToChannel(tx, row.gate_id, row.day, row.channel as Channel, -1);
}

export function selectionView(row: SelectionRow, currentId: string | null): Selection {
  const record = row.record as SelectionOutcome;
  return {
    ...record,
    id: row.id,
    tripId: row.trip_id,
    ruleSetVersion: row.rule_set_version,
    selectedAt: row.selected_at.toISOString(),
    current: row.id === currentId,
  };
}

export async function selectionsOf(db: Executor, tripId: string, currentId: string | null): Promise<Selection[]> {
  const rows = await db.selectFrom('clearance_selections').selectAll().where('trip_id', '=', tripId).orderBy('seq', 'desc').execute();
  return rows.map((r) => selectionView(r, currentId));
}
