import type { Insertable, Kysely } from 'kysely';
import { ENTERPRISE_ROLES } from '../../../shared/roles';
import type { PublishPriceRequest } from '../../../shared/schemas/market';
import { recordAudit } from '../audit/audit.repository';
import type { Database } from '../db/database';
import { readDataset } from '../db/reference-data';
import { addDays } from '../gates/calendar';
import { seedContext } from '../notices/seed-context';
import { todayIn } from '../trips/time';
import { listMarkets } from './markets';
import { priceProblems } from './price-validation';

// Demo border-market prices (reference/market/demo-prices.json), once, on a database with no
// price yet. Every entry passes the same validation as a published one; they are inserted in one
// batch (the seed runs at every start and in every test) with one audit record per publisher.

interface DemoSeries {
  as: string;
  commodity: string;
  marketId: string;
  currency: 'VND' | 'CNY';
  unit: string;
  base: number;
  swing: number;
  drift: number;
  spread: number;
  volumeTonnes: number | null;
}

const round = (n: number, unit: string, currency: string) => (currency === 'VND' ? Math.round(n / (unit === 'tonne' ? 10_000 : 100)) * (unit === 'tonne' ? 10_000 : 100) : Math.round(n * 100) / 100);

export async function seedMarket(db: Kysely<Database>, options: { demo: boolean }): Promise<string> {
  if (!options.demo) return 'no demo prices';
  if (await db.selectFrom('market_prices').select('id').limit(1).executeTakeFirst()) return 'prices exist';
  const demo = readDataset<{ days: number; note: string; series: DemoSeries[] }>('market/demo-prices.json').data;
  const now = new Date();
  const today = todayIn(now);
  const markets = new Map((await listMarkets(db)).map((m) => [m.id, m]));
  let inserted = 0;
  const byPublisher = new Map<string, DemoSeries[]>();
  for (const s of demo.series) byPublisher.set(s.as, [...(byPublisher.get(s.as) ?? []), s]);
  for (const [username, series] of byPublisher) {
    const ctx = await seedContext(db, username, now);
    if (!ctx || (ctx.actor.kind !== 'user' && ctx.actor.kind !== 'token')) continue;
    const actor = ctx.actor;
    const enterprise = ENTERPRISE_ROLES.includes(actor.role);
    const label = enterprise
      ? (await db.selectFrom('enterprises').select('name').where('id', '=', actor.enterpriseId!).executeTakeFirstOrThrow()).name
      : ((await db.selectFrom('agencies').select('name_vi').where('code', '=', actor.agencyCode ?? '').executeTakeFirst())?.name_vi ?? actor.username);
    const rows: Insertable<Database['market_prices']>[] = [];
    for (const s of series) {
      for (let i = demo.days - 1; i >= 0; i--) {
        const day = addDays(today, -i);
        const n = demo.days - 1 - i;
        const avg = s.base * (1 + s.swing * Math.sin(n * 0.7 + s.base % 7)) + s.drift * n;
        const entry: PublishPriceRequest = {
          commodity: s.commodity,
          marketId: s.marketId,
          date: day,
          currency: s.currency,
          unit: s.unit,
          priceMin: round(avg * (1 - s.spread / 2), s.unit, s.currency),
          priceMax: round(avg * (1 + s.spread / 2), s.unit, s.currency),
          priceAvg: round(avg, s.unit, s.currency),
          volumeTonnes: s.volumeTonnes === null ? null : Math.round(s.volumeTonnes * (1 + 0.3 * Math.sin(n * 1.3)) * 10) / 10,
          note: demo.note,
        };
        const problems = priceProblems(entry, markets.has(s.marketId), today);
        if (problems.length > 0) throw new Error(`Demo price ${s.commodity}@${s.marketId} ${day}: ${problems.map((p) => p.code).join(', ')}`);
        rows.push({
          commodity: entry.commodity,
          market_id: entry.marketId,
          gate_id: markets.get(entry.marketId)!.gateId,
          day,
          currency: entry.currency,
          unit: entry.unit,
          price_min: entry.priceMin!,
          price_max: entry.priceMax!,
          price_avg: entry.priceAvg!,
          volume_tonnes: entry.volumeTonnes ?? null,
          source: enterprise ? 'enterprise' : 'authority',
          enterprise_id: enterprise ? actor.enterpriseId : null,
          publisher_user_id: actor.userId,
          publisher_label: label,
          note: entry.note!,
          created_at: now,
        });
      }
    }
    if (rows.length === 0) continue;
    await db.transaction().execute(async (tx) => {
      await tx.insertInto('market_prices').values(rows).execute();
      await recordAudit(tx, actor, ctx.requestId, { action: 'market_price.demo_seeded', entityType: 'market_price', entityId: 'demo', after: { entries: rows.length } });
    });
    inserted += rows.length;
  }
  return `${inserted} demo prices`;
}
