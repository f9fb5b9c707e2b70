import { describe, expect, it } from 'vitest';
import { containerCheckDigit, validateContainerNumber } from './containers';

describe('ISO 6346 container numbers', () => {
  it('accepts the standard example CSQU 305438 3 and normalises it', () => {
    expect(validateContainerNumber('csqu 305438-3')).toEqual({ ok: true, canonical: 'CSQU3054383' });
    expect(containerCheckDigit('CSQU305438')).toBe(3);
  });

  it('uses the standard letter values, which skip 11, 22 and 33', () => {
    // A=10, K=21, L=23 (22 skipped), U=32, V=34 (33 skipped), Z=38; digits count as themselves.
    // AAAU000000: 10·(1+2+4) + 32·8 = 326; 326 mod 11 = 7.
    expect(containerCheckDigit('AAAU000000')).toBe(7);
    // KLVU000000: 21·1 + 23·2 + 34·4 + 32·8 = 459; 459 mod 11 = 8.
    expect(containerCheckDigit('KLVU000000')).toBe(8);
    // ZZZU000001: 38·7 + 32·8 + 1·512 = 1034; 1034 mod 11 = 0.
    expect(containerCheckDigit('ZZZU000001')).toBe(0);
  });

  it('refuses a mistyped character through the check digit, naming the expected digit', () => {
    expect(validateContainerNumber('CSQU3054384')).toEqual({ ok: false, reason: 'check_digit', expected: 3 });
    expect(validateContainerNumber('CSQU3045383')).toMatchObject({ ok: false, reason: 'check_digit' });
  });

  it('refuses malformed numbers', () => {
    for (const bad of ['CSQ3054383', 'CSQX3054383', 'CSQU305438', '1234U3054383', '']) {
      expect(validateContainerNumber(bad)).toEqual({ ok: false, reason: 'format' });
    }
  });
});
