import { validateHsCode } from '../hs/nomenclature';
import { evaluate, type TripFacts } from './conditions';
import { feeFailure, type FeeErrorCode, type FeeFailure } from './failures';
import type { DecidingLine, ExchangeRates, FeeItem, FeeQuote, GoodsCategory, QuoteRequest } from './fees.schemas';
import { priceRule, roundUp, toThousandths, type Load } from './pricing';
import type { Adjustment, GoodsCategoryMap, OptionFlag, Rule, Tariff } from './tariff.schema';
import { categoryForHs, referenceGoodsCategories, selectTariffs } from './tariffs';

// Fee quote for one truck trip. Province-specific content lives in the tariff files; this code
// only (1) picks the tariff in force, (2) picks the cargo line that decides the rate,
// (3) runs the tariff's first matching rule and its adjustments, (4) adds separate charges.

export type QuoteResult = { ok: true; quote: FeeQuote } | { ok: false; error: FeeFailure };

export interface QuoteContext {
  /** VND per unit of each currency; needed only when cargo lines use different currencies. */
  exchangeRates?: ExchangeRates;
  /** HS → goods-category map; defaults to reference/tariffs/hs-goods-categories.json. */
  goodsCategories?: GoodsCategoryMap;
}

// Goods of this origin are "domestic" to the tariffs (Vietnamese agricultural goods, etc.).
const HOME_COUNTRY = 'VN';

interface Line {
  index: number;
  hsCode: string;
  category: GoodsCategory;
  categorySource: 'declared' | 'hs_mapping';
  source: QuoteRequest['cargoLines'][number];
  compared: number;
}

type Priced = { ok: true; items: FeeItem[]; rule?: Rule } | { ok: false; code: FeeErrorCode; details: Record<string, unknown> };

const fail = (code: FeeErrorCode, details: Record<string, unknown> = {}): QuoteResult => ({
  ok: false,
  error: feeFailure(code, details),
});

function isCalendarDate(s: string): boolean {
  if (!/^\d{4}-\d{2}-\d{2}$/.test(s)) return false;
  const d = new Date(`${s}T00:00:00Z`);
  return !Number.isNaN(d.getTime()) && d.toISOString().slice(0, 10) === s;
}

/** First rule whose condition holds, with the adjustments that hold; none is not an error here. */
function applyTariff(tariff: Tariff, facts: TripFacts, load: Load, coSets: number): Priced {
  const defs = tariff.definitions ?? {};
  for (const rule of tariff.rules) {
    const t = evaluate(rule.when, facts, defs);
    if (t === false) continue;
    if (t !== true) return { ok: false, code: 'fees.missing_input', details: { field: t.missing, rule: rule.code } };
    const adjustments: Adjustment[] = [];
    for (const a of tariff.adjustments ?? []) {
      const ta = evaluate(a.when, facts, defs);
      if (ta === true) adjustments.push(a);
      else if (ta !== false) return { ok: false, code: 'fees.missing_input', details: { field: ta.missing, rule: a.code } };
    }
    return { ok: true, items: priceRule(rule, tariff, facts, load, coSets, adjustments), rule };
  }
  return { ok: true, items: [] };
}

const sum = (items: FeeItem[]) => items.reduce((s, i) => s + i.amount, 0);

// Orders lines by content; only identical lines tie, and then the earlier one is reported.
function sortKey(l: Line): string {
  const s = l.source;
  const content = [l.hsCode, s.origin, l.category, s.taxableImport ?? null, s.grossWeightKg, s.volumeM3 ?? null, s.currency, s.declaredValue, s.description ?? ''];
  return `${JSON.stringify(content)}#${String(l.index).padStart(4, '0')}`;
}

/** Declared values in one currency: as declared when all lines share it, else in VND. */
function comparable(lines: QuoteRequest['cargoLines'], rates: ExchangeRates | undefined): number[] | { missing: string } {
  if (new Set(lines.map((l) => l.currency)).size <= 1) return lines.map((l) => l.declaredValue);
  const out: number[] = [];
  for (const l of lines) {
    const rate = l.currency === 'VND' ? 1 : rates?.[l.currency];
    if (rate === undefined) return { missing: l.currency };
    out.push(l.declaredValue * rate);
  }
  return out;
}

function explain(line: Line, reason: DecidingLine['reason'], lineCount: number, tied: number): { vi: string; en: string } {
  const n = line.index + 1;
  if (reason === 'only_line') return { vi: 'Chuyến xe chỉ có một dòng hàng.', en: 'The trip has a single cargo line.' };
  if (reason === 'highest_declared_value') {
    return {
      vi: `Dòng hàng ${n} có trị giá khai báo cao nhất trong ${lineCount} dòng; xe chở nhiều loại hàng nộp theo mức thu của loại hàng này.`,
      en: `Line ${n} has the highest declared value of ${lineCount} lines; a mixed load pays the rate of those goods.`,
    };
  }
  return {
    vi: `${tied} dòng hàng cùng có trị giá khai báo cao nhất; áp dụng dòng ${n} vì cho mức thu cao nhất.`,
    en: `${tied} lines share the highest declared value; line ${n} is applied because it gives the highest fee.`,
  };
}

