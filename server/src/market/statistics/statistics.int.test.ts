import ExcelJS from 'exceljs';
import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { dbKinds, login } from '../../../test/harness';
import { electronicProcedureShare, newTradingEnterprises } from '../../plans/kpi-metrics';
import { CROSSING_DATE, furnitureLine, paidTrip, START, startKit, submittedTrip, type Kit } from '../../trips/__fixtures__/trips.testkit';
import { crossExport, crossImport } from './__fixtures__/crossings.testkit';
import { XLSX_SHEET } from './export-xlsx';
import { refreshStatisticsRollup } from './rollup';

// Daily statistics and the leaders' view from trips recorded through the real APIs: declared and
// paid by the enterprises, checked in, called and passed through the gate by yard staff and the
// border guard. The figures are checked against what the trips were built with and against
// direct SQL over the records; the CSV and XLSX exports carry the same figures.

const USD = 26_200; // reference/trips/exchange-rates.json, table in force from 2026-01-01
const CNY = 3_640;

const dragonLine = { hsCode: '0810.90.92', description: 'Thanh long', packages: 200, packageKind: 'sọt', quantity: 2800, unit: 'KGM', grossWeightKg: 3000, declaredValue: 20000, currency: 'CNY', origin: 'CN', perishable: true, taxableImport: true };
const cassavaLine = { hsCode: '0714.10.11', description: 'Sắn lát khô', packages: 100, packageKind: 'bao', quantity: 5000, unit: 'KGM', grossWeightKg: 5100, declaredValue: 1500, currency: 'USD', origin: 'VN', perishable: false, taxableImport: true };

