import type { Transaction } from 'kysely';
import type { ControlStatus } from '../../../shared/schemas/clearance';
import type { Database } from '../db/database';
import type { Actor } from '../platform/actor';
import type { TripRow } from '../trips/trips.repository';
import { emitClearance } from './control-log';
import { cancelInspection, lockControls, moveControl } from './control-store';
import { releaseSelection } from './selection';

// A trip that ends before crossing (cancelled, expired, refused, checked out) closes its open
// controls: nobody is asked to decide on a truck that is not coming, its inspection slot and
// its place in the day's red quota go back to the pool. Decisions already taken stay as they are.

const OPEN: readonly string[] = ['pending', 'documents_requested', 'inspection'];

export async function closeControls(tx: Transaction<Database>, actor: Actor, requestId: string | null, trip: TripRow, now: Date): Promise<number> {
  const controls = await lockControls(tx, trip.id);
  let closed = 0;
  for (const c of controls) {
    if (!OPEN.includes(c.status)) continue;
    await cancelInspection(tx, c.id, now, `trip ${trip.status}`);
    if (c.kind === 'customs' && c.selection_id) await releaseSelection(tx, c.selection_id);
    await moveControl(tx, actor, requestId, c, { to: 'closed' as ControlStatus, action: 'close', reason: `trip ${trip.status}`, waitingSince: null }, now);
    closed++;
  }
  if (closed > 0) await emitClearance(tx, trip, 'clearance.closed', now, { controls: closed, tripStatus: trip.status });
  return closed;
}
