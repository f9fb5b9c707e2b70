import type {
  Availability, BookingsOverview, CapacityChange, GateCapacity, NoShowReport, TripBookings, UpdateDateOverrideRequest, UpdateProfileRequest,
} from '../../../../shared/schemas/capacity';
import type { Gate } from '../../../../shared/schemas/gates';
import { api } from '../../api/client';

// Every capacity URL the screens use, in one place.

const enc = encodeURIComponent;

export const capacityUrls = {
  capacity: (gateId: string) => `/api/v1/gates/${enc(gateId)}/capacity`,
  history: (gateId: string) => `/api/v1/gates/${enc(gateId)}/capacity/history`,
  availability: (gateId: string, date: string, direction: string, days = 1) =>
    `/api/v1/gates/${enc(gateId)}/availability?${new URLSearchParams({ date, direction, days: String(days) })}`,
  overview: (gateId: string, days = 14) => `/api/v1/gates/${enc(gateId)}/bookings-overview?days=${days}`,
  noShows: (days: number, gateId?: string) => `/api/v1/capacity/no-shows?${new URLSearchParams({ days: String(days), ...(gateId ? { gateId } : {}) })}`,
  tripBooking: (tripId: string) => `/api/v1/trips/${enc(tripId)}/booking`,
  gate: (gateId: string) => `/api/v1/gates/${enc(gateId)}`,
};

const idem = (key: string) => ({ 'idempotency-key': key });

export const capacityApi = {
  setProfile: (gateId: string, body: UpdateProfileRequest, key: string) => api<GateCapacity>('PUT', `${capacityUrls.capacity(gateId)}/profile`, body, idem(key)),
  setDate: (gateId: string, date: string, body: UpdateDateOverrideRequest, key: string) =>
    api<GateCapacity>('PUT', `${capacityUrls.capacity(gateId)}/dates/${enc(date)}`, body, idem(key)),
  setDayCapacity: (gate: Gate, exportPerDay: number, importPerDay: number, reason: string) =>
    api<Gate>('PATCH', capacityUrls.gate(gate.id), { version: gate.version, reason, capacity: { exportPerDay, importPerDay } }),
};

export type { Availability, BookingsOverview, CapacityChange, Gate, GateCapacity, NoShowReport, TripBookings };
