import { describe, expect, it } from 'vitest';
import { attemptDone, attemptKey, canonical } from './decisionKey';

function memory() {
  const data = new Map<string, string>();
  return { getItem: (k: string) => data.get(k) ?? null, setItem: (k: string, v: string) => void data.set(k, v), removeItem: (k: string) => void data.delete(k), data };
}

describe('decision idempotency keys', () => {
  const body = { outcome: 'pass', version: 3, note: 'Hồ sơ đầy đủ' };

  it('resends the same key for a retried decision, whatever the field order', () => {
    const s = memory();
    const first = attemptKey(s, 'control-1', 3, body);
    expect(attemptKey(s, 'control-1', 3, { note: 'Hồ sơ đầy đủ', version: 3, outcome: 'pass' })).toBe(first);
  });

  it('makes a new attempt when the decision changes', () => {
    const s = memory();
    const first = attemptKey(s, 'control-1', 3, body);
    const other = attemptKey(s, 'control-1', 3, { ...body, note: 'Khác' });
    expect(other).not.toBe(first);
    // The changed decision is now the attempt in progress.
    expect(attemptKey(s, 'control-1', 3, { ...body, note: 'Khác' })).toBe(other);
  });

  it('keeps controls and control versions apart', () => {
    const s = memory();
    const a = attemptKey(s, 'control-1', 3, body);
    expect(attemptKey(s, 'control-2', 3, body)).not.toBe(a);
    expect(attemptKey(s, 'control-1', 4, { ...body, version: 4 })).not.toBe(a);
  });

  it('starts afresh once the attempt was recorded', () => {
    const s = memory();
    const a = attemptKey(s, 'control-1', 3, body);
    attemptDone(s, 'control-1', 3);
    expect(s.data.size).toBe(0);
    expect(attemptKey(s, 'control-1', 3, body)).not.toBe(a);
  });

  it('survives unreadable storage', () => {
    const s = memory();
    s.setItem('cks.decide.control-1.3', '{not json');
    expect(attemptKey(s, 'control-1', 3, body)).toMatch(/^[0-9a-f-]{36}$/);
  });

  it('writes canonical JSON: sorted keys, undefined fields dropped, arrays in order', () => {
    expect(canonical({ b: 1, a: [{ y: 2, x: undefined, w: 'v' }], c: null })).toBe('{"a":[{"w":"v","y":2}],"b":1,"c":null}');
  });
});
