import type { ColumnType, Generated } from 'kysely';
import type { Timestamp } from '../db/platform.tables';

// Kysely row types of the tables this capability owns (composed into db/database.ts):
// fleet, trips, payments, the simulated gateway and gate passes (migrations 0020–0024).

type Json<T> = ColumnType<T, string, string>;
type CreatedAt = ColumnType<Date, Date | string | undefined, Date | string>;
type Bytes = ColumnType<Uint8Array, Uint8Array, Uint8Array>;

export interface FleetTables {
  vehicles: {
    id: Generated<string>;
    enterprise_id: string;
    plate: string;
    plate_country: string;
    plate_province: string;
    type: string;
    axles: number;
    tonnage_capacity: number;
    trailer_plate: string | null;
    container_numbers: string[];
    inspection_expires_on: string | null;
    active: Generated<boolean>;
    version: Generated<number>;
    created_at: CreatedAt;
    updated_at: CreatedAt;
  };
  drivers: {
    id: Generated<string>;
    enterprise_id: string;
    full_name: string;
    nationality: string;
    document_type: string;
    document_number: string;
    document_expires_on: string;
    phone: string | null;
    account_id: string | null;
    active: Generated<boolean>;
    version: Generated<number>;
    created_at: CreatedAt;
    updated_at: CreatedAt;
  };
}

export interface TripRows {
  trips: {
    id: Generated<string>;
    reference: string;
    enterprise_id: string;
    status: Generated<string>;
    clearance_status: Generated<string>;
    version: Generated<number>;
    direction: string | null;
    gate_id: string | null;
    planned_date: string | null;
    window_from: string | null;
    window_to: string | null;
    vehicle_id: string | null;
    driver_id: string | null;
    options: Json<Record<string, unknown>>;
    notes: string | null;
    fee_total: number | null;
    fee_quote: ColumnType<unknown, string | null, string | null> | null;
    paid_amount: Generated<number>;
    expires_at: Date | null;
    submitted_at: Date | null;
    paid_at: Date | null;
    cancelled_at: Date | null;
    expired_at: Date | null;
    created_by: string | null;
    created_at: CreatedAt;
    updated_at: CreatedAt;
  };
  trip_cargo_lines: {
    trip_id: string;
    line_no: number;
    hs_code: string | null;
    description: string | null;
    packages: number | null;
    package_kind: string | null;
    quantity: number | null;
    unit: string | null;
    gross_weight_kg: number | null;
    volume_m3: number | null;
    declared_value: number | null;
    currency: string | null;
    origin: string | null;
    perishable: boolean;
    goods_category: string | null;
    taxable_import: boolean | null;
    growing_area_code: string | null;
    packing_house_code: string | null;
  };
  trip_containers: { trip_id: string; position: number; container_number: string; size: string; seal_number: string | null };
  trip_files: {
    id: Generated<string>;
    trip_id: string;
    file_name: string;
    content_type: string;
    size: number;
    sha256: string;
    content: Bytes;
    uploaded_by: string | null;
    uploaded_at: CreatedAt;
  };
  trip_documents: {
    trip_id: string;
    position: number;
    kind: string;
    number: string;
    issued_on: string | null;
    expires_on: string | null;
    file_id: string | null;
    note: string | null;
  };
  trip_versions: {
    trip_id: string;
    version: number;
    status: string;
    snapshot: Json<unknown>;
    changes: string[];
    reason: string | null;
    changed_by: string | null;
    changed_by_label: string;
    changed_at: CreatedAt;
  };
  trip_events: {
    id: Generated<number>;
    trip_id: string;
    at: CreatedAt;
    action: string;
    from_status: string | null;
    to_status: string | null;
    actor_user_id: string | null;
    actor_label: string;
    reason: string | null;
    details: Json<unknown>;
  };
}

export interface PaymentTables {
  payments: {
    id: Generated<string>;
    trip_id: string;
    kind: string;
    purpose: string;
    amount: number;
    currency: Generated<string>;
    status: Generated<string>;
    provider: string;
    provider_reference: string | null;
    payer_account: string | null;
    idempotency_key: string | null;
    refund_of: string | null;
    receipt_number: string | null;
    failure_code: string | null;
    created_by: string | null;
    created_at: CreatedAt;
    confirmed_at: Date | null;
  };
  receipt_counters: { year: number; last_number: number };
  trip_settlements: {
    id: Generated<string>;
    trip_id: string;
    trip_version: number;
    previous_total: number;
    new_total: number;
    paid_before: number;
    difference: number;
    kind: string;
    refund_payment_ids: string[];
    created_at: CreatedAt;
  };
  payment_reconciliations: {
    day: string;
    time_zone: string;
    generated_at: Timestamp;
    mismatch_count: number;
    report: Json<unknown>;
  };
  simgw_accounts: { account_no: string; holder: string; balance: number; behaviour: string; created_at: CreatedAt };
  simgw_transactions: {
    id: Generated<string>;
    reference: string;
    merchant_reference: string;
    kind: string;
    account_no: string;
    amount: number;
    status: Generated<string>;
    failure_code: string | null;
    refund_of: string | null;
    created_at: Timestamp;
    processed_at: Date | null;
    notified_at: Date | null;
  };
  simgw_entries: { id: Generated<number>; transaction_id: string; account_no: string; amount: number; at: Timestamp };
}

export interface PassTables {
  pass_signing_keys: {
    kid: string;
    public_key_pem: string;
    private_key_pem: string | null;
    source: string;
    created_at: CreatedAt;
    retired_at: Date | null;
  };
  gate_passes: {
    id: Generated<string>;
    trip_id: string;
    serial: number;
    kid: string;
    token: string;
    payload: Json<unknown>;
    status: Generated<string>;
    issued_at: Timestamp;
    valid_until: Timestamp;
    ended_at: Date | null;
  };
}

export interface TripsTables extends FleetTables, TripRows, PaymentTables, PassTables {}
