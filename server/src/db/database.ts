import type { AuthTables } from '../auth/auth.tables';
import type { CapacityTables } from '../capacity/capacity.tables';
import type { ClearanceTables } from '../clearance/clearance.tables';
import type { GatesTables } from '../gates/gates.tables';
import type { MarketTables } from '../market/market.tables';
import type { NoticesTables } from '../notices/notices.tables';
import type { NotificationsTables } from '../notifications/notifications.tables';
import type { OperationsTables } from '../operations/operations.tables';
import type { PlansTables } from '../plans/plans.tables';
import type { TripsTables } from '../trips/trips.tables';
import type { YardsTables } from '../yards/yards.tables';
import type { PlatformTables } from './platform.tables';

/** Every table, composed from the capability that owns it. */
export interface Database
  extends PlatformTables,
    AuthTables,
    GatesTables,
    PlansTables,
    TripsTables,
    NotificationsTables,
    CapacityTables,
    YardsTables,
    ClearanceTables,
    OperationsTables,
    NoticesTables,
    MarketTables {}
