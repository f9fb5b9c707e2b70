import type { Kysely, Transaction } from 'kysely';
import type { Database } from '../db/database';
import type { Executor } from '../trips/trips.repository';
import { simulatedGateway } from './simulated-gateway';

// What the platform needs from a payment provider. Charges and refunds are accepted first and
// confirmed later (as banks do); confirmations arrive as events the platform applies once each.
// The merchant reference (the platform's payment id) is the provider's idempotency key, so a
// retried request never creates a second transaction at the provider.

export interface ChargeRequest {
  merchantReference: string;
  amount: number;
  payerAccount: string;
  description: string;
}

export interface RefundRequest {
  merchantReference: string;
  amount: number;
  payerAccount: string;
  originalProviderReference: string;
}

export interface ProviderEvent {
  providerReference: string;
  merchantReference: string;
  kind: 'charge' | 'refund';
  status: 'succeeded' | 'failed';
  failureCode: string | null;
  at: Date;
}

/** One transaction in the provider's own books, for reconciliation. */
export interface LedgerTransaction {
  providerReference: string;
  merchantReference: string;
  kind: 'charge' | 'refund';
  amount: number;
  status: 'pending' | 'succeeded' | 'failed';
  settledAt: Date | null;
}

export interface PaymentProvider {
  readonly name: string;
  /**
   * Accepts a charge for asynchronous confirmation. `db` is the caller's transaction: the
   * simulator keeps its books in the same database, so an abandoned request leaves nothing
   * behind; a provider reached over the network ignores it and relies on the idempotency key.
   */
  createCharge(db: Executor, request: ChargeRequest, now: Date): Promise<{ providerReference: string }>;
  createRefund(db: Executor, request: RefundRequest, now: Date): Promise<{ providerReference: string }>;
  /** Settles what is due (the simulator's bank run); returns how many transactions were settled. */
  settle(db: Kysely<Database>, now: Date): Promise<{ succeeded: number; failed: number }>;
  /** Confirmations not yet delivered to the platform (the webhook queue). */
  undeliveredEvents(db: Executor, limit: number): Promise<ProviderEvent[]>;
  markDelivered(tx: Transaction<Database>, providerReference: string, now: Date): Promise<void>;
  /** Transactions settled within [from, to), by settlement time. */
  ledger(db: Executor, from: Date, to: Date): Promise<LedgerTransaction[]>;
  /** Transactions by provider reference, whenever settled (for matching across midnight). */
  transactions(db: Executor, providerReferences: string[]): Promise<LedgerTransaction[]>;
}

/** The configured provider. Only the simulator exists so far; a bank's adapter would be chosen here. */
export function paymentProvider(): PaymentProvider {
  return simulatedGateway;
}
