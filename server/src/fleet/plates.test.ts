import { describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import { referencePath } from '../reference/paths';
import { validatePlate } from './plates';

describe('Vietnamese plates', () => {
  it('reads a Cao Bằng truck plate in canonical form', () => {
    expect(validatePlate('11C-123.45')).toEqual({
      ok: true,
      country: 'VN',
      canonical: '11C-123.45',
      province: 'Cao Bằng',
      provinceCode: '11',
      kind: 'vehicle',
    });
  });

  it('marks the R series as a trailer or semi-trailer', () => {
    expect(validatePlate('11R-001.23')).toMatchObject({ ok: true, canonical: '11R-001.23', kind: 'trailer' });
  });

  it.each([
    ['12c12345', '12C-123.45'],
    [' 12 C 123 45 ', '12C-123.45'],
    ['12C-12345', '12C-123.45'],
    ['12C.123.45', '12C-123.45'],
    ['１２Ｃ－１２３．４５', '12C-123.45'],
  ])('normalises %j to %s', (input, canonical) => {
    expect(validatePlate(input)).toMatchObject({ ok: true, canonical, province: 'Lạng Sơn' });
  });

  it('accepts the older 4-digit serial', () => {
    expect(validatePlate('12c 1234')).toMatchObject({ ok: true, canonical: '12C-1234', kind: 'vehicle' });
  });

  it('accepts the two-letter LD series', () => {
    expect(validatePlate('29ld12345')).toMatchObject({ ok: true, canonical: '29LD-123.45', province: 'Hà Nội' });
  });

  it('maps both Tuyên Quang codes, naming the former Hà Giang for 23', () => {
    expect(validatePlate('22C-111.11')).toMatchObject({ ok: true, province: 'Tuyên Quang' });
    expect(validatePlate('22C-111.11')).not.toHaveProperty('formerProvince');
    expect(validatePlate('23C-111.11')).toMatchObject({ ok: true, province: 'Tuyên Quang', formerProvince: 'Hà Giang' });
  });

  it.each(['11I-123.45', '11J-123.45', '11O-123.45', '11Q-123.45', '11W-123.45'])(
    'rejects the unused series letter in %s',
    (input) => {
      expect(validatePlate(input)).toMatchObject({ ok: false, code: 'plate.invalid_format', country: 'VN' });
    },
  );

  it.each(['11CD-123.45', '11-123.45', '11C-123.456', '11C-123', '1C-123.45', '11C1-123.45', '11NG-123.45'])(
    'rejects the layout of %s',
    (input) => {
      expect(validatePlate(input, 'VN')).toMatchObject({ ok: false, code: 'plate.invalid_format' });
    },
  );

  it.each(['13C-123.45', '42C-123.45', '05C-123.45', '96C-123.45'])('rejects the unassigned code in %s', (input) => {
    expect(validatePlate(input)).toMatchObject({ ok: false, code: 'plate.unknown_province', country: 'VN' });
  });

  it('gives bilingual messages', () => {
    const r = validatePlate('xyz');
    expect(r).toMatchObject({ ok: false, code: 'plate.invalid_format' });
    if (!r.ok) expect(r.messages.vi).toMatch(/Biển số/);
  });
});

describe('Chinese plates', () => {
  it('reads a Chongzuo truck plate', () => {
    expect(validatePlate('桂F12345')).toEqual({
      ok: true,
      country: 'CN',
      canonical: '桂F·12345',
      province: 'Guangxi',
      provinceCode: '桂',
      provinceZh: '广西',
      issuingArea: 'Chongzuo 崇左',
      kind: 'vehicle',
    });
  });

  it('names Baise for 桂L and Wenshan for 云H', () => {
    expect(validatePlate('桂L·A1234')).toMatchObject({ ok: true, issuingArea: 'Baise 百色' });
    expect(validatePlate('云h 8a123')).toMatchObject({ ok: true, canonical: '云H·8A123', province: 'Yunnan', issuingArea: 'Wenshan 文山' });
  });

  it('omits the issuing area where the data has none', () => {
    expect(validatePlate('京A12345')).not.toHaveProperty('issuingArea');
  });

  it('reads new-energy plates with D/F first (small) or last (large)', () => {
    expect(validatePlate('粤B D12345')).toMatchObject({ ok: true, canonical: '粤B·D12345', kind: 'new_energy' });
    expect(validatePlate('粤BF1234A', 'CN')).toMatchObject({ ok: false, code: 'plate.invalid_format' });
    expect(validatePlate('桂F·12345D')).toMatchObject({ ok: true, canonical: '桂F·12345D', kind: 'new_energy' });
    expect(validatePlate('桂F·DA1234')).toMatchObject({ ok: true, kind: 'new_energy' });
  });

  it('reads trailer plates ending with 挂', () => {
    expect(validatePlate('桂F 1234 挂')).toMatchObject({ ok: true, canonical: '桂F·1234挂', kind: 'trailer' });
    expect(validatePlate('桂F12345挂')).toMatchObject({ ok: false, code: 'plate.invalid_format' });
  });

  it.each(['桂I12345', '桂O12345', '桂F1O345', '桂F123I5', '桂F1234', '桂F1234567', '桂F12345X', '桂FA2345B', '桂12345'])(
    'rejects the layout of %s',
    (input) => {
      expect(validatePlate(input)).toMatchObject({ ok: false, code: 'plate.invalid_format', country: 'CN' });
    },
  );

  it('rejects a character that is not a province abbreviation', () => {
    expect(validatePlate('港A12345')).toMatchObject({ ok: false, code: 'plate.unknown_province', country: 'CN' });
  });

  it('honours an explicit country', () => {
    expect(validatePlate('11C-123.45', 'CN')).toMatchObject({ ok: false, code: 'plate.invalid_format', country: 'CN' });
    expect(validatePlate('桂F12345', 'VN')).toMatchObject({ ok: false, code: 'plate.invalid_format', country: 'VN' });
  });

  it('has all 31 province abbreviations in the data', () => {
    const data = JSON.parse(readFileSync(referencePath('plates', 'cn-province-prefixes.json'), 'utf8')) as {
      provinces: { char: string }[];
    };
    const chars = data.provinces.map((p) => p.char).join('');
    expect([...chars].sort()).toEqual([...'京津沪渝冀豫云辽黑湘皖鲁新苏浙赣鄂桂甘晋蒙陕吉闽贵粤青藏川宁琼'].sort());
    for (const ch of chars) expect(validatePlate(`${ch}A12345`)).toMatchObject({ ok: true, provinceCode: ch });
  });
});
