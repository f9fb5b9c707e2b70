import type { ColumnType, Generated } from 'kysely';
import type { Timestamp } from '../db/platform.tables';

// Kysely row types of the tables the market capability owns (migration 0066). Numeric columns
// come back from PostgreSQL as strings; the repository turns them into numbers.

type Numeric = ColumnType<string, number | string, number | string>;

export interface MarketTables {
  statistics_daily: {
    day: ColumnType<string, string, string>;
    gate_id: string;
    direction: 'export' | 'import';
    commodity: string | null;
    currency: string | null;
    g_commodity: number;
    g_currency: number;
    trucks: number;
    weight: number;
    value: number;
  };
  statistics_rollup_state: {
    id: number;
    domain_event_id: ColumnType<string, string | number, string | number>;
    trip_event_id: ColumnType<string, string | number, string | number>;
    seen_domain_event_id: ColumnType<string, string | number, string | number>;
    seen_trip_event_id: ColumnType<string, string | number, string | number>;
    updated_at: Timestamp;
  };
  market_prices: {
    id: Generated<string>;
    commodity: string;
    market_id: string;
    gate_id: string;
    day: ColumnType<string, string, string>;
    currency: string;
    unit: string;
    price_min: Numeric | null;
    price_max: Numeric | null;
    price_avg: Numeric | null;
    volume_tonnes: Numeric | null;
    source: string;
    enterprise_id: string | null;
    publisher_user_id: string;
    publisher_label: string;
    note: string | null;
    created_at: Timestamp;
    retracted_at: Date | null;
    retracted_by: string | null;
    retract_reason: string | null;
  };
}
