import type { EvidenceLink, TaskUpdate } from '../../../shared/schemas/plans';
import type { TaskStatus, TaskAction } from '../../../shared/workflows/plan-task';
import type { Kysely, Transaction } from 'kysely';
import type { Database } from '../db/database';
import { toEvidenceFile } from './files.service';
import { agencyRef } from './plans.mapper';
import { agencyNames } from './plans.repository';

/** The progress updates of a task, oldest first, each with its files and links. */
export async function listTaskUpdates(db: Kysely<Database> | Transaction<Database>, taskId: string): Promise<TaskUpdate[]> {
  const updates = await db.selectFrom('plan_task_updates').selectAll().where('task_id', '=', taskId).orderBy('created_at').orderBy('id').execute();
  if (updates.length === 0) return [];
  const ids = updates.map((u) => u.id);
  const [evidence, names] = await Promise.all([
    db
      .selectFrom('plan_update_evidence as e')
      .leftJoin('plan_files as f', 'f.id', 'e.file_id')
      .select(['e.update_id', 'e.position', 'e.kind', 'e.file_id', 'e.audit_id', 'e.gate_id', 'e.gate_version', 'e.url', 'e.label'])
      .select(['f.id as f_id', 'f.plan_id as f_plan_id', 'f.file_name', 'f.content_type', 'f.size_bytes', 'f.sha256', 'f.created_at as f_created_at'])
      .where('e.update_id', 'in', ids)
      .orderBy('e.update_id')
      .orderBy('e.position')
      .execute(),
    agencyNames(db),
  ]);
  return updates.map((u) => {
    const mine = evidence.filter((e) => e.update_id === u.id);
    return {
      id: u.id,
      taskId: u.task_id,
      occurrenceId: u.occurrence_id,
      agency: u.agency_code ? agencyRef(names, u.agency_code) : null,
      author: u.author_label,
      textVi: u.text_vi,
      progressPercent: u.progress_percent,
      action: (u.action as TaskAction | null) ?? null,
      statusAfter: u.status_after as TaskStatus,
      files: mine
        .filter((e) => e.kind === 'file' && e.f_id)
        .map((e) =>
          toEvidenceFile({
            id: e.f_id!,
            plan_id: e.f_plan_id!,
            file_name: e.file_name!,
            content_type: e.content_type!,
            size_bytes: e.size_bytes!,
            sha256: e.sha256!,
            created_at: e.f_created_at!,
          }),
        ),
      links: mine
        .filter((e) => e.kind !== 'file')
        .map((e) => {
          const link: EvidenceLink =
            e.kind === 'audit'
              ? { kind: 'audit', auditId: Number(e.audit_id) }
              : e.kind === 'gate_version'
                ? { kind: 'gate_version', gateId: e.gate_id!, version: e.gate_version! }
                : { kind: 'url', url: e.url! };
          return { ...link, label: e.label };
        }),
      createdAt: u.created_at.toISOString(),
    };
  });
}
