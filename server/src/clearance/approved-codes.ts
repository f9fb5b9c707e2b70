import { sql } from 'kysely';
import type { ApprovedCode, ApprovedCodeInput, ApprovedCodeList, ImportApprovedCodesRequest } from '../../../shared/schemas/clearance';
import { recordAudit } from '../audit/audit.repository';
import { parseCsv } from '../hs/csv';
import { actorLabel, requirePermission } from '../platform/actor';
import type { RequestContext } from '../platform/context';
import { AppError, type FieldError } from '../platform/errors';
import { emitEvent } from '../platform/events';
import { runIdempotent, type IdempotentResult } from '../platform/idempotency';
import { fruitProtocols } from '../trips/rules';
import { normaliseCode } from './facts';
import { CODE_LIST_LOCK } from './reference-load';

// Approved growing-area (PUC) and packing-house (PHC) lists, imported by plant quarantine from
// the published registers (JSON or CSV). An import is all or nothing: every problem of the file
// is listed in one 422. Each import is a new version (replace, or merge into the current one);
// fruit lines are checked against the highest version.

const CSV_HEADER = ['kind', 'code', 'fruit', 'holder', 'province'];
const KINDS = ['puc', 'phc'];

function fromCsv(text: string, problems: FieldError[]): ApprovedCodeInput[] {
  const rows = parseCsv(text).filter((r) => r.some((f) => f.trim() !== ''));
  if (rows.length === 0) {
    problems.push({ path: '/csv', message: 'empty file', code: 'empty' });
    return [];
  }
  const header = rows[0].map((h) => h.trim().toLowerCase());
  const missing = CSV_HEADER.slice(0, 3).filter((h) => !header.includes(h));
  if (missing.length > 0) {
    problems.push({ path: '/csv/line 1', message: `header must name ${missing.join(', ')}`, code: 'header' });
    return [];
  }
  const at = (row: string[], name: string) => {
    const i = header.indexOf(name);
    return i < 0 ? undefined : (row[i] ?? '').trim();
  };
  return rows.slice(1).map((row) => ({
    kind: at(row, 'kind')?.toLowerCase() as ApprovedCodeInput['kind'],
    code: at(row, 'code') ?? '',
    fruit: at(row, 'fruit')?.toLowerCase() ?? '',
    holder: at(row, 'holder') || null,
    province: at(row, 'province') || null,
  }));
}

/** Every problem of the list at once: unknown kinds or fruits, codes in the wrong format, repeats. */
export function codeProblems(codes: ApprovedCodeInput[], pathOf: (i: number) => string): FieldError[] {
  const protocols = fruitProtocols();
  const fruits = new Set(protocols.fruits.map((f) => f.id));
  const formats = { puc: new RegExp(protocols.codeFormats.growingArea.pattern), phc: new RegExp(protocols.codeFormats.packingHouse.pattern) };
  const seen = new Map<string, number>();
  const problems: FieldError[] = [];
  codes.forEach((c, i) => {
    const at = pathOf(i);
    if (!KINDS.includes(c.kind)) problems.push({ path: `${at}/kind`, message: 'must be puc or phc', code: 'kind' });
    if (!fruits.has(c.fruit)) problems.push({ path: `${at}/fruit`, message: `unknown fruit ${c.fruit} (reference/trips/fruit-protocols.json)`, code: 'fruit' });
    const code = normaliseCode(c.code ?? '');
    if (KINDS.includes(c.kind) && !formats[c.kind].test(code)) problems.push({ path: `${at}/code`, message: `${c.code} is not a valid ${c.kind.toUpperCase()} code`, code: 'format' });
    const key = `${c.kind}|${code}|${c.fruit}`;
    if (seen.has(key)) problems.push({ path: `${at}/code`, message: `repeats ${pathOf(seen.get(key)!)}`, code: 'duplicate' });
    else seen.set(key, i);
  });
  return problems;
}

function listView(row: { version: number; label: string; mode: string; imported_at: Date; imported_by_label: string; reason: string; puc_count: number; phc_count: number }, current: number | null): ApprovedCodeList {
  return {
    version: row.version,
    label: row.label,
    mode: row.mode as ApprovedCodeList['mode'],
    importedAt: row.imported_at.toISOString(),
    importedByLabel: row.imported_by_label,
    reason: row.reason,
    counts: { puc: row.puc_count, phc: row.phc_count },
    current: row.version === current,
  };
}

