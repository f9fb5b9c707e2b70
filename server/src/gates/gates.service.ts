import type { Gate, GateListQuery, GateSummary, GateVersion, ReplaceCalendarRequest, UpdateGateRequest } from '../../../shared/schemas/gates';
import type { Transaction } from 'kysely';
import type { Database } from '../db/database';
import { recordAudit } from '../audit/audit.repository';
import { actorLabel, requireAuthenticated, requireGateScope, requirePermission } from '../platform/actor';
import type { RequestContext } from '../platform/context';
import { AppError } from '../platform/errors';
import { calendarProblems } from './calendar';
import { snapshotOf, toGate, toGateSummary } from './gates.mapper';
import * as repo from './gates.repository';

// The registry is public: anyone may read it. Only gate-authority staff of a gate (or an
// administrator) change it, and every change stores a new version with who and why.

export async function listGates(ctx: RequestContext, query: GateListQuery): Promise<GateSummary[]> {
  const rows = await repo.listGateRows(ctx.app.db, query);
  const calendars = await repo.loadCalendars(ctx.app.db, rows.map((r) => r.id));
  const now = ctx.app.now();
  return rows.map((row) => toGateSummary(row, calendars.get(row.id)!, now));
}

export async function getGate(ctx: RequestContext, id: string): Promise<Gate> {
  const row = await repo.findGateRow(ctx.app.db, id);
  if (!row) throw new AppError('gates.not_found');
  const [calendars, children] = await Promise.all([repo.loadCalendars(ctx.app.db, [id]), repo.listChildren(ctx.app.db, id)]);
  return toGate(row, calendars.get(id)!, children, ctx.app.now());
}

async function changeGate(
  ctx: RequestContext,
  id: string,
  expectedVersion: number,
  reason: string,
  action: string,
  apply: (tx: Transaction<Database>, row: repo.GateRow) => Promise<void>,
): Promise<Gate> {
  const actor = requirePermission(ctx.actor, 'gates:write');
  requireGateScope(actor, id);
  await ctx.app.db.transaction().execute(async (tx) => {
    const row = await repo.findGateRow(tx, id, true);
    if (!row) throw new AppError('gates.not_found');
    if (row.version !== expectedVersion) throw new AppError('gates.version_conflict', { currentVersion: row.version });
    const before = snapshotOf(row, (await repo.loadCalendars(tx, [id])).get(id)!);
    await apply(tx, row);
    const updated = await tx
      .updateTable('gates')
      .set({ version: row.version + 1, updated_at: ctx.app.now() })
      .where('id', '=', id)
      .returningAll()
      .executeTakeFirstOrThrow();
    const after = snapshotOf(updated, (await repo.loadCalendars(tx, [id])).get(id)!);
    await repo.insertVersion(tx, {
      gateId: id,
      version: updated.version,
      snapshot: after,
      changedBy: actor.userId,
      changedByLabel: actorLabel(actor),
      reason,
    });
    await recordAudit(tx, actor, ctx.requestId, { action, entityType: 'gate', entityId: id, before, after, reason });
  });
  return getGate(ctx, id);
}

export function updateGate(ctx: RequestContext, id: string, input: UpdateGateRequest): Promise<Gate> {
  return changeGate(ctx, id, input.version, input.reason, 'gate.updated', async (tx, row) => {
    const status = input.status ?? row.status;
    const plannedClass = input.plannedClass !== undefined ? input.plannedClass : row.planned_class;
    if (status !== 'operating' && plannedClass === null) {
      throw new AppError('gates.invalid_change', {}, 'A planned or upgrading gate needs the class it is planned to have');
    }
    await tx
      .updateTable('gates')
      .set({
        name_vi: input.nameVi ?? row.name_vi,
        name_en: input.nameEn ?? row.name_en,
        name_zh: input.nameZh !== undefined ? input.nameZh : row.name_zh,
        status,
        class: input.class ?? row.class,
        planned_class: status === 'operating' && input.plannedClass === undefined ? null : plannedClass,
        target_year: input.targetYear !== undefined ? input.targetYear : row.target_year,
        traffic: input.traffic ?? row.traffic,
        capacity_export_per_day: input.capacity?.exportPerDay ?? row.capacity_export_per_day,
        capacity_import_per_day: input.capacity?.importPerDay ?? row.capacity_import_per_day,
        notes: JSON.stringify(input.notes ? { ...row.notes, ...input.notes } : row.notes),
      })
      .where('id', '=', id)
      .execute();
  });
}

export function replaceGateCalendar(ctx: RequestContext, id: string, input: ReplaceCalendarRequest): Promise<Gate> {
  // Who may edit is answered before what is wrong with the edit.
  requireGateScope(requirePermission(ctx.actor, 'gates:write'), id);
  const problems = calendarProblems(input);
  if (problems.length > 0) throw new AppError('gates.invalid_calendar', { errors: problems });
  return changeGate(ctx, id, input.version, input.reason, 'gate.calendar_replaced', async (tx) => {
    await repo.replaceCalendar(tx, id, input.weeklyHours, input.specialDays);
  });
}

/** Version history names the staff who made each change, so it is for signed-in staff only. */
export async function listGateVersions(ctx: RequestContext, id: string): Promise<GateVersion[]> {
  const actor = requireAuthenticated(ctx.actor);
  if (!actor.permissions.has('gates:write') && !actor.permissions.has('audit:read')) {
    throw new AppError('auth.forbidden', { permission: 'audit:read' });
  }
  if (actor.role === 'gate_authority') requireGateScope(actor, id);
  if (!(await repo.findGateRow(ctx.app.db, id))) throw new AppError('gates.not_found');
  const rows = await repo.listVersions(ctx.app.db, id);
  return rows.map((r) => ({
    version: r.version,
    changedAt: r.changed_at.toISOString(),
    changedBy: r.changed_by_label,
    reason: r.reason,
    snapshot: r.snapshot,
  }));
}
