import { readFileSync } from 'node:fs';
import { referencePath } from '../reference/paths';

// Licence plates of Vietnamese and Chinese trucks. Province codes and letter rules come from
// reference/plates/*.json; this file knows only the layouts.
//
// Vietnam (Circular 24/2023/TT-BCA): NN + series + serial. Series is one letter, or one of the
// two-letter series listed in the data (conservative: only LD). Serial is 5 digits printed
// "NNN.NN" or, on older plates, 4 digits printed "NNNN". Canonical: "11R-001.23", "29LD-123.45",
// "12C-1234".
// China (GA 36-2018): province character + issuing letter + serial. Canonical adds the "·" the
// plate shows after the issuing letter: "桂F·12345", "桂F·12345D", "桂F·1234挂".

export type PlateCountry = 'VN' | 'CN';
export type PlateKind = 'vehicle' | 'trailer' | 'new_energy';
export type PlateErrorCode = 'plate.invalid_format' | 'plate.unknown_province';

export type PlateValidation =
  | {
      ok: true;
      country: PlateCountry;
      canonical: string;
      /** Vietnamese province name (VN) or English province name (CN). */
      province: string;
      /** Two-digit code (VN) or abbreviation character (CN). */
      provinceCode: string;
      /** VN: province the code was issued for before the 2025 merger, when different. */
      formerProvince?: string;
      /** CN: the province's Chinese name, e.g. 广西. */
      provinceZh?: string;
      /** CN: issuing area for the letter, where the data knows it, e.g. "Chongzuo 崇左". */
      issuingArea?: string;
      kind: PlateKind;
    }
  | { ok: false; code: PlateErrorCode; input: string; country?: PlateCountry; messages: { vi: string; en: string } };

interface VnData {
  seriesExcludedLetters: string[];
  trailerSeries: string[];
  twoLetterSeries: string[];
  codes: { code: string; province: string; formerProvince?: string }[];
}

interface CnArea {
  nameEn: string;
  nameZh: string;
}

interface CnData {
  serialExcludedLetters: string[];
  provinces: { char: string; nameEn: string; nameZh: string; areas?: Record<string, CnArea> }[];
}

let vnData: VnData | undefined;
let cnData: CnData | undefined;

function loadJson<T>(...parts: string[]): T {
  return JSON.parse(readFileSync(referencePath(...parts), 'utf8')) as T;
}

const vn = () => (vnData ??= loadJson<VnData>('plates', 'vn-province-codes.json'));
const cn = () => (cnData ??= loadJson<CnData>('plates', 'cn-province-prefixes.json'));

const MESSAGES: Record<PlateErrorCode, { vi: string; en: string }> = {
  'plate.invalid_format': {
    vi: 'Biển số không đúng định dạng (Việt Nam: 11R-001.23; Trung Quốc: 桂F·12345).',
    en: 'The plate number is not in a valid format (Vietnam: 11R-001.23; China: 桂F·12345).',
  },
  'plate.unknown_province': {
    vi: 'Mã tỉnh trên biển số không tồn tại.',
    en: 'The plate carries an unknown province code.',
  },
};

function fail(code: PlateErrorCode, input: string, country?: PlateCountry): PlateValidation {
  return { ok: false, code, input, ...(country ? { country } : {}), messages: MESSAGES[code] };
}

/** Folds full-width forms and case, and drops the separators people type or plates print. */
function normalise(input: string): string {
  return input.normalize('NFKC').toUpperCase().replace(/[\s.\-·•・]/g, '');
}

function validateVn(input: string, s: string): PlateValidation {
  const m = /^(\d{2})([A-Z]{1,2})(\d{4,5})$/.exec(s);
  if (!m) return fail('plate.invalid_format', input, 'VN');
  const [, code, series, serial] = m;
  const data = vn();
  if ([...series].some((ch) => data.seriesExcludedLetters.includes(ch))) return fail('plate.invalid_format', input, 'VN');
  if (series.length === 2 && !data.twoLetterSeries.includes(series)) return fail('plate.invalid_format', input, 'VN');
  const entry = data.codes.find((c) => c.code === code);
  if (!entry) return fail('plate.unknown_province', input, 'VN');
  const printed = serial.length === 5 ? `${serial.slice(0, 3)}.${serial.slice(3)}` : serial;
  return {
    ok: true,
    country: 'VN',
    canonical: `${code}${series}-${printed}`,
    province: entry.province,
    provinceCode: code,
    ...(entry.formerProvince ? { formerProvince: entry.formerProvince } : {}),
    kind: data.trailerSeries.includes(series) ? 'trailer' : 'vehicle',
  };
}

// Small new-energy vehicles: D/F first; large ones (trucks, buses): D/F last.
const NEW_ENERGY = [/^[DF][A-Z0-9]\d{4}$/, /^\d{5}[DF]$/];

function validateCn(input: string, s: string): PlateValidation {
  const m = /^(\p{Script=Han})([A-Z])([A-Z0-9]{4,6})(挂)?$/u.exec(s);
  if (!m) return fail('plate.invalid_format', input, 'CN');
  const [, char, letter, serial, trailer] = m;
  const data = cn();
  const excluded = (ch: string) => data.serialExcludedLetters.includes(ch);
  if (excluded(letter) || [...serial].some(excluded)) return fail('plate.invalid_format', input, 'CN');
  let kind: PlateKind;
  if (trailer) {
    if (serial.length !== 4) return fail('plate.invalid_format', input, 'CN');
    kind = 'trailer';
  } else if (serial.length === 5) {
    kind = 'vehicle';
  } else if (serial.length === 6 && NEW_ENERGY.some((re) => re.test(serial))) {
    kind = 'new_energy';
  } else {
    return fail('plate.invalid_format', input, 'CN');
  }
  const province = data.provinces.find((p) => p.char === char);
  if (!province) return fail('plate.unknown_province', input, 'CN');
  const area = province.areas?.[letter];
  return {
    ok: true,
    country: 'CN',
    canonical: `${char}${letter}·${serial}${trailer ?? ''}`,
    province: province.nameEn,
    provinceCode: char,
    provinceZh: province.nameZh,
    ...(area ? { issuingArea: `${area.nameEn} ${area.nameZh}` } : {}),
    kind,
  };
}

/**
 * Validates and normalises a licence plate. Without `country`, a plate starting with a digit is
 * read as Vietnamese and one starting with a Chinese character as Chinese.
 */
export function validatePlate(input: string, country?: PlateCountry): PlateValidation {
  const s = normalise(input);
  const detected: PlateCountry | undefined =
    country ?? (/^\d/.test(s) ? 'VN' : /^\p{Script=Han}/u.test(s) ? 'CN' : undefined);
  if (detected === 'VN') return validateVn(input, s);
  if (detected === 'CN') return validateCn(input, s);
  return fail('plate.invalid_format', input);
}
