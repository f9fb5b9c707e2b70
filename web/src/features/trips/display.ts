import { dayHours, localParts } from '../../../../server/src/gates/calendar';
import type { DayHours, Gate } from '../../../../shared/schemas/gates';

// A gate's hours on the planned day, from the same pure calendar logic the server checks
// declarations with, so what the form shows is what submission will enforce.

export function hoursOn(gate: Pick<Gate, 'weeklyHours' | 'specialDays' | 'timeZone' | 'counterpartTimeZone'>, date: string): DayHours {
  return dayHours({ weeklyHours: gate.weeklyHours, specialDays: gate.specialDays }, date, gate.timeZone, gate.counterpartTimeZone);
}

/** Today's calendar date in a time zone (the gate's, for a trip). */
export function todayIn(timeZone: string, now = new Date()): string {
  return localParts(now, timeZone).date;
}

const LOCALES = { vi: 'vi-VN', en: 'en-GB', zh: 'zh-CN' } as const;

/** Whole đồng, grouped the reader's way: 1.250.000 ₫ / ₫1,250,000. */
export function formatVnd(amount: number, lang: string): string {
  return new Intl.NumberFormat(LOCALES[lang as keyof typeof LOCALES] ?? 'vi-VN', { style: 'currency', currency: 'VND', maximumFractionDigits: 0 }).format(amount);
}

export function formatNumber(value: number, lang: string, digits = 3): string {
  return new Intl.NumberFormat(LOCALES[lang as keyof typeof LOCALES] ?? 'vi-VN', { maximumFractionDigits: digits }).format(value);
}

/** A country's name in the reader's language (ISO 3166-1 alpha-2 code in, name out). */
export function countryName(code: string, lang: string): string {
  try {
    return new Intl.DisplayNames([LOCALES[lang as keyof typeof LOCALES] ?? 'vi-VN'], { type: 'region' }).of(code) ?? code;
  } catch {
    return code;
  }
}
