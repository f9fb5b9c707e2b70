import type { Transaction } from 'kysely';
import type { Database } from '../db/database';
import { localParts } from '../gates/calendar';
import { notifyUsers } from '../notifications/notify';
import { notificationProvider } from '../notifications/provider';
import { driverMessage, type DriverMessageCode, type MessageParam } from './reference';

// What the driver learns: a notice on the driver's page (always), an in-app notice when the
// driver has an account, and an SMS through the notification provider (the local outbox unless a
// gateway is installed) for what needs action now: called forward, dropped back, held.

export interface DriverNoticeTrip {
  id: string;
  reference: string;
  driver_id: string | null;
}

export function localTime(at: Date, timeZone: string): string {
  return localParts(at, timeZone).time.slice(0, 5);
}

export async function noticeDriver(
  tx: Transaction<Database>,
  trip: DriverNoticeTrip,
  code: DriverMessageCode,
  params: Record<string, MessageParam>,
  options: { at: Date; now: Date; sms: boolean; dedupeKey: string },
): Promise<void> {
  const message = driverMessage(code, { reference: trip.reference, ...params });
  await tx
    .insertInto('yard_driver_notices')
    .values({ trip_id: trip.id, code, at: options.at, params: JSON.stringify(params), message: JSON.stringify(message) })
    .execute();
  if (!trip.driver_id) return;
  const driver = await tx.selectFrom('drivers').select(['phone', 'nationality', 'account_id']).where('id', '=', trip.driver_id).executeTakeFirst();
  if (!driver) return;
  if (driver.account_id) {
    await notifyUsers(
      tx,
      [driver.account_id],
      {
        kind: `yard.${code}`,
        titleVi: `Chuyến xe ${trip.reference}`,
        titleEn: `Trip ${trip.reference}`,
        bodyVi: message.vi,
        bodyEn: message.en,
        link: `/trips/${trip.id}`,
        entityType: 'trip',
        entityId: trip.id,
        dedupeKey: options.dedupeKey,
      },
      { channels: ['in_app'], now: options.now },
    );
  }
  if (options.sms && driver.phone) {
    const body = driver.nationality === 'VN' ? message.vi : driver.nationality === 'CN' ? message.zh : message.en;
    await notificationProvider().send(
      tx,
      { channel: 'sms', recipient: driver.phone, recipientUserId: driver.account_id, subject: null, body: body.slice(0, 480), kind: `yard.${code}`, dedupeKey: options.dedupeKey },
      options.now,
    );
  }
}
