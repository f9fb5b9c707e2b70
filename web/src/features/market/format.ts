// Numbers, dates and names on the market, statistics and leaders pages.

const LOCALES: Record<string, string> = { vi: 'vi-VN', en: 'en-GB', zh: 'zh-CN' };

export function formatNumber(value: number, lang: string, digits = 2): string {
  return new Intl.NumberFormat(LOCALES[lang] ?? 'vi-VN', { maximumFractionDigits: digits }).format(value);
}

/** Today's date in Vietnam (the gates' calendar day). */
export function todayVn(now = new Date()): string {
  return new Intl.DateTimeFormat('en-CA', { timeZone: 'Asia/Ho_Chi_Minh', year: 'numeric', month: '2-digit', day: '2-digit' }).format(now);
}

export function addDays(date: string, days: number): string {
  const d = new Date(`${date}T00:00:00Z`);
  d.setUTCDate(d.getUTCDate() + days);
  return d.toISOString().slice(0, 10);
}

export function nameIn(item: { nameVi: string; nameEn: string; nameZh: string | null }, lang: string): string {
  if (lang === 'en') return item.nameEn;
  if (lang === 'zh') return item.nameZh ?? item.nameEn;
  return item.nameVi;
}
