import type { LaneMatch, YardLane, YardRules, YardRuleValues } from '../../../shared/schemas/yards';
import type { Executor } from '../trips/trips.repository';
import { defaultLanes, defaultRules, defaultsLabel } from './reference';

// The lanes and rules in force at a gate: the gate authority's edit if any, else the reference
// defaults (reference/yards/lanes.json and rules.json).

export async function rulesFor(db: Executor, gateId: string): Promise<YardRules> {
  const row = await db.selectFrom('yard_gate_rules').selectAll().where('gate_id', '=', gateId).executeTakeFirst();
  if (!row) {
    return { gateId, version: 1, source: 'reference', dataset: defaultsLabel(), lanes: sortLanes(defaultLanes()), rules: defaultRules(), updatedAt: null, updatedBy: null };
  }
  return {
    gateId,
    version: row.version,
    source: row.source as YardRules['source'],
    dataset: row.dataset,
    lanes: sortLanes(row.lanes as YardLane[]),
    rules: { ...defaultRules(), ...(row.rules as YardRuleValues) },
    updatedAt: row.updated_at?.toISOString() ?? null,
    updatedBy: row.updated_by_label,
  };
}

/** Lanes by priority (lower first); ties keep the order they were given in. */
export function sortLanes(lanes: YardLane[]): YardLane[] {
  return lanes.map((l, i) => ({ l, i })).sort((a, b) => a.l.priority - b.l.priority || a.i - b.i).map((x) => x.l);
}

export interface CargoFacts {
  hsCodes: string[];
  perishable: boolean;
}

function matches(match: LaneMatch, cargo: CargoFacts, direction: 'export' | 'import'): boolean {
  if (match.perishable !== undefined && match.perishable !== cargo.perishable) return false;
  if (match.hsPrefixes && match.hsPrefixes.length > 0) {
    const digits = cargo.hsCodes.map((c) => c.replace(/\D/g, ''));
    if (!digits.some((d) => match.hsPrefixes!.some((p) => d.startsWith(p)))) return false;
  }
  if (match.directions && match.directions.length > 0 && !match.directions.includes(direction)) return false;
  return true;
}

/** The first lane by priority whose conditions the truck meets (the catch-all lane otherwise). */
export function laneFor(lanes: YardLane[], cargo: CargoFacts, direction: 'export' | 'import'): YardLane {
  const sorted = sortLanes(lanes);
  return sorted.find((l) => matches(l.match, cargo, direction)) ?? sorted[sorted.length - 1];
}

/** Problems with a set of lanes: duplicate codes, or no lane that takes every truck. */
export function laneProblems(lanes: YardLane[]): Array<{ path: string; message: string }> {
  const problems: Array<{ path: string; message: string }> = [];
  const seen = new Set<string>();
  lanes.forEach((l, i) => {
    if (seen.has(l.code)) problems.push({ path: `body/lanes/${i}/code`, message: `Lane code ${l.code} is used twice` });
    seen.add(l.code);
  });
  const catchAll = lanes.some((l) => !l.match.perishable && l.match.perishable !== false && !l.match.hsPrefixes?.length && !l.match.directions?.length);
  if (!catchAll) problems.push({ path: 'body/lanes', message: 'One lane must take every truck (an empty match)' });
  return problems;
}
