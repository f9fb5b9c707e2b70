import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { referencePath } from '../reference/paths';
import { evaluate, type TripFacts } from './conditions';
import type { Tariff } from './tariff.schema';
import { categoryForHs, inForce, loadTariffs, referenceGoodsCategories, selectTariffs } from './tariffs';

const caoBang = JSON.parse(readFileSync(referencePath('tariffs', 'cao-bang-nq39-2019.json'), 'utf8')) as Tariff;

describe('reference tariff files', () => {
  it('load and validate: two provinces and two separate charges', () => {
    expect(loadTariffs().map((t) => `${t.id}@${t.version}:${t.role}`)).toEqual([
      'cao-bang-nq39-2019@1:primary',
      'certificate-of-origin-issuance@1:supplementary',
      'lang-son-nq09-2025@1:primary',
      'quarantine-vehicle-disinfection@1:supplementary',
    ]);
  });

  it('keep Lạng Sơn rates between 100,000 and 5,000,000 and mark unpublished bands', () => {
    const ls = loadTariffs().find((t) => t.id === 'lang-son-nq09-2025')!;
    const rates = ls.rules.map((r) => (r.charge.basis === 'per_container' ? 0 : r.charge.rate));
    expect(Math.min(...rates)).toBe(100_000);
    expect(Math.max(...rates)).toBe(5_000_000);
    expect(ls.rules.filter((r) => !r.verify).map((r) => r.code)).toEqual(['LS09.EXPORT.AGRI.LT2', 'LS09.TNTX.AGRI.C40']);
  });
});

describe('loadTariffs rejects bad data', () => {
  let dir: string | undefined;
  afterEach(() => dir && rmSync(dir, { recursive: true, force: true }));
  const folderWith = (files: Record<string, unknown>) => {
    dir = mkdtempSync(path.join(tmpdir(), 'tariffs-'));
    for (const [name, doc] of Object.entries(files)) writeFileSync(path.join(dir, name), JSON.stringify(doc));
    return dir;
  };

  it('names the file and the field of a schema error', () => {
    const bad = { ...caoBang, rules: [{ ...caoBang.rules[0], charge: { basis: 'per_tonne', rate: -5 } }] };
    expect(() => loadTariffs(folderWith({ 'bad.json': bad }))).toThrow(/bad\.json.*\/rules\/0\/charge/);
  });

  it('refuses a reference to an undefined condition', () => {
    const bad = { ...caoBang, definitions: {} };
    expect(() => loadTariffs(folderWith({ 'cb.json': bad }))).toThrow(/undefined condition "transitOrForeignOrigin"/);
  });

  it('refuses a version that ends before it starts, and duplicate versions', () => {
    expect(() => loadTariffs(folderWith({ 'a.json': { ...caoBang, effectiveTo: '2019-01-01' } }))).toThrow(/ends before it starts/);
    rmSync(dir!, { recursive: true });
    expect(() => loadTariffs(folderWith({ 'a.json': caoBang, 'b.json': caoBang }))).toThrow(/defined twice/);
  });

  it('skips files of other kinds', () => {
    expect(loadTariffs(folderWith({ 'a.json': caoBang, 'map.json': { kind: 'goods_categories' } }))).toHaveLength(1);
  });
});

describe('selectTariffs', () => {
  const v2: Tariff = { ...caoBang, version: 2, effectiveFrom: '2026-01-01' };
  const v1: Tariff = { ...caoBang, effectiveTo: '2026-01-01' };
  const gate: Tariff = { ...caoBang, id: 'tra-linh-only', gateIds: ['tra-linh'], effectiveFrom: '2024-01-01' };

  it('treats effectiveTo as the first day no longer in force', () => {
    expect(inForce(v1, '2025-12-31')).toBe(true);
    expect(inForce(v1, '2026-01-01')).toBe(false);
    expect(inForce(v2, '2026-01-01')).toBe(true);
  });

  it('picks the version in force on the trip date', () => {
    expect(selectTariffs([v1, v2], 'CB', 'ta-lung', '2025-12-31').primary?.version).toBe(1);
    expect(selectTariffs([v1, v2], 'CB', 'ta-lung', '2026-01-01').primary?.version).toBe(2);
    expect(selectTariffs([v1, v2], 'CB', 'ta-lung', '2019-12-31').primary).toBeUndefined();
  });

  it('prefers the later version when two overlap, and a gate-specific tariff over a province-wide one', () => {
    expect(selectTariffs([caoBang, v2], 'CB', 'ta-lung', '2026-06-01').primary?.version).toBe(2);
    expect(selectTariffs([caoBang, gate], 'CB', 'tra-linh', '2025-01-01').primary?.id).toBe('tra-linh-only');
    expect(selectTariffs([caoBang, gate], 'CB', 'ta-lung', '2025-01-01').primary?.id).toBe('cao-bang-nq39-2019');
  });

  it('keeps one version of each separate charge', () => {
    const co = loadTariffs().find((t) => t.id === 'certificate-of-origin-issuance')!;
    const co2: Tariff = { ...co, version: 2, effectiveFrom: '2025-07-01' };
    const picked = selectTariffs([co, co2], 'LS', 'huu-nghi', '2025-08-01').supplementary;
    expect(picked.map((t) => t.version)).toEqual([2]);
  });
});

describe('goods categories from HS codes', () => {
  const map = referenceGoodsCategories();
  it.each([
    ['01051110', 'live_animals'],
    ['08106000', 'agricultural'],
    ['24012010', 'agricultural'],
    ['27090010', 'petroleum'],
    ['27101971', 'petroleum'],
    ['27011100', 'other'],
    ['26030000', 'ore'],
    ['85171300', 'other'],
  ])('%s is %s', (hs, category) => {
    expect(categoryForHs(hs, map)).toBe(category);
  });
});

describe('conditions', () => {
  const facts: TripFacts = {
    regime: 'transit',
    goodsCategory: 'agricultural',
    origin: 'foreign',
    containerCounts: { '20': 0, '40': 0 },
    options: new Set(),
    paths: { taxableImport: 'cargoLines[0].taxableImport', vehicleTonnage: 'vehicle.grossTonnageCapacity' },
  };

  it('is missing a fact only when nothing else decides', () => {
    expect(evaluate({ vehicleTonnage: { min: 18 } }, facts)).toEqual({ missing: 'vehicle.grossTonnageCapacity' });
    expect(evaluate({ regimes: ['import'], vehicleTonnage: { min: 18 } }, facts)).toBe(false);
    expect(evaluate({ anyOf: [{ vehicleTonnage: { min: 18 } }, { goodsCategories: ['agricultural'] }] }, facts)).toBe(true);
    expect(evaluate({ taxableImport: true }, facts)).toEqual({ missing: 'cargoLines[0].taxableImport' });
  });

  it('reads named definitions', () => {
    const defs = { transitLike: { regimes: ['transit' as const] } };
    expect(evaluate({ is: ['transitLike'], origin: 'foreign' }, facts, defs)).toBe(true);
    expect(evaluate({ is: ['transitLike'] }, { ...facts, regime: 'export' }, defs)).toBe(false);
  });

  it('holds for an absent condition', () => {
    expect(evaluate(undefined, facts)).toBe(true);
  });
});
