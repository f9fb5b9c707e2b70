import type { Market } from '../../../shared/schemas/market';
import type { Executor } from '../notices/notices.repository';
import { borderMarkets } from './reference';

// Border markets are the gates themselves (under their own id) and the markets near them
// (reference/market/markets.json), each belonging to one gate.

export async function listMarkets(db: Executor): Promise<Market[]> {
  const gates = await db.selectFrom('gates').select(['id', 'province', 'name_vi', 'name_en', 'name_zh']).orderBy('province').orderBy('id').execute();
  const province = new Map(gates.map((g) => [g.id, g.province]));
  const result: Market[] = gates.map((g) => ({ id: g.id, gateId: g.id, kind: 'gate', side: 'VN', province: g.province, nameVi: g.name_vi, nameEn: g.name_en, nameZh: g.name_zh }));
  for (const m of borderMarkets()) {
    const p = province.get(m.gateId);
    if (p) result.push({ id: m.id, gateId: m.gateId, kind: 'border_market', side: m.side, province: p, nameVi: m.nameVi, nameEn: m.nameEn, nameZh: m.nameZh });
  }
  return result;
}

export async function findMarket(db: Executor, id: string): Promise<Market | undefined> {
  return (await listMarkets(db)).find((m) => m.id === id);
}
