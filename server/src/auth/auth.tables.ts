import type { Generated } from 'kysely';
import type { Role } from '../../../shared/roles';

export interface AuthTables {
  enterprises: {
    id: Generated<string>;
    tax_code: string;
    name: string;
    name_en: string | null;
    address: string | null;
    phone: string | null;
    email: string | null;
    active: Generated<boolean>;
    created_at: Generated<Date>;
    updated_at: Generated<Date>;
  };
  users: {
    id: Generated<string>;
    username: string;
    password_hash: string;
    display_name: string;
    email: string | null;
    phone: string | null;
    role: Role;
    enterprise_id: string | null;
    agency_code: string | null;
    is_org_admin: Generated<boolean>;
    locale: Generated<'vi' | 'en' | 'zh'>;
    active: Generated<boolean>;
    password_changed_at: Generated<Date>;
    created_at: Generated<Date>;
    updated_at: Generated<Date>;
    version: Generated<number>;
  };
  user_gates: { user_id: string; gate_id: string };
  sessions: {
    id: Generated<string>;
    token_hash: string;
    user_id: string;
    created_at: Generated<Date>;
    last_seen_at: Generated<Date>;
    expires_at: Date;
    revoked_at: Date | null;
    ip: string | null;
    user_agent: string | null;
  };
  api_tokens: {
    id: Generated<string>;
    user_id: string;
    name: string;
    token_hash: string;
    scopes: string[];
    created_by: string;
    created_at: Generated<Date>;
    expires_at: Date | null;
    revoked_at: Date | null;
    last_used_at: Date | null;
  };
  auth_throttle: {
    key: string;
    failures: number;
    window_started_at: Date;
    locked_until: Date | null;
  };
}
