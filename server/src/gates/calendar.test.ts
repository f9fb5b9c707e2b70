import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { addDays, calendarProblems, dayHours, isOpenAt, isoWeekday, localParts, offsetMinutes, type Calendar } from './calendar';

const VN = 'Asia/Ho_Chi_Minh';
const CN = 'Asia/Shanghai';
const weekdays = (opens: string, closes: string) => [1, 2, 3, 4, 5].map((weekday) => ({ weekday, opens, closes }));

const calendar: Calendar = {
  weeklyHours: [...weekdays('07:00', '19:00'), { weekday: 6, opens: '07:30', closes: '11:30' }, { weekday: 6, opens: '13:00', closes: '17:00' }],
  specialDays: [
    { date: '2027-02-08', kind: 'closed', nameVi: 'Tết' },
    { date: '2027-01-01', kind: 'special_hours', opens: '08:00', closes: '12:00', nameVi: 'Tết Dương lịch' },
    { date: '2027-06-12', kind: 'pre_registered_only', nameVi: 'Chỉ xe đăng ký trước' },
  ],
};

describe('operating calendar', () => {
  it('knows ISO weekdays and adds days across months and years', () => {
    expect(isoWeekday('2027-02-08')).toBe(1);
    expect(isoWeekday('2027-02-07')).toBe(7);
    expect(addDays('2026-12-31', 1)).toBe('2027-01-01');
    expect(addDays('2028-02-28', 1)).toBe('2028-02-29');
  });

  it('reads the local date and time of an instant in each side’s zone', () => {
    const instant = new Date('2027-02-07T17:30:00Z');
    expect(localParts(instant, VN)).toEqual({ date: '2027-02-08', time: '00:30' });
    expect(localParts(instant, CN)).toEqual({ date: '2027-02-08', time: '01:30' });
    expect(offsetMinutes(VN, '2027-02-08')).toBe(420);
    expect(offsetMinutes(CN, '2027-02-08')).toBe(480);
  });

  it('uses weekly hours on ordinary days and shows them in China time one hour later', () => {
    const day = dayHours(calendar, '2027-02-10', VN, CN);
    expect(day).toMatchObject({ open: true, special: null, intervals: [{ opens: '07:00', closes: '19:00' }] });
    expect(day.counterpartIntervals).toEqual([{ opens: '08:00', closes: '20:00' }]);
    expect(dayHours(calendar, '2027-02-13', VN, CN).intervals).toEqual([
      { opens: '07:30', closes: '11:30' },
      { opens: '13:00', closes: '17:00' },
    ]);
    expect(dayHours(calendar, '2027-02-14', VN, CN).open).toBe(false);
  });

  it('lets special days override the week: closures, special hours, pre-registered days keep hours', () => {
    expect(dayHours(calendar, '2027-02-08', VN, CN)).toMatchObject({ open: false, intervals: [], special: { kind: 'closed' } });
    expect(dayHours(calendar, '2027-01-01', VN, CN).intervals).toEqual([{ opens: '08:00', closes: '12:00' }]);
    const preRegistered = dayHours(calendar, '2027-06-12', VN, CN);
    expect(preRegistered.special?.kind).toBe('pre_registered_only');
    expect(preRegistered.intervals).toEqual([{ opens: '07:30', closes: '11:30' }, { opens: '13:00', closes: '17:00' }]);
  });

  it('decides whether the gate is open at an instant in its own zone', () => {
    expect(isOpenAt(calendar, new Date('2027-02-10T00:00:00Z'), VN)).toBe(true); // 07:00 VN
    expect(isOpenAt(calendar, new Date('2027-02-09T23:59:00Z'), VN)).toBe(false); // 06:59 VN
    expect(isOpenAt(calendar, new Date('2027-02-10T12:00:00Z'), VN)).toBe(false); // 19:00 VN, closing time
    expect(isOpenAt(calendar, new Date('2027-02-08T03:00:00Z'), VN)).toBe(false); // Tết
  });

  it('finds overlapping intervals, reversed hours, duplicate dates and misplaced hours', () => {
    const problems = calendarProblems({
      weeklyHours: [{ weekday: 1, opens: '07:00', closes: '12:00' }, { weekday: 1, opens: '11:00', closes: '13:00' }, { weekday: 2, opens: '10:00', closes: '09:00' }],
      specialDays: [
        { date: '2027-01-01', kind: 'closed', nameVi: 'a' },
        { date: '2027-01-01', kind: 'closed', nameVi: 'b' },
        { date: '2027-01-02', kind: 'closed', opens: '08:00', closes: '09:00', nameVi: 'c' },
        { date: '2027-01-03', kind: 'extended_hours', nameVi: 'd' },
      ],
    });
    expect(problems.map((p) => p.path)).toEqual(['/weeklyHours/2', '/weeklyHours', '/specialDays/1', '/specialDays/2', '/specialDays/3']);
    expect(calendarProblems(calendar)).toEqual([]);
  });

  it('always shifts China-side hours by exactly one hour (property)', () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 22 }), fc.integer({ min: 0, max: 59 }), fc.integer({ min: 0, max: 3000 }), (h, m, dayOffset) => {
        const opens = `${String(h).padStart(2, '0')}:${String(m).padStart(2, '0')}`;
        const date = addDays('2026-01-01', dayOffset);
        const cal: Calendar = { weeklyHours: [{ weekday: isoWeekday(date), opens, closes: '23:30' }], specialDays: [] };
        const day = dayHours(cal, date, VN, CN);
        const [ch, cm] = day.counterpartIntervals[0].opens.split(':').map(Number);
        return ch === (h + 1) % 24 && cm === m;
      }),
    );
  });
});
