import { feesRoutes } from '../fees/fees.routes';
import { fleetRoutes } from '../fleet/fleet.routes';
import { hsRoutes } from '../hs/hs.routes';
import { passesRoutes } from '../passes/passes.routes';
import { processPayments } from '../payments/confirm';
import { paymentsRoutes } from '../payments/payments.routes';
import { reconcileDay, storeReconciliation } from '../payments/reconciliation';
import type { Capability } from '../platform/capability';
import { addDays } from '../gates/calendar';
import { expireDueTrips } from './expire-trips';
import { seedTrips } from './seed';
import { tripSettings } from './settings';
import { todayIn } from './time';
import { tripsRoutes } from './trips.routes';

// Truck trips end to end: fleet, declarations, fees, payments through the provider, and passes.
export const tripsCapability: Capability = {
  name: 'trips',
  routes: async (app) => {
    tripSettings(); // a wrong TRIP_* variable stops the start-up here
    await app.register(fleetRoutes);
    await app.register(feesRoutes);
    await app.register(hsRoutes);
    await app.register(tripsRoutes);
    await app.register(paymentsRoutes);
    await app.register(passesRoutes);
  },
  seed: seedTrips,
  jobs: [
    { name: 'trips.expiry', everyMs: 60_000, run: async (s) => void (await expireDueTrips(s.db, s.now())) },
    { name: 'payments.simulated-gateway', everyMs: tripSettings().paymentsProcessSeconds * 1000, run: async (s) => void (await processPayments(s.db, s.now())) },
    {
      // Yesterday's reconciliation, once it is complete (a day is reconciled after it ends).
      name: 'payments.reconciliation',
      everyMs: 3_600_000,
      run: async (s) => {
        const yesterday = addDays(todayIn(s.now()), -1);
        const done = await s.db.selectFrom('payment_reconciliations').select('day').where('day', '=', yesterday).executeTakeFirst();
        if (done) return;
        const report = await reconcileDay(s.db, yesterday, s.now());
        await storeReconciliation(s.db, report);
        if (report.mismatches.length > 0) s.log.warn({ date: yesterday, mismatches: report.mismatches.length }, 'payment reconciliation found mismatches');
      },
    },
  ],
};
