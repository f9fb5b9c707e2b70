import type { Kysely, Transaction } from 'kysely';
import type { Database } from '../db/database';

// CONTRACT used by the driver page (yards): keep this signature. The clearance helper fills it.

type Executor = Kysely<Database> | Transaction<Database>;

export interface DriverInstruction {
  /** e.g. inspection, documents_requested, refused, cleared */
  kind: string;
  vi: string;
  en: string;
  zh: string;
  /** Where to go (inspection bay) and when, if any. */
  place?: string | null;
  at?: string | null;
}

/** What the driver of a trip must do now for clearance (in three languages). */
export async function driverInstructions(db: Executor, tripId: string): Promise<DriverInstruction[]> {
  void db;
  void tripId;
  return [];
}
