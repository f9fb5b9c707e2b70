import type { DailyStatistics, LeadersView, MarketReference, PriceEntry, PublishPriceRequest, Trend } from '../../../../shared/schemas/market';
import { api } from '../../api/client';

// Every market, statistics and leaders URL the screens use, in one place.

const enc = encodeURIComponent;
const query = (q: Record<string, string | undefined>) => {
  const params = new URLSearchParams(Object.entries(q).filter(([, v]) => v !== undefined && v !== '') as Array<[string, string]>);
  return params.size ? `?${params}` : '';
};

export const marketUrls = {
  reference: '/api/v1/market/reference',
  prices: (q: Record<string, string | undefined>) => `/api/v1/market/prices${query(q)}`,
  trends: (q: Record<string, string | undefined>) => `/api/v1/market/trends${query(q)}`,
  daily: (q: Record<string, string | undefined>) => `/api/v1/statistics/daily${query(q)}`,
  dailyCsv: (q: Record<string, string | undefined>) => `/api/v1/statistics/daily.csv${query(q)}`,
  dailyXlsx: (q: Record<string, string | undefined>) => `/api/v1/statistics/daily.xlsx${query(q)}`,
  leaders: (province?: string) => `/api/v1/statistics/leaders${query({ province })}`,
  gates: '/api/v1/gates',
};

export const marketApi = {
  publish: (body: PublishPriceRequest, key: string) => api<PriceEntry>('POST', '/api/v1/market/prices', body, { 'idempotency-key': key }),
  retract: (id: string, reason: string) => api<PriceEntry>('POST', `/api/v1/market/prices/${enc(id)}/retract`, { reason }),
};

/** Where the leaders' view links to: the live board (operations) and plan pages. */
export const BOARD_PATH = '/operations';

export type { DailyStatistics, LeadersView, MarketReference, PriceEntry, Trend };
