import { describe, expect, it } from 'vitest';
import { readDataset } from '../db/reference-data';
import { buildReference, randomSuffix, referenceMatches } from './reference';
import { gateShortCode } from './rules';

describe('trip references', () => {
  it('read CKS-<gate code>-<yyyymmdd>-<6 Crockford base32 characters>', () => {
    const ref = buildReference('tra-linh', '2027-03-03');
    expect(ref).toMatch(/^CKS-TRL-20270303-[0-9ABCDEFGHJKMNPQRSTVWXYZ]{6}$/);
    expect(referenceMatches(ref, 'tra-linh', '2027-03-03')).toBe(true);
    expect(referenceMatches(ref, 'ta-lung', '2027-03-03')).toBe(false);
    expect(referenceMatches(ref, 'tra-linh', '2027-03-04')).toBe(false);
  });

  it('never use the confusable letters I, L, O and U in the random part', () => {
    const chars = new Set(Array.from({ length: 2000 }, randomSuffix).join(''));
    for (const c of 'ILOU') expect(chars.has(c)).toBe(false);
    expect(chars.size).toBe(32);
  });

  it('give every gate a distinct code, and drafts without a gate DRF', () => {
    const gates = readDataset<{ gates: Array<{ id: string }> }>('gates/gates.json').data.gates.map((g) => g.id);
    const codes = gates.map(gateShortCode);
    expect(new Set(codes).size).toBe(gates.length);
    expect(codes.every((c) => /^[A-Z]{2,4}$/.test(c))).toBe(true);
    expect(gateShortCode(null)).toBe('DRF');
    expect(gateShortCode('huu-nghi')).toBe('HN');
  });
});
