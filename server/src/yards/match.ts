import { sql } from 'kysely';
import type { FlagReason } from '../../../shared/schemas/yards';
import { validatePlate } from '../fleet/plates';
import { parsePass, signatureValid } from '../passes/token';
import { publicKeyOf } from '../passes/keys';
import type { Executor, TripRow } from '../trips/trips.repository';

// Finding the trip a truck at the yard belongs to: by its plate (camera, typed), by its trip
// reference (typed), or by its signed pass (QR). When no trip may be admitted, the answer says
// why, and that reason becomes the flag.

export type Identify = { plate: string } | { reference: string } | { passToken: string };

export type Match = { ok: true; trip: TripRow; plate: string | null } | { ok: false; reason: FlagReason; plate: string | null; tripId: string | null; details: Record<string, unknown> };

/** The canonical plate (11C-123.45, 桂F·12345) or, when it is not a valid plate, the text uppercased without spaces. */
export function normalisePlate(text: string): { plate: string; valid: boolean } {
  const v = validatePlate(text);
  return v.ok ? { plate: v.canonical, valid: true } : { plate: text.normalize('NFKC').toUpperCase().replace(/\s+/g, ''), valid: false };
}

const ACTIVE = ['paid', 'checked_in', 'called', 'left_yard', 'crossed'];
const FINAL = ['cancelled', 'expired', 'refused', 'completed'];

export async function matchPlate(db: Executor, plateText: string, gateId: string, today: string): Promise<Match> {
  const { plate } = normalisePlate(plateText);
  const candidates = await db
    .selectFrom('trips as t')
    .innerJoin('vehicles as v', 'v.id', 't.vehicle_id')
    .select(['t.id', 't.status', 't.gate_id', 't.planned_date'])
    .where((eb) => eb.or([eb('v.plate', '=', plate), eb('v.trailer_plate', '=', plate)]))
    .where('t.status', '<>', 'draft')
    .orderBy(sql`abs(t.planned_date - ${today}::date)`)
    .orderBy('t.created_at', 'desc')
    .limit(50)
    .execute();
  const pick = (pred: (c: (typeof candidates)[number]) => boolean) => candidates.find(pred);
  const chosen =
    pick((c) => c.gate_id === gateId && ACTIVE.includes(c.status)) ??
    pick((c) => c.gate_id === gateId && c.status === 'submitted') ??
    pick((c) => c.gate_id !== gateId && (ACTIVE.includes(c.status) || c.status === 'submitted')) ??
    pick((c) => c.gate_id === gateId && FINAL.includes(c.status));
  if (!chosen) return { ok: false, reason: 'unknown_plate', plate, tripId: null, details: { plateRead: plateText } };
  const trip = (await db.selectFrom('trips').selectAll().where('id', '=', chosen.id).executeTakeFirst())!;
  return { ok: true, trip, plate };
}

export async function matchReference(db: Executor, reference: string): Promise<Match> {
  const trip = await db.selectFrom('trips').selectAll().where('reference', '=', reference.trim().toUpperCase()).executeTakeFirst();
  if (!trip || trip.status === 'draft') return { ok: false, reason: 'unknown_trip', plate: null, tripId: null, details: { reference } };
  return { ok: true, trip, plate: null };
}

/** Checks the pass offline (format, published key, signature) and then that it is the trip's current pass. */
export async function matchPass(db: Executor, token: string): Promise<Match> {
  const parsed = parsePass(token);
  if (!parsed) return { ok: false, reason: 'pass_invalid', plate: null, tripId: null, details: { verdict: 'malformed' } };
  const key = await publicKeyOf(db, parsed.payload.kid);
  if (!key) return { ok: false, reason: 'pass_invalid', plate: parsed.payload.plate, tripId: null, details: { verdict: 'unknown_key' } };
  if (!signatureValid(parsed, key)) return { ok: false, reason: 'pass_invalid', plate: parsed.payload.plate, tripId: null, details: { verdict: 'bad_signature' } };
  const p = parsed.payload;
  const pass = await db.selectFrom('gate_passes').select('status').where('trip_id', '=', p.tid).where('serial', '=', p.sn).executeTakeFirst();
  const trip = await db.selectFrom('trips').selectAll().where('id', '=', p.tid).executeTakeFirst();
  if (!pass || !trip) return { ok: false, reason: 'pass_invalid', plate: p.plate, tripId: null, details: { verdict: 'unknown_pass', reference: p.ref } };
  if (pass.status !== 'valid') return { ok: false, reason: 'pass_invalid', plate: p.plate, tripId: trip.id, details: { verdict: pass.status, serial: p.sn } };
  return { ok: true, trip, plate: normalisePlate(p.plate).plate };
}

export function identify(db: Executor, who: Identify, gateId: string, today: string): Promise<Match> {
  if ('passToken' in who) return matchPass(db, who.passToken);
  if ('reference' in who) return matchReference(db, who.reference);
  return matchPlate(db, who.plate, gateId, today);
}