describe.each(dbKinds())('daily statistics and the leaders view on %s', (kind) => {
  let kit: Kit;
  const ids: Record<string, string> = {};
  beforeAll(async () => {
    kit = await startKit(kind, ['dn.nongsan', 'dn.thanhthuy', 'admin', 'bql.tralinh', 'bai.tralinh', 'bienphong.tralinh', 'lanhdao.caobang', 'soct.caobang', 'haiquan.tralinh']);
    // Declared on Monday 1 March for Wednesday 3 March.
    const a = await paidTrip(kit); // export, durian 8.5 t, 30,000 USD
    const b = await paidTrip(kit, 'dn.nongsan', { direction: 'import', cargoLines: [dragonLine, furnitureLine({ origin: 'CN', taxableImport: true })] }); // mixed load
    const c = await paidTrip(kit, 'dn.nongsan', { direction: 'import', cargoLines: [furnitureLine({ origin: 'CN', taxableImport: true })] }); // never crosses
    // Nothing is due at Thanh Thủy (no tariff for Tuyên Quang yet): submitting makes it paid.
    const d = await submittedTrip(kit, 'dn.thanhthuy', { gateId: 'thanh-thuy', direction: 'import', cargoLines: [{ ...cassavaLine, origin: 'CN' }] });
    const e = await submittedTrip(kit); // cancelled: not counted
    await kit.req('POST', `/api/v1/trips/${e.id}/cancel`, 'dn.nongsan', { version: e.version, reason: 'Khách hủy' });
    const f = await submittedTrip(kit); // declared, unpaid
    Object.assign(ids, { a: a.id, b: b.id, c: c.id, d: d.id, e: e.id, f: f.id });

    // Wednesday at the gate (times in Vietnam, UTC+7).
    // Days later the earlier sign-ins have gone idle: sign in again at each new time.
    const moveTo = async (iso: string) => {
      kit.clock.now = new Date(iso);
      for (const u of Object.keys(kit.cookies)) kit.cookies[u] = await login(kit.t.app, u);
    };
    await moveTo(`${CROSSING_DATE}T00:30:00Z`); // 07:30
    await crossExport(kit, { id: a.id, reference: a.reference }, { leftYardAt: new Date(`${CROSSING_DATE}T00:40:00Z`), crossedAt: new Date(`${CROSSING_DATE}T00:50:00Z`) });
    await moveTo('2027-03-04T02:00:00Z'); // Thursday 09:00
    await crossImport(kit, d.id, new Date(`${CROSSING_DATE}T05:00:00Z`), 'admin');
    // 00:30 on Thursday in Vietnam, still Wednesday in UTC: it counts on Thursday at the gate.
    await crossImport(kit, b.id, new Date(`${CROSSING_DATE}T17:30:00Z`));
  });
  afterAll(async () => kit?.t.close());

  const daily = (who: string, query: string) => kit.req('GET', `/api/v1/statistics/daily?${query}`, who);

  it('counts crossings on the gate’s local day by commodity, with distinct trucks in the totals', async () => {
    const res = await daily('admin', 'from=2027-03-01&to=2027-03-05');
    expect(res.statusCode).toBe(200);
    const stats = res.json();
    expect(stats.basis).toBe('crossed');
    expect(stats.rows).toEqual([
      { date: '2027-03-03', gateId: 'thanh-thuy', direction: 'import', commodity: 'cassava_dried', trucks: 1, grossWeightKg: 5100, values: { USD: 1500 }, valueVnd: 1500 * USD },
      { date: '2027-03-03', gateId: 'tra-linh', direction: 'export', commodity: 'durian', trucks: 1, grossWeightKg: 8500, values: { USD: 30000 }, valueVnd: 30000 * USD },
      { date: '2027-03-04', gateId: 'tra-linh', direction: 'import', commodity: 'dragon_fruit', trucks: 1, grossWeightKg: 3000, values: { CNY: 20000 }, valueVnd: 20000 * CNY },
      { date: '2027-03-04', gateId: 'tra-linh', direction: 'import', commodity: 'other', trucks: 1, grossWeightKg: 5000, values: { USD: 10000 }, valueVnd: 10000 * USD },
    ]);
    expect(stats.totals).toEqual([
      { date: '2027-03-03', gateId: 'thanh-thuy', direction: 'import', trucks: 1, grossWeightKg: 5100, values: { USD: 1500 }, valueVnd: 1500 * USD },
      { date: '2027-03-03', gateId: 'tra-linh', direction: 'export', trucks: 1, grossWeightKg: 8500, values: { USD: 30000 }, valueVnd: 30000 * USD },
      { date: '2027-03-04', gateId: 'tra-linh', direction: 'import', trucks: 1, grossWeightKg: 8000, values: { CNY: 20000, USD: 10000 }, valueVnd: 20000 * CNY + 10000 * USD },
    ]);
    expect(stats.rateTables).toEqual([{ effectiveFrom: '2026-01-01', rates: expect.objectContaining({ USD, CNY }) }]);

    // The same totals straight from the records: trips whose pass_gate step falls on the local day.
    const direct = await sql<{ day: string; gate_id: string; trucks: number; kg: number }>`
      select to_char((te.at at time zone 'Asia/Ho_Chi_Minh')::date, 'YYYY-MM-DD') as day, t.gate_id, count(distinct t.id)::int as trucks,
        (select coalesce(sum(l.gross_weight_kg), 0) from trip_cargo_lines l where l.trip_id = any(array_agg(t.id)))::float8 as kg
      from trip_events te join trips t on t.id = te.trip_id
      where te.action = 'pass_gate' and te.at >= '2027-02-28T17:00:00Z' and te.at < '2027-03-05T17:00:00Z'
      group by 1, 2 order by 1, 2`.execute(kit.t.db);
    expect(stats.totals.map((t: { date: string; gateId: string; trucks: number; grossWeightKg: number }) => ({ day: t.date, gate_id: t.gateId, trucks: t.trucks, kg: t.grossWeightKg }))).toEqual(direct.rows);
  });

  it('counts declared trips by planned day, leaving cancelled ones out', async () => {
    const stats = (await daily('admin', 'from=2027-03-01&to=2027-03-05&basis=declared')).json();
    expect(stats.totals.map((t: { gateId: string; direction: string; trucks: number }) => `${t.gateId} ${t.direction} ${t.trucks}`)).toEqual([
      'thanh-thuy import 1',
      'tra-linh export 2',
      'tra-linh import 2',
    ]);
    const direct = await sql<{ n: number }>`
      select count(*)::int as n from trips where submitted_at is not null and status not in ('cancelled', 'expired')
        and planned_date between '2027-03-01' and '2027-03-05'`.execute(kit.t.db);
    expect(stats.totals.reduce((n: number, t: { trucks: number }) => n + t.trucks, 0)).toBe(direct.rows[0].n);
    const imports = (await daily('admin', 'from=2027-03-01&to=2027-03-05&basis=declared&direction=import&gateId=tra-linh')).json();
    expect(imports.rows.map((r: { commodity: string; trucks: number }) => `${r.commodity} ${r.trucks}`)).toEqual(['dragon_fruit 1', 'other 2']);
    expect(imports.totals).toEqual([expect.objectContaining({ trucks: 2, grossWeightKg: 13000 })]);
  });

  it('keeps each reader to their scope', async () => {
    const authority = (await daily('bql.tralinh', 'from=2027-03-01&to=2027-03-05')).json();
    expect(authority.gateIds).toEqual(['ta-lung', 'tra-linh']);
    expect(authority.totals.map((t: { gateId: string }) => t.gateId)).not.toContain('thanh-thuy');
    expect((await daily('bql.tralinh', 'from=2027-03-01&to=2027-03-05&gateId=thanh-thuy')).json()).toMatchObject({ status: 403, code: 'auth.out_of_scope' });
    const leader = (await daily('lanhdao.caobang', 'from=2027-03-01&to=2027-03-05')).json();
    expect(leader.totals).toHaveLength(2);
    expect((await daily('soct.caobang', 'from=2027-03-01&to=2027-03-05&province=TQ')).json()).toMatchObject({ status: 404, code: 'statistics.unknown_province' });
    expect((await daily('haiquan.tralinh', 'from=2027-03-01&to=2027-03-05')).json()).toMatchObject({ status: 403, code: 'auth.forbidden' });
    expect((await daily('dn.nongsan', 'from=2027-03-01&to=2027-03-05')).json()).toMatchObject({ status: 403, code: 'auth.forbidden' });
    expect((await kit.req('GET', '/api/v1/statistics/daily?from=2027-03-01&to=2027-03-05')).statusCode).toBe(401);
    expect((await daily('admin', 'from=2027-03-05&to=2027-03-01')).json()).toMatchObject({ status: 422, code: 'statistics.invalid_period' });
    expect((await daily('admin', 'from=2026-01-01&to=2027-03-01')).json()).toMatchObject({ status: 422, code: 'statistics.invalid_period' });
  });

  it('exports the same figures as CSV and XLSX', async () => {
    const query = 'from=2027-03-01&to=2027-03-05';
    const stats = (await daily('admin', query)).json();
    const csv = await kit.req('GET', `/api/v1/statistics/daily.csv?${query}`, 'admin');
    expect(csv.statusCode).toBe(200);
    expect(csv.headers['content-type']).toContain('text/csv');
    expect(csv.headers['content-disposition']).toContain('.csv');
    const lines = csv.body.replace(/^\uFEFF/, '').trim().split('\r\n').map((l) => l.split(','));
    const [header, ...body] = lines;
    expect(header).toEqual(['level', 'date', 'gate_id', 'gate_name', 'direction', 'direction_name', 'commodity', 'commodity_name', 'trucks', 'gross_weight_kg', 'value_CNY', 'value_USD', 'value_vnd_equivalent']);
    const col = (name: string) => header.indexOf(name);
    const fromCsv = body.map((r) => ({ level: r[col('level')], date: r[col('date')], gateId: r[col('gate_id')], commodity: r[col('commodity')], trucks: Number(r[col('trucks')]), kg: Number(r[col('gross_weight_kg')]), usd: Number(r[col('value_USD')]), vnd: Number(r[col('value_vnd_equivalent')]) }));
    const expected = [
      ...stats.rows.map((r: { date: string; gateId: string; commodity: string; trucks: number; grossWeightKg: number; values: Record<string, number>; valueVnd: number }) => ({ level: 'commodity', date: r.date, gateId: r.gateId, commodity: r.commodity, trucks: r.trucks, kg: r.grossWeightKg, usd: r.values.USD ?? 0, vnd: r.valueVnd })),
      ...stats.totals.map((r: { date: string; gateId: string; trucks: number; grossWeightKg: number; values: Record<string, number>; valueVnd: number }) => ({ level: 'total', date: r.date, gateId: r.gateId, commodity: '*', trucks: r.trucks, kg: r.grossWeightKg, usd: r.values.USD ?? 0, vnd: r.valueVnd })),
    ];
    expect(fromCsv).toEqual(expected);
    expect(csv.body).toContain('Sầu riêng');

    const xlsx = await kit.req('GET', `/api/v1/statistics/daily.xlsx?${query}`, 'admin');
    expect(xlsx.statusCode).toBe(200);
    expect(xlsx.headers['content-type']).toContain('spreadsheetml');
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load(xlsx.rawPayload as unknown as ArrayBuffer);
    const sheet = workbook.getWorksheet(XLSX_SHEET)!;
    const rows: string[][] = [];
    sheet.eachRow((row) => rows.push((row.values as unknown[]).slice(1).map((v) => String(v ?? ''))));
    // Cell by cell the workbook holds what the CSV holds.
    expect(rows).toEqual(lines);
    expect(typeof sheet.getRow(2).getCell(col('trucks') + 1).value).toBe('number');
  });

  it('gives leaders today and this month for their province, equal to direct counts', async () => {
    const res = await kit.req('GET', '/api/v1/statistics/leaders', 'lanhdao.caobang');
    expect(res.statusCode).toBe(200);
    const view = res.json();
    expect(view).toMatchObject({ province: 'CB', today: { from: '2027-03-04', to: '2027-03-04' }, month: { from: '2027-03-01', to: '2027-03-04' } });
    expect(view.gateIds).toContain('tra-linh');
    expect(view.gateIds).not.toContain('thanh-thuy');

    const cb = view.gateIds as string[];
    const crossed = async (from: string, to: string) =>
      (
        await sql<{ direction: string; n: number; kg: number }>`
          select case when t.direction = 'export' then 'export' else 'import' end as direction, count(distinct t.id)::int as n,
            coalesce(sum(l.gross_weight_kg), 0)::float8 as kg
          from trip_events te join trips t on t.id = te.trip_id left join trip_cargo_lines l on l.trip_id = t.id
          where te.action = 'pass_gate' and t.gate_id = any(${cb})
            and (te.at at time zone 'Asia/Ho_Chi_Minh')::date between ${from}::date and ${to}::date
          group by 1`.execute(kit.t.db)
      ).rows;
    const declared = async (from: string, to: string) =>
      (
        await sql<{ direction: string; n: number }>`
          select case when direction = 'export' then 'export' else 'import' end as direction, count(*)::int as n from trips
          where gate_id = any(${cb}) and submitted_at is not null and status not in ('cancelled', 'expired')
            and planned_date between ${from}::date and ${to}::date group by 1`.execute(kit.t.db)
      ).rows;
    const by = (rows: Array<{ direction: string; n: number }>) => ({ export: rows.find((r) => r.direction === 'export')?.n ?? 0, import: rows.find((r) => r.direction === 'import')?.n ?? 0 });

    expect(view.month.crossed).toEqual(by(await crossed('2027-03-01', '2027-03-04')));
    expect(view.month.crossed).toEqual({ export: 1, import: 1 });
    expect(view.today.crossed).toEqual(by(await crossed('2027-03-04', '2027-03-04')));
    expect(view.month.declared).toEqual(by(await declared('2027-03-01', '2027-03-04')));
    expect(view.today.declared).toEqual(by(await declared('2027-03-04', '2027-03-04')));
    const monthKg = await crossed('2027-03-01', '2027-03-04');
    expect(view.month.crossedTonnes).toEqual({ export: (monthKg.find((r) => r.direction === 'export')?.kg ?? 0) / 1000, import: (monthKg.find((r) => r.direction === 'import')?.kg ?? 0) / 1000 });
    expect(view.month.crossedValueVnd).toEqual({ export: 30000 * USD, import: 20000 * CNY + 10000 * USD });

    const queue = await sql<{ n: number }>`select count(*)::int as n from trips where status in ('checked_in', 'called') and gate_id = any(${cb})`.execute(kit.t.db);
    expect(view.queueNow.total).toBe(queue.rows[0].n);
    const newThisMonth = await sql<{ n: number }>`
      select count(*)::int as n from (select enterprise_id, min(submitted_at) as first_at from trips where gate_id = any(${cb}) and submitted_at is not null group by enterprise_id) f
      where f.first_at >= '2027-02-28T17:00:00Z' and f.first_at < '2027-03-04T17:00:00Z'`.execute(kit.t.db);
    expect(view.month.newTradingEnterprises).toBe(newThisMonth.rows[0].n);
    // The KPI figures are the plans capability's own computations.
    expect(view.kpis.year).toBe(2027);
    expect(view.kpis.newTradingEnterprises).toEqual(await newTradingEnterprises(kit.t.db, 2027, 'CB'));
    expect(view.kpis.electronicProcedureShare).toEqual(await electronicProcedureShare(kit.t.db, 2027, 'CB'));
    expect(view.kpis.valueGrowth).toMatchObject({ yearToDateVnd: 30000 * USD + 20000 * CNY + 10000 * USD, sameTimeLastYearVnd: 0, percent: null });
    expect(view.plans.map((p: { id: string }) => p.id)).toEqual(expect.arrayContaining(['plan-000', 'plan-002']));

    expect((await kit.req('GET', '/api/v1/statistics/leaders?province=TQ', 'lanhdao.caobang')).json()).toMatchObject({ status: 404, code: 'statistics.unknown_province' });
    expect((await kit.req('GET', '/api/v1/statistics/leaders?province=TQ', 'admin')).json()).toMatchObject({ province: 'TQ', month: { crossed: { import: 1 } } });
    expect((await kit.req('GET', '/api/v1/statistics/leaders', 'dn.nongsan')).json()).toMatchObject({ status: 403, code: 'auth.forbidden' });
    void START;
    void ids;
  });

  it('answers from the daily rollup once built, exactly as from the records, also for crossings after it', async () => {
    const query = 'from=2027-03-01&to=2027-03-08';
    const resetRollup = () => kit.t.db.updateTable('statistics_rollup_state').set({ domain_event_id: 0, trip_event_id: 0, seen_domain_event_id: 0, seen_trip_event_id: 0 }).execute();
    const fromRecords = async () => {
      const saved = await kit.t.db.selectFrom('statistics_rollup_state').selectAll().executeTakeFirstOrThrow();
      await resetRollup(); // no rollup: computed from the records
      const answer = (await daily('admin', query)).json();
      await kit.t.db.updateTable('statistics_rollup_state').set(saved).execute();
      return { rows: answer.rows, totals: answer.totals };
    };
    const current = async () => {
      const answer = (await daily('admin', query)).json();
      return { rows: answer.rows, totals: answer.totals };
    };
    const before = await fromRecords();
    expect(before.totals.length).toBeGreaterThan(0);
    // The first run notes how far the records go, the second builds the rollup up to there.
    await refreshStatisticsRollup({ db: kit.t.db });
    await refreshStatisticsRollup({ db: kit.t.db });
    const rolled = await kit.t.db.selectFrom('statistics_daily').select(['gate_id', 'trucks']).where('g_commodity', '=', 1).execute();
    expect(rolled.length).toBe(before.totals.length);
    expect(await current()).toEqual(before);

    // The answer really comes from the rollup for pairs no later record touched.
    await kit.t.db.updateTable('statistics_daily').set({ trucks: 99 }).where('gate_id', '=', 'thanh-thuy').where('g_commodity', '=', 1).execute();
    expect((await current()).totals.find((t: { gateId: string }) => t.gateId === 'thanh-thuy').trucks).toBe(99);
    await kit.t.db.updateTable('statistics_daily').set({ trucks: 1 }).where('gate_id', '=', 'thanh-thuy').where('g_commodity', '=', 1).execute();

    // A crossing after the rollup is counted at once (its day is computed from the records)…
    await crossImport(kit, ids.c, new Date('2027-03-04T01:00:00Z'));
    const after = await current();
    expect(after).toEqual(await fromRecords());
    const thursday = after.totals.find((t: { date: string; gateId: string; direction: string }) => t.date === '2027-03-04' && t.gateId === 'tra-linh' && t.direction === 'import');
    const thursdayBefore = before.totals.find((t: { date: string; gateId: string; direction: string }) => t.date === '2027-03-04' && t.gateId === 'tra-linh' && t.direction === 'import');
    expect(thursday.trucks).toBe(thursdayBefore.trucks + 1);
    // …and folded into the rollup by the next runs, with the same answer.
    await refreshStatisticsRollup({ db: kit.t.db });
    await refreshStatisticsRollup({ db: kit.t.db });
    expect(await current()).toEqual(after);
  });
});
