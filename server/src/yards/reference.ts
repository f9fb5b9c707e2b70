import type { LaneMatch, YardCamera, YardLane, YardRuleValues } from '../../../shared/schemas/yards';
import { readDataset, type Dataset } from '../db/reference-data';

// The reference data of the yards capability (reference/yards/*.json): yards of the operating
// gates, default lanes and rules, and the driver messages. Read once per process.

export interface YardData {
  id: string;
  gateId: string;
  nameVi: string;
  nameEn: string;
  nameZh: string | null;
  capacity: number;
  directions: Array<'export' | 'import'>;
  cameras: YardCamera[];
}

export type DriverMessageCode = 'checked_in' | 'called' | 'dropped_back' | 'held' | 'left_yard' | 'crossed' | 'completed' | 'checked_out' | 'refused';
export type Trilingual = { vi: string; en: string; zh: string };

let yards: Dataset<{ yards: YardData[] }> | undefined;
let lanes: Dataset<{ lanes: YardLane[] }> | undefined;
let rules: Dataset<{ rules: YardRuleValues }> | undefined;
let messages: Dataset<{ messages: Record<DriverMessageCode, Trilingual> }> | undefined;

export const yardsDataset = () => (yards ??= readDataset('yards/yards.json'));
export const lanesDataset = () => (lanes ??= readDataset('yards/lanes.json'));
export const rulesDataset = () => (rules ??= readDataset('yards/rules.json'));
export const messagesDataset = () => (messages ??= readDataset('yards/driver-messages.json'));

/** "yard-lanes 2026.11.1 + yard-rules 2026.11.1": what a reference-sourced rule row came from. */
export function defaultsLabel(): string {
  return `${lanesDataset().name} ${lanesDataset().version} + ${rulesDataset().name} ${rulesDataset().version}`;
}

export function defaultLanes(): YardLane[] {
  return lanesDataset().data.lanes.map((l) => ({ ...l, nameZh: l.nameZh ?? null, match: { ...l.match } as LaneMatch }));
}

export function defaultRules(): YardRuleValues {
  return structuredClone(rulesDataset().data.rules);
}

/** A value for a message placeholder: the same in every language, or one per language. */
export type MessageParam = string | number | null | Trilingual;

/** A driver message with its {placeholders} filled, in the three languages. */
export function driverMessage(code: DriverMessageCode, params: Record<string, MessageParam>): Trilingual {
  const template = messagesDataset().data.messages[code];
  const fill = (text: string, lang: keyof Trilingual) =>
    text.replace(/\{(\w+)\}/g, (_, key: string) => {
      const value = params[key];
      if (value === null || value === undefined) return '';
      return typeof value === 'object' ? value[lang] : String(value);
    });
  return { vi: fill(template.vi, 'vi'), en: fill(template.en, 'en'), zh: fill(template.zh, 'zh') };
}

/** Names of a yard or lane as a message parameter (Chinese falls back to English). */
export function namesParam(row: { nameVi?: string; nameEn?: string; nameZh?: string | null; name_vi?: string; name_en?: string; name_zh?: string | null }): Trilingual {
  const vi = row.nameVi ?? row.name_vi ?? '';
  const en = row.nameEn ?? row.name_en ?? vi;
  return { vi, en, zh: row.nameZh ?? row.name_zh ?? en };
}
