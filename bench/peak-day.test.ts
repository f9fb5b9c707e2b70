import { describe, expect, it } from 'vitest';
import { validateContainerNumber } from '../server/src/fleet/containers';
import { validatePlate } from '../server/src/fleet/plates';
import { validateHsCode } from '../server/src/hs/nomenclature';
import { protocolFruit } from '../server/src/trips/rules';
import { gateVolumes, generatePeakDay, loadPeakProfile } from './peak/day';

const profile = loadPeakProfile();

describe('peak-day generator', () => {
  const day = generatePeakDay(profile, { seed: 2026 });

  it('is deterministic for a seed and differs for another', () => {
    expect(generatePeakDay(profile, { seed: 2026 })).toEqual(day);
    expect(generatePeakDay(profile, { seed: 7 }).map((t) => t.enterprise)).not.toEqual(day.map((t) => t.enterprise));
  });

  it('produces the peak day of domain.md §4 across the gates in their proportions', () => {
    expect(day).toHaveLength(1911);
    const byGate = new Map<string, number>();
    for (const t of day) byGate.set(`${t.gateId}/${t.direction}`, (byGate.get(`${t.gateId}/${t.direction}`) ?? 0) + 1);
    // Hữu Nghị: 262 export / 608 import of a 1,759-truck day, scaled to 1,911.
    expect(byGate.get('bench-huu-nghi/export')).toBe(Math.round((1911 * 262) / 1759));
    expect(byGate.get('bench-huu-nghi/import')).toBe(Math.round((1911 * 608) / 1759));
    expect(gateVolumes(profile, 40).reduce((s, c) => s + c.count, 0)).toBe(40);
  });

  it('puts about 80% of declarations between 05:00 and 09:00, each before its window', () => {
    const inPeak = day.filter((t) => t.declaredAtMinute >= 300 && t.declaredAtMinute < 540).length / day.length;
    expect(inPeak).toBeGreaterThan(0.74);
    expect(inPeak).toBeLessThan(0.86);
    for (const t of day) {
      const from = Number(t.window.from.slice(0, 2)) * 60;
      expect(t.declaredAtMinute).toBeLessThanOrEqual(from - 60);
      const gate = profile.gates.find((g) => g.id === t.gateId)!;
      expect(t.window.from >= gate.hours.opens && t.window.to <= gate.hours.closes).toBe(true);
    }
    expect(day.map((t) => t.declaredAtMinute)).toEqual([...day.map((t) => t.declaredAtMinute)].sort((a, b) => a - b));
  });

  it('uses valid HS codes, plates, containers and fruit codes, and a fruit-season export mix', () => {
    for (const t of day) {
      expect(validateHsCode(t.cargo.hsCode).ok).toBe(true);
      expect(validatePlate(t.truck.plate, t.truck.plateCountry).ok).toBe(true);
      if (t.truck.containerNumber) expect(validateContainerNumber(t.truck.containerNumber).ok).toBe(true);
      expect(t.cargo.grossWeightKg).toBeLessThanOrEqual(t.truck.tonnageCapacity * 1000);
      const hs = validateHsCode(t.cargo.hsCode);
      const fruit = t.direction === 'export' && hs.ok && protocolFruit(hs.code);
      if (fruit) expect(t.cargo.growingAreaCode).toMatch(/^VN[A-Z]{3}-[0-9]{3,6}$/);
    }
    expect(new Set(day.map((t) => t.truck.plate)).size).toBe(day.length);
    const exports = day.filter((t) => t.direction === 'export');
    const fruitShare = exports.filter((t) => t.cargo.fruit).length / exports.length;
    expect(fruitShare).toBeGreaterThan(0.65);
  });
});
