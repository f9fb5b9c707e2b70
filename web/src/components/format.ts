import type { GateSummary } from '../../../shared/schemas/gates';

const LOCALES = { vi: 'vi-VN', en: 'en-GB', zh: 'zh-CN' } as const;

export function gateName(gate: Pick<GateSummary, 'nameVi' | 'nameEn' | 'nameZh'>, lang: string): string {
  if (lang === 'en') return gate.nameEn;
  if (lang === 'zh') return gate.nameZh ?? gate.nameEn;
  return gate.nameVi;
}

export function counterpartName(c: GateSummary['counterpart'], lang: string): string {
  if (lang === 'zh') return c.nameZh ?? c.nameVi;
  if (lang === 'en') return c.nameEn ?? c.nameVi;
  return c.nameVi;
}

/** Times are stored in UTC and shown in the gate's own zone. */
export function formatInstant(iso: string, lang: string, timeZone: string): string {
  return new Intl.DateTimeFormat(LOCALES[lang as keyof typeof LOCALES] ?? 'vi-VN', {
    // dateStyle/timeStyle cannot be combined with timeZoneName, so spell the fields out.
    year: 'numeric',
    month: 'short',
    day: 'numeric',
    hour: '2-digit',
    minute: '2-digit',
    timeZone,
    timeZoneName: 'short',
  }).format(new Date(iso));
}

export function formatDate(date: string, lang: string): string {
  return new Intl.DateTimeFormat(LOCALES[lang as keyof typeof LOCALES] ?? 'vi-VN', { weekday: 'short', year: 'numeric', month: 'short', day: 'numeric', timeZone: 'UTC' }).format(
    new Date(`${date}T00:00:00Z`),
  );
}

export function intervalsText(intervals: Array<{ opens: string; closes: string }>): string {
  return intervals.map((i) => `${i.opens}–${i.closes}`).join(', ');
}
