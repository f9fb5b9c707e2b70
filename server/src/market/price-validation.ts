import type { PublishPriceRequest } from '../../../shared/schemas/market';
import type { ErrorCode } from '../../../shared/errors/index';
import type { FieldError } from '../platform/errors';
import { addDays } from '../gates/calendar';
import { findCommodity, unitKg } from './reference';

// Every problem of a price entry at once (pure, so it is tested without a database). Prices are
// checked in the currency and unit they are quoted in: a range per kilogram and currency catches
// a price typed in the wrong unit or currency.

const MAX_VOLUME_TONNES_PER_DAY = 100_000;
const MAX_AGE_DAYS = 366;

function problem(path: string, code: ErrorCode, message: string): FieldError {
  return { path, code, message };
}

export function priceProblems(input: PublishPriceRequest, marketKnown: boolean, today: string): FieldError[] {
  const problems: FieldError[] = [];
  const commodity = findCommodity(input.commodity);
  if (!commodity) problems.push(problem('/commodity', 'market.unknown_commodity', `no commodity ${input.commodity}`));
  if (!marketKnown) problems.push(problem('/marketId', 'market.unknown_market', `no market ${input.marketId}`));
  const unitOk = commodity ? commodity.units.includes(input.unit) : false;
  if (commodity && !unitOk) problems.push(problem('/unit', 'market.unit_mismatch', `${commodity.code} is quoted per ${commodity.units.join(' or ')}`));

  const { priceMin: min, priceMax: max, priceAvg: avg } = input;
  const has = (v: number | null | undefined): v is number => v !== null && v !== undefined;
  if (!has(avg) && !(has(min) && has(max))) problems.push(problem('/priceAvg', 'market.price_required', 'give priceAvg, or priceMin and priceMax'));
  if (has(min) && has(max) && min > max) problems.push(problem('/priceMin', 'market.price_order', 'priceMin is above priceMax'));
  if (has(avg) && ((has(min) && avg < min) || (has(max) && avg > max))) problems.push(problem('/priceAvg', 'market.price_order', 'priceAvg is outside priceMin–priceMax'));

  if (commodity && unitOk) {
    const bounds = commodity.pricePerKg[input.currency];
    const kg = unitKg(input.unit);
    for (const [name, value] of [['priceMin', min], ['priceMax', max], ['priceAvg', avg]] as const) {
      if (!has(value) || !bounds) continue;
      const perKg = value / kg;
      if (perKg < bounds[0] || perKg > bounds[1]) {
        problems.push(problem(`/${name}`, 'market.price_out_of_range', `${value} ${input.currency}/${input.unit} is outside ${bounds[0] * kg}–${bounds[1] * kg}`));
      }
    }
  }
  if (has(input.volumeTonnes) && input.volumeTonnes > MAX_VOLUME_TONNES_PER_DAY) {
    problems.push(problem('/volumeTonnes', 'market.volume_out_of_range', `more than ${MAX_VOLUME_TONNES_PER_DAY} t in a day`));
  }
  if (input.date > today) problems.push(problem('/date', 'market.date_in_future', `${input.date} is after ${today}`));
  else if (input.date < addDays(today, -MAX_AGE_DAYS)) problems.push(problem('/date', 'market.date_too_old', `${input.date} is more than ${MAX_AGE_DAYS} days ago`));
  return problems;
}
