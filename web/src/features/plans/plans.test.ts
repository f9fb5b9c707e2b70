import { describe, expect, it } from 'vitest';
import type { TaskPeriod } from '../../../../shared/schemas/plans';
import vi from '../../i18n/plans/vi.json';
import { parseMembers } from './DelegationForm';
import { agencyName, periodLabel } from './labels';
import { lines, readFilters, toQuery } from './query';
import { emptyTask, toTaskInput } from './TaskRowsEditor';

// A stand-in for i18next's t over the Vietnamese messages, with {{name}} interpolation.
function viT(key: string, options: Record<string, unknown> = {}): string {
  const value = key.split('.').reduce<unknown>((node, part) => (node as Record<string, unknown> | undefined)?.[part], vi);
  if (typeof value !== 'string') throw new Error(`no message ${key}`);
  return value.replace(/\{\{(\w+)\}\}/g, (_, name: string) => String(options[name]));
}

describe('plan screens: filters in the address', () => {
  it('builds a query from the non-empty filters only, in a stable order', () => {
    expect(toQuery({ status: 'in_progress', q: 'thương mại', late: false, agency: '', year: undefined, limit: 50 })).toBe(
      '?limit=50&q=th%C6%B0%C6%A1ng+m%E1%BA%A1i&status=in_progress',
    );
    expect(toQuery({ mine: true, offset: 0 })).toBe('?mine=true&offset=0');
    expect(toQuery({ q: '' })).toBe('');
  });

  it('reads back only the known, non-blank filters', () => {
    const params = new URLSearchParams('status=done&q=%20cua%20khau%20&late=&page=2&evil=1');
    expect(readFilters(params, ['status', 'q', 'late', 'agency'])).toEqual({ status: 'done', q: 'cua khau' });
  });

  it('splits a textarea into its non-blank lines', () => {
    expect(lines(' Nghị định 14/2018\n\n  Kế hoạch 1084 \n')).toEqual(['Nghị định 14/2018', 'Kế hoạch 1084']);
  });
});

describe('plan screens: data typed in forms', () => {
  it('reads delegation members as "name — position", the position optional', () => {
    expect(parseMembers('Nguyễn Văn A — Phó Giám đốc Sở\nHoàng Thị B\n Lý C - Chuyên viên - Phòng HTQT ')).toEqual([
      { nameVi: 'Nguyễn Văn A', positionVi: 'Phó Giám đốc Sở' },
      { nameVi: 'Hoàng Thị B', positionVi: null },
      { nameVi: 'Lý C', positionVi: 'Chuyên viên - Phòng HTQT' },
    ]);
  });

  it('turns a task row into the plan file shape, with the period worded in Vietnamese', () => {
    const base = { ...emptyTask(3, 'cb-soct'), titleVi: '  Rà soát chợ biên giới ', fromYear: '2027', toYear: '2030' };
    expect(toTaskInput({ ...base, periodKind: 'year' }, viT)).toEqual({
      ref: '3',
      group: 'specific',
      titleVi: 'Rà soát chợ biên giới',
      leadAgency: 'cb-soct',
      coordinatingAgencies: [],
      period: { kind: 'year', year: 2027, textVi: 'Năm 2027' },
    });
    expect(toTaskInput({ ...base, periodKind: 'range' }, viT).period).toEqual({ kind: 'range', from: '2027-01-01', to: '2030-12-31', textVi: 'Giai đoạn 2027–2030' });
    expect(toTaskInput({ ...base, periodKind: 'date', date: '2027-04-15' }, viT).period).toEqual({ kind: 'date', date: '2027-04-15', textVi: 'Trước ngày 15/04/2027' });
    expect(toTaskInput({ ...base, periodKind: 'recurring', responsiblePerson: ' Ông Nông Văn D ' }, viT)).toMatchObject({
      period: { kind: 'recurring', textVi: 'Thường xuyên' },
      responsiblePerson: 'Ông Nông Văn D',
    });
  });
});

describe('plan screens: labels', () => {
  const period = (p: Partial<TaskPeriod>): TaskPeriod => ({ kind: 'year', textVi: 'Năm 2026', date: null, year: 2026, from: null, to: null, inferred: false, ...p });
  const t = ((key: string, options?: Record<string, unknown>) => `${key}${options ? JSON.stringify(options) : ''}`) as never;

  it('shows the document’s own words in Vietnamese and a translation otherwise', () => {
    expect(periodLabel(period({}), t, 'vi')).toBe('Năm 2026');
    expect(periodLabel(period({}), t, 'en')).toBe('plans.period.year{"year":2026}');
    expect(periodLabel(period({ kind: 'range', from: '2026-01-01', to: '2030-12-31' }), t, 'zh')).toBe('plans.period.range{"from":"2026","to":"2030"}');
    expect(periodLabel(period({ kind: 'yearly' }), t, 'en')).toBe('plans.period.yearly');
    expect(periodLabel(period({ kind: 'date', date: '2025-04-15' }), t, 'en')).toMatch(/15 Apr 2025/);
  });

  it('names an agency in the reader’s language, Chinese from the agency list when known', () => {
    const ref = { code: 'cb-soct', nameVi: 'Sở Công Thương tỉnh Cao Bằng', nameEn: 'Cao Bang Department of Industry and Trade' };
    const list = [{ ...ref, province: 'CB', kind: 'department', nameZh: '高平省工贸厅' }];
    expect(agencyName(ref, 'vi', list)).toBe(ref.nameVi);
    expect(agencyName(ref, 'en', list)).toBe(ref.nameEn);
    expect(agencyName(ref, 'zh', list)).toBe('高平省工贸厅');
    expect(agencyName(ref, 'zh', [])).toBe(ref.nameEn);
  });
});
