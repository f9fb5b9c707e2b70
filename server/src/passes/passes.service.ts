import QRCode from 'qrcode';
import type { GatePass, PassKey, PassPayload, VerifyPassResponse } from '../../../shared/schemas/passes';
import { requirePermission } from '../platform/actor';
import type { RequestContext } from '../platform/context';
import { AppError } from '../platform/errors';
import { readableTrip } from '../trips/trip-scope';
import { publishedKeys } from './keys';
import { passPdf } from './pass-pdf';
import { verifyPassToken } from './verify';

// A trip's pass for whoever may read the trip (the enterprise, its driver, the officers at the
// gate); public keys for anyone; online verification for staff and drivers (trips:read).

async function latestPass(ctx: RequestContext, tripId: string) {
  const { row } = await readableTrip(ctx.app.db, ctx.actor, tripId);
  const pass = await ctx.app.db.selectFrom('gate_passes').selectAll().where('trip_id', '=', tripId).orderBy('serial', 'desc').executeTakeFirst();
  if (!pass) throw new AppError('passes.not_found');
  return { trip: row, pass };
}

export async function getTripPass(ctx: RequestContext, tripId: string): Promise<GatePass> {
  const { trip, pass } = await latestPass(ctx, tripId);
  return {
    id: pass.id,
    tripId,
    tripReference: trip.reference,
    serial: pass.serial,
    status: pass.status as GatePass['status'],
    kid: pass.kid,
    token: pass.token,
    payload: pass.payload as PassPayload,
    qrSvg: await QRCode.toString(pass.token, { type: 'svg', errorCorrectionLevel: 'M', margin: 2 }),
    issuedAt: pass.issued_at.toISOString(),
    validUntil: pass.valid_until.toISOString(),
  };
}

export async function tripPassPdf(ctx: RequestContext, tripId: string): Promise<{ reference: string; pdf: Buffer }> {
  const { trip, pass } = await latestPass(ctx, tripId);
  if (pass.status !== 'valid') throw new AppError('passes.not_found');
  const db = ctx.app.db;
  const [gate, enterprise, driver] = await Promise.all([
    db.selectFrom('gates').select('name_vi').where('id', '=', trip.gate_id!).executeTakeFirstOrThrow(),
    db.selectFrom('enterprises').select('name').where('id', '=', trip.enterprise_id).executeTakeFirstOrThrow(),
    db.selectFrom('drivers').select('full_name').where('id', '=', trip.driver_id!).executeTakeFirstOrThrow(),
  ]);
  const pdf = await passPdf({
    token: pass.token,
    payload: pass.payload as PassPayload,
    gateName: gate.name_vi,
    enterpriseName: enterprise.name,
    driverName: driver.full_name,
    validUntil: pass.valid_until,
    issuedAt: pass.issued_at,
  });
  return { reference: trip.reference, pdf };
}

export function passKeys(ctx: RequestContext): Promise<PassKey[]> {
  return publishedKeys(ctx.app.db);
}

export async function verifyPass(ctx: RequestContext, token: string): Promise<VerifyPassResponse> {
  requirePermission(ctx.actor, 'trips:read');
  return verifyPassToken(ctx.app.db, token, ctx.app.now());
}
