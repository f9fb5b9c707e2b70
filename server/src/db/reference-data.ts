import crypto from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { repoRoot } from '../config';

export interface Dataset<T> {
  name: string;
  version: string;
  effectiveFrom: string;
  checksum: string;
  data: T;
}

/** Reads a versioned reference data file from reference/ (shipped with the product). */
export function readDataset<T>(relativePath: string): Dataset<T> {
  const text = fs.readFileSync(path.join(repoRoot, 'reference', relativePath), 'utf8');
  const data = JSON.parse(text) as T & { dataset: string; version: string; effectiveFrom: string };
  if (!data.dataset || !data.version || !data.effectiveFrom) {
    throw new Error(`${relativePath} must declare dataset, version and effectiveFrom`);
  }
  return {
    name: data.dataset,
    version: data.version,
    effectiveFrom: data.effectiveFrom,
    checksum: crypto.createHash('sha256').update(text).digest('hex'),
    data,
  };
}

export interface AgencyData {
  code: string;
  province: string;
  kind: string;
  nameVi: string;
  nameEn: string;
  nameZh?: string | null;
  aliases?: string[];
}

export interface GateData {
  id: string;
  parentId: string | null;
  province: string;
  nameVi: string;
  nameEn: string;
  nameZh: string | null;
  counterpart: { nameVi: string; nameEn?: string | null; nameZh?: string | null; place?: string | null; nameZhVerified?: boolean };
  class: string;
  status: string;
  plannedClass: string | null;
  targetYear: number | null;
  planRefs: unknown[];
  traffic: string[];
  location: { lat: number; lon: number; approximate?: boolean } | null;
  timeZone: string;
  counterpartTimeZone: string;
  capacity: { exportPerDay: number; importPerDay: number };
  notes?: Record<string, string>;
}

export interface CalendarData {
  gateId: string;
  weeklyHours: Array<{ weekday: number; opens: string; closes: string }>;
  specialDays: Array<{ date: string; kind: string; opens?: string | null; closes?: string | null; nameVi: string; nameEn?: string | null; nameZh?: string | null }>;
}
