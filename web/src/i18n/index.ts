import i18n from 'i18next';
import { initReactI18next } from 'react-i18next';

export const LANGUAGES = ['vi', 'en', 'zh'] as const;
export type Language = (typeof LANGUAGES)[number];
const STORAGE_KEY = 'cks.lang';

type Messages = Record<string, unknown>;

// Each feature keeps its messages in i18n/<feature>/<lang>.json under its own top-level keys,
// so features never edit one another's files; they are merged here per language.
const files = import.meta.glob<Messages>('./*/*.json', { eager: true, import: 'default' });

function mergeInto(target: Messages, source: Messages, where: string) {
  for (const [key, value] of Object.entries(source)) {
    const existing = target[key];
    const bothObjects = typeof existing === 'object' && existing !== null && typeof value === 'object' && value !== null;
    if (bothObjects) mergeInto(existing as Messages, value as Messages, `${where}.${key}`);
    else if (key in target) throw new Error(`i18n key "${where}.${key}" is defined twice`);
    else target[key] = typeof value === 'object' && value !== null ? structuredClone(value) : value;
  }
}

/** Features may share a top-level group (e.g. errors.<code>), but never the same message. */
export function mergeMessages(all: Record<string, Messages>): Record<Language, Messages> {
  const result: Record<Language, Messages> = { vi: {}, en: {}, zh: {} };
  for (const [file, messages] of Object.entries(all)) {
    const lang = file.match(/\/(vi|en|zh)\.json$/)?.[1] as Language | undefined;
    if (lang) mergeInto(result[lang], messages, `${lang}:${file}`);
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
