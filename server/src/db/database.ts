import type { AuthTables } from '../auth/auth.tables';
import type { GatesTables } from '../gates/gates.tables';
import type { NotificationsTables } from '../notifications/notifications.tables';
import type { PlansTables } from '../plans/plans.tables';
import type { TripsTables } from '../trips/trips.tables';
import type { PlatformTables } from './platform.tables';

/** Every table, composed from the capability that owns it. */
export interface Database extends PlatformTables, AuthTables, GatesTables, PlansTables, TripsTables, NotificationsTables {}
