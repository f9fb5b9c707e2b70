import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { jsonErrorOffset } from './jsonPosition';

describe('JSON error position', () => {
  it('accepts whatever JSON.stringify writes', () => {
    fc.assert(fc.property(fc.jsonValue(), fc.boolean(), (v, pretty) => {
      expect(jsonErrorOffset(JSON.stringify(v, null, pretty ? 2 : undefined))).toBeNull();
    }));
  });

  it('agrees with JSON.parse on what is invalid', () => {
    fc.assert(fc.property(fc.string({ maxLength: 12 }), (s) => {
      let valid = true;
      try {
        JSON.parse(s);
      } catch {
        valid = false;
      }
      expect(jsonErrorOffset(s) === null).toBe(valid);
    }));
  });

  it('points at the offending character', () => {
    expect(jsonErrorOffset('{"a": [1, 2,]}')).toBe(12);
    expect(jsonErrorOffset('{"a": 1 "b": 2}')).toBe(8);
    expect(jsonErrorOffset('{"a": "x\\q"}')).toBe(9);
    expect(jsonErrorOffset('{"a": 01}')).toBe(7);
    expect(jsonErrorOffset('[1] x')).toBe(4);
    expect(jsonErrorOffset('')).toBe(0);
    expect(jsonErrorOffset('{"a": "open')).toBe(11);
  });
});
