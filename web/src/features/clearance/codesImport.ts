import type { ApprovedCodeInput, ImportApprovedCodesRequest } from '../../../../shared/schemas/clearance';

// Reading an approved-codes file (the published PUC/PHC register) before it is sent: CSV goes
// as text, JSON as a list (a bare array or {codes: […]}, the shape of
// reference/clearance/approved-codes.json). The server checks every row and answers with every
// problem at once; `problemRow` turns its paths into the row the officer opens in the file.

export type ImportFormat = 'json' | 'csv';

export function detectFormat(fileName: string, text: string): ImportFormat {
  if (/\.json$/i.test(fileName)) return 'json';
  if (/\.csv$/i.test(fileName)) return 'csv';
  return /^\s*[[{]/.test(text) ? 'json' : 'csv';
}

export type ReadResult =
  | { ok: true; format: ImportFormat; rows: number; codes?: ApprovedCodeInput[]; csv?: string }
  | { ok: false; reason: 'not_json' | 'no_list' | 'empty'; detail?: string };

export function readCodesFile(fileName: string, text: string): ReadResult {
  const format = detectFormat(fileName, text);
  if (format === 'csv') {
    const lines = text.split(/\r?\n/).filter((l) => l.trim() !== '');
    if (lines.length === 0) return { ok: false, reason: 'empty' };
    return { ok: true, format, rows: lines.length - 1, csv: text };
  }
  let data: unknown;
  try {
    data = JSON.parse(text);
  } catch (error) {
    return { ok: false, reason: 'not_json', detail: error instanceof Error ? error.message : String(error) };
  }
  const codes = Array.isArray(data) ? data : data && typeof data === 'object' && Array.isArray((data as { codes?: unknown }).codes) ? (data as { codes: unknown[] }).codes : null;
  if (!codes) return { ok: false, reason: 'no_list' };
  return { ok: true, format, rows: codes.length, codes: codes as ApprovedCodeInput[] };
}

export function importBody(read: Extract<ReadResult, { ok: true }>, meta: { label: string; reason: string; mode: 'replace' | 'merge' }): ImportApprovedCodesRequest {
  const base = { label: meta.label.trim(), reason: meta.reason.trim(), mode: meta.mode, format: read.format };
  return read.format === 'csv' ? { ...base, csv: read.csv } : { ...base, codes: read.codes };
}

/**
 * Where a problem is in the file: "/codes/3/fruit" is the 4th entry of a JSON list,
 * "/csv/line 5/code" is line 5 of a CSV file (the header is line 1).
 */
export function problemRow(path: string): { unit: 'entry' | 'line' | null; row: number | null; field: string | null } {
  const json = /^(?:\/body)?\/codes\/(\d+)(?:\/([A-Za-z]+))?/.exec(path);
  if (json) return { unit: 'entry', row: Number(json[1]) + 1, field: json[2] ?? null };
  const csv = /^(?:\/body)?\/csv\/line (\d+)(?:\/([A-Za-z]+))?/.exec(path);
  if (csv) return { unit: 'line', row: Number(csv[1]), field: csv[2] ?? null };
  return { unit: null, row: null, field: path.split('/').filter(Boolean).at(-1) ?? null };
}
