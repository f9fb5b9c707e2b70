import { sql, type Transaction } from 'kysely';
import type { Database } from '../db/database';
import { notifyUsers } from '../notifications/notify';
import type { NoticeWithGates } from './notices.repository';

// Who a published notice concerns: the enterprises whose declared trips at one of its gates are
// planned inside its period (and the drivers of those trips who have an account). They get an
// in-app notice, an e-mail and an SMS; the same notice never reaches the same person twice.

/** Trips not yet over whose planned window at one of the gates overlaps the notice's period. */
export const LIVE_TRIP_STATUSES = ['submitted', 'paid', 'checked_in', 'called', 'left_yard', 'crossed'] as const;

export interface AffectedTrips {
  tripIds: string[];
  enterpriseIds: string[];
  driverUserIds: string[];
}

export async function affectedTrips(tx: Transaction<Database>, notice: NoticeWithGates): Promise<AffectedTrips> {
  const gateIds = notice.gates.map((g) => g.id);
  const rows = await sql<{ trip_id: string; enterprise_id: string; driver_user: string | null }>`
    select t.id as trip_id, t.enterprise_id, d.account_id as driver_user
    from trips t
    join gates g on g.id = t.gate_id
    left join drivers d on d.id = t.driver_id
    where t.gate_id = any(${gateIds})
      and t.status = any(${[...LIVE_TRIP_STATUSES]})
      and t.planned_date is not null and t.window_from is not null and t.window_to is not null
      and ((t.planned_date + t.window_from) at time zone g.time_zone) < ${notice.row.valid_to}
      and ((t.planned_date + t.window_to) at time zone g.time_zone) > ${notice.row.valid_from}
    order by t.id`.execute(tx);
  return {
    tripIds: rows.rows.map((r) => r.trip_id),
    enterpriseIds: [...new Set(rows.rows.map((r) => r.enterprise_id))],
    driverUserIds: [...new Set(rows.rows.map((r) => r.driver_user).filter((u): u is string => u !== null))],
  };
}

export interface NotifiedSummary {
  trips: number;
  enterprises: number;
  users: number;
  inApp: number;
  messages: number;
}

export async function notifyAffected(tx: Transaction<Database>, notice: NoticeWithGates, now: Date): Promise<NotifiedSummary> {
  const affected = await affectedTrips(tx, notice);
  const enterpriseUsers = affected.enterpriseIds.length
    ? await tx.selectFrom('users').select('id').where('enterprise_id', 'in', affected.enterpriseIds).where('role', '=', 'enterprise').where('active', '=', true).execute()
    : [];
  const userIds = [...new Set([...enterpriseUsers.map((u) => u.id), ...affected.driverUserIds])];
  const { row } = notice;
  const gatesVi = notice.gates.map((g) => g.name_vi).join(', ');
  const gatesEn = notice.gates.map((g) => g.name_en).join(', ');
  const result = await notifyUsers(
    tx,
    userIds,
    {
      kind: 'notices.published',
      titleVi: `Thông báo cửa khẩu: ${row.title_vi}`,
      titleEn: `Gate notice: ${row.title_en ?? row.title_vi}`,
      bodyVi: `${gatesVi}. ${row.body_vi} (Chuyến xe của doanh nghiệp dự kiến qua cửa khẩu trong thời gian này.)`,
      bodyEn: `${gatesEn}. ${row.body_en ?? row.body_vi} (Your enterprise has trips planned at the gate in this period.)`,
      link: `/gate-notices/${row.id}`,
      entityType: 'gate_notice',
      entityId: row.id,
      // One notice per person per published notice, whatever retries or jobs happen.
      dedupeKey: `gate-notice:${row.id}`,
    },
    { channels: ['in_app', 'email', 'sms'], now },
  );
  return { trips: affected.tripIds.length, enterprises: affected.enterpriseIds.length, users: userIds.length, inApp: result.notices, messages: result.messages };
}
