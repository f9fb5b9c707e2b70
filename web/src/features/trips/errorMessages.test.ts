import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { tripsErrors } from '../../../../shared/errors/trips';

// The trips screens translate the server's error codes into Chinese; Vietnamese and English
// carry the catalogue's own texts (the server sends those, so they must not drift from it).
const dir = path.join(import.meta.dirname, '../../i18n/trips');
const load = (lang: string) => JSON.parse(fs.readFileSync(path.join(dir, `${lang}.json`), 'utf8')) as { tripErrors: Record<string, string> };

describe('trips error messages in the UI', () => {
  it('match the shared catalogue in Vietnamese and English', () => {
    for (const lang of ['vi', 'en'] as const) {
      for (const [code, text] of Object.entries(load(lang).tripErrors)) {
        expect(tripsErrors[code as keyof typeof tripsErrors]?.[lang], `${lang} ${code}`).toBe(text);
      }
    }
  });

  it('have a Chinese translation for every code listed', () => {
    const zh = load('zh').tripErrors;
    for (const code of Object.keys(load('vi').tripErrors)) expect(zh[code], code).toMatch(/[\u4e00-\u9fff]/);
  });
});
