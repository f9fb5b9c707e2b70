import type { CheckInResult, SyncEventType, YardAction, YardSnapshot } from '../../../../shared/schemas/yards';
import { newIdempotencyKey } from '../../api/client';
import { yardsApi } from './api';
import { findTruck, type LocalTruck, type LocalView } from './offline/localView';
import type { NewOutboxEvent } from './offline/outbox';
import { extractPassToken, verifyPassOffline, type OfflineVerification } from './offline/passVerify';
import { deviceId, recordOffline } from './offline/store';
import { isNetworkError, syncNow } from './offline/sync';

// What the operator's buttons do. Online, each step goes straight to its route with an idempotency
// key; when the network is down (or fails during the request) the step is recorded in the outbox
// with the time it happened, after the checks the device can make alone, and sent later.

export type Feedback =
  | { kind: 'server'; result: CheckInResult }
  | { kind: 'done'; action: YardAction | 'call'; reference: string }
  | { kind: 'queued'; type: SyncEventType; truck: string; warnings: string[] }
  | { kind: 'duplicate'; type: SyncEventType; truck: string }
  | { kind: 'already'; truck: string }
  | { kind: 'refused'; verdict: OfflineVerification['verdict']; truck: string | null }
  | { kind: 'error'; error: unknown };

export interface YardScope {
  gateId: string;
  yardId: string;
  online: boolean;
  snapshot: YardSnapshot | null;
  local: LocalView;
  markOffline: () => void;
}

const REFERENCE = /^CKS-[A-Z0-9-]+$/i;

/** The gate's calendar date now, for the offline pass check. */
export function gateToday(timeZone: string, now = new Date()): string {
  return new Intl.DateTimeFormat('en-CA', { timeZone, year: 'numeric', month: '2-digit', day: '2-digit' }).format(now);
}

async function queue(scope: YardScope, fresh: Omit<NewOutboxEvent, 'deviceId' | 'gateId' | 'yardId'>, warnings: string[] = []): Promise<Feedback> {
  const outcome = await recordOffline({ ...fresh, deviceId: await deviceId(), gateId: scope.gateId, yardId: scope.yardId });
  const truck = fresh.tripReference ?? fresh.plate ?? '';
  if (!outcome.added) return { kind: 'duplicate', type: fresh.type, truck };
  void syncNow();
  return { kind: 'queued', type: fresh.type, truck, warnings };
}

export async function verifyOffline(scope: YardScope, scanned: string): Promise<OfflineVerification> {
  const snap = scope.snapshot;
  const revoked = new Map((snap?.revokedPasses ?? []).map((p) => [`${p.tripId}:${p.serial}`, p.status]));
  const result = await verifyPassOffline(scanned, {
    keys: snap?.passKeys ?? [],
    gateId: scope.gateId,
    now: new Date(),
    today: gateToday(snap?.gate.timeZone ?? 'Asia/Ho_Chi_Minh'),
    expected: (tripId) => {
      const e = snap?.expected.find((t) => t.tripId === tripId);
      const q = snap?.queue.find((t) => t.tripId === tripId);
      if (!e && !q) return undefined;
      return { passSerial: e?.passSerial ?? null, ended: e ? ['cancelled', 'expired', 'refused', 'completed'].includes(e.tripStatus) : false };
    },
  });
  if (result.valid && result.payload && revoked.has(`${result.payload.tid}:${result.payload.sn}`)) return { ...result, valid: false, verdict: 'superseded' };
  return result;
}

async function checkInQrOffline(scope: YardScope, scanned: string): Promise<Feedback> {
  const verdict = await verifyOffline(scope, scanned);
  if (!verdict.valid || !verdict.payload) return { kind: 'refused', verdict: verdict.verdict, truck: verdict.payload?.plate ?? null };
  const p = verdict.payload;
  // Already in the yard (or further) as far as this device knows: a second check-in would only make a conflict.
  const known = [...scope.local.inYard, ...scope.local.atGate].find((tr) => tr.reference === p.ref);
  if (known) return { kind: 'already', truck: `${known.plate} · ${p.ref}` };
  return queue(scope, { type: 'check_in', tripId: p.tid, tripReference: p.ref, plate: p.plate, passToken: extractPassToken(scanned), lane: null, reason: null, via: 'qr' }, verdict.warnings);
}

export async function checkInByQr(scope: YardScope, scanned: string, lane?: string): Promise<Feedback> {
  const token = extractPassToken(scanned);
  if (!scope.online) return checkInQrOffline(scope, token);
  try {
    return { kind: 'server', result: await yardsApi.checkInQr(scope.yardId, { passToken: token, ...(lane ? { lane } : {}) }, newIdempotencyKey()) };
  } catch (error) {
    if (!isNetworkError(error)) return { kind: 'error', error };
    scope.markOffline();
    return checkInQrOffline(scope, token);
  }
}

export interface TypedCheckIn {
  text: string;
  reason: string;
  lane?: string;
  overCapacity?: boolean;
}

function typedOffline(scope: YardScope, input: TypedCheckIn): Promise<Feedback> {
  const here = findTruck(scope.local.inYard, input.text) ?? findTruck(scope.local.atGate, input.text);
  if (here) return Promise.resolve({ kind: 'already', truck: `${here.plate} · ${here.reference ?? ''}` });
  const known = findTruck(scope.local.expected, input.text);
  const isRef = REFERENCE.test(input.text.trim());
  return queue(
    scope,
    {
      type: 'check_in', tripId: known?.tripId ?? null, tripReference: known?.reference ?? (isRef ? input.text.trim().toUpperCase() : null),
      plate: known?.plate ?? (isRef ? null : input.text.trim()), passToken: null, lane: input.lane ?? null, reason: input.reason, via: 'typed',
    },
    known ? [] : ['not_in_snapshot'],
  );
}

export async function checkInTyped(scope: YardScope, input: TypedCheckIn): Promise<Feedback> {
  if (!scope.online) return typedOffline(scope, input);
  const text = input.text.trim();
  try {
    const result = await yardsApi.checkInManual(
      scope.yardId,
      { ...(REFERENCE.test(text) ? { tripReference: text.toUpperCase() } : { plate: text }), reason: input.reason, ...(input.lane ? { lane: input.lane } : {}), ...(input.overCapacity ? { overCapacity: true } : {}) },
      newIdempotencyKey(),
    );
    return { kind: 'server', result };
  } catch (error) {
    if (!isNetworkError(error)) return { kind: 'error', error };
    scope.markOffline();
    return typedOffline(scope, input);
  }
}

export interface StepTarget {
  tripId: string | null;
  reference: string | null;
  plate: string;
}

function stepOffline(scope: YardScope, truck: StepTarget, type: SyncEventType, reason?: string): Promise<Feedback> {
  return queue(scope, { type, tripId: truck.tripId, tripReference: truck.reference, plate: truck.plate, passToken: null, lane: null, reason: reason ?? null, via: 'queue' });
}

/** A crossing step (or, offline, a call) on one truck. */
export async function recordStep(scope: YardScope, truck: StepTarget | LocalTruck, type: SyncEventType, reason?: string): Promise<Feedback> {
  if (!scope.online || type === 'call' || type === 'check_in' || !truck.tripId) return stepOffline(scope, truck, type, reason);
  try {
    await yardsApi.action(truck.tripId, { action: type, ...(reason ? { reason } : {}) }, newIdempotencyKey());
    return { kind: 'done', action: type, reference: truck.reference ?? truck.plate };
  } catch (error) {
    if (!isNetworkError(error)) return { kind: 'error', error };
    scope.markOffline();
    return stepOffline(scope, truck, type, reason);
  }
}
