import { describe, expect, it } from 'vitest';
import { formatDate, formatInstant } from './format';

describe('display formats', () => {
  it('shows an instant in the gate’s zone, in each language', () => {
    const iso = '2027-02-08T17:30:00Z';
    expect(formatInstant(iso, 'en', 'Asia/Ho_Chi_Minh')).toMatch(/9 Feb 2027.*00:30/);
    expect(formatInstant(iso, 'en', 'Asia/Shanghai')).toMatch(/9 Feb 2027.*01:30/);
    expect(formatInstant(iso, 'vi', 'Asia/Ho_Chi_Minh')).toMatch(/00:30/);
    expect(formatInstant(iso, 'zh', 'Asia/Ho_Chi_Minh')).toMatch(/2027/);
  });

  it('shows a calendar date without shifting it by the viewer’s zone', () => {
    expect(formatDate('2027-02-08', 'en')).toMatch(/Mon.*8 Feb 2027/);
    expect(formatDate('2027-02-08', 'zh')).toMatch(/2027/);
  });
});
