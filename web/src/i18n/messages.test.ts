import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';

// Every feature's message files must offer the same keys in Vietnamese, English and Chinese,
// so no screen falls back to another language.
const dir = import.meta.dirname;

function flatten(value: unknown, prefix = ''): string[] {
  if (typeof value !== 'object' || value === null) return [prefix];
  return Object.entries(value).flatMap(([k, v]) => flatten(v, prefix ? `${prefix}.${k}` : k));
}

const features = fs.readdirSync(dir).filter((f) => fs.statSync(path.join(dir, f)).isDirectory());

describe('UI messages', () => {
  it('has at least the core messages', () => {
    expect(features).toContain('core');
  });

  it.each(features)('%s has the same keys in vi, en and zh, none empty', (feature) => {
    const load = (lang: string) => JSON.parse(fs.readFileSync(path.join(dir, feature, `${lang}.json`), 'utf8'));
    const vi = flatten(load('vi')).sort();
    expect(flatten(load('en')).sort()).toEqual(vi);
    // Chinese also translates server error codes, which Vietnamese and English take from the server.
    const zh = flatten(load('zh')).filter((k) => !k.startsWith('errors.') || vi.includes(k));
    expect(zh.sort()).toEqual(vi);
    for (const lang of ['vi', 'en', 'zh']) expect(JSON.stringify(load(lang))).not.toMatch(/:\s*""/);
  });
});
