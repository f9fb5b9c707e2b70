import Type from 'typebox';
import {
  Availability, AvailabilityQuery, BookingsOverview, CapacityChange, GateCapacity, NoShowQuery, NoShowReport, OverviewQuery, TripBookings,
  UpdateDateOverrideRequest, UpdateProfileRequest,
} from '../../../shared/schemas/capacity';
import { DateString, GateId, Uuid } from '../../../shared/schemas/common';
import { errors, IdempotencyHeaders, writeErrors } from '../platform/openapi';
import type { App } from '../platform/types';
import { noShowReport } from './no-show-report';
import { capacityHistory, getAvailability, getBookingsOverview, getGateCapacity } from './read-capacity';
import { tripBookings } from './trip-bookings';
import { updateDateOverride, updateProfile } from './update-capacity';

const GateParams = Type.Object({ id: GateId }, { additionalProperties: false });
const DateParams = Type.Object({ id: GateId, date: DateString }, { additionalProperties: false });
const TripParams = Type.Object({ id: Uuid }, { additionalProperties: false });
const tags = ['capacity'];

export async function capacityRoutes(app: App) {
  app.get('/api/v1/gates/:id/capacity', {
    schema: { tags, summary: 'Crossing capacity settings of a gate: day capacity, hourly profiles, date overrides (public)', params: GateParams, response: { 200: GateCapacity, ...errors(404) } },
    handler: async (request) => getGateCapacity(request.ctx, request.params.id),
  });
  app.put('/api/v1/gates/:id/capacity/profile', {
    schema: {
      tags,
      summary: 'Set the hourly capacity profile of a direction (gate authority of that gate; reason required)',
      params: GateParams,
      headers: IdempotencyHeaders,
      body: UpdateProfileRequest,
      response: { 200: GateCapacity, ...writeErrors(401, 403, 404, 409, 422) },
    },
    handler: async (request, reply) => {
      const result = await updateProfile(request.ctx, request.params.id, request.body, request.headers['idempotency-key']);
      if (result.replayed) reply.header('idempotent-replayed', 'true');
      return result.body;
    },
  });
  app.put('/api/v1/gates/:id/capacity/dates/:date', {
    schema: {
      tags,
      summary: 'Set (or, with perDay null and no hours, remove) the capacity of one date and direction',
      params: DateParams,
      headers: IdempotencyHeaders,
      body: UpdateDateOverrideRequest,
      response: { 200: GateCapacity, ...writeErrors(401, 403, 404, 409, 422) },
    },
    handler: async (request, reply) => {
      const result = await updateDateOverride(request.ctx, request.params.id, request.params.date, request.body, request.headers['idempotency-key']);
      if (result.replayed) reply.header('idempotent-replayed', 'true');
      return result.body;
    },
  });
  app.get('/api/v1/gates/:id/capacity/history', {
    schema: { tags, summary: 'Who changed the capacity, when and why (staff)', params: GateParams, response: { 200: Type.Object({ items: Type.Array(CapacityChange) }), ...errors(401, 403, 404) } },
    handler: async (request) => ({ items: await capacityHistory(request.ctx, request.params.id) }),
  });
  app.get('/api/v1/gates/:id/availability', {
    schema: { tags, summary: 'Free crossing capacity per hour for a date and direction (public; no enterprise data)', params: GateParams, querystring: AvailabilityQuery, response: { 200: Availability, ...errors(404) } },
    handler: async (request) => getAvailability(request.ctx, request.params.id, request.query),
  });
  app.get('/api/v1/gates/:id/bookings-overview', {
    schema: { tags, summary: 'Booked crossings against capacity per day and direction for the coming days (public)', params: GateParams, querystring: OverviewQuery, response: { 200: BookingsOverview, ...errors(404) } },
    handler: async (request) => getBookingsOverview(request.ctx, request.params.id, request.query),
  });
  app.get('/api/v1/trips/:id/booking', {
    schema: { tags, summary: 'The crossing window a trip booked, and its earlier bookings', params: TripParams, response: { 200: TripBookings, ...errors(401, 403, 404) } },
    handler: async (request) => tripBookings(request.ctx, request.params.id),
  });
  app.get('/api/v1/capacity/no-shows', {
    schema: { tags, summary: 'Enterprises by no-shows in the last days at my gates, with their trips (gate authority, leaders)', querystring: NoShowQuery, response: { 200: NoShowReport, ...errors(401, 403) } },
    handler: async (request) => noShowReport(request.ctx, request.query),
  });
}
