import { describe, expect, it } from 'vitest';
import { detectFormat, importBody, problemRow, readCodesFile } from './codesImport';

describe('approved-codes files', () => {
  it('tell CSV from JSON by name, then by content', () => {
    expect(detectFormat('list.CSV', '[')).toBe('csv');
    expect(detectFormat('list.json', 'kind,code')).toBe('json');
    expect(detectFormat('export', '  [{"kind":"puc"}]')).toBe('json');
    expect(detectFormat('export', 'kind,code,fruit')).toBe('csv');
  });

  it('read a CSV as text and count its rows without the header or blank lines', () => {
    const text = 'kind,code,fruit\npuc,VNORC-0123,durian\n\nphc,VNPHC-0456,durian\n';
    expect(readCodesFile('gacc.csv', text)).toEqual({ ok: true, format: 'csv', rows: 2, csv: text });
    expect(readCodesFile('gacc.csv', '\n \n')).toEqual({ ok: false, reason: 'empty' });
  });

  it('read a JSON list bare or as the reference file shape, and say what is wrong otherwise', () => {
    const codes = [{ kind: 'puc', code: 'VNORC-0123', fruit: 'durian' }];
    expect(readCodesFile('a.json', JSON.stringify(codes))).toMatchObject({ ok: true, rows: 1, codes });
    expect(readCodesFile('a.json', JSON.stringify({ dataset: 'x', codes }))).toMatchObject({ ok: true, rows: 1, codes });
    expect(readCodesFile('a.json', '{"codes": 3}')).toEqual({ ok: false, reason: 'no_list' });
    expect(readCodesFile('a.json', '[{')).toMatchObject({ ok: false, reason: 'not_json' });
  });

  it('build the import request for the format read', () => {
    const csv = readCodesFile('a.csv', 'kind,code,fruit\npuc,VNORC-0123,durian');
    if (!csv.ok) throw new Error('read');
    expect(importBody(csv, { label: ' GACC ', reason: ' Danh sách mới ', mode: 'merge' })).toEqual({ label: 'GACC', reason: 'Danh sách mới', mode: 'merge', format: 'csv', csv: 'kind,code,fruit\npuc,VNORC-0123,durian' });
    const json = readCodesFile('a.json', '[]');
    if (!json.ok) throw new Error('read');
    expect(importBody(json, { label: 'L', reason: 'R r', mode: 'replace' })).toEqual({ label: 'L', reason: 'R r', mode: 'replace', format: 'json', codes: [] });
  });

  it('turn server paths into the row to open in the file', () => {
    expect(problemRow('/codes/3/fruit')).toEqual({ unit: 'entry', row: 4, field: 'fruit' });
    expect(problemRow('/csv/line 5/code')).toEqual({ unit: 'line', row: 5, field: 'code' });
    expect(problemRow('/csv/line 1')).toEqual({ unit: 'line', row: 1, field: null });
    expect(problemRow('/label')).toEqual({ unit: null, row: null, field: 'label' });
  });
});
