import { readFileSync } from 'node:fs';
import { referencePath } from '../reference/paths';
import { parseCsvRecords } from './csv';

// HS 2022 nomenclature from reference/hs2022/harmonized-system.csv. Vietnam declares 8-digit
// AHTN codes whose first 6 digits are the HS subheading: that prefix is what we can check.

export interface HsEntry {
  /** 2 (chapter), 4 (heading) or 6 (subheading) digits. */
  code: string;
  description: string;
  /** Code of the parent chapter/heading; null for chapters. */
  parent: string | null;
  level: 2 | 4 | 6;
  /** Roman numeral of the HS section, e.g. "II". */
  section: string;
}

export type HsErrorCode = 'hs.invalid_format' | 'hs.unknown_code';

export type HsValidation =
  | {
      ok: true;
      /** Normalised digits as entered (6 or 8). */
      code: string;
      hs6: string;
      heading: string;
      chapter: string;
      section: string;
      /** Description of the 6-digit subheading (English, from the WCO nomenclature). */
      description: string;
      headingDescription: string;
      chapterDescription: string;
      /** True for an 8-digit national (AHTN) code, which is checked by its HS prefix only. */
      national: boolean;
    }
  | { ok: false; code: HsErrorCode; input: string; messages: { vi: string; en: string } };

const HS_FILE = ['hs2022', 'harmonized-system.csv'];

let index: Map<string, HsEntry> | undefined;

// Loaded on first use, then cached: the file is ~850 kB and never changes while running.
function entries(): Map<string, HsEntry> {
  if (index) return index;
  const map = new Map<string, HsEntry>();
  for (const r of parseCsvRecords(readFileSync(referencePath(...HS_FILE), 'utf8'))) {
    // Comtrade's TOTAL and chapter 99 ("not specified according to kind") are statistical
    // artefacts, not part of the WCO nomenclature, so they are not valid declaration codes.
    if (r.section === 'TOTAL') continue;
    const level = Number(r.level);
    if (level !== 2 && level !== 4 && level !== 6) continue;
    map.set(r.hscode, {
      code: r.hscode,
      description: r.description,
      parent: level === 2 ? null : r.parent,
      level,
      section: r.section,
    });
  }
  index = map;
  return map;
}

/** Strips dots and whitespace ("0810.90.10" → "08109010"); null when anything else is left over. */
export function normaliseHsCode(input: string): string | null {
  const digits = input.replace(/[\s.]/g, '');
  return /^\d+$/.test(digits) ? digits : null;
}

/** The chapter, heading or subheading for a 2-, 4- or 6-digit code (dots and spaces allowed). */
export function lookupHs(code: string): HsEntry | undefined {
  const digits = normaliseHsCode(code);
  return digits === null ? undefined : entries().get(digits);
}

/** Two-digit chapter of a 2/4/6/8-digit code, by format only (the code need not exist). */
export function chapterOf(code: string): string | undefined {
  const digits = normaliseHsCode(code);
  if (digits === null || ![2, 4, 6, 8].includes(digits.length)) return undefined;
  return digits.slice(0, 2);
}

function failure(code: HsErrorCode, input: string): HsValidation {
  const messages =
    code === 'hs.invalid_format'
      ? {
          vi: 'Mã HS phải gồm 6 chữ số (phân nhóm HS) hoặc 8 chữ số (mã AHTN), ví dụ 0810.90.10.',
          en: 'An HS code has 6 digits (HS subheading) or 8 digits (AHTN code), e.g. 0810.90.10.',
        }
      : {
          vi: 'Mã HS không có trong Danh mục HS 2022.',
          en: 'The code is not an HS 2022 subheading.',
        };
  return { ok: false, code, input, messages };
}

/** Accepts a 6-digit HS subheading or an 8-digit Vietnamese (AHTN) code, dots and spaces allowed. */
export function validateHsCode(input: string): HsValidation {
  const code = normaliseHsCode(input);
  if (code === null || (code.length !== 6 && code.length !== 8)) return failure('hs.invalid_format', input);
  const hs6 = code.slice(0, 6);
  const sub = entries().get(hs6);
  const heading = entries().get(hs6.slice(0, 4));
  const chapter = entries().get(hs6.slice(0, 2));
  if (!sub || sub.level !== 6 || !heading || !chapter) return failure('hs.unknown_code', input);
  return {
    ok: true,
    code,
    hs6,
    heading: heading.code,
    chapter: chapter.code,
    section: sub.section,
    description: sub.description,
    headingDescription: heading.description,
    chapterDescription: chapter.description,
    national: code.length === 8,
  };
}
