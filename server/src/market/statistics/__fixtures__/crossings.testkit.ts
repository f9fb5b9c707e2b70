import type { Kit } from '../../../trips/__fixtures__/trips.testkit';

// Moving declared, paid trips across the gate through the yards API, as staff at the gate do.
// Clearance is the one step written directly: it stands in for the clearance capability, which
// alone writes trips.clearance_status in the product (the yards tests do the same).

async function ok(res: { statusCode: number; body: string }, what: string) {
  if (res.statusCode !== 200) throw new Error(`${what}: ${res.statusCode} ${res.body}`);
}

/** Export: check in, cleared, called, out of the yard, through the gate at `crossedAt`. */
export async function crossExport(kit: Kit, trip: { id: string; reference: string; gateId?: string }, times: { leftYardAt: Date; crossedAt: Date }): Promise<void> {
  const gateId = trip.gateId ?? 'tra-linh';
  const yard = (await kit.req('GET', `/api/v1/yards?gateId=${gateId}`, 'bai.tralinh')).json().items.find((y: { directions: string[] }) => y.directions.includes('export'));
  await ok(await kit.req('POST', `/api/v1/yards/${yard.id}/check-ins/manual`, 'bai.tralinh', { tripReference: trip.reference, reason: 'Nhập tay để thử' }), 'check-in');
  await kit.t.db.updateTable('trips').set({ clearance_status: 'cleared' }).where('id', '=', trip.id).execute();
  const called = await kit.req('POST', '/api/v1/yards/call-next', 'bai.tralinh', { gateId, direction: 'export' });
  await ok(called, 'call-next');
  if (!called.json().called.some((c: { tripId: string }) => c.tripId === trip.id)) throw new Error(`not called: ${called.body}`);
  // The steps are recorded a little after they happened (never before).
  if (kit.clock.now < times.crossedAt) kit.clock.now = new Date(times.crossedAt.getTime() + 5 * 60_000);
  await ok(await kit.req('POST', `/api/v1/yards/trips/${trip.id}/actions`, 'bai.tralinh', { action: 'leave_yard', occurredAt: times.leftYardAt.toISOString() }), 'leave_yard');
  await ok(await kit.req('POST', `/api/v1/yards/trips/${trip.id}/actions`, 'bienphong.tralinh', { action: 'pass_gate', occurredAt: times.crossedAt.toISOString() }), 'pass_gate');
}

/** Import: a paid trip arriving from the other side passes the gate at `crossedAt`. */
export async function crossImport(kit: Kit, tripId: string, crossedAt: Date, who = 'bienphong.tralinh'): Promise<void> {
  await ok(await kit.req('POST', `/api/v1/yards/trips/${tripId}/actions`, who, { action: 'pass_gate', occurredAt: crossedAt.toISOString() }), 'pass_gate');
}
