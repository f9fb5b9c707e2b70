import type { TFunction } from 'i18next';

/** Minutes as "2 h 05 min" in the reader's language; a dash when unknown. */
export function minutesText(t: TFunction, minutes: number | null | undefined): string {
  if (minutes === null || minutes === undefined) return t('operations.unknown');
  const h = Math.floor(minutes / 60);
  const m = minutes % 60;
  return h > 0 ? t('operations.hoursMinutes', { h, m: String(m).padStart(2, '0') }) : t('operations.minutes', { m });
}

export function secondsText(t: TFunction, seconds: number | null | undefined): string {
  if (seconds === null || seconds === undefined) return t('operations.unknown');
  return minutesText(t, Math.round(seconds / 60));
}

export function localTime(iso: string, timeZone: string): string {
  return new Intl.DateTimeFormat('en-GB', { hour: '2-digit', minute: '2-digit', timeZone, hourCycle: 'h23' }).format(new Date(iso));
}

export function gateLabel(g: { nameVi: string; nameEn: string; nameZh: string | null }, lang: string): string {
  return lang === 'en' ? g.nameEn : lang === 'zh' ? (g.nameZh ?? g.nameEn) : g.nameVi;
}
