import crypto from 'node:crypto';
import { FINAL_TRIP_STATUSES, type TripStatus } from '../../../shared/workflows/trip';
import type { TripFile, UploadTripFileRequest } from '../../../shared/schemas/trips';
import { requirePermission } from '../platform/actor';
import type { RequestContext } from '../platform/context';
import { AppError } from '../platform/errors';
import { inEnterpriseScope } from '../fleet/scope';
import { recordTripChange } from './timeline';
import { readableTrip } from './trip-scope';
import { findTripRow } from './trips.repository';

// Uploaded documents (scanned certificates, invoices). The SHA-256 computed on upload is kept
// and shown, so anyone can check later that a copy is the file that was declared.

const MAX_BYTES = 700 * 1024;
const SIGNATURES: Record<UploadTripFileRequest['contentType'], number[]> = {
  'application/pdf': [0x25, 0x50, 0x44, 0x46, 0x2d],
  'image/jpeg': [0xff, 0xd8, 0xff],
  'image/png': [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a],
};

function decode(input: UploadTripFileRequest): Buffer {
  if (input.contentBase64.length % 4 !== 0 || !/^[A-Za-z0-9+/]*={0,2}$/.test(input.contentBase64)) throw new AppError('trips.file_invalid', {}, 'The content is not base64');
  const bytes = Buffer.from(input.contentBase64, 'base64');
  const signature = SIGNATURES[input.contentType];
  if (bytes.length === 0 || bytes.length > MAX_BYTES || !signature.every((b, i) => bytes[i] === b)) throw new AppError('trips.file_invalid');
  return bytes;
}

export async function uploadTripFile(ctx: RequestContext, tripId: string, input: UploadTripFileRequest): Promise<TripFile> {
  const actor = requirePermission(ctx.actor, 'trips:write');
  const bytes = decode(input);
  return ctx.app.db.transaction().execute(async (tx) => {
    const now = ctx.app.now();
    const row = await findTripRow(tx, tripId, true);
    if (!row || !inEnterpriseScope(actor, row.enterprise_id)) throw new AppError('trips.not_found');
    if (FINAL_TRIP_STATUSES.includes(row.status as TripStatus)) throw new AppError('trips.invalid_transition', { allowedActions: [] });
    const sha256 = crypto.createHash('sha256').update(bytes).digest('hex');
    const file = await tx
      .insertInto('trip_files')
      .values({ trip_id: tripId, file_name: input.fileName, content_type: input.contentType, size: bytes.length, sha256, content: bytes, uploaded_by: actor.userId, uploaded_at: now })
      .returning(['id', 'file_name', 'content_type', 'size', 'sha256', 'uploaded_at'])
      .executeTakeFirstOrThrow();
    await recordTripChange(tx, actor, ctx.requestId, {
      tripId,
      action: 'file_uploaded',
      from: row.status,
      to: row.status,
      at: now,
      details: { fileId: file.id, fileName: file.file_name, size: file.size, sha256 },
    });
    return { id: file.id, fileName: file.file_name, contentType: file.content_type, size: file.size, sha256: file.sha256, uploadedAt: file.uploaded_at.toISOString() };
  });
}

export async function downloadTripFile(ctx: RequestContext, tripId: string, fileId: string) {
  await readableTrip(ctx.app.db, ctx.actor, tripId);
  const file = await ctx.app.db.selectFrom('trip_files').selectAll().where('id', '=', fileId).where('trip_id', '=', tripId).executeTakeFirst();
  if (!file) throw new AppError('trips.file_not_found');
  return { fileName: file.file_name, contentType: file.content_type, sha256: file.sha256, content: Buffer.from(file.content) };
}
