import { labels } from './labels';

// Date and name formatting for Vietnamese administrative documents (Decree 30/2020/NĐ-CP).

const escapeRegExp = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
/** " tỉnh Tuyên Quang" or " thành phố …" at the end of a body's name. */
const placeSuffix = new RegExp(`\\s+(?:${labels.placeWords.map(escapeRegExp).join('|')})\\s+.*$`, 'iu');

export const REPORT_TIME_ZONE = 'Asia/Ho_Chi_Minh';

const partsFormatter = new Intl.DateTimeFormat('en-CA', {
  timeZone: REPORT_TIME_ZONE,
  year: 'numeric', month: '2-digit', day: '2-digit', hour: '2-digit', minute: '2-digit', second: '2-digit', hourCycle: 'h23',
});

export interface LocalParts { year: number; month: number; day: number; hour: number; minute: number; second: number }

/** Wall-clock parts of an ISO instant in Vietnam's zone (reports are read there). */
export function vietnamParts(instant: string): LocalParts {
  const date = new Date(instant);
  if (Number.isNaN(date.getTime())) throw new Error(`Invalid instant: ${instant}`);
  const p = Object.fromEntries(partsFormatter.formatToParts(date).map((x) => [x.type, x.value]));
  return { year: +p.year, month: +p.month, day: +p.day, hour: +p.hour, minute: +p.minute, second: +p.second };
}

function calendarParts(date: string): { year: number; month: number; day: number } {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(date);
  if (!m) throw new Error(`Invalid calendar date: ${date}`);
  return { year: +m[1], month: +m[2], day: +m[3] };
}

const pad = (n: number) => String(n).padStart(2, '0');

/** 'YYYY-MM-DD' → 'dd/mm/yyyy'. */
export function formatDate(date: string): string {
  const { year, month, day } = calendarParts(date);
  return `${pad(day)}/${pad(month)}/${year}`;
}

/** An instant as 'dd/mm/yyyy' in Vietnam's zone. */
export function formatInstantDate(instant: string): string {
  const p = vietnamParts(instant);
  return `${pad(p.day)}/${pad(p.month)}/${p.year}`;
}

/** An instant as 'dd/mm/yyyy HH:mm' in Vietnam's zone. */
export function formatInstant(instant: string): string {
  const p = vietnamParts(instant);
  return `${pad(p.day)}/${pad(p.month)}/${p.year} ${pad(p.hour)}:${pad(p.minute)}`;
}

/**
 * Day and month as Decree 30 writes them in the place-and-date line: a zero before days
 * below 10 and before months 1 and 2 only ("ngày 05 tháng 02", "ngày 15 tháng 6").
 */
export function decreeDayMonth(day: number, month: number): { day: string; month: string } {
  return { day: pad(day), month: month <= 2 ? pad(month) : String(month) };
}

/**
 * The Excel cell value for an instant: a Date whose UTC fields carry Vietnam's wall time,
 * because spreadsheet dates have no zone and exceljs writes the UTC fields.
 */
export function excelLocalDate(instant: string): Date {
  const p = vietnamParts(instant);
  return new Date(Date.UTC(p.year, p.month - 1, p.day, p.hour, p.minute, p.second));
}

export function excelCalendarDate(date: string): Date {
  const { year, month, day } = calendarParts(date);
  return new Date(Date.UTC(year, month - 1, day));
}

export function upperVi(text: string): string {
  return text.toLocaleUpperCase('vi');
}

/**
 * The issuing body's name under its parent: "Sở Công Thương tỉnh Tuyên Quang" under
 * "UBND TỈNH TUYÊN QUANG" is printed "SỞ CÔNG THƯƠNG", as the parent already names the province.
 */
export function issuerLine(nameVi: string, parentNameVi: string | null | undefined): string {
  const name = nameVi.trim();
  const suffix = placeSuffix.exec(name);
  if (!parentNameVi || !suffix) return upperVi(name);
  const place = upperVi(suffix[0].trim());
  return upperVi(parentNameVi.trim()).endsWith(place) ? upperVi(name.slice(0, suffix.index)) : upperVi(name);
}

/** Initials of the body's name without the province, as in "BC-SCT" or "BC-BQLKKT". */
export function abbreviate(nameVi: string): string {
  const withoutPlace = nameVi.replace(placeSuffix, '');
  const initials = withoutPlace
    .split(/[\s,]+/u)
    .filter((word) => word.length > 0 && /\p{L}/u.test(word[0]))
    .map((word) => word[0].normalize('NFD').replace(/\p{M}/gu, '').toLocaleUpperCase('vi'));
  return initials.join('') || 'BC';
}

/** Percentage of part in whole with a Vietnamese decimal comma, e.g. '15,6%'. */
export function percentText(part: number, whole: number): string {
  if (whole <= 0) return '0%';
  const value = Math.round((part / whole) * 1000) / 10;
  return `${String(value).replace('.', ',')}%`;
}
