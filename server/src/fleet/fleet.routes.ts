import Type from 'typebox';
import { Uuid } from '../../../shared/schemas/common';
import { CreateDriverRequest, CreateVehicleRequest, Driver, FleetListQuery, UpdateDriverRequest, UpdateVehicleRequest, Vehicle } from '../../../shared/schemas/fleet';
import { TripChecksProblem } from '../../../shared/schemas/trips';
import { errors, IdempotencyHeaders, writeErrors } from '../platform/openapi';
import type { App } from '../platform/types';
import * as drivers from './drivers.service';
import * as vehicles from './vehicles.service';

const IdParams = Type.Object({ id: Uuid }, { additionalProperties: false });

export async function fleetRoutes(app: App) {
  app.get('/api/v1/vehicles', {
    schema: { tags: ['fleet'], summary: 'Vehicles of my enterprise (administrators: any)', querystring: FleetListQuery, response: { 200: Type.Object({ items: Type.Array(Vehicle) }), ...errors(401, 403) } },
    handler: async (request) => ({ items: await vehicles.listVehicles(request.ctx, request.query) }),
  });
  app.get('/api/v1/vehicles/:id', {
    schema: { tags: ['fleet'], summary: 'One vehicle', params: IdParams, response: { 200: Vehicle, ...errors(401, 403, 404) } },
    handler: async (request) => vehicles.getVehicle(request.ctx, request.params.id),
  });
  app.post('/api/v1/vehicles', {
    schema: {
      tags: ['fleet'],
      summary: 'Register a vehicle (plate and containers validated; a plate registered twice gets 409)',
      headers: IdempotencyHeaders,
      body: CreateVehicleRequest,
      response: { 201: Vehicle, ...writeErrors(401, 403, 404, 409), 422: TripChecksProblem },
    },
    handler: async (request, reply) => {
      const result = await vehicles.createVehicle(request.ctx, request.body, request.headers['idempotency-key']);
      if (result.replayed) reply.header('idempotent-replayed', 'true');
      return reply.code(result.status as 201).send(result.body);
    },
  });
  app.patch('/api/v1/vehicles/:id', {
    schema: { tags: ['fleet'], summary: 'Change a vehicle', params: IdParams, body: UpdateVehicleRequest, response: { 200: Vehicle, ...writeErrors(401, 403, 404, 409), 422: TripChecksProblem } },
    handler: async (request) => vehicles.updateVehicle(request.ctx, request.params.id, request.body),
  });

  app.get('/api/v1/drivers', {
    schema: { tags: ['fleet'], summary: 'Drivers of my enterprise (administrators: any)', querystring: FleetListQuery, response: { 200: Type.Object({ items: Type.Array(Driver) }), ...errors(401, 403) } },
    handler: async (request) => ({ items: await drivers.listDrivers(request.ctx, request.query) }),
  });
  app.get('/api/v1/drivers/:id', {
    schema: { tags: ['fleet'], summary: 'One driver', params: IdParams, response: { 200: Driver, ...errors(401, 403, 404) } },
    handler: async (request) => drivers.getDriver(request.ctx, request.params.id),
  });
  app.post('/api/v1/drivers', {
    schema: {
      tags: ['fleet'],
      summary: 'Register a driver (expired documents refused; the same document twice gets 409)',
      headers: IdempotencyHeaders,
      body: CreateDriverRequest,
      response: { 201: Driver, ...writeErrors(401, 403, 404, 409), 422: TripChecksProblem },
    },
    handler: async (request, reply) => {
      const result = await drivers.createDriver(request.ctx, request.body, request.headers['idempotency-key']);
      if (result.replayed) reply.header('idempotent-replayed', 'true');
      return reply.code(result.status as 201).send(result.body);
    },
  });
  app.patch('/api/v1/drivers/:id', {
    schema: { tags: ['fleet'], summary: 'Change a driver', params: IdParams, body: UpdateDriverRequest, response: { 200: Driver, ...writeErrors(401, 403, 404, 409), 422: TripChecksProblem } },
    handler: async (request) => drivers.updateDriver(request.ctx, request.params.id, request.body),
  });
}
