import labelsJson from './labels.vi.json' with { type: 'json' };
import type { ReportTaskStatus } from './report-data';

// Report text lives in labels.vi.json: these are Vietnamese administrative documents, and the
// wording is edited by people who do not read code.
export const labels = labelsJson;

/** Replaces {name} placeholders; a missing value is a programming error, so it throws. */
export function fill(template: string, values: Record<string, string | number>): string {
  return template.replace(/\{(\w+)\}/g, (_, key: string) => {
    if (!(key in values)) throw new Error(`Missing value for {${key}} in "${template}"`);
    return String(values[key]);
  });
}

function lookup(table: Record<string, string>, key: string): string {
  return Object.hasOwn(table, key) ? table[key] : key;
}

/** Vietnamese status label; unknown codes are shown as they are rather than hidden. */
export function statusLabel(status: ReportTaskStatus | string): string {
  return lookup(labels.status, status);
}

export function unitLabel(unit: string): string {
  return lookup(labels.units, unit);
}

export function groupLabel(group: string): string {
  return lookup(labels.groups, group);
}

export function roleLabel(role: 'lead' | 'coordinating'): string {
  return labels.roles[role];
}

/** Text or the dash used for an empty cell. */
export function orDash(value: string | null | undefined): string {
  return value === null || value === undefined || value.trim() === '' ? labels.noValue : value;
}
