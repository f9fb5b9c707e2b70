import type pg from 'pg';
import type { TripRun } from '../../bench/peak/flow';
import type { DrillLog } from './drill';

// Invariants checked at the end of every drill, straight from the database: what the server
// acknowledged is there, nothing was charged twice, and every trip's state agrees with its log.

type Query = (text: string, values?: unknown[]) => Promise<Array<Record<string, unknown>>>;

export function queryOf(client: pg.Client): Query {
  return async (text, values) => (await client.query(text, values)).rows;
}

/** Every write answered 2xx (the client's ledger) is in the database. */
export async function checkAcknowledged(q: Query, trips: TripRun[], log: DrillLog): Promise<void> {
  const tripIds = trips.flatMap((t) => t.acknowledged.filter((a) => a.kind === 'trip').map((a) => a.id));
  const submitted = trips.flatMap((t) => t.acknowledged.filter((a) => a.kind === 'submitted').map((a) => a.id));
  const payments = trips.flatMap((t) => t.acknowledged.filter((a) => a.kind === 'payment'));
  const foundTrips = await q('select count(*)::int as n from trips where id = any($1::uuid[])', [tripIds]);
  log.check('every acknowledged trip is stored', foundTrips[0].n === tripIds.length, `${foundTrips[0].n}/${tripIds.length}`);
  const foundSubmitted = await q('select count(*)::int as n from trips where id = any($1::uuid[]) and submitted_at is not null', [submitted]);
  log.check('every acknowledged submission is stored', foundSubmitted[0].n === submitted.length, `${foundSubmitted[0].n}/${submitted.length}`);
  const foundPayments = await q('select count(*)::int as n from payments where id = any($1::uuid[])', [payments.map((p) => p.id)]);
  log.check('every acknowledged payment is stored', foundPayments[0].n === payments.length, `${foundPayments[0].n}/${payments.length}`);
  const others = trips.flatMap((t) => t.acknowledged.filter((a) => !['trip', 'submitted', 'payment'].includes(a.kind)));
  if (others.length > 0) {
    const byKind = new Map<string, string[]>();
    for (const a of others) byKind.set(a.kind, [...(byKind.get(a.kind) ?? []), a.id]);
    // What each acknowledged step leaves in the trip's log (action or the status it moved to).
    const marks: Record<string, string[]> = {
      checked_in: ['checked_in', 'check_in'],
      cleared: ['clearance_cleared'],
      leave_yard: ['left_yard', 'leave_yard'],
      pass_gate: ['crossed', 'pass_gate'],
      arrive: ['completed', 'arrive'],
    };
    for (const [kind, ids] of byKind) {
      const names = marks[kind] ?? [kind];
      const events = await q('select count(distinct trip_id)::int as n from trip_events where trip_id = any($1::uuid[]) and (action = any($2::text[]) or to_status = any($2::text[]))', [ids, names]);
      log.check(`every acknowledged ${kind} is in the trip log`, events[0].n === new Set(ids).size, `${events[0].n}/${new Set(ids).size}`);
    }
  }
}

/** No trip charged twice; the platform's payments, the trips and the bank's ledger agree. */
export async function checkPayments(q: Query, log: DrillLog, trips?: TripRun[]): Promise<void> {
  const doubles = await q(`select trip_id, count(*)::int as n from payments where kind = 'charge' and status = 'succeeded' and purpose = 'trip_fee' group by trip_id having count(*) > 1`);
  log.check('no trip fee charged twice', doubles.length === 0, doubles.length ? `${doubles.length} trips charged more than once` : 'one charge per trip');
  const mismatched = await q(`
    select t.id from trips t
    where t.paid_amount <> coalesce((select sum(case when p.kind = 'charge' then p.amount else -p.amount end) from payments p
                                      where p.trip_id = t.id and p.status = 'succeeded'), 0)`);
  log.check('paid amount of every trip equals its confirmed payments', mismatched.length === 0, `${mismatched.length} mismatches`);
  const ledger = await q('select coalesce(sum(amount), 0)::bigint as total, count(*)::int as n from simgw_entries');
  log.check('bank ledger balances (double entry)', Number(ledger[0].total) === 0, `${ledger[0].n} entries, sum ${ledger[0].total}`);
  const orphan = await q(`
    select count(*)::int as n from payments p
    where p.status = 'succeeded' and not exists (
      select 1 from simgw_transactions s where s.merchant_reference = p.id::text and s.status = 'succeeded' and s.amount = p.amount)`);
  log.check('every confirmed payment matches one bank transaction', orphan[0].n === 0, `${orphan[0].n} without`);
  const unknown = await q(`select count(*)::int as n from simgw_transactions s where not exists (select 1 from payments p where p.id::text = s.merchant_reference)`);
  log.check('no bank transaction without a platform payment', unknown[0].n === 0, `${unknown[0].n} unknown`);
  if (trips) {
    const keys = trips.flatMap((t) => t.acknowledged.filter((a) => a.kind === 'payment' && a.key).map((a) => a.key!));
    const perKey = await q('select idempotency_key, count(*)::int as n from payments where idempotency_key = any($1::text[]) group by idempotency_key having count(*) > 1', [keys]);
    log.check('one payment per idempotency key', perKey.length === 0, `${keys.length} keys`);
  }
}

/** Each trip's current status is the status its append-only log ends on; paid trips hold a pass. */
export async function checkTrips(q: Query, log: DrillLog): Promise<void> {
  const drift = await q(`
    select t.id, t.status, last.to_status from trips t
    cross join lateral (select e.to_status from trip_events e where e.trip_id = t.id and e.to_status is not null order by e.id desc limit 1) last
    where last.to_status <> t.status`);
  log.check('every trip status equals the end of its log', drift.length === 0, drift.length ? JSON.stringify(drift.slice(0, 3)) : '');
  const noPass = await q(`
    select count(*)::int as n from trips t
    where t.status = 'paid' and t.paid_amount >= coalesce(t.fee_total, 0)
      and not exists (select 1 from gate_passes g where g.trip_id = t.id and g.status = 'valid')`);
  log.check('every paid trip holds a valid pass', noPass[0].n === 0, `${noPass[0].n} without`);
  const twoPasses = await q(`select trip_id from gate_passes where status = 'valid' group by trip_id having count(*) > 1`);
  log.check('no trip holds two valid passes', twoPasses.length === 0);
}
