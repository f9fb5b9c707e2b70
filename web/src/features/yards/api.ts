import type {
  CallNextRequest, CallNextResponse, CheckInResult, ConfirmReadingRequest, CrossingDirection, DriverTripView, ManualCheckInRequest, PlateReading, QrCheckInRequest,
  QueueResponse, ResolveConflictRequest, ResolveFlagRequest, SyncConflict, TripYardStatus, Yard, YardActionRequest, YardFlag, YardSnapshot,
} from '../../../../shared/schemas/yards';
import { api } from '../../api/client';

// Every yards URL the screens use, in one place (the route list is in shared/schemas/yards.ts).

const enc = encodeURIComponent;
const idem = (key: string) => ({ 'idempotency-key': key });

export const yardUrls = {
  yards: (gateId: string) => `/api/v1/yards?gateId=${enc(gateId)}`,
  queue: (gateId: string, direction: CrossingDirection) => `/api/v1/yards/queue?gateId=${enc(gateId)}&direction=${direction}`,
  snapshot: (yardId: string) => `/api/v1/yards/${enc(yardId)}/snapshot`,
  readings: (gateId: string) => `/api/v1/yards/readings?gateId=${enc(gateId)}&status=pending`,
  flags: (gateId: string) => `/api/v1/yards/flags?gateId=${enc(gateId)}&status=open`,
  conflicts: (gateId: string) => `/api/v1/yards/sync/conflicts?gateId=${enc(gateId)}&status=open`,
  tripYard: (tripId: string) => `/api/v1/trips/${enc(tripId)}/yard`,
  tripPass: (tripId: string) => `/api/v1/trips/${enc(tripId)}/pass`,
  driver: (reference: string, pass: string) => `/api/v1/driver/trips/${enc(reference)}?pass=${enc(pass)}`,
};

export const yardsApi = {
  yards: (gateId: string) => api<{ items: Yard[] }>('GET', yardUrls.yards(gateId)),
  queue: (gateId: string, direction: CrossingDirection) => api<QueueResponse>('GET', yardUrls.queue(gateId, direction)),
  snapshot: (yardId: string) => api<YardSnapshot>('GET', yardUrls.snapshot(yardId)),
  checkInQr: (yardId: string, body: QrCheckInRequest, key: string) => api<CheckInResult>('POST', `/api/v1/yards/${enc(yardId)}/check-ins/qr`, body, idem(key)),
  checkInManual: (yardId: string, body: ManualCheckInRequest, key: string) => api<CheckInResult>('POST', `/api/v1/yards/${enc(yardId)}/check-ins/manual`, body, idem(key)),
  callNext: (body: CallNextRequest, key: string) => api<CallNextResponse>('POST', '/api/v1/yards/call-next', body, idem(key)),
  action: (tripId: string, body: YardActionRequest, key: string) => api<TripYardStatus>('POST', `/api/v1/yards/trips/${enc(tripId)}/actions`, body, idem(key)),
  readings: (gateId: string) => api<{ items: PlateReading[] }>('GET', yardUrls.readings(gateId)),
  confirmReading: (id: string, body: ConfirmReadingRequest) => api<CheckInResult>('POST', `/api/v1/yards/readings/${enc(id)}/confirm`, body),
  rejectReading: (id: string, reason: string) => api<CheckInResult>('POST', `/api/v1/yards/readings/${enc(id)}/reject`, { reason }),
  flags: (gateId: string) => api<{ items: YardFlag[] }>('GET', yardUrls.flags(gateId)),
  resolveFlag: (id: string, body: ResolveFlagRequest) => api<YardFlag>('POST', `/api/v1/yards/flags/${enc(id)}/resolve`, body),
  conflicts: (gateId: string) => api<{ items: SyncConflict[] }>('GET', yardUrls.conflicts(gateId)),
  resolveConflict: (id: string, body: ResolveConflictRequest) => api<SyncConflict>('POST', `/api/v1/yards/sync/conflicts/${enc(id)}/resolve`, body),
  driver: (reference: string, pass: string) => api<DriverTripView>('GET', yardUrls.driver(reference, pass)),
};
