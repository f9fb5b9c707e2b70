import type { Transaction } from 'kysely';
import type { Database } from '../db/database';
import { notificationProvider } from './provider';

// The one call other capabilities use: tell these users about something, in the app and, when
// asked, by e-mail or SMS to the addresses on their accounts. Runs in the caller's transaction
// so a notice exists exactly when the change that caused it does.

export interface NoticeInput {
  kind: string;
  titleVi: string;
  titleEn: string;
  bodyVi: string;
  bodyEn: string;
  link?: string | null;
  entityType?: string | null;
  entityId?: string | null;
  /** Same key, same user: notified once. */
  dedupeKey?: string | null;
}

export interface NotifyResult {
  notices: number;
  messages: number;
}

export async function notifyUsers(
  tx: Transaction<Database>,
  userIds: string[],
  notice: NoticeInput,
  options: { channels?: Array<'in_app' | 'email' | 'sms'>; now: Date },
): Promise<NotifyResult> {
  const channels = options.channels ?? ['in_app', 'email'];
  const unique = [...new Set(userIds)];
  const result: NotifyResult = { notices: 0, messages: 0 };
  if (unique.length === 0) return result;
  if (channels.includes('in_app')) {
    const rows = await tx
      .insertInto('notifications')
      .values(
        unique.map((user_id) => ({
          user_id,
          kind: notice.kind,
          title_vi: notice.titleVi,
          title_en: notice.titleEn,
          body_vi: notice.bodyVi,
          body_en: notice.bodyEn,
          link: notice.link ?? null,
          entity_type: notice.entityType ?? null,
          entity_id: notice.entityId ?? null,
          dedupe_key: notice.dedupeKey ?? null,
          created_at: options.now,
          read_at: null,
        })),
      )
      .onConflict((oc) => oc.columns(['user_id', 'dedupe_key']).doNothing())
      .returning('id')
      .execute();
    result.notices = rows.length;
  }
  const wantsEmail = channels.includes('email');
  const wantsSms = channels.includes('sms');
  if (wantsEmail || wantsSms) {
    const users = await tx.selectFrom('users').select(['id', 'email', 'phone', 'locale']).where('id', 'in', unique).where('active', '=', true).execute();
    const provider = notificationProvider();
    for (const u of users) {
      const en = u.locale !== 'vi';
      const subject = en ? notice.titleEn : notice.titleVi;
      const body = en ? notice.bodyEn : notice.bodyVi;
      const base = { recipientUserId: u.id, kind: notice.kind, dedupeKey: notice.dedupeKey ?? null };
      if (wantsEmail && u.email && (await provider.send(tx, { ...base, channel: 'email', recipient: u.email, subject, body }, options.now))) result.messages++;
      if (wantsSms && u.phone && (await provider.send(tx, { ...base, channel: 'sms', recipient: u.phone, subject: null, body: `${subject}: ${body}`.slice(0, 480) }, options.now))) {
        result.messages++;
      }
    }
  }
  return result;
}
