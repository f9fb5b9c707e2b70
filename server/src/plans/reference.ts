import crypto from 'node:crypto';
import fs from 'node:fs';
import type { ImportPlanRequest } from '../../../shared/schemas/plans';
import { readDataset } from '../db/reference-data';
import { referencePath } from '../reference/paths';

// Versioned reference data of the plans capability (reference/plans/…), read once per process.

export interface MonthDayWindow {
  label: string;
  from: string; // MM-DD
  to: string; // MM-DD
  due: string; // MM-DD
}

export interface ReportingCalendar {
  timeZone: string;
  reports: Record<'six_month' | 'annual', { nameVi: string; periodFrom: string; periodTo: string; due: string }>;
  occurrences: { recurring: MonthDayWindow[]; yearly: MonthDayWindow[] };
  reminders: { daysBefore: number[] };
  provinces: Record<string, string>;
  signers: Record<string, string>;
}

export interface ElectronicProcedures {
  definition: string;
  procedures: Array<{ code: string; nameVi: string; nameEn: string; scope: 'province' | 'all'; electronicWhen: string }>;
  pending: Array<{ code: string; nameVi: string }>;
}

let calendar: ReportingCalendar | null = null;
let procedures: ElectronicProcedures | null = null;

export function reportingCalendar(): ReportingCalendar {
  calendar ??= readDataset<ReportingCalendar>('plans/reporting-calendar.json').data;
  return calendar;
}

export function electronicProcedures(): ElectronicProcedures {
  procedures ??= readDataset<ElectronicProcedures>('plans/electronic-procedures.json').data;
  return procedures;
}

export interface SeedPlanFile {
  file: string;
  checksum: string;
  content: ImportPlanRequest & { version: string; source: string };
}

/** The transcribed seed plans, reference/plans/plan-NNN.json, in file order. */
export function readSeedPlans(): SeedPlanFile[] {
  const dir = referencePath('plans');
  return fs
    .readdirSync(dir)
    .filter((f) => /^plan-\d{3}\.json$/.test(f))
    .sort()
    .map((file) => {
      const text = fs.readFileSync(referencePath('plans', file), 'utf8');
      return { file, checksum: crypto.createHash('sha256').update(text).digest('hex'), content: JSON.parse(text) };
    });
}
