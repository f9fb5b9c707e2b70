import { describe, expect, it } from 'vitest';
import { allowedTaskActions, TASK_STATUSES, TASK_TRANSITIONS, taskTransition } from '../../../shared/workflows/plan-task';
import { onTrack } from './kpi-evaluate';
import { daysBetween, isRealDate, isRecurring, occurrencesFor, periodOverlaps, planYears, reportPeriod, taskDeadline } from './period';
import { reportingCalendar } from './reference';

const calendar = reportingCalendar();

describe('task periods', () => {
  it('derives the deadline of each kind of period as printed in the plans', () => {
    expect(taskDeadline('specific', { kind: 'date', textVi: 'Trước ngày 15/4/2025', date: '2025-04-15' })).toBe('2025-04-15');
    expect(taskDeadline('specific', { kind: 'year', textVi: 'Năm 2028', year: 2028 })).toBe('2028-12-31');
    expect(taskDeadline('specific', { kind: 'range', textVi: 'Giai đoạn 2026–2030', from: '2026-01-01', to: '2030-12-31' })).toBe('2030-12-31');
    expect(taskDeadline('recurring', { kind: 'range', textVi: 'Giai đoạn 2026–2030', from: '2026-01-01', to: '2030-12-31' })).toBeNull();
    expect(taskDeadline('recurring', { kind: 'recurring', textVi: 'Thường xuyên' })).toBeNull();
    expect(isRecurring('specific', { kind: 'yearly' })).toBe(true);
    expect(isRecurring('specific', { kind: 'range' })).toBe(false);
  });

  it('repeats recurring tasks over the plan stage, not over vision years', () => {
    const span = planYears(
      [
        { kind: 'year', textVi: 'Năm 2045', year: 2045 },
        { kind: 'range', textVi: 'Giai đoạn 2026-2030', from: '2026-01-01', to: '2030-12-31' },
        { kind: 'recurring', textVi: 'Thường xuyên' },
      ],
      2026,
    );
    expect(span).toEqual({ startYear: 2026, endYear: 2030 });
    expect(planYears([{ kind: 'date', textVi: 'x', date: '2025-04-15' }], 2030)).toEqual({ startYear: 2025, endYear: 2025 });
    expect(planYears([{ kind: 'recurring', textVi: 'x' }], 2027)).toEqual({ startYear: 2027, endYear: 2027 });
    const half = occurrencesFor('recurring', { kind: 'recurring', textVi: 'Thường xuyên' }, { startYear: 2026, endYear: 2027 }, calendar);
    expect(half.map((o) => `${o.label}:${o.due}`)).toEqual(['2026-H1:2026-05-31', '2026-H2:2026-11-30', '2027-H1:2027-05-31', '2027-H2:2027-11-30']);
    const clipped = occurrencesFor('recurring', { kind: 'range', textVi: 'x', from: '2026-07-01', to: '2027-06-30' }, { startYear: 2026, endYear: 2030 }, calendar);
    expect(clipped).toEqual([
      { label: '2026', from: '2026-07-01', to: '2026-12-31', due: '2026-11-30' },
      { label: '2027', from: '2027-01-01', to: '2027-06-30', due: '2027-06-30' },
    ]);
    expect(occurrencesFor('specific', { kind: 'year', textVi: 'x', year: 2026 }, { startYear: 2026, endYear: 2026 }, calendar)).toEqual([]);
  });

  it('checks real calendar dates and counts days', () => {
    expect(isRealDate('2028-02-29')).toBe(true);
    expect(isRealDate('2026-02-29')).toBe(false);
    expect(isRealDate('2026-4-15')).toBe(false);
    expect(isRealDate('15/04/2026')).toBe(false);
    expect(daysBetween('2025-04-15', '2026-11-24')).toBe(588);
  });

  it('places report periods and overlaps tasks with them', () => {
    expect(reportPeriod('six_month', 2026, calendar)).toEqual({ from: '2026-01-01', to: '2026-06-30', due: '2026-05-31' });
    expect(reportPeriod('annual', 2026, calendar)).toEqual({ from: '2026-01-01', to: '2026-12-31', due: '2026-11-30' });
    const span = { startYear: 2026, endYear: 2030 };
    const p = { date: null, year: null, from: null, to: null };
    expect(periodOverlaps({ ...p, kind: 'year', year: 2027 }, span, '2026-01-01', '2026-06-30')).toBe(false);
    expect(periodOverlaps({ ...p, kind: 'year', year: 2026 }, span, '2026-01-01', '2026-06-30')).toBe(true);
    expect(periodOverlaps({ ...p, kind: 'date', date: '2026-07-01' }, span, '2026-01-01', '2026-06-30')).toBe(false);
    expect(periodOverlaps({ ...p, kind: 'recurring' }, span, '2031-01-01', '2031-06-30')).toBe(false);
  });
});

describe('task status workflow', () => {
  it('lets each role take only its own actions, and the system only mark overdue', () => {
    expect(allowedTaskActions('not_started', ['assignee'])).toEqual(['start', 'complete']);
    expect(allowedTaskActions('not_started', ['owner'])).toEqual(['start', 'complete', 'cancel', 'reschedule']);
    expect(allowedTaskActions('overdue', ['assignee'])).toEqual(['complete']);
    expect(allowedTaskActions('done', ['assignee', 'owner'])).toEqual(['reopen']);
    expect(allowedTaskActions('cancelled', ['assignee'])).toEqual([]);
    for (const status of TASK_STATUSES) {
      expect(allowedTaskActions(status, ['assignee', 'owner'])).not.toContain('mark_overdue');
      for (const t of Object.values(TASK_TRANSITIONS[status])) expect(TASK_STATUSES).toContain(t!.to);
    }
    expect(taskTransition('in_progress', 'mark_overdue')).toEqual({ to: 'overdue', by: ['system'] });
    expect(taskTransition('done', 'mark_overdue')).toBeNull();
  });
});

describe('KPI on track', () => {
  const level = { unit: 'percent', targetMin: 100, targetYear: 2030, baseline: null, baselineYear: null };
  it('judges yearly rates against the minimum and levels against the line to the target', () => {
    expect(onTrack({ ...level, unit: 'percent_per_year', targetMin: 15 }, { year: 2027, value: 16 }, null)).toBe(true);
    expect(onTrack({ ...level, unit: 'count_per_year', targetMin: 15 }, { year: 2027, value: 3 }, null)).toBe(false);
    expect(onTrack(level, { year: 2027, value: 100 }, null)).toBe(true);
    expect(onTrack(level, { year: 2027, value: 70 }, null)).toBeNull();
    expect(onTrack({ ...level, baseline: 40, baselineYear: 2025 }, { year: 2027, value: 70 }, null)).toBe(true); // line: 64
    expect(onTrack({ ...level, baseline: 40, baselineYear: 2025 }, { year: 2027, value: 60 }, null)).toBe(false);
    expect(onTrack(level, { year: 2028, value: 50 }, { year: 2026, value: 20 })).toBe(false); // line from 20: 73.3
    expect(onTrack(level, { year: 2030, value: 99 }, null)).toBe(false);
    expect(onTrack(level, null, null)).toBeNull();
  });
});
