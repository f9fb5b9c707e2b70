import { describe, expect, it } from 'vitest';
import { existsSync } from 'node:fs';
import { referencePath } from '../reference/paths';
import { parseCsv, parseCsvRecords } from './csv';
import { chapterOf, lookupHs, normaliseHsCode, validateHsCode } from './nomenclature';

describe('referencePath', () => {
  it('points at the repository reference folder whatever the working directory', () => {
    expect(existsSync(referencePath('hs2022', 'harmonized-system.csv'))).toBe(true);
  });
});

describe('parseCsv', () => {
  it('keeps commas, doubled quotes and line breaks inside quoted fields', () => {
    const text = '\uFEFFa,b,c\r\n1,"x, y","say ""hi"""\n2,"two\nlines",\n';
    expect(parseCsv(text)).toEqual([
      ['a', 'b', 'c'],
      ['1', 'x, y', 'say "hi"'],
      ['2', 'two\nlines', ''],
    ]);
  });

  it('maps rows to records by header and handles a missing final newline', () => {
    expect(parseCsvRecords('k,v\nA,1\nB,"2,5"')).toEqual([
      { k: 'A', v: '1' },
      { k: 'B', v: '2,5' },
    ]);
  });
});

describe('validateHsCode', () => {
  it('accepts a 6-digit subheading and reports its place in the nomenclature', () => {
    expect(validateHsCode('081060')).toEqual({
      ok: true,
      code: '081060',
      hs6: '081060',
      heading: '0810',
      chapter: '08',
      section: 'II',
      description: 'Fruit, edible; durians, fresh',
      headingDescription: 'Fruit, fresh; n.e.c. in chapter 08',
      chapterDescription: 'Fruit and nuts, edible; peel of citrus fruit or melons',
      national: false,
    });
  });

  it('accepts an 8-digit AHTN code with dots by its 6-digit prefix', () => {
    const r = validateHsCode('0810.90.10');
    expect(r).toMatchObject({ ok: true, code: '08109010', hs6: '081090', heading: '0810', chapter: '08', national: true });
  });

  it('accepts spaces and surrounding blanks', () => {
    expect(validateHsCode(' 8517 13 00 ')).toMatchObject({ ok: true, code: '85171300', hs6: '851713', section: 'XVI' });
  });

  it.each(['', '0810', '08109', '0810901', '081090100', '0810-90', '08a090', '0810,90'])(
    'rejects the format of %j',
    (input) => {
      expect(validateHsCode(input)).toMatchObject({ ok: false, code: 'hs.invalid_format', input });
    },
  );

  it('rejects a well-formed code that is not an HS 2022 subheading', () => {
    expect(validateHsCode('081099')).toMatchObject({ ok: false, code: 'hs.unknown_code' });
    expect(validateHsCode('7701.00.00')).toMatchObject({ ok: false, code: 'hs.unknown_code' });
  });

  it('rejects the statistical "not specified" code 999999 from the source data', () => {
    expect(validateHsCode('999999')).toMatchObject({ ok: false, code: 'hs.unknown_code' });
  });

  it('gives bilingual messages on failure', () => {
    const r = validateHsCode('12');
    expect(r.ok).toBe(false);
    if (!r.ok) {
      expect(r.messages.vi).toMatch(/Mã HS/);
      expect(r.messages.en).toMatch(/HS code/);
    }
  });
});

describe('lookupHs', () => {
  it('finds chapters, headings and subheadings', () => {
    expect(lookupHs('08')).toMatchObject({ level: 2, parent: null, section: 'II' });
    expect(lookupHs('27.09')).toMatchObject({ level: 4, parent: '27', section: 'V' });
    expect(lookupHs('2603.00')).toEqual({
      code: '260300',
      description: 'Copper ores and concentrates',
      parent: '2603',
      level: 6,
      section: 'V',
    });
  });

  it('returns undefined for unknown or malformed codes', () => {
    expect(lookupHs('99')).toBeUndefined();
    expect(lookupHs('TOTAL')).toBeUndefined();
    expect(lookupHs('08109010')).toBeUndefined();
  });

  it('holds the 96 chapters of HS 2022 (77 is reserved, 99 is not HS)', () => {
    let n = 0;
    for (let ch = 1; ch <= 97; ch++) {
      const c = String(ch).padStart(2, '0');
      if (lookupHs(c)) n++;
    }
    expect(n).toBe(96); // chapter 77 is reserved
  });
});

describe('chapterOf and normaliseHsCode', () => {
  it('takes the first two digits of a 2, 4, 6 or 8-digit code', () => {
    expect(chapterOf('0810.90.10')).toBe('08');
    expect(chapterOf('2709')).toBe('27');
    expect(chapterOf('26')).toBe('26');
    expect(chapterOf('260')).toBeUndefined();
    expect(chapterOf('ab')).toBeUndefined();
  });

  it('strips dots and whitespace only', () => {
    expect(normaliseHsCode('0810. 90 .10')).toBe('08109010');
    expect(normaliseHsCode('0810-90')).toBeNull();
  });
});
