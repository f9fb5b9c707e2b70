import type { Kysely } from 'kysely';
import type { ReconciliationMismatch, ReconciliationReport } from '../../../shared/schemas/payments';
import type { Database } from '../db/database';
import { dayBounds, VN_TIME_ZONE } from '../trips/time';
import { paymentProvider, type LedgerTransaction } from './provider';

// Daily reconciliation: the platform's payments confirmed on a Vietnamese calendar day against
// the provider's transactions settled that day. Each side is matched by the provider reference,
// looking across midnight, and every difference is listed.

interface PlatformPayment {
  id: string;
  provider_reference: string | null;
  amount: number;
  kind: string;
  status: string;
  reference: string;
  gate_id: string | null;
}

function platformQuery(db: Kysely<Database>) {
  return db
    .selectFrom('payments')
    .innerJoin('trips', 'trips.id', 'payments.trip_id')
    .select(['payments.id', 'payments.provider_reference', 'payments.amount', 'payments.kind', 'payments.status', 'trips.reference', 'trips.gate_id']);
}

const totals = (items: Array<{ kind: string; amount: number; status: string }>) => ({
  count: items.length,
  charged: items.filter((i) => i.kind === 'charge' && i.status === 'succeeded').reduce((s, i) => s + i.amount, 0),
  refunded: items.filter((i) => i.kind === 'refund' && i.status === 'succeeded').reduce((s, i) => s + i.amount, 0),
});

/** The reconciliation of one day; `gateIds` limits it to payments of trips at those gates. */
export async function reconcileDay(db: Kysely<Database>, date: string, now: Date, gateIds: string[] | null = null): Promise<ReconciliationReport> {
  const provider = paymentProvider();
  const { from, to } = dayBounds(date, VN_TIME_ZONE);
  let platform: PlatformPayment[] = await platformQuery(db)
    .where('payments.provider', '=', provider.name)
    .where('payments.confirmed_at', '>=', from)
    .where('payments.confirmed_at', '<', to)
    .execute();
  let gateway = await provider.ledger(db, from, to);
  // The other side of each item, whenever it was recorded.
  const knownRefs = new Set(gateway.map((g) => g.providerReference));
  const gatewayElsewhere = await provider.transactions(db, platform.map((p) => p.provider_reference).filter((r): r is string => !!r && !knownRefs.has(r)));
  const platformRefs = new Set(platform.map((p) => p.provider_reference));
  const missingRefs = gateway.map((g) => g.providerReference).filter((r) => !platformRefs.has(r));
  const platformElsewhere: PlatformPayment[] = missingRefs.length ? await platformQuery(db).where('payments.provider_reference', 'in', missingRefs).execute() : [];
  const byRef = new Map<string, PlatformPayment>([...platform, ...platformElsewhere].filter((p) => p.provider_reference).map((p) => [p.provider_reference!, p]));
  const gatewayByRef = new Map<string, LedgerTransaction>([...gateway, ...gatewayElsewhere].map((g) => [g.providerReference, g]));

  if (gateIds) {
    const inScope = (p: PlatformPayment | undefined) => !!p && p.gate_id !== null && gateIds.includes(p.gate_id);
    platform = platform.filter(inScope);
    gateway = gateway.filter((g) => inScope(byRef.get(g.providerReference)));
  }

  const mismatches: ReconciliationMismatch[] = [];
  let matched = 0;
  const seen = new Set<string>();
  const compare = (p: PlatformPayment | undefined, g: LedgerTransaction | undefined) => {
    const mismatch = (kind: ReconciliationMismatch['kind']) =>
      mismatches.push({
        kind,
        paymentId: p?.id ?? null,
        providerReference: g?.providerReference ?? p?.provider_reference ?? null,
        tripReference: p?.reference ?? null,
        platformAmount: p?.amount ?? null,
        gatewayAmount: g?.amount ?? null,
        platformStatus: p?.status ?? null,
        gatewayStatus: g?.status ?? null,
      });
    if (!g) return mismatch('missing_at_gateway');
    if (!p) return mismatch('missing_on_platform');
    if (p.amount !== g.amount) return mismatch('amount_differs');
    if (p.status !== g.status) return mismatch('status_differs');
    matched++;
  };
  for (const p of platform) {
    seen.add(p.provider_reference ?? p.id);
    compare(p, p.provider_reference ? gatewayByRef.get(p.provider_reference) : undefined);
  }
  for (const g of gateway) if (!seen.has(g.providerReference)) compare(byRef.get(g.providerReference), g);

  return {
    date,
    timeZone: VN_TIME_ZONE,
    generatedAt: now.toISOString(),
    platform: totals(platform),
    gateway: totals(gateway),
    matched,
    mismatches,
  };
}

/** Keeps the full (unfiltered) report of a day, replacing an earlier run. */
export async function storeReconciliation(db: Kysely<Database>, report: ReconciliationReport): Promise<void> {
  const values = { time_zone: report.timeZone, generated_at: report.generatedAt, mismatch_count: report.mismatches.length, report: JSON.stringify(report) };
  await db
    .insertInto('payment_reconciliations')
    .values({ day: report.date, ...values })
    .onConflict((oc) => oc.column('day').doUpdateSet(values))
    .execute();
}
