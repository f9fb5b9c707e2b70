import type { ClearanceStatus, TripStatus } from '../../../../../shared/workflows/trip';
import type { CrossingDirection, ExpectedTruck, QueueEntry, SyncEventType, YardSnapshot } from '../../../../../shared/schemas/yards';
import { normalisePlateKey, ordered, truckKey, type OutboxEvent } from './outbox';
import { stepsNow, stepTarget } from './steps';

// What the yard looks like on this device: the last snapshot from the server with the steps still
// waiting in the outbox applied on top, each truck marked when it has unsynchronised steps.

export interface LocalTruck {
  key: string;
  tripId: string | null;
  reference: string | null;
  plate: string;
  direction: CrossingDirection;
  lane: string | null;
  status: TripStatus;
  clearanceStatus: ClearanceStatus | null;
  /** Position in the server's queue at snapshot time (null for called or new trucks). */
  position: number | null;
  arrivedAt: string | null;
  calledAt: string | null;
  enterpriseName: string | null;
  /** Steps recorded here and not yet acknowledged by the server, in order. */
  pending: SyncEventType[];
  /** A pending step did not fit the status known here; the server will decide (maybe a conflict). */
  doubtful: boolean;
}

export interface LocalView {
  inYard: LocalTruck[];
  atGate: LocalTruck[];
  /** Trucks that may still arrive (from the snapshot), for matching a typed plate or reference. */
  expected: LocalTruck[];
}

function fromEntry(e: QueueEntry): LocalTruck {
  return {
    key: truckKey({ tripReference: e.reference, plate: e.plate }),
    tripId: e.tripId, reference: e.reference, plate: e.plate, direction: e.direction, lane: e.lane, status: e.tripStatus,
    clearanceStatus: e.clearanceStatus, position: e.position, arrivedAt: e.arrivedAt, calledAt: e.calledAt, enterpriseName: e.enterpriseName,
    pending: [], doubtful: false,
  };
}

function fromExpected(e: ExpectedTruck): LocalTruck {
  return {
    key: truckKey({ tripReference: e.reference, plate: e.plate }),
    tripId: e.tripId, reference: e.reference, plate: e.plate, direction: e.direction, lane: e.lane, status: e.tripStatus,
    clearanceStatus: e.clearanceStatus, position: null, arrivedAt: null, calledAt: null, enterpriseName: e.enterpriseName,
    pending: [], doubtful: false,
  };
}

/** The expected truck a typed reference or plate designates, if the snapshot knows it. */
export function findTruck(trucks: readonly LocalTruck[], text: string): LocalTruck | null {
  const wanted = text.trim().toUpperCase();
  if (!wanted) return null;
  const plate = normalisePlateKey(wanted);
  return trucks.find((t) => t.reference?.toUpperCase() === wanted) ?? trucks.find((t) => normalisePlateKey(t.plate) === plate) ?? null;
}

export function localView(snapshot: Pick<YardSnapshot, 'queue' | 'expected' | 'yard'> | null, outbox: readonly OutboxEvent[]): LocalView {
  const trucks = new Map<string, LocalTruck>();
  for (const e of snapshot?.expected ?? []) trucks.set(truckKey({ tripReference: e.reference, plate: e.plate }), fromExpected(e));
  // The queue is newer than the expected list for trucks in it (positions, call times).
  for (const e of snapshot?.queue ?? []) trucks.set(truckKey({ tripReference: e.reference, plate: e.plate }), fromEntry(e));
  const byPlate = (plate: string | null) => [...trucks.values()].find((t) => plate && normalisePlateKey(t.plate) === normalisePlateKey(plate));
  const defaultDirection: CrossingDirection = snapshot?.yard.directions[0] ?? 'export';

  for (const e of ordered(outbox)) {
    let truck = trucks.get(truckKey(e)) ?? (e.tripReference ? undefined : byPlate(e.plate));
    if (!truck) {
      // Typed plate of a truck the snapshot does not know: shown as arriving, for the server to decide.
      truck = {
        key: truckKey(e), tripId: e.tripId, reference: e.tripReference, plate: e.plate ?? e.tripReference ?? '', direction: defaultDirection,
        lane: e.lane, status: e.type === 'check_in' && defaultDirection === 'import' ? 'crossed' : 'paid', clearanceStatus: null, position: null,
        arrivedAt: null, calledAt: null, enterpriseName: null, pending: [], doubtful: true,
      };
      trucks.set(truck.key, truck);
    }
    const target = stepTarget(truck.direction, truck.status, e.type);
    truck.pending.push(e.type);
    if (!target) {
      truck.doubtful = true;
      continue;
    }
    truck.status = target;
    if (e.type === 'check_in') {
      truck.arrivedAt = e.occurredAt;
      truck.position = null;
      if (e.lane) truck.lane = e.lane;
    }
    if (e.type === 'call') truck.calledAt = e.occurredAt;
  }

  const all = [...trucks.values()];
  const inYard = all
    .filter((t) => t.status === 'checked_in' || t.status === 'called')
    .sort((a, b) => rank(a) - rank(b) || (a.arrivedAt ?? '').localeCompare(b.arrivedAt ?? ''));
  const atGate = all.filter((t) => t.status === 'left_yard' || (t.status === 'crossed' && t.direction === 'export') || (t.status === 'completed' && t.pending.length > 0));
  const expected = all.filter((t) => t.status === 'paid' || (t.status === 'crossed' && t.direction === 'import'));
  return { inYard, atGate, expected };
}

/** Called trucks first, then the server's positions, then trucks checked in here (arrival order). */
function rank(t: LocalTruck): number {
  if (t.status === 'called') return -1;
  return t.position ?? 1_000_000;
}

/** Steps the operator may record on this truck while offline. Calls only for cleared trucks (the server refuses others). */
export function offlineSteps(t: LocalTruck): SyncEventType[] {
  return stepsNow(t.direction, t.status).filter((s) => s !== 'check_in' && (s !== 'call' || t.clearanceStatus === 'cleared'));
}
