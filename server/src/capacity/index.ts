import type { Capability } from '../platform/capability';
import { capacityRoutes } from './capacity.routes';
import { runBookingJob } from './no-shows';
import { seedCapacity } from './seed';
import { capacitySettings } from './settings';

// Capacity: crossing capacity per day and hour, booked crossing windows, no-shows (issue 6).
export const capacityCapability: Capability = {
  name: 'capacity',
  routes: async (app) => {
    capacitySettings(); // a wrong CAPACITY_* variable stops the start-up here
    await app.register(capacityRoutes);
  },
  seed: (db) => seedCapacity(db),
  jobs: [{ name: 'capacity.bookings', everyMs: capacitySettings().noShowJobSeconds * 1000, run: async (s) => void (await runBookingJob(s.db, s.now())) }],
};