export async function importApprovedCodes(ctx: RequestContext, input: ImportApprovedCodesRequest, key: string | undefined): Promise<IdempotentResult<ApprovedCodeList>> {
  const actor = requirePermission(ctx.actor, 'clearance:rules');
  if (actor.role !== 'plant_quarantine') throw new AppError('clearance.rules_wrong_agency');
  const problems: FieldError[] = [];
  let codes: ApprovedCodeInput[] = [];
  if (input.format === 'json') {
    if (!input.codes) problems.push({ path: '/codes', message: 'required for format json', code: 'required' });
    codes = input.codes ?? [];
  } else {
    if (input.csv === undefined) problems.push({ path: '/csv', message: 'required for format csv', code: 'required' });
    else codes = fromCsv(input.csv, problems);
  }
  problems.push(...codeProblems(codes, (i) => (input.format === 'json' ? `/codes/${i}` : `/csv/line ${i + 2}`)));
  if (codes.length === 0 && problems.length === 0) problems.push({ path: input.format === 'json' ? '/codes' : '/csv', message: 'the list is empty', code: 'empty' });
  if (problems.length > 0) throw new AppError('clearance.import_invalid', { errors: problems });

  const result = await runIdempotent(ctx, { scope: `${actor.userId}:clearance.approved_codes`, key, request: input }, async (tx) => {
    const now = ctx.app.now();
    await sql`select pg_advisory_xact_lock(${CODE_LIST_LOCK})`.execute(tx);
    const last = await tx.selectFrom('clearance_code_lists').select((eb) => eb.fn.max('version').as('v')).executeTakeFirst();
    const previous = last?.v ?? null;
    const version = (previous ?? 0) + 1;
    const rows = new Map<string, { kind: string; code: string; fruit: string; holder: string | null; province: string | null }>();
    if (input.mode === 'merge' && previous !== null) {
      for (const c of await tx.selectFrom('clearance_approved_codes').select(['kind', 'code', 'fruit', 'holder', 'province']).where('list_version', '=', previous).execute()) {
        rows.set(`${c.kind}|${c.code}|${c.fruit}`, c);
      }
    }
    for (const c of codes) {
      const code = normaliseCode(c.code);
      rows.set(`${c.kind}|${code}|${c.fruit}`, { kind: c.kind, code, fruit: c.fruit, holder: c.holder ?? null, province: c.province ?? null });
    }
    const all = [...rows.values()];
    const list = {
      version,
      label: input.label,
      mode: input.mode,
      reason: input.reason,
      imported_by: actor.userId,
      imported_by_label: actorLabel(actor),
      imported_at: now,
      puc_count: all.filter((c) => c.kind === 'puc').length,
      phc_count: all.filter((c) => c.kind === 'phc').length,
    };
    await tx.insertInto('clearance_code_lists').values(list).execute();
    for (let i = 0; i < all.length; i += 1000) {
      await tx.insertInto('clearance_approved_codes').values(all.slice(i, i + 1000).map((c) => ({ list_version: version, ...c }))).execute();
    }
    await recordAudit(tx, actor, ctx.requestId, {
      action: 'clearance.codes_imported',
      entityType: 'clearance_code_list',
      entityId: String(version),
      after: { version, label: input.label, mode: input.mode, imported: codes.length, puc: list.puc_count, phc: list.phc_count, previous },
      reason: input.reason,
    });
    await emitEvent(tx, { type: 'clearance.codes_imported', occurredAt: now, payload: { version, puc: list.puc_count, phc: list.phc_count } });
    return { status: 201, body: listView(list, version) };
  });
  return result;
}

async function currentVersion(ctx: RequestContext): Promise<number | null> {
  const row = await ctx.app.db.selectFrom('clearance_code_lists').select((eb) => eb.fn.max('version').as('v')).executeTakeFirst();
  return row?.v ?? null;
}

export async function listCodeVersions(ctx: RequestContext): Promise<{ items: ApprovedCodeList[]; total: number }> {
  requirePermission(ctx.actor, 'clearance:read');
  const current = await currentVersion(ctx);
  const rows = await ctx.app.db.selectFrom('clearance_code_lists').selectAll().orderBy('version', 'desc').execute();
  return { items: rows.map((r) => listView(r, current)), total: rows.length };
}

export async function listApprovedCodes(ctx: RequestContext, q: { kind?: string; fruit?: string; q?: string; limit?: number; offset?: number }): Promise<{ version: number | null; items: ApprovedCode[]; total: number }> {
  requirePermission(ctx.actor, 'clearance:read');
  const version = await currentVersion(ctx);
  if (version === null) return { version, items: [], total: 0 };
  let query = ctx.app.db.selectFrom('clearance_approved_codes').where('list_version', '=', version);
  if (q.kind) query = query.where('kind', '=', q.kind);
  if (q.fruit) query = query.where('fruit', '=', q.fruit);
  if (q.q) query = query.where((eb) => eb.or([eb('code', 'like', `%${normaliseCode(q.q!)}%`), eb(sql`lower(coalesce(holder, ''))`, 'like', `%${q.q!.toLowerCase()}%`)]));
  const total = await query.select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow();
  const rows = await query.select(['kind', 'code', 'fruit', 'holder', 'province']).orderBy('kind').orderBy('code').orderBy('fruit').limit(q.limit ?? 100).offset(q.offset ?? 0).execute();
  return { version, items: rows.map((r) => ({ ...r, kind: r.kind as ApprovedCode['kind'] })), total: Number(total.n) };
}
