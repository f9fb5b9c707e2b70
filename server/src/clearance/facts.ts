import type { Kysely, Transaction } from 'kysely';
import type { Database } from '../db/database';
import { normaliseHsCode } from '../hs/nomenclature';
import { fruitProtocols } from '../trips/rules';
import type { TripRow } from '../trips/trips.repository';

// What derivation and selection read about a trip: its declaration as it is now, reduced to
// the facts the rules name. One trip's rows only, never any history.

type Executor = Kysely<Database> | Transaction<Database>;

export interface LineFact {
  index: number;
  /** HS digits (6 or 8), null when missing or malformed. */
  hs: string | null;
  hsCode: string | null;
  description: string | null;
  perishable: boolean;
  origin: string | null;
  declaredValue: number | null;
  currency: string | null;
  quantity: number | null;
  unit: string | null;
  growingAreaCode: string | null;
  packingHouseCode: string | null;
}

export interface TripFacts {
  tripId: string;
  enterpriseId: string;
  direction: string | null;
  gateId: string | null;
  plannedDate: string | null;
  lines: LineFact[];
  documents: Array<{ kind: string; number: string; expiresOn: string | null }>;
  driver: { nationality: string; documentExpiresOn: string } | null;
  vehicle: { inspectionExpiresOn: string | null } | null;
}

/** Codes are compared upper-case without spaces, as printed on labels. */
export const normaliseCode = (code: string) => code.toUpperCase().replace(/\s/g, '');

export async function loadFacts(db: Executor, trip: TripRow): Promise<TripFacts> {
  const [lines, documents, driver, vehicle] = await Promise.all([
    db.selectFrom('trip_cargo_lines').selectAll().where('trip_id', '=', trip.id).orderBy('line_no').execute(),
    db.selectFrom('trip_documents').select(['kind', 'number', 'expires_on']).where('trip_id', '=', trip.id).orderBy('position').execute(),
    trip.driver_id ? db.selectFrom('drivers').select(['nationality', 'document_expires_on']).where('id', '=', trip.driver_id).executeTakeFirst() : undefined,
    trip.vehicle_id ? db.selectFrom('vehicles').select(['inspection_expires_on']).where('id', '=', trip.vehicle_id).executeTakeFirst() : undefined,
  ]);
  return {
    tripId: trip.id,
    enterpriseId: trip.enterprise_id,
    direction: trip.direction,
    gateId: trip.gate_id,
    plannedDate: trip.planned_date,
    lines: lines.map((l) => ({
      index: l.line_no,
      hs: l.hs_code ? normaliseHsCode(l.hs_code) : null,
      hsCode: l.hs_code,
      description: l.description,
      perishable: l.perishable,
      origin: l.origin,
      declaredValue: l.declared_value,
      currency: l.currency,
      quantity: l.quantity,
      unit: l.unit,
      growingAreaCode: l.growing_area_code ? normaliseCode(l.growing_area_code) : null,
      packingHouseCode: l.packing_house_code ? normaliseCode(l.packing_house_code) : null,
    })),
    documents: documents.map((d) => ({ kind: d.kind, number: d.number, expiresOn: d.expires_on })),
    driver: driver ? { nationality: driver.nationality, documentExpiresOn: driver.document_expires_on } : null,
    vehicle: vehicle ? { inspectionExpiresOn: vehicle.inspection_expires_on } : null,
  };
}

/** For each approved code (by kind), the fruits it is approved for. */
export interface CodeApprovals {
  puc: Map<string, Set<string>>;
  phc: Map<string, Set<string>>;
}

export function emptyApprovals(): CodeApprovals {
  return { puc: new Map(), phc: new Map() };
}

/** The current approved-list entries for the codes a trip names (a handful of rows). */
export async function approvalsFor(db: Executor, facts: TripFacts): Promise<CodeApprovals> {
  const codes = [...new Set(facts.lines.flatMap((l) => [l.growingAreaCode, l.packingHouseCode]).filter((c): c is string => !!c))];
  const result = emptyApprovals();
  if (codes.length === 0) return result;
  const current = await db.selectFrom('clearance_code_lists').select((eb) => eb.fn.max('version').as('v')).executeTakeFirst();
  if (current?.v === null || current?.v === undefined) return result;
  const rows = await db
    .selectFrom('clearance_approved_codes')
    .select(['kind', 'code', 'fruit'])
    .where('list_version', '=', current.v)
    .where('code', 'in', codes)
    .execute();
  for (const r of rows) {
    const map = r.kind === 'puc' ? result.puc : result.phc;
    if (!map.has(r.code)) map.set(r.code, new Set());
    map.get(r.code)!.add(r.fruit);
  }
  return result;
}

/** Fruits with a China protocol whose HS prefixes cover this code (one HS subheading may cover several). */
export function protocolFruitsOf(hs: string | null): string[] {
  if (!hs) return [];
  return fruitProtocols()
    .fruits.filter((f) => f.hsPrefixes.some((p) => hs.startsWith(p)))
    .map((f) => f.id);
}

export type CodeCheckResult = 'approved' | 'not_approved' | 'missing' | 'not_applicable';

/** Growing-area and packing-house checks of a line against the approved lists. */
export function lineCodeChecks(facts: TripFacts, line: LineFact, approvals: CodeApprovals): { growingArea: CodeCheckResult; packingHouse: CodeCheckResult } {
  const fruits = facts.direction === fruitProtocols().direction ? protocolFruitsOf(line.hs) : [];
  if (fruits.length === 0) return { growingArea: 'not_applicable', packingHouse: 'not_applicable' };
  const check = (code: string | null, map: Map<string, Set<string>>): CodeCheckResult => {
    if (!code) return 'missing';
    const approved = map.get(code);
    return approved && fruits.some((f) => approved.has(f)) ? 'approved' : 'not_approved';
  };
  return { growingArea: check(line.growingAreaCode, approvals.puc), packingHouse: check(line.packingHouseCode, approvals.phc) };
}
