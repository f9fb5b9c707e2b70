import { fill, labels } from './labels';
import { decreeDayMonth, formatDate, vietnamParts } from './format';
import type { PlanReportData } from './report-data';

// The sentences that name the report's period, plan and date.

export function periodText(data: PlanReportData): string {
  return fill(labels.period[data.kind], { year: data.year });
}

function issuedOnText(issuedOn: string | null): string {
  return issuedOn ? fill(labels.subject.issuedOn, { date: formatDate(issuedOn) }) : '';
}

export function subjectText(data: PlanReportData): string {
  const period = periodText(data);
  if (data.plan.number) {
    return fill(labels.subject.withNumber, { number: data.plan.number, issuedOn: issuedOnText(data.plan.issuedOn), period });
  }
  return fill(labels.subject.withoutNumber, { period, title: data.plan.titleVi });
}

/** How the body's first sentence names the plan. */
export function planReference(data: PlanReportData): string {
  if (!data.plan.number) return data.plan.titleVi;
  return fill(labels.planWithNumber, { number: data.plan.number, issuedOn: issuedOnText(data.plan.issuedOn), title: data.plan.titleVi });
}

export function dateLine(place: string, generatedAt: string): string {
  const p = vietnamParts(generatedAt);
  const { day, month } = decreeDayMonth(p.day, p.month);
  return fill(labels.header.dateLine, { place, day, month, year: p.year });
}
