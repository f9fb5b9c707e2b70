import { describe, expect, it } from 'vitest';
import { mergeMessages } from './index';

describe('merging feature messages', () => {
  it('merges shared groups such as errors from several features', () => {
    const merged = mergeMessages({
      './core/zh.json': { errors: { 'a.x': 'A' }, app: { title: 'T' } },
      './trips/zh.json': { errors: { 'b.y': 'B' } },
    });
    expect(merged.zh).toEqual({ errors: { 'a.x': 'A', 'b.y': 'B' }, app: { title: 'T' } });
  });

  it('refuses the same message defined twice', () => {
    expect(() => mergeMessages({ './core/vi.json': { app: { title: 'A' } }, './x/vi.json': { app: { title: 'B' } } })).toThrow(/twice/);
  });
});
