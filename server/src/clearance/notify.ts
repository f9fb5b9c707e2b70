import type { Transaction } from 'kysely';
import type { Role } from '../../../shared/roles';
import type { Database } from '../db/database';
import { notifyUsers } from '../notifications/notify';
import { notificationProvider } from '../notifications/provider';
import type { TripRow } from '../trips/trips.repository';

// Telling people at once: the enterprise in the app, the driver in the app and by SMS (to the
// phone on the driver record when the driver has no account), the agency's officers when the
// enterprise answers. Written in the caller's transaction (the outbox is the delivery locally).

export interface ClearanceNotice {
  kind: string;
  title: { vi: string; en: string; zh: string };
  body: { vi: string; en: string; zh: string };
  /** Unique per occurrence: the same key is never sent twice to the same person. */
  dedupeKey: string;
}

export async function notifyTripParties(tx: Transaction<Database>, trip: Pick<TripRow, 'id' | 'enterprise_id' | 'driver_id'>, notice: ClearanceNotice, now: Date): Promise<void> {
  const link = `/trips/${trip.id}`;
  const base = { kind: notice.kind, titleVi: notice.title.vi, titleEn: notice.title.en, bodyVi: notice.body.vi, bodyEn: notice.body.en, link, entityType: 'trip', entityId: trip.id, dedupeKey: notice.dedupeKey };
  const staff = await tx.selectFrom('users').select('id').where('enterprise_id', '=', trip.enterprise_id).where('role', '=', 'enterprise').where('active', '=', true).execute();
  await notifyUsers(tx, staff.map((u) => u.id), base, { channels: ['in_app'], now });
  if (!trip.driver_id) return;
  const driver = await tx.selectFrom('drivers').select(['account_id', 'phone', 'nationality']).where('id', '=', trip.driver_id).executeTakeFirst();
  if (!driver) return;
  let smsSent = false;
  if (driver.account_id) {
    const account = await tx.selectFrom('users').select(['phone']).where('id', '=', driver.account_id).executeTakeFirst();
    const result = await notifyUsers(tx, [driver.account_id], base, { channels: account?.phone ? ['in_app', 'sms'] : ['in_app'], now });
    smsSent = result.messages > 0;
  }
  if (!smsSent && driver.phone) {
    // A driver without an account (or without a phone on it) still gets the SMS, in Chinese first for Chinese drivers.
    const text = driver.nationality === 'CN' ? `${notice.title.zh}: ${notice.body.zh} / ${notice.body.vi}` : `${notice.title.vi}: ${notice.body.vi}`;
    await notificationProvider().send(
      tx,
      { channel: 'sms', recipient: driver.phone, recipientUserId: driver.account_id, subject: null, body: text.slice(0, 480), kind: notice.kind, dedupeKey: notice.dedupeKey },
      now,
    );
  }
}

/** The agency's officers assigned to the gate (in the app). */
export async function notifyOfficers(tx: Transaction<Database>, gateId: string, agency: string, notice: Omit<ClearanceNotice, 'title' | 'body'> & { title: { vi: string; en: string }; body: { vi: string; en: string }; tripId: string }, now: Date): Promise<void> {
  const officers = await tx
    .selectFrom('users')
    .innerJoin('user_gates', 'user_gates.user_id', 'users.id')
    .select('users.id')
    .where('user_gates.gate_id', '=', gateId)
    .where('users.role', '=', agency as Role)
    .where('users.active', '=', true)
    .execute();
  await notifyUsers(
    tx,
    officers.map((o) => o.id),
    { kind: notice.kind, titleVi: notice.title.vi, titleEn: notice.title.en, bodyVi: notice.body.vi, bodyEn: notice.body.en, link: `/clearance/trips/${notice.tripId}`, entityType: 'trip', entityId: notice.tripId, dedupeKey: notice.dedupeKey },
    { channels: ['in_app'], now },
  );
}
