import crypto from 'node:crypto';
import { sql } from 'kysely';
import type { EvidenceFile } from '../../../shared/schemas/plans';
import { recordAudit } from '../audit/audit.repository';
import { actorLabel, requirePermission } from '../platform/actor';
import type { RequestContext } from '../platform/context';
import { AppError } from '../platform/errors';
import { loadPlan } from './read.service';
import { canManagePlan } from './scope';

// Evidence files: uploaded once (raw bytes), stored with their SHA-256, then attached to task
// updates or delegation reports. Uploading the same bytes again returns the same file, so a
// retried upload is safe without an Idempotency-Key.

export const MAX_FILE_BYTES = 10 * 1024 * 1024;

export function fileUrl(planId: string, id: string): string {
  return `/api/v1/plans/${planId}/files/${id}`;
}

export function toEvidenceFile(r: { id: string; plan_id: string; file_name: string; content_type: string; size_bytes: number; sha256: string; created_at: Date }): EvidenceFile {
  return {
    id: r.id,
    fileName: r.file_name,
    contentType: r.content_type,
    sizeBytes: r.size_bytes,
    sha256: r.sha256,
    uploadedAt: r.created_at.toISOString(),
    url: fileUrl(r.plan_id, r.id),
  };
}

export async function uploadFile(
  ctx: RequestContext,
  planId: string,
  input: { fileName: string; contentType: string; content: Buffer },
): Promise<{ status: 200 | 201; body: EvidenceFile }> {
  requirePermission(ctx.actor, 'plans:write');
  const { pa, row: plan } = await loadPlan(ctx, planId);
  const db = ctx.app.db;
  if (!canManagePlan(pa, plan.issuer_agency)) {
    // Only agencies that take part in the plan attach evidence to it.
    const codes = [...pa.agencies];
    const part =
      codes.length > 0 &&
      (await db
        .selectFrom('plan_tasks')
        .select('id')
        .where('plan_id', '=', planId)
        .where(sql<boolean>`(lead_agency = any(${codes}::text[]) or co_lead_agencies && ${codes}::text[] or coordinating_agencies && ${codes}::text[])`)
        .limit(1)
        .executeTakeFirst());
    if (!part) throw new AppError('plans.task_not_assigned');
  }
  if (input.content.length === 0 || input.content.length > MAX_FILE_BYTES) {
    throw new AppError('plans.invalid_file', { errors: [{ path: '/body', message: `size must be 1 byte to ${MAX_FILE_BYTES} bytes` }] });
  }
  const sha256 = crypto.createHash('sha256').update(input.content).digest('hex');
  return db.transaction().execute(async (tx) => {
    const inserted = await tx
      .insertInto('plan_files')
      .values({
        plan_id: planId,
        uploaded_by: pa.actor.userId,
        uploaded_by_label: actorLabel(pa.actor),
        agency_code: pa.actor.agencyCode,
        file_name: input.fileName,
        content_type: input.contentType,
        size_bytes: input.content.length,
        sha256,
        content: input.content,
        created_at: ctx.app.now(),
      })
      .onConflict((oc) => oc.columns(['plan_id', 'uploaded_by', 'sha256']).doNothing())
      .returning(['id', 'plan_id', 'file_name', 'content_type', 'size_bytes', 'sha256', 'created_at'])
      .executeTakeFirst();
    if (!inserted) {
      const existing = await tx
        .selectFrom('plan_files')
        .select(['id', 'plan_id', 'file_name', 'content_type', 'size_bytes', 'sha256', 'created_at'])
        .where('plan_id', '=', planId)
        .where('uploaded_by', '=', pa.actor.userId)
        .where('sha256', '=', sha256)
        .executeTakeFirstOrThrow();
      return { status: 200 as const, body: toEvidenceFile(existing) };
    }
    const file = toEvidenceFile(inserted);
    await recordAudit(tx, pa.actor, ctx.requestId, { action: 'plan_file.uploaded', entityType: 'plan_file', entityId: file.id, after: file });
    return { status: 201 as const, body: file };
  });
}

export async function downloadFile(ctx: RequestContext, planId: string, fileId: string) {
  await loadPlan(ctx, planId);
  const row = await ctx.app.db.selectFrom('plan_files').selectAll().where('id', '=', fileId).where('plan_id', '=', planId).executeTakeFirst();
  if (!row) throw new AppError('plans.file_not_found');
  return row;
}
