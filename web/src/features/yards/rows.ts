import type { CrossingDirection, QueueEntry, QueueResponse, YardLane } from '../../../../shared/schemas/yards';
import { offlineSteps, type LocalTruck, type LocalView } from './offline/localView';
import type { TruckRowData } from './TruckRow';
import { localName } from './labels';

// The rows of the operator's queue: the server's queue when it answers, with the steps still in
// this device's outbox marked on them (and trucks checked in here but not yet synchronised added
// at the end); the device's own view (snapshot + outbox) when it does not.

function laneName(lanes: readonly YardLane[], code: string | null, lang: string): string | null {
  const lane = lanes.find((l) => l.code === code);
  return lane ? localName(lane, lang) : code;
}

function fromServer(e: QueueEntry, local: LocalTruck | undefined, lanes: readonly YardLane[], lang: string, yards: QueueResponse['yards'], here: string): TruckRowData {
  const pending = local?.pending ?? [];
  const yard = e.yardId !== here ? yards.find((y) => y.id === e.yardId) : undefined;
  return {
    otherYard: e.yardId !== here ? (yard ? localName(yard, lang) : e.yardId) : null,
    key: e.tripId, tripId: e.tripId, reference: e.reference, plate: e.plate, lane: e.lane, laneName: laneName(lanes, e.lane, lang), status: e.tripStatus,
    called: e.visitStatus === 'called', position: e.position, arrivedAt: e.arrivedAt, callDeadline: e.callDeadline, clearanceStatus: e.clearanceStatus,
    band: e.band, held: e.held, dropBacks: e.dropBacks, enterpriseName: e.enterpriseName, pending, doubtful: local?.doubtful ?? false,
    // Steps wait until this device's earlier records of the truck have reached the server.
    actions: pending.length ? [] : e.nextActions,
  };
}

export function fromLocal(t: LocalTruck, lanes: readonly YardLane[], lang: string): TruckRowData {
  return {
    otherYard: null,
    key: t.key, tripId: t.tripId, reference: t.reference, plate: t.plate, lane: t.lane, laneName: laneName(lanes, t.lane, lang), status: t.status,
    called: t.status === 'called', position: t.pending.length ? null : t.position, arrivedAt: t.arrivedAt, callDeadline: null, clearanceStatus: t.clearanceStatus,
    band: null, held: false, dropBacks: 0, enterpriseName: t.enterpriseName, pending: t.pending, doubtful: t.doubtful, actions: offlineSteps(t),
  };
}

/** The queue is the gate's (call-forward is per gate and direction); trucks of other yards say which. */
export function queueRows(direction: CrossingDirection, online: boolean, queue: QueueResponse | null, local: LocalView, lanes: readonly YardLane[], lang: string, yardId = ''): TruckRowData[] {
  const mine = local.inYard.filter((t) => t.direction === direction);
  if (!online || !queue || queue.direction !== direction) return mine.map((t) => fromLocal(t, lanes, lang));
  const byTrip = new Map(mine.filter((t) => t.tripId).map((t) => [t.tripId!, t]));
  const byReference = new Map(mine.filter((t) => t.reference).map((t) => [t.reference!, t]));
  const rows = [...queue.called, ...queue.queued].map((e) => fromServer(e, byTrip.get(e.tripId) ?? byReference.get(e.reference), lanes, lang, queue.yards ?? [], yardId));
  const shown = new Set(rows.map((r) => r.reference));
  const notYetOnServer = mine.filter((t) => t.pending.length > 0 && !shown.has(t.reference));
  return [...rows, ...notYetOnServer.map((t) => ({ ...fromLocal(t, lanes, lang), actions: [] }))];
}
