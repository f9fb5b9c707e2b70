import i18n from 'i18next';
import { initReactI18next } from 'react-i18next';
import en from './en.json';
import vi from './vi.json';
import zh from './zh.json';

export const LANGUAGES = ['vi', 'en', 'zh'] as const;
export type Language = (typeof LANGUAGES)[number];
const STORAGE_KEY = 'cks.lang';

function initialLanguage(): Language {
  const stored = typeof localStorage !== 'undefined' ? localStorage.getItem(STORAGE_KEY) : null;
  return (LANGUAGES as readonly string[]).includes(stored ?? '') ? (stored as Language) : 'vi';
}

// Vietnamese first: staff work in Vietnamese; English and Chinese for counterparts and drivers.
void i18n.use(initReactI18next).init({
  resources: { vi: { translation: vi }, en: { translation: en }, zh: { translation: zh } },
  lng: initialLanguage(),
  fallbackLng: 'vi',
  interpolation: { escapeValue: false },
});

export function setLanguage(lang: Language) {
  localStorage.setItem(STORAGE_KEY, lang);
  document.documentElement.lang = lang === 'zh' ? 'zh-CN' : lang;
  void i18n.changeLanguage(lang);
}

document.documentElement.lang = i18n.language === 'zh' ? 'zh-CN' : i18n.language;
export default i18n;
