import type { PlanInput, TaskInput } from '../../../shared/schemas/plans';
import { isRealDate } from './period';

// Checks a structured plan against what the schema cannot express: real dates, known agencies
// and gates, unique numbers, consistent periods. Every problem is listed, so a staff member can
// fix an imported file in one pass.

export interface PlanProblem {
  path: string;
  message: string;
  code: 'unknown_agency' | 'unknown_gate' | 'invalid_date' | 'date_order' | 'duplicate' | 'missing_field' | 'invalid_value';
}

export interface KnownReferences {
  agencies: ReadonlySet<string>;
  gates: ReadonlySet<string>;
}

const PROVINCES = new Set(['CB', 'TQ', 'LS', 'VN']);

function checkDate(problems: PlanProblem[], path: string, value: string | null | undefined, required: boolean) {
  if (value === null || value === undefined) {
    if (required) problems.push({ path, message: 'a date is required', code: 'missing_field' });
    return;
  }
  if (!isRealDate(value)) problems.push({ path, message: `"${value}" is not a real date (YYYY-MM-DD)`, code: 'invalid_date' });
}

function checkAgency(problems: PlanProblem[], known: KnownReferences, path: string, code: string | null | undefined) {
  if (code && !known.agencies.has(code)) problems.push({ path, message: `unknown agency "${code}"`, code: 'unknown_agency' });
}

function checkYear(problems: PlanProblem[], path: string, year: number | null | undefined, required: boolean) {
  if (year === null || year === undefined) {
    if (required) problems.push({ path, message: 'a year is required', code: 'missing_field' });
  } else if (year < 2000 || year > 2100) {
    problems.push({ path, message: `year ${year} is outside 2000–2100`, code: 'invalid_value' });
  }
}

export function taskProblems(task: TaskInput, known: KnownReferences, at: string): PlanProblem[] {
  const problems: PlanProblem[] = [];
  checkAgency(problems, known, `${at}/leadAgency`, task.leadAgency);
  task.coLeadAgencies?.forEach((c, j) => checkAgency(problems, known, `${at}/coLeadAgencies/${j}`, c));
  task.coordinatingAgencies.forEach((c, j) => checkAgency(problems, known, `${at}/coordinatingAgencies/${j}`, c));
  task.gateIds?.forEach((g, j) => {
    if (!known.gates.has(g)) problems.push({ path: `${at}/gateIds/${j}`, message: `unknown gate "${g}"`, code: 'unknown_gate' });
  });
  const p = task.period;
  const pp = `${at}/period`;
  if (p.kind === 'date') checkDate(problems, `${pp}/date`, p.date, true);
  if (p.kind === 'year') checkYear(problems, `${pp}/year`, p.year, true);
  if (p.kind === 'range') {
    checkDate(problems, `${pp}/from`, p.from, true);
    checkDate(problems, `${pp}/to`, p.to, true);
    if (isRealDate(p.from) && isRealDate(p.to) && p.from > p.to) {
      problems.push({ path: pp, message: `the period starts (${p.from}) after it ends (${p.to})`, code: 'date_order' });
    }
  }
  if (p.kind === 'date' && isRealDate(p.date)) checkYear(problems, `${pp}/date`, Number(p.date.slice(0, 4)), true);
  return problems;
}

export function planProblems(plan: PlanInput, known: KnownReferences): PlanProblem[] {
  const problems: PlanProblem[] = [];
  checkAgency(problems, known, '/plan/issuer', plan.issuer);
  if (!PROVINCES.has(plan.province)) problems.push({ path: '/plan/province', message: `unknown province "${plan.province}"`, code: 'invalid_value' });
  checkDate(problems, '/plan/issuedOn', plan.issuedOn, false);

  const refs = new Map<string, number>();
  plan.tasks.forEach((task, i) => {
    const at = `/plan/tasks/${i}`;
    const seen = refs.get(task.ref);
    if (seen !== undefined) problems.push({ path: `${at}/ref`, message: `number "${task.ref}" is used twice (also task ${seen})`, code: 'duplicate' });
    else refs.set(task.ref, i);
    problems.push(...taskProblems(task, known, at));
  });

  plan.reportSchedule?.forEach((r, i) => {
    const at = `/plan/reportSchedule/${i}`;
    checkDate(problems, `${at}/dueDate`, r.dueDate, false);
    checkYear(problems, `${at}/dueYear`, r.dueYear, false);
    if (r.dueMonthDay && !isRealDate(`2024-${r.dueMonthDay}`)) {
      problems.push({ path: `${at}/dueMonthDay`, message: `"${r.dueMonthDay}" is not a real day of the year`, code: 'invalid_date' });
    }
    checkAgency(problems, known, `${at}/recipient`, r.recipient);
  });

  const codes = new Set<string>();
  plan.kpis?.forEach((k, i) => {
    const at = `/plan/kpis/${i}`;
    if (codes.has(k.code)) problems.push({ path: `${at}/code`, message: `KPI "${k.code}" appears twice`, code: 'duplicate' });
    codes.add(k.code);
    if (k.targetMin !== null && k.targetMax !== null && k.targetMin > k.targetMax) {
      problems.push({ path: at, message: 'targetMin is above targetMax', code: 'invalid_value' });
    }
    checkYear(problems, `${at}/targetYear`, k.targetYear, false);
    checkYear(problems, `${at}/baselineYear`, k.baselineYear, false);
  });

  plan.delegations?.forEach((d, i) => {
    const at = `/plan/delegations/${i}`;
    checkDate(problems, `${at}/startDate`, d.startDate, false);
    checkDate(problems, `${at}/endDate`, d.endDate, false);
    if (isRealDate(d.startDate) && isRealDate(d.endDate) && d.startDate > d.endDate) {
      problems.push({ path: at, message: 'the delegation ends before it starts', code: 'date_order' });
    }
    if (d.gateId && !known.gates.has(d.gateId)) problems.push({ path: `${at}/gateId`, message: `unknown gate "${d.gateId}"`, code: 'unknown_gate' });
    checkAgency(problems, known, `${at}/hostAgency`, d.hostAgency);
    d.members?.forEach((m, j) => checkAgency(problems, known, `${at}/members/${j}/agencyCode`, m.agencyCode));
  });
  return problems;
}
