// ISO 6346 container numbers: 3-letter owner code, category letter (U, J or Z), 6-digit serial
// and a check digit computed from the other ten characters. A mistyped character almost always
// breaks the check digit, so it is caught before the truck reaches the yard.

export type ContainerValidation = { ok: true; canonical: string } | { ok: false; reason: 'format' | 'check_digit'; expected?: number };

// Letter values skip multiples of 11 (11, 22, 33), as the standard prescribes.
const LETTER_VALUES: Record<string, number> = (() => {
  const values: Record<string, number> = {};
  let v = 10;
  for (const ch of 'ABCDEFGHIJKLMNOPQRSTUVWXYZ') {
    if (v % 11 === 0) v++;
    values[ch] = v++;
  }
  return values;
})();

export function containerCheckDigit(first10: string): number {
  let sum = 0;
  for (let i = 0; i < 10; i++) {
    const ch = first10[i];
    const value = /[0-9]/.test(ch) ? Number(ch) : LETTER_VALUES[ch];
    sum += value * 2 ** i;
  }
  return (sum % 11) % 10;
}

/** Validates and normalises ("csqu 305438-3" → "CSQU3054383"). */
export function validateContainerNumber(input: string): ContainerValidation {
  const s = input.toUpperCase().replace(/[\s-]/g, '');
  if (!/^[A-Z]{3}[UJZ][0-9]{7}$/.test(s)) return { ok: false, reason: 'format' };
  const expected = containerCheckDigit(s.slice(0, 10));
  if (expected !== Number(s[10])) return { ok: false, reason: 'check_digit', expected };
  return { ok: true, canonical: s };
}
