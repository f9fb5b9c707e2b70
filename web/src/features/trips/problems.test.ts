import { describe, expect, it } from 'vitest';
import { ApiError } from '../../api/client';
import { fieldProblems, messageText, normalisePath, problemsAt } from './problems';

const checksFailed = new ApiError({
  code: 'trips.checks_failed',
  status: 422,
  title: 'The declaration did not pass the checks',
  messages: { vi: 'Tờ khai chưa đạt yêu cầu', en: 'The declaration did not pass the checks' },
  errors: [
    { path: '/cargoLines/0/hsCode', code: 'hs.unknown_code', message: { vi: 'Mã HS không có trong Danh mục HS 2022.', en: 'The code is not an HS 2022 subheading.' } },
    { path: '/cargoLines', code: 'trips.overweight', message: { vi: 'Tổng trọng lượng hàng vượt tải trọng cho phép của phương tiện. 32 t > 30 t.', en: 'The cargo weighs more than the vehicle may carry. 32 t > 30 t.' } },
  ] as never,
});

describe('server problems attached to form fields', () => {
  it('normalises JSON pointers, schema paths and fee detail fields to one form', () => {
    expect(normalisePath('/cargoLines/0/hsCode')).toBe('/cargoLines/0/hsCode');
    expect(normalisePath('body/cargoLines/1/grossWeightKg')).toBe('/cargoLines/1/grossWeightKg');
    expect(normalisePath('body')).toBe('/');
    expect(normalisePath('cargoLines[2].taxableImport')).toBe('/cargoLines/2/taxableImport');
    expect(normalisePath('options.coSets')).toBe('/options/coSets');
    expect(normalisePath('vehicle.grossTonnageCapacity')).toBe('/vehicleId');
  });

  it('keeps every listed failure, each at its own field', () => {
    const problems = fieldProblems(checksFailed);
    expect(problems).toHaveLength(2);
    expect(problemsAt(problems, '/cargoLines/0/hsCode').map((p) => p.code)).toEqual(['hs.unknown_code']);
    expect(problemsAt(problems, '/cargoLines').map((p) => p.code)).toEqual(['trips.overweight']);
    expect(problemsAt(problems, '/cargoLines', true)).toHaveLength(2);
  });

  it('places a fee-quote failure by the field its details name', () => {
    const quote = new ApiError({ code: 'fees.missing_input', status: 422, title: 'More information is needed', messages: { vi: 'Cần bổ sung', en: 'More information is needed' }, details: { field: 'cargoLines[0].taxableImport' } } as never);
    expect(fieldProblems(quote)).toEqual([{ path: '/cargoLines/0/taxableImport', code: 'fees.missing_input', message: { vi: 'Cần bổ sung', en: 'More information is needed' } }]);
  });

  it('ignores errors that are not server problems', () => {
    expect(fieldProblems(new Error('network'))).toEqual([]);
  });

  it('shows the message in Vietnamese or English from the server, in Chinese from the translation with the specifics kept', () => {
    const [, overweight] = fieldProblems(checksFailed);
    const zh = (code: string) => (code === 'trips.overweight' ? '货物总重超过车辆核定载质量。' : null);
    expect(messageText(overweight.message, overweight.code, 'vi', zh)).toContain('vượt tải trọng');
    expect(messageText(overweight.message, overweight.code, 'en', zh)).toBe('The cargo weighs more than the vehicle may carry. 32 t > 30 t.');
    expect(messageText(overweight.message, overweight.code, 'zh', zh)).toBe('货物总重超过车辆核定载质量。 32 t > 30 t.');
    expect(messageText(overweight.message, 'unknown.code', 'zh', zh)).toBe('The cargo weighs more than the vehicle may carry. 32 t > 30 t.');
    expect(messageText('must be >= 0', 'minimum', 'zh', zh)).toBe('must be >= 0');
  });
});
