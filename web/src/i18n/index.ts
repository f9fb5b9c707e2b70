import i18n from 'i18next';
import { initReactI18next } from 'react-i18next';

export const LANGUAGES = ['vi', 'en', 'zh'] as const;
export type Language = (typeof LANGUAGES)[number];
const STORAGE_KEY = 'cks.lang';

type Messages = Record<string, unknown>;

// Each feature keeps its messages in i18n/<feature>/<lang>.json under its own top-level keys,
// so features never edit one another's files; they are merged here per language.
const files = import.meta.glob<Messages>('./*/*.json', { eager: true, import: 'default' });

export function mergeMessages(all: Record<string, Messages>): Record<Language, Messages> {
  const result: Record<Language, Messages> = { vi: {}, en: {}, zh: {} };
  for (const [file, messages] of Object.entries(all)) {
    const lang = file.match(/\/(vi|en|zh)\.json$/)?.[1] as Language | undefined;
    if (!lang) continue;
    for (const [key, value] of Object.entries(messages)) {
      if (key in result[lang]) throw new Error(`i18n key "${key}" is defined twice for ${lang} (${file})`);
      result[lang][key] = value;
    }
  }
  return result;
}

export const messages = mergeMessages(files);

function initialLanguage(): Language {
  const stored = typeof localStorage !== 'undefined' ? localStorage.getItem(STORAGE_KEY) : null;
  return (LANGUAGES as readonly string[]).includes(stored ?? '') ? (stored as Language) : 'vi';
}

// Vietnamese first: staff work in Vietnamese; English and Chinese for counterparts and drivers.
void i18n.use(initReactI18next).init({
  resources: { vi: { translation: messages.vi }, en: { translation: messages.en }, zh: { translation: messages.zh } },
  lng: initialLanguage(),
  fallbackLng: 'vi',
  interpolation: { escapeValue: false },
});

export function setLanguage(lang: Language) {
  localStorage.setItem(STORAGE_KEY, lang);
  document.documentElement.lang = lang === 'zh' ? 'zh-CN' : lang;
  void i18n.changeLanguage(lang);
}

if (typeof document !== 'undefined') document.documentElement.lang = i18n.language === 'zh' ? 'zh-CN' : i18n.language;
export default i18n;
