import type { Generated } from 'kysely';

// Kysely row types of the notification tables (composed into PlansTables, which db/database.ts
// already includes, until the platform composes this module directly).
export interface NotificationsTables {
  notifications: {
    id: Generated<string>;
    user_id: string;
    kind: string;
    title_vi: string;
    title_en: string;
    body_vi: string;
    body_en: string;
    link: string | null;
    entity_type: string | null;
    entity_id: string | null;
    dedupe_key: string | null;
    created_at: Generated<Date>;
    read_at: Date | null;
  };
  notification_outbox: {
    id: Generated<string>;
    channel: string;
    recipient: string;
    recipient_user_id: string | null;
    subject: string | null;
    body: string;
    kind: string;
    provider: string;
    status: Generated<string>;
    dedupe_key: string | null;
    error: string | null;
    created_at: Generated<Date>;
    sent_at: Date | null;
  };
}
