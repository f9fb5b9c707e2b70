import type { ColumnType, Generated } from 'kysely';

type JsonValue<T> = ColumnType<T, string, string>;

export interface GatesTables {
  gates: {
    id: string;
    parent_id: string | null;
    province: string;
    name_vi: string;
    name_en: string;
    name_zh: string | null;
    counterpart_name_vi: string;
    counterpart_name_en: string | null;
    counterpart_name_zh: string | null;
    counterpart_name_zh_verified: boolean;
    counterpart_place: string | null;
    class: string;
    status: string;
    planned_class: string | null;
    target_year: number | null;
    plan_refs: JsonValue<unknown[]>;
    traffic: string[];
    lat: number | null;
    lon: number | null;
    location_approximate: boolean;
    time_zone: string;
    counterpart_time_zone: string;
    capacity_export_per_day: number;
    capacity_import_per_day: number;
    notes: JsonValue<Record<string, string>>;
    version: Generated<number>;
    created_at: Generated<Date>;
    updated_at: Generated<Date>;
  };
  gate_weekly_hours: { gate_id: string; weekday: number; opens: string; closes: string };
  gate_special_days: {
    gate_id: string;
    day: string;
    kind: string;
    opens: string | null;
    closes: string | null;
    name_vi: string;
    name_en: string | null;
    name_zh: string | null;
  };
  gate_versions: {
    gate_id: string;
    version: number;
    snapshot: JsonValue<unknown>;
    changed_by: string | null;
    changed_by_label: string;
    reason: string;
    changed_at: Generated<Date>;
  };
}
