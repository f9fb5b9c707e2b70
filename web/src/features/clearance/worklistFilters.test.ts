import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { CHANNELS, CLEARANCE_AGENCIES } from '../../../../shared/schemas/clearance';
import { channelCountQuery, DEFAULT_FILTERS, readFilters, waitParts, withFilter, WORKLIST_STATUSES, worklistQuery, writeFilters, type WorklistFilters } from './worklistFilters';

const filtersArb: fc.Arbitrary<WorklistFilters> = fc.record({
  gateId: fc.constantFrom('', 'tra-linh', 'ta-lung'),
  agency: fc.constantFrom('', ...CLEARANCE_AGENCIES),
  status: fc.constantFrom(...WORKLIST_STATUSES),
  channel: fc.constantFrom('' as const, ...CHANNELS),
  perishable: fc.constantFrom('' as const, 'true' as const, 'false' as const),
  minWait: fc.constantFrom('', '15', '120'),
  plannedDate: fc.constantFrom('', '2027-03-03'),
  q: fc.constantFrom('', 'CKS-TRL', '11C'),
  offset: fc.constantFrom(0, 50, 100),
});

describe('worklist filters', () => {
  it('survive the trip through the page URL', () => {
    fc.assert(fc.property(filtersArb, (f) => {
      expect(readFilters(writeFilters(f))).toEqual(f);
    }));
  });

  it('keep the URL short: defaults are not written', () => {
    expect(writeFilters(DEFAULT_FILTERS).toString()).toBe('');
    expect(writeFilters({ ...DEFAULT_FILTERS, channel: 'red', perishable: 'true' }).toString()).toBe('channel=red&perishable=true');
  });

  it('fall back to defaults for values a hand-edited URL makes up', () => {
    const f = readFilters(new URLSearchParams('status=bogus&channel=blue&agency=police&perishable=maybe&minWait=-5&offset=-50&plannedDate=03/03/2027&gateId=TRA LINH'));
    expect(f).toEqual(DEFAULT_FILTERS);
  });

  it('go back to the first page when a filter changes', () => {
    expect(withFilter({ ...DEFAULT_FILTERS, offset: 100 }, { channel: 'yellow' })).toMatchObject({ offset: 0, channel: 'yellow' });
  });

  it('become the API query, with the server names (minWaitMinutes) and an explicit status', () => {
    const q = worklistQuery({ ...DEFAULT_FILTERS, minWait: '30', perishable: 'false', q: '  11C ', offset: 50 });
    expect(Object.fromEntries(q)).toEqual({ status: 'open', perishable: 'false', minWaitMinutes: '30', q: '11C', limit: '50', offset: '50' });
  });

  it('count one channel with the other filters kept and only one row read', () => {
    const q = channelCountQuery({ ...DEFAULT_FILTERS, channel: 'green', perishable: 'true', offset: 100 }, 'red');
    expect(Object.fromEntries(q)).toEqual({ status: 'open', channel: 'red', perishable: 'true', limit: '1' });
  });
});

describe('waiting time', () => {
  it('splits minutes into days, hours and minutes', () => {
    expect(waitParts(0)).toEqual({ d: 0, h: 0, m: 0 });
    expect(waitParts(80)).toEqual({ d: 0, h: 1, m: 20 });
    expect(waitParts(1440 + 185)).toEqual({ d: 1, h: 3, m: 5 });
    expect(waitParts(-3)).toEqual({ d: 0, h: 0, m: 0 });
  });

  it('adds back up to the minutes given', () => {
    fc.assert(fc.property(fc.integer({ min: 0, max: 100_000 }), (n) => {
      const { d, h, m } = waitParts(n);
      expect(d * 1440 + h * 60 + m).toBe(n);
      expect(h).toBeLessThan(24);
      expect(m).toBeLessThan(60);
    }));
  });
});
