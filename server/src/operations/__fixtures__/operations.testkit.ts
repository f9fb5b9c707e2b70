import { sql } from 'kysely';
import { instantAt } from '../../trips/time';
import { CROSSING_DATE, newKey, paidTrip, startKit, type Kit } from '../../trips/__fixtures__/trips.testkit';
import { login, type DbKind } from '../../../test/harness';

// Builders for the operations tests. Trips are declared and paid through the trips API (the
// trips testkit's clock starts Monday 2027-03-01 08:00 in Vietnam; trips cross Trà Lĩnh on
// Wednesday 2027-03-03), then checked in, called and moved through the yards API, so the board
// and the feed are fed by the events the real capabilities emit.

export const TZ = 'Asia/Ho_Chi_Minh';
export const DAY = CROSSING_DATE;
export const at = (hhmm: string, date = DAY) => instantAt(date, hhmm, TZ);
export const OPS_USERS = ['dn.nongsan', 'dn.thanhthuy', 'admin', 'bai.tralinh', 'bql.tralinh', 'bql.thanhthuy', 'lanhdao.caobang', 'soct.caobang', 'haiquan.tralinh', 'nv.nongsan'];

export async function opsKit(kind: DbKind): Promise<Kit> {
  return startKit(kind, OPS_USERS);
}

export interface Trip {
  id: string;
  reference: string;
}

/** Moves the clock (e.g. to the crossing day) and signs everyone in again (sessions expire when idle). */
export async function moveTo(kit: Kit, instant: Date): Promise<void> {
  kit.clock.now = new Date(instant);
  for (const u of Object.keys(kit.cookies)) kit.cookies[u] = await login(kit.t.app, u);
}

/** Paid trips declared now (the clock must still be before their planned date). */
export async function paidTrips(kit: Kit, count: number, who = 'dn.nongsan', overrides: Record<string, unknown> = {}): Promise<Trip[]> {
  const trips: Trip[] = [];
  for (let i = 0; i < count; i++) {
    const trip = await paidTrip(kit, who, overrides);
    if (trip.status !== 'paid') throw new Error(`trip not paid: ${trip.status}`);
    trips.push({ id: trip.id, reference: trip.reference });
  }
  return trips;
}

/** Checks a truck in by hand at a yard, as the yard operator. */
export async function checkIn(kit: Kit, trip: Trip, yardId = 'tra-linh-a', occurredAt?: Date, who = 'bai.tralinh') {
  const res = await kit.req(
    'POST',
    `/api/v1/yards/${yardId}/check-ins/manual`,
    who,
    { tripReference: trip.reference, reason: 'Camera out of order', ...(occurredAt ? { occurredAt: occurredAt.toISOString() } : {}) },
    { 'idempotency-key': newKey('checkin') },
  );
  if (res.statusCode !== 200) throw new Error(`check-in: ${res.statusCode} ${res.body}`);
  return res.json();
}

const OFFICER_OF: Record<string, string> = {
  customs: 'haiquan.tralinh',
  border_guard: 'bienphong.tralinh',
  plant_quarantine: 'kdtv.tralinh',
  animal_quarantine: 'kddv.tralinh',
  health_quarantine: 'kdyt.tralinh',
};

/**
 * Passes every control still open on a Trà Lĩnh trip, each by an officer of its agency (clearance
 * API). A customs control selected red (the random rate may pick any trip) is inspected first, as
 * it must be; allowedOutcomes in the view is the viewing customs officer's own.
 */
export async function clearTrip(kit: Kit, tripId: string): Promise<void> {
  for (const officer of Object.values(OFFICER_OF)) if (!kit.cookies[officer]) kit.cookies[officer] = await login(kit.t.app, officer);
  for (let round = 0; round < 10; round++) {
    const view = await kit.req('GET', `/api/v1/clearance/trips/${tripId}`, 'haiquan.tralinh');
    if (view.statusCode !== 200) throw new Error(`clearance view: ${view.statusCode} ${view.body}`);
    const { trip, controls } = view.json() as { trip: { clearanceStatus: string }; controls: Array<{ id: string; agency: string; status: string; version: number; allowedOutcomes: string[] }> };
    if (trip.clearanceStatus === 'cleared') return;
    const open = controls.find((c) => c.status !== 'passed' && c.status !== 'waived');
    if (!open) throw new Error(`no open control but clearance is ${trip.clearanceStatus}`);
    const res = await kit.req('POST', `/api/v1/clearance/controls/${open.id}/decisions`, OFFICER_OF[open.agency], { outcome: open.agency === 'customs' && !open.allowedOutcomes.includes('pass') ? 'inspect' : 'pass', version: open.version }, { 'idempotency-key': newKey('decide') });
    if (res.statusCode !== 200) throw new Error(`decide ${open.agency}: ${res.statusCode} ${res.body}`);
  }
  throw new Error('clearance did not finish');
}

export async function callNext(kit: Kit, gateId = 'tra-linh', direction: 'export' | 'import' = 'export', count?: number, who = 'bai.tralinh') {
  const res = await kit.req('POST', '/api/v1/yards/call-next', who, { gateId, direction, ...(count ? { count } : {}) }, { 'idempotency-key': newKey('call') });
  if (res.statusCode !== 200) throw new Error(`call-next: ${res.statusCode} ${res.body}`);
  return res.json() as { called: Array<{ tripId: string }>; stoppedBecause: string };
}

export async function yardAction(kit: Kit, tripId: string, action: 'leave_yard' | 'pass_gate' | 'arrive' | 'check_out', who = 'bai.tralinh', reason?: string) {
  const res = await kit.req('POST', `/api/v1/yards/trips/${tripId}/actions`, who, { action, ...(reason ? { reason } : {}) }, { 'idempotency-key': newKey('act') });
  if (res.statusCode !== 200) throw new Error(`${action}: ${res.statusCode} ${res.body}`);
  return res.json();
}

/** Trucks in the yards of a gate, counted straight from the trips table. */
export async function waitingInDb(kit: Kit, gateId: string, direction?: 'export' | 'import'): Promise<number> {
  const dir = direction === undefined ? sql`true` : direction === 'export' ? sql`direction = 'export'` : sql`direction is distinct from 'export'`;
  const row = await sql<{ n: number }>`select count(*)::int as n from trips where gate_id = ${gateId} and status in ('checked_in', 'called') and ${dir}`.execute(kit.t.db);
  return Number(row.rows[0].n);
}
