import type { ColumnType, Generated } from 'kysely';
import type { Timestamp } from '../db/platform.tables';

// Kysely row types of the tables the notices capability owns (migration 0065).

type Json<T> = ColumnType<T, string, string>;

export interface NoticesTables {
  gate_notices: {
    id: Generated<string>;
    kind: string;
    severity: string;
    status: Generated<string>;
    valid_from: Timestamp;
    valid_to: Timestamp;
    title_vi: string;
    title_en: string | null;
    title_zh: string | null;
    body_vi: string;
    body_en: string | null;
    body_zh: string | null;
    version: Generated<number>;
    created_by: string | null;
    created_at: Timestamp;
    updated_at: Timestamp;
    published_at: Date | null;
    published_by: string | null;
    ended_at: Date | null;
  };
  gate_notice_gates: { notice_id: string; gate_id: string };
  gate_notice_events: {
    id: Generated<number>;
    notice_id: string;
    at: Timestamp;
    action: string;
    from_status: string | null;
    to_status: string;
    actor_user_id: string | null;
    actor_label: string;
    reason: string | null;
    details: Json<Record<string, unknown>>;
  };
}