export function quoteFees(input: QuoteRequest, tariffs: readonly Tariff[], context: QuoteContext = {}): QuoteResult {
  if (!isCalendarDate(input.date)) return fail('fees.invalid_input', { field: 'date' });
  const opts = input.options ?? {};
  if (opts.carriedInland && opts.wharfOnly) return fail('fees.conflicting_options', { fields: ['options.carriedInland', 'options.wharfOnly'] });
  if (input.regime !== 'empty_return' && input.cargoLines.length === 0) return fail('fees.invalid_input', { field: 'cargoLines' });
  const badNumber = input.cargoLines.findIndex(
    (l) => !(l.grossWeightKg >= 0 && l.declaredValue >= 0 && (l.volumeM3 === undefined || l.volumeM3 >= 0)),
  );
  if (badNumber >= 0) return fail('fees.invalid_input', { field: `cargoLines[${badNumber}]` });

  const { primary, supplementary } = selectTariffs(tariffs, input.province, input.gateId, input.date);
  if (!primary) return fail('fees.no_tariff', { province: input.province, gateId: input.gateId, date: input.date });
  if (!primary.regimes.includes(input.regime)) return fail('fees.unsupported_regime', { regime: input.regime, tariffId: primary.id });

  const values = comparable(input.cargoLines, context.exchangeRates);
  if (!Array.isArray(values)) return fail('fees.exchange_rate_missing', { currency: values.missing });
  const categories = context.goodsCategories ?? referenceGoodsCategories();
  const lines: Line[] = [];
  for (const [index, source] of input.cargoLines.entries()) {
    const hs = validateHsCode(source.hsCode);
    if (!hs.ok) return fail('fees.invalid_hs_code', { field: `cargoLines[${index}].hsCode`, reason: hs.code });
    lines.push({
      index,
      hsCode: hs.code,
      category: source.goodsCategory ?? categoryForHs(hs.code, categories),
      categorySource: source.goodsCategory ? 'declared' : 'hs_mapping',
      source,
      compared: values[index],
    });
  }

  // Each line's weight rounded up to a whole kg and volume to a whole litre, then summed.
  const load: Load = {
    kg: input.cargoLines.reduce((s, l) => s + roundUp(l.grossWeightKg), 0),
    litres: input.cargoLines.reduce((s, l) => s + toThousandths(l.volumeM3 ?? 0), 0),
  };
  const containerCounts = { '20': 0, '40': 0 };
  for (const c of input.containers) containerCounts[c.size]++;
  const options = new Set<OptionFlag>();
  if (opts.carriedInland) options.add('carriedInland');
  if (opts.wharfOnly) options.add('wharfOnly');
  if (opts.disinfection) options.add('disinfection');
  if ((opts.coSets ?? 0) > 0) options.add('coSets');
  const factsFor = (line: Line | undefined): TripFacts => ({
    regime: input.regime,
    goodsCategory: line?.category,
    origin: line ? (line.source.origin === HOME_COUNTRY ? 'domestic' : 'foreign') : undefined,
    taxableImport: line?.source.taxableImport,
    containerCounts,
    vehicleTonnage: input.vehicle.grossTonnageCapacity,
    options,
    paths: { taxableImport: `cargoLines[${line?.index ?? 0}].taxableImport`, vehicleTonnage: 'vehicle.grossTonnageCapacity' },
  });
  const coSets = opts.coSets ?? 0;

  // The mixed-load rule: the line with the highest declared value decides. Among equal values,
  // the line giving the highest fee; if the fee is equal too, the first by content (HS code,
  // origin, …), so the order in which lines are listed never changes the quote.
  const top = lines.length ? Math.max(...lines.map((l) => l.compared)) : 0;
  const candidates = lines.filter((l) => l.compared === top);
  let best: { line: Line | undefined; items: FeeItem[] } | undefined;
  for (const line of candidates.length ? candidates : [undefined]) {
    const priced = applyTariff(primary, factsFor(line), load, coSets);
    if (!priced.ok) return fail(priced.code, priced.details);
    if (!priced.rule) return fail('fees.no_matching_rule', { tariffId: primary.id, line: line?.index ?? null });
    const better =
      !best ||
      sum(priced.items) > sum(best.items) ||
      (sum(priced.items) === sum(best.items) && line !== undefined && best.line !== undefined && sortKey(line) < sortKey(best.line));
    if (better) best = { line, items: priced.items };
  }
  const decider = best!.line;
  const items = [...best!.items];

  // Separate charges, each applied only when the trip asks for it.
  const covered = new Set<OptionFlag>();
  for (const t of supplementary.filter((s) => s.regimes.includes(input.regime))) {
    const priced = applyTariff(t, factsFor(decider), load, coSets);
    if (!priced.ok) return fail(priced.code, priced.details);
    items.push(...priced.items);
    for (const o of priced.rule?.when?.options ?? []) covered.add(o);
  }
  for (const o of options) {
    if ((o === 'disinfection' || o === 'coSets') && !covered.has(o)) {
      return fail('fees.no_tariff', { charge: o, province: input.province, date: input.date });
    }
  }

  let decidingLine: DecidingLine | null = null;
  if (decider) {
    const reason = lines.length === 1 ? 'only_line' : candidates.length > 1 ? 'tie_highest_fee' : 'highest_declared_value';
    const text = explain(decider, reason, lines.length, candidates.length);
    const currencies = new Set(input.cargoLines.map((l) => l.currency));
    decidingLine = {
      index: decider.index,
      hsCode: decider.hsCode,
      goodsCategory: decider.category,
      categorySource: decider.categorySource,
      origin: decider.source.origin,
      declaredValue: decider.source.declaredValue,
      currency: decider.source.currency,
      comparedValue: decider.compared,
      comparedCurrency: currencies.size === 1 ? decider.source.currency : 'VND',
      reason,
      tiedLines: candidates.length,
      explanationVi: text.vi,
      explanationEn: text.en,
    };
  }

  return {
    ok: true,
    quote: {
      currency: 'VND',
      total: sum(items),
      items,
      tariffId: primary.id,
      tariffVersion: primary.version,
      effectiveFrom: primary.effectiveFrom,
      legalBasis: primary.legalBasis,
      load: { weightTonnes: load.kg / 1000, volumeM3: load.litres / 1000 },
      decidingLine,
    },
  };
}
