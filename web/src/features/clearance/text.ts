// Texts the server sends in several languages: Vietnamese and English always, Chinese when the
// data has it (reference files do; officers' rule descriptions do not).

export function pick(text: { vi: string; en: string; zh?: string }, lang: string): string {
  if (lang === 'zh') return text.zh || text.en;
  return lang === 'en' ? text.en : text.vi;
}

const LOCALES: Record<string, string> = { vi: 'vi-VN', en: 'en-GB', zh: 'zh-CN' };

/** The time of day of an instant in a zone ("08:30"), e.g. the end of an inspection slot. */
export function timeOnly(iso: string, lang: string, timeZone: string): string {
  return new Intl.DateTimeFormat(LOCALES[lang] ?? 'vi-VN', { hour: '2-digit', minute: '2-digit', timeZone }).format(new Date(iso));
}
