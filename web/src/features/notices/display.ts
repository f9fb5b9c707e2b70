import type { PublicNotice } from '../../../../shared/schemas/notices';

// How a notice reads in the reader's language: the text in that language, else Vietnamese (the
// authority's working language, always present); its period in the gate's zone and in China's.

export const CHINA_TIME_ZONE = 'Asia/Shanghai';
export const VN_TIME_ZONE = 'Asia/Ho_Chi_Minh';

export function pick(text: { vi: string; en: string | null; zh: string | null }, lang: string): string {
  if (lang === 'en' && text.en) return text.en;
  if (lang === 'zh' && text.zh) return text.zh;
  return text.vi;
}

const LOCALES: Record<string, string> = { vi: 'vi-VN', en: 'en-GB', zh: 'zh-CN' };

export function formatPeriod(from: string, to: string, lang: string, timeZone: string): string {
  const f = new Intl.DateTimeFormat(LOCALES[lang] ?? 'vi-VN', { day: '2-digit', month: '2-digit', year: 'numeric', hour: '2-digit', minute: '2-digit', hourCycle: 'h23', timeZone });
  return `${f.format(new Date(from))} – ${f.format(new Date(to))}`;
}

export function gateLabel(g: PublicNotice['gates'][number], lang: string): string {
  if (lang === 'en') return g.nameEn;
  if (lang === 'zh') return g.nameZh ?? g.nameEn;
  return g.nameVi;
}

/** Offset in minutes of a zone at an instant (positive east of UTC). */
function offsetAt(instant: Date, timeZone: string): number {
  const parts = Object.fromEntries(
    new Intl.DateTimeFormat('en-CA', { timeZone, year: 'numeric', month: '2-digit', day: '2-digit', hour: '2-digit', minute: '2-digit', hourCycle: 'h23' })
      .formatToParts(instant)
      .map((p) => [p.type, p.value]),
  );
  const asUtc = Date.UTC(Number(parts.year), Number(parts.month) - 1, Number(parts.day), Number(parts.hour), Number(parts.minute));
  return Math.round((asUtc - Math.floor(instant.getTime() / 60_000) * 60_000) / 60_000);
}

/** A datetime-local value (YYYY-MM-DDTHH:MM) read in a time zone, as an ISO instant. */
export function localToIso(local: string, timeZone: string): string {
  const naive = new Date(`${local}:00Z`);
  return new Date(naive.getTime() - offsetAt(naive, timeZone) * 60_000).toISOString();
}

/** An ISO instant as a datetime-local value in a time zone. */
export function isoToLocal(iso: string, timeZone: string): string {
  const instant = new Date(iso);
  return new Date(instant.getTime() + offsetAt(instant, timeZone) * 60_000).toISOString().slice(0, 16);
}
