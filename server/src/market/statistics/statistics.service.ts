import type { DailyStatistics, StatisticsQuery } from '../../../../shared/schemas/market';
import { requirePermission } from '../../platform/actor';
import type { RequestContext } from '../../platform/context';
import { AppError } from '../../platform/errors';
import { addDays } from '../../gates/calendar';
import { statisticsGates } from '../scope';
import { dailyFigures } from './daily';

const MAX_DAYS = 366;

export function checkPeriod(from: string, to: string): void {
  if (from > to || addDays(from, MAX_DAYS - 1) < to) throw new AppError('statistics.invalid_period');
}

/** Daily figures for the gates of the query within the reader's scope (statistics:read). */
export async function dailyStatistics(ctx: RequestContext, q: StatisticsQuery): Promise<DailyStatistics> {
  const actor = requirePermission(ctx.actor, 'statistics:read');
  checkPeriod(q.from, q.to);
  const gateIds = await statisticsGates(ctx.app.db, actor, { gateId: q.gateId, province: q.province });
  const basis = q.basis ?? 'crossed';
  const figures = await dailyFigures(ctx.app.db, gateIds, q.from, q.to, basis, q.direction);
  return { basis, from: q.from, to: q.to, gateIds, ...figures, generatedAt: ctx.app.now().toISOString() };
}
