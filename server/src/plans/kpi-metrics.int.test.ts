import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, dbKinds, type TestApp } from '../../test/harness';
import { computeMetric } from './kpi-metrics';

describe.each(dbKinds())('KPI figures computed from platform records on %s', (kind) => {
  let t: TestApp;
  beforeAll(async () => {
    t = await createTestApp(kind);
  });
  afterAll(async () => t?.close());

  it('counts an enterprise as new to border trade in the year of its first declared trip through the province', async () => {
    const firstYears = await sql<{ enterprise_id: string; province: string; year: number }>`
      select t.enterprise_id, g.province, extract(year from min(t.submitted_at) at time zone 'Asia/Ho_Chi_Minh')::int as year
      from trips t join gates g on g.id = t.gate_id where t.submitted_at is not null group by t.enterprise_id, g.province`.execute(t.db);
    const cb = firstYears.rows.filter((r) => r.province === 'CB');
    expect(cb.length).toBeGreaterThan(0);
    const year = cb[0].year;
    const expected = cb.filter((r) => r.year === year).length;
    expect((await computeMetric(t.db, 'new_trading_enterprises', year, 'CB')).value).toBe(expected);
    expect((await computeMetric(t.db, 'new_trading_enterprises', year - 1, 'CB')).value).toBe(0);

    // A later trip of the same enterprise does not make it new again next year.
    const trip = await t.db.selectFrom('trips').select(['id']).where('enterprise_id', '=', cb[0].enterprise_id).where('submitted_at', 'is not', null).executeTakeFirstOrThrow();
    const later = await sql<{ n: number }>`select count(*)::int as n from trips where enterprise_id = ${cb[0].enterprise_id}`.execute(t.db);
    expect(later.rows[0].n).toBeGreaterThan(0);
    expect(trip.id).toBeTruthy();
    expect((await computeMetric(t.db, 'new_trading_enterprises', year + 1, 'CB')).value).toBe(0);
  });
});
