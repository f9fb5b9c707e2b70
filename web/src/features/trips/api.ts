import type { FeeQuote, QuoteRequest } from '../../../../server/src/fees/fees.schemas';
import type { CreateDriverRequest, CreateVehicleRequest, Driver, UpdateDriverRequest, UpdateVehicleRequest, Vehicle } from '../../../../shared/schemas/fleet';
import type { GatePass } from '../../../../shared/schemas/passes';
import type { Payment } from '../../../../shared/schemas/payments';
import type { TripChecksResult } from '../../../../shared/schemas/trip-checks';
import type { CreateTripRequest, Trip, TripEvent, TripFile, TripSummary, TripVersion, UpdateTripRequest, UploadTripFileRequest } from '../../../../shared/schemas/trips';
import { api } from '../../api/client';

// Every trips-related URL the screens use, in one place, so the screens follow the backend's
// routes from here alone.

const enc = encodeURIComponent;
const idem = (key: string) => ({ 'idempotency-key': key });

export const urls = {
  vehicles: '/api/v1/vehicles',
  drivers: '/api/v1/drivers',
  gates: '/api/v1/gates',
  gate: (id: string) => `/api/v1/gates/${enc(id)}`,
  trips: (query: URLSearchParams) => `/api/v1/trips${query.size ? `?${query}` : ''}`,
  trip: (id: string) => `/api/v1/trips/${enc(id)}`,
  tripEvents: (id: string) => `/api/v1/trips/${enc(id)}/timeline`,
  tripVersions: (id: string) => `/api/v1/trips/${enc(id)}/versions`,
  tripPayments: (id: string) => `/api/v1/trips/${enc(id)}/payments`,
  tripPass: (id: string) => `/api/v1/trips/${enc(id)}/pass`,
  tripPassPdf: (id: string) => `/api/v1/trips/${enc(id)}/pass.pdf`,
  refundPreview: (id: string) => `/api/v1/trips/${enc(id)}/refund-preview`,
  tripFile: (id: string, fileId: string) => `/api/v1/trips/${enc(id)}/files/${enc(fileId)}`,
  receiptPdf: (paymentId: string) => `/api/v1/payments/${enc(paymentId)}/receipt.pdf`,
  quote: '/api/v1/fees/quote',
};

export const fleetApi = {
  createVehicle: (body: CreateVehicleRequest, key: string) => api<Vehicle>('POST', urls.vehicles, body, idem(key)),
  updateVehicle: (id: string, body: UpdateVehicleRequest) => api<Vehicle>('PATCH', `${urls.vehicles}/${enc(id)}`, body),
  createDriver: (body: CreateDriverRequest, key: string) => api<Driver>('POST', urls.drivers, body, idem(key)),
  updateDriver: (id: string, body: UpdateDriverRequest) => api<Driver>('PATCH', `${urls.drivers}/${enc(id)}`, body),
};

export const tripsApi = {
  create: (body: CreateTripRequest, key: string) => api<Trip>('POST', '/api/v1/trips', body, idem(key)),
  update: (id: string, body: UpdateTripRequest) => api<Trip>('PATCH', urls.trip(id), body),
  submit: (id: string, version: number) => api<Trip>('POST', `${urls.trip(id)}/submit`, { version }),
  checks: (id: string) => api<TripChecksResult>('GET', `${urls.trip(id)}/checks`),
  cancel: (id: string, version: number, reason: string) => api<Trip>('POST', `${urls.trip(id)}/cancel`, { version, reason }),
  pay: (id: string, body: { amount: number; payerAccount: string }, key: string) => api<Payment>('POST', urls.tripPayments(id), body, idem(key)),
  uploadFile: (id: string, body: UploadTripFileRequest) => api<TripFile>('POST', `${urls.trip(id)}/files`, body),
  quote: (body: QuoteRequest) => api<FeeQuote>('POST', urls.quote, body),
};

export type { Driver, FeeQuote, GatePass, Payment, Trip, TripEvent, TripFile, TripSummary, TripVersion, Vehicle };
