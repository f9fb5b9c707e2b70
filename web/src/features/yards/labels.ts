import { useEffect, useState } from 'react';

// Small helpers the yard screens share: names in the reader's language, durations, a ticking clock.

export function localName(n: { nameVi: string; nameEn: string; nameZh?: string | null }, lang: string): string {
  if (lang === 'en') return n.nameEn;
  if (lang === 'zh') return n.nameZh ?? n.nameEn;
  return n.nameVi;
}

export function trilingual(m: { vi: string; en: string; zh: string }, lang: string): string {
  return lang === 'en' ? m.en : lang === 'zh' ? m.zh : m.vi;
}

/** Whole minutes between two instants (never negative). */
export function minutesBetween(fromIso: string, to: number): number {
  return Math.max(0, Math.floor((to - Date.parse(fromIso)) / 60_000));
}

/** "1 h 05" style, for waits; the unit words come from the messages. */
export function durationParts(minutes: number): { h: number; m: number } {
  return { h: Math.floor(minutes / 60), m: minutes % 60 };
}

/** mm:ss left until a deadline (negative when passed). */
export function countdown(deadlineIso: string, now: number): { text: string; overdue: boolean } {
  const left = Math.round((Date.parse(deadlineIso) - now) / 1000);
  const abs = Math.abs(left);
  const text = `${left < 0 ? '−' : ''}${Math.floor(abs / 60)}:${String(abs % 60).padStart(2, '0')}`;
  return { text, overdue: left < 0 };
}

export function timeIn(iso: string, timeZone: string, lang: string): string {
  return new Intl.DateTimeFormat(lang === 'zh' ? 'zh-CN' : lang === 'en' ? 'en-GB' : 'vi-VN', { hour: '2-digit', minute: '2-digit', timeZone }).format(new Date(iso));
}

/** The current time, re-rendering every `ms`. */
export function useNow(ms = 1000): number {
  const [now, setNow] = useState(() => Date.now());
  useEffect(() => {
    const timer = setInterval(() => setNow(Date.now()), ms);
    return () => clearInterval(timer);
  }, [ms]);
  return now;
}
