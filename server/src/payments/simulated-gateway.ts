import crypto from 'node:crypto';
import type { Transaction } from 'kysely';
import type { Database } from '../db/database';
import { readDataset } from '../db/reference-data';
import type { Executor } from '../trips/trips.repository';
import type { LedgerTransaction, PaymentProvider, ProviderEvent } from './provider';

// A bank gateway simulated with its own accounts, transactions and double-entry ledger, so the
// whole payment flow (acceptance, asynchronous confirmation, failures, refunds, reconciliation)
// runs locally. Designated test accounts fail deterministically (reference/payments/
// simulated-gateway.json): 9704000000000026 insufficient funds, 9704000000000034 declined,
// 9704000000000042 closed. Any other account number is a normal account with ample funds.

interface GatewayData {
  merchantAccount: string;
  defaultBalance: number;
  accounts: Array<{ accountNo: string; holder: string; balance: number; behaviour: string }>;
}
const data = () => readDataset<GatewayData>('payments/simulated-gateway.json').data;
let cached: GatewayData | undefined;
const config = () => (cached ??= data());

/** Opens the designated accounts (idempotent); called by the capability's seed. */
export async function seedGatewayAccounts(db: Executor): Promise<number> {
  const result = await db
    .insertInto('simgw_accounts')
    .values(config().accounts.map((a) => ({ account_no: a.accountNo, holder: a.holder, balance: a.balance, behaviour: a.behaviour })))
    .onConflict((oc) => oc.column('account_no').doNothing())
    .executeTakeFirst();
  return Number(result.numInsertedOrUpdatedRows ?? 0);
}

async function openAccount(db: Executor, accountNo: string, now: Date) {
  await db
    .insertInto('simgw_accounts')
    .values({ account_no: accountNo, holder: 'Khách hàng', balance: config().defaultBalance, behaviour: 'normal', created_at: now })
    .onConflict((oc) => oc.column('account_no').doNothing())
    .execute();
}

async function accept(db: Executor, kind: 'charge' | 'refund', merchantReference: string, accountNo: string, amount: number, now: Date, refundOf: string | null) {
  const existing = await db.selectFrom('simgw_transactions').select('reference').where('merchant_reference', '=', merchantReference).executeTakeFirst();
  if (existing) return { providerReference: existing.reference };
  await openAccount(db, accountNo, now);
  const reference = `SIM-${crypto.randomBytes(8).toString('hex').toUpperCase()}`;
  await db
    .insertInto('simgw_transactions')
    .values({ reference, merchant_reference: merchantReference, kind, account_no: accountNo, amount, created_at: now, refund_of: refundOf })
    .execute();
  return { providerReference: reference };
}

function failureFor(kind: string, behaviour: string, balance: number, amount: number): string | null {
  if (behaviour === 'closed') return 'payments.unknown_account';
  if (kind === 'refund') return null;
  if (behaviour === 'declined') return 'payments.declined';
  if (behaviour === 'insufficient_funds' || balance < amount) return 'payments.insufficient_funds';
  return null;
}

async function settleOne(tx: Transaction<Database>, id: string, now: Date): Promise<'succeeded' | 'failed' | null> {
  const t = await tx.selectFrom('simgw_transactions').selectAll().where('id', '=', id).where('status', '=', 'pending').forUpdate().skipLocked().executeTakeFirst();
  if (!t) return null;
  const merchant = config().merchantAccount;
  const account = await tx.selectFrom('simgw_accounts').selectAll().where('account_no', '=', t.account_no).forUpdate().executeTakeFirstOrThrow();
  const failure = failureFor(t.kind, account.behaviour, account.balance, t.amount);
  if (failure) {
    await tx.updateTable('simgw_transactions').set({ status: 'failed', failure_code: failure, processed_at: now }).where('id', '=', id).execute();
    return 'failed';
  }
  // Double entry: a charge moves money from the payer to the merchant, a refund back.
  const [debit, credit] = t.kind === 'charge' ? [t.account_no, merchant] : [merchant, t.account_no];
  await tx
    .insertInto('simgw_entries')
    .values([
      { transaction_id: id, account_no: debit, amount: -t.amount, at: now },
      { transaction_id: id, account_no: credit, amount: t.amount, at: now },
    ])
    .execute();
  await tx.updateTable('simgw_accounts').set((eb) => ({ balance: eb('balance', '-', t.amount) })).where('account_no', '=', debit).execute();
  await tx.updateTable('simgw_accounts').set((eb) => ({ balance: eb('balance', '+', t.amount) })).where('account_no', '=', credit).execute();
  await tx.updateTable('simgw_transactions').set({ status: 'succeeded', processed_at: now }).where('id', '=', id).execute();
  return 'succeeded';
}

export const simulatedGateway: PaymentProvider = {
  name: 'simulated',

  createCharge: (db, r, now) => accept(db, 'charge', r.merchantReference, r.payerAccount, r.amount, now, null),
  createRefund: (db, r, now) => accept(db, 'refund', r.merchantReference, r.payerAccount, r.amount, now, r.originalProviderReference),

  async settle(db, now) {
    const pending = await db.selectFrom('simgw_transactions').select('id').where('status', '=', 'pending').orderBy('created_at').limit(500).execute();
    const counts = { succeeded: 0, failed: 0 };
    for (const { id } of pending) {
      // One transaction per bank transaction: a failure leaves the others settled.
      const outcome = await db.transaction().execute((tx) => settleOne(tx, id, now));
      if (outcome) counts[outcome]++;
    }
    return counts;
  },

  async undeliveredEvents(db, limit): Promise<ProviderEvent[]> {
    const rows = await db.selectFrom('simgw_transactions').selectAll().where('notified_at', 'is', null).where('status', '<>', 'pending').orderBy('processed_at').limit(limit).execute();
    return rows.map((r) => ({
      providerReference: r.reference,
      merchantReference: r.merchant_reference,
      kind: r.kind as ProviderEvent['kind'],
      status: r.status as ProviderEvent['status'],
      failureCode: r.failure_code,
      at: r.processed_at!,
    }));
  },

  async markDelivered(tx, providerReference, now) {
    await tx.updateTable('simgw_transactions').set({ notified_at: now }).where('reference', '=', providerReference).execute();
  },

  async ledger(db, from, to): Promise<LedgerTransaction[]> {
    const rows = await db.selectFrom('simgw_transactions').selectAll().where('processed_at', '>=', from).where('processed_at', '<', to).execute();
    return rows.map(toLedger);
  },

  async transactions(db, references): Promise<LedgerTransaction[]> {
    if (references.length === 0) return [];
    const rows = await db.selectFrom('simgw_transactions').selectAll().where('reference', 'in', references).execute();
    return rows.map(toLedger);
  },
};

function toLedger(r: { reference: string; merchant_reference: string; kind: string; amount: number; status: string; processed_at: Date | null }): LedgerTransaction {
  return {
    providerReference: r.reference,
    merchantReference: r.merchant_reference,
    kind: r.kind as LedgerTransaction['kind'],
    amount: r.amount,
    status: r.status as LedgerTransaction['status'],
    settledAt: r.processed_at,
  };
}
