import { describe, expect, it } from 'vitest';
import { isoToLocal, localToIso, pick } from './display';

describe('notice display', () => {
  it('reads the period the authority types in the gate’s zone, both ways', () => {
    expect(localToIso('2027-02-05T00:00', 'Asia/Ho_Chi_Minh')).toBe('2027-02-04T17:00:00.000Z');
    expect(localToIso('2027-02-05T00:00', 'Asia/Shanghai')).toBe('2027-02-04T16:00:00.000Z');
    expect(isoToLocal('2027-02-04T17:00:00.000Z', 'Asia/Ho_Chi_Minh')).toBe('2027-02-05T00:00');
  });

  it('falls back to Vietnamese when the reader’s language is missing', () => {
    expect(pick({ vi: 'Đóng cửa', en: null, zh: '关闭' }, 'en')).toBe('Đóng cửa');
    expect(pick({ vi: 'Đóng cửa', en: null, zh: '关闭' }, 'zh')).toBe('关闭');
  });
});
