import Type, { type Static } from 'typebox';
import { Nullable, Uuid } from './common';

// In-app notices for a user and the e-mail / SMS outbox. Generic: any capability may notify.

export const CHANNELS = ['email', 'sms'] as const;
export const Channel = Type.Enum(CHANNELS);

export const Notice = Type.Object({
  id: Uuid,
  kind: Type.String({ description: 'e.g. plans.deadline_approaching, plans.reminder' }),
  titleVi: Type.String(),
  titleEn: Type.String(),
  bodyVi: Type.String(),
  bodyEn: Type.String(),
  link: Nullable(Type.String({ description: 'Web path to open, e.g. /plans/plan-004/tasks/…' })),
  entityType: Nullable(Type.String()),
  entityId: Nullable(Type.String()),
  createdAt: Type.String({ format: 'date-time' }),
  readAt: Nullable(Type.String({ format: 'date-time' })),
});
export type Notice = Static<typeof Notice>;

export const NoticeListQuery = Type.Object(
  {
    unread: Type.Optional(Type.Boolean()),
    limit: Type.Optional(Type.Integer({ minimum: 1, maximum: 200, default: 50 })),
  },
  { additionalProperties: false },
);
export type NoticeListQuery = Static<typeof NoticeListQuery>;

export const NoticeList = Type.Object({ items: Type.Array(Notice), unread: Type.Integer() });

export const OutboxMessage = Type.Object({
  id: Uuid,
  channel: Channel,
  recipient: Type.String(),
  recipientUserId: Nullable(Uuid),
  subject: Nullable(Type.String()),
  body: Type.String(),
  kind: Type.String(),
  provider: Type.String(),
  status: Type.Union([Type.Literal('queued'), Type.Literal('sent'), Type.Literal('failed')]),
  createdAt: Type.String({ format: 'date-time' }),
  sentAt: Nullable(Type.String({ format: 'date-time' })),
});
export type OutboxMessage = Static<typeof OutboxMessage>;

export const OutboxQuery = Type.Object(
  {
    channel: Type.Optional(Channel),
    kind: Type.Optional(Type.String({ maxLength: 100 })),
    recipient: Type.Optional(Type.String({ maxLength: 200 })),
    limit: Type.Optional(Type.Integer({ minimum: 1, maximum: 500, default: 100 })),
  },
  { additionalProperties: false },
);
export type OutboxQuery = Static<typeof OutboxQuery>;
