import { readDataset } from '../db/reference-data';
import type { Level } from './thresholds';

// Warning texts in three languages, from reference/operations/warning-messages.json.

type Text = { vi: string; en: string; zh: string };
export type WarningPhase = 'raised' | 'escalated' | 'cleared';

interface Messages {
  levels: Record<Level, Text>;
  unknownWait: Text;
  raised: { title: Text; body: Text };
  escalated: { title: Text; body: Text };
  cleared: { title: Text; body: Text };
}

let cached: Messages | undefined;
function messages(): Messages {
  return (cached ??= readDataset<Messages>('operations/warning-messages.json').data);
}

function duration(minutes: number | null, lang: keyof Text): string {
  if (minutes === null) return messages().unknownWait[lang];
  const h = Math.floor(minutes / 60);
  const m = minutes % 60;
  const units = { vi: ['giờ', 'phút'], en: ['h', 'min'], zh: ['小时', '分钟'] }[lang];
  const sep = lang === 'zh' ? '' : ' ';
  if (h === 0) return `${m}${sep}${units[1]}`;
  return m === 0 ? `${h}${sep}${units[0]}` : `${h}${sep}${units[0]} ${m}${sep}${units[1]}`;
}

export interface WarningFacts {
  gate: Text;
  level: Level;
  waiting: number;
  expectedWaitMinutes: number | null;
}

export function warningText(phase: WarningPhase, facts: WarningFacts): { title: Text; body: Text } {
  const m = messages();
  const fill = (template: string, lang: keyof Text) =>
    template
      .replaceAll('{gate}', facts.gate[lang])
      .replaceAll('{level}', m.levels[facts.level][lang])
      .replaceAll('{waiting}', String(facts.waiting))
      .replaceAll('{wait}', duration(facts.expectedWaitMinutes, lang));
  const t = m[phase];
  const each = (x: Text): Text => ({ vi: fill(x.vi, 'vi'), en: fill(x.en, 'en'), zh: fill(x.zh, 'zh') });
  return { title: each(t.title), body: each(t.body) };
}
