import type { Transaction } from 'kysely';
import type { Database } from '../db/database';

// How e-mail and SMS leave the platform. The built-in local provider writes each message to the
// outbox table (readable by administrators at GET /api/v1/notifications/outbox); a real gateway
// implements the same interface and is installed with setNotificationProvider().

export interface OutboundMessage {
  channel: 'email' | 'sms';
  recipient: string;
  recipientUserId: string | null;
  subject: string | null;
  body: string;
  kind: string;
  /** The same key for the same recipient is sent once (retries, jobs in several processes). */
  dedupeKey: string | null;
}

export interface NotificationProvider {
  name: string;
  /** Called inside the transaction of the change that caused the message; returns false for a duplicate. */
  send(tx: Transaction<Database>, message: OutboundMessage, now: Date): Promise<boolean>;
}

export const localOutboxProvider: NotificationProvider = {
  name: 'local-outbox',
  async send(tx, m, now) {
    const row = await tx
      .insertInto('notification_outbox')
      .values({
        channel: m.channel,
        recipient: m.recipient,
        recipient_user_id: m.recipientUserId,
        subject: m.subject,
        body: m.body,
        kind: m.kind,
        provider: 'local-outbox',
        // Locally, writing to the outbox is the delivery.
        status: 'sent',
        dedupe_key: m.dedupeKey,
        error: null,
        created_at: now,
        sent_at: now,
      })
      .onConflict((oc) => oc.columns(['channel', 'recipient', 'dedupe_key']).doNothing())
      .returning('id')
      .executeTakeFirst();
    return row !== undefined;
  },
};

let current: NotificationProvider = localOutboxProvider;

export function notificationProvider(): NotificationProvider {
  return current;
}

export function setNotificationProvider(provider: NotificationProvider): void {
  current = provider;
}
