import { describe, expect, it } from 'vitest';
import { loadTripSettings } from './settings';

describe('trip settings from the environment', () => {
  it('has documented defaults', () => {
    expect(loadTripSettings({})).toEqual({ unpaidTtlHours: 72, passUnusedGraceHours: 24, paymentsProcessSeconds: 5 });
  });
  it('reads valid values and refuses anything else with the variable named', () => {
    expect(loadTripSettings({ TRIP_UNPAID_TTL_HOURS: '12', TRIP_PASS_UNUSED_GRACE_HOURS: '0' })).toMatchObject({ unpaidTtlHours: 12, passUnusedGraceHours: 0 });
    expect(() => loadTripSettings({ TRIP_UNPAID_TTL_HOURS: '0' })).toThrow(/TRIP_UNPAID_TTL_HOURS/);
    expect(() => loadTripSettings({ TRIP_PASS_UNUSED_GRACE_HOURS: '1.5' })).toThrow(/TRIP_PASS_UNUSED_GRACE_HOURS/);
    expect(() => loadTripSettings({ TRIP_UNPAID_TTL_HOURS: 'three' })).toThrow(/between 1 and 720/);
  });
});
