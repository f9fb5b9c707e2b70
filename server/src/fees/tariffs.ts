import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import type { TSchema } from 'typebox';
import Value from 'typebox/value';
import { referencePath } from '../reference/paths';
import type { GoodsCategory } from './fees.schemas';
import { GoodsCategoryMap, Tariff, TariffSet } from './tariff.schema';

// Loading and choosing tariff versions. Files are validated when loaded so a malformed tariff
// stops the server at start-up instead of producing a wrong quote later.

function readJson(file: string): unknown {
  return JSON.parse(readFileSync(file, 'utf8'));
}

function check<T>(schema: TSchema, value: unknown, file: string): T {
  if (Value.Check(schema, value)) return value as T;
  const errors = [...Value.Errors(schema, value)].slice(0, 5).map((e) => `${e.instancePath || '/'} ${e.message}`);
  throw new Error(`Invalid tariff data in ${file}: ${errors.join('; ')}`);
}

function checkConsistency(t: Tariff, file: string): void {
  const names = new Set(Object.keys(t.definitions ?? {}));
  for (const c of [...t.rules.map((r) => r.when), ...(t.adjustments ?? []).map((a) => a.when)]) {
    for (const name of c?.is ?? []) {
      if (!names.has(name)) throw new Error(`Tariff ${t.id} in ${file} refers to an undefined condition "${name}"`);
    }
  }
  if (t.effectiveTo !== null && t.effectiveTo <= t.effectiveFrom) {
    throw new Error(`Tariff ${t.id} in ${file} ends before it starts`);
  }
  if (t.role === 'primary' && !t.mixedLoad) throw new Error(`Primary tariff ${t.id} in ${file} has no mixedLoad rule`);
}

/**
 * Every tariff in the folder's *.json files (a file holds one tariff or a `tariff_set`); files of
 * other kinds (the HS goods-category map) are skipped. Sorted by id then version.
 */
export function loadTariffs(dir: string = referencePath('tariffs')): Tariff[] {
  const tariffs: Tariff[] = [];
  for (const name of readdirSync(dir).filter((n) => n.endsWith('.json')).sort()) {
    const file = path.join(dir, name);
    const doc = readJson(file) as { kind?: unknown };
    if (doc.kind === 'tariff') tariffs.push(check<Tariff>(Tariff, doc, file));
    else if (doc.kind === 'tariff_set') tariffs.push(...check<{ tariffs: Tariff[] }>(TariffSet, doc, file).tariffs);
  }
  const seen = new Set<string>();
  for (const t of tariffs) {
    checkConsistency(t, dir);
    const key = `${t.id}@${t.version}`;
    if (seen.has(key)) throw new Error(`Tariff ${key} is defined twice in ${dir}`);
    seen.add(key);
  }
  return tariffs.sort((a, b) => a.id.localeCompare(b.id) || a.version - b.version);
}

export function loadGoodsCategories(file: string = referencePath('tariffs', 'hs-goods-categories.json')): GoodsCategoryMap {
  return check<GoodsCategoryMap>(GoodsCategoryMap, readJson(file), file);
}

let cachedTariffs: Tariff[] | undefined;
let cachedCategories: GoodsCategoryMap | undefined;

/** The repository's tariffs, loaded once. */
export function referenceTariffs(): Tariff[] {
  return (cachedTariffs ??= loadTariffs());
}

/** The repository's HS → goods-category map, loaded once. */
export function referenceGoodsCategories(): GoodsCategoryMap {
  return (cachedCategories ??= loadGoodsCategories());
}

/** Category of an HS code by the longest matching prefix in the map. */
export function categoryForHs(hsCode: string, map: GoodsCategoryMap): GoodsCategory {
  let best: { prefix: string; category: GoodsCategory } | undefined;
  for (const p of map.prefixes) {
    if (hsCode.startsWith(p.prefix) && (!best || p.prefix.length > best.prefix.length)) best = p;
  }
  return best?.category ?? map.default;
}

/** effectiveFrom is the first day in force; effectiveTo, when set, the first day no longer in force. */
export function inForce(t: Tariff, date: string): boolean {
  return t.effectiveFrom <= date && (t.effectiveTo === null || date < t.effectiveTo);
}

function appliesAt(t: Tariff, province: string, gateId: string): boolean {
  return (t.province === null || t.province === province) && (t.gateIds === null || t.gateIds.includes(gateId));
}

// Gate-specific before province-wide before nationwide, then the latest version in force.
function specificity(t: Tariff): number {
  return (t.gateIds ? 2 : 0) + (t.province ? 1 : 0);
}

export interface TariffsForTrip {
  primary: Tariff | undefined;
  supplementary: Tariff[];
}

/** The tariffs that apply to a trip at a gate on a date. */
export function selectTariffs(tariffs: readonly Tariff[], province: string, gateId: string, date: string): TariffsForTrip {
  const applicable = tariffs.filter((t) => inForce(t, date) && appliesAt(t, province, gateId));
  const primary = applicable
    .filter((t) => t.role === 'primary')
    .sort(
      (a, b) =>
        specificity(b) - specificity(a) || b.effectiveFrom.localeCompare(a.effectiveFrom) || b.version - a.version,
    )[0];
  // One version per supplementary charge: the latest in force.
  const latest = new Map<string, Tariff>();
  for (const t of applicable.filter((x) => x.role === 'supplementary')) {
    const prev = latest.get(t.id);
    if (!prev || specificity(t) - specificity(prev) > 0 || (specificity(t) === specificity(prev) && t.effectiveFrom > prev.effectiveFrom)) {
      latest.set(t.id, t);
    }
  }
  return { primary, supplementary: [...latest.values()] };
}
