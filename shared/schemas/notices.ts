import Type, { type Static } from 'typebox';
import { GateId, Nullable, Reason, Uuid } from './common';

// Notices of the gate authority (closures, holiday hours, fruit-only days, restrictions) in
// Vietnamese, English and Chinese. Shown on the live board, the public page and the trips they
// affect. Named GateNotice* to keep them apart from the in-app notifications (schemas/notifications).

export const NOTICE_KINDS = ['closure', 'holiday_hours', 'fruit_only', 'restriction', 'other'] as const;
export const NOTICE_SEVERITIES = ['info', 'warning', 'critical'] as const;
export const NOTICE_STATUSES = ['draft', 'published', 'withdrawn', 'expired'] as const;
export const NOTICE_ACTIONS = ['edit', 'publish', 'withdraw', 'expire'] as const;
export type NoticeKind = (typeof NOTICE_KINDS)[number];
export type NoticeStatus = (typeof NOTICE_STATUSES)[number];
export type NoticeAction = (typeof NOTICE_ACTIONS)[number];

/**
 * The notice workflow as a transition table; the server enforces it (409 with the allowed
 * actions) and the UI reads it to choose its buttons.
 * - draft: being written; may lack the English and Chinese text. `withdraw` discards it.
 * - published: shown to everyone while its period has not ended; `expire` (system) ends it
 *   when the period is over; `withdraw` takes it back early, with a reason.
 * - withdrawn, expired: final, kept for the record.
 */
export const NOTICE_TRANSITIONS: Readonly<Record<NoticeStatus, Readonly<Partial<Record<NoticeAction, NoticeStatus>>>>> = {
  draft: { edit: 'draft', publish: 'published', withdraw: 'withdrawn' },
  published: { withdraw: 'withdrawn', expire: 'expired' },
  withdrawn: {},
  expired: {},
};

/** Actions only the system takes. */
export const SYSTEM_NOTICE_ACTIONS: readonly NoticeAction[] = ['expire'];

export function noticeActionsFrom(status: NoticeStatus): NoticeAction[] {
  return Object.keys(NOTICE_TRANSITIONS[status]) as NoticeAction[];
}

export function nextNoticeStatus(status: NoticeStatus, action: NoticeAction): NoticeStatus | null {
  return NOTICE_TRANSITIONS[status][action] ?? null;
}

export const NoticeKind = Type.Enum(NOTICE_KINDS);
export const NoticeSeverity = Type.Enum(NOTICE_SEVERITIES);
export const NoticeStatus = Type.Enum(NOTICE_STATUSES);
export const NoticeAction = Type.Enum(NOTICE_ACTIONS);

const DateTime = Type.String({ format: 'date-time' });
const Version = Type.Integer({ minimum: 1, description: 'The version you read; a stale one gets 409' });
const Title = Type.String({ minLength: 1, maxLength: 200 });
const Body = Type.String({ minLength: 1, maxLength: 4000 });

export const NoticeTextInput = (text: typeof Title | typeof Body) =>
  Type.Object(
    { vi: text, en: Type.Optional(Nullable(text)), zh: Type.Optional(Nullable(text)) },
    { additionalProperties: false, description: 'Vietnamese required; English and Chinese required before publishing' },
  );

export const CreateNoticeRequest = Type.Object(
  {
    kind: NoticeKind,
    severity: NoticeSeverity,
    gateIds: Type.Array(GateId, { minItems: 1, maxItems: 20, uniqueItems: true }),
    validFrom: DateTime,
    validTo: DateTime,
    title: NoticeTextInput(Title),
    body: NoticeTextInput(Body),
  },
  { additionalProperties: false },
);
export type CreateNoticeRequest = Static<typeof CreateNoticeRequest>;

export const UpdateNoticeRequest = Type.Object(
  {
    version: Version,
    kind: Type.Optional(NoticeKind),
    severity: Type.Optional(NoticeSeverity),
    gateIds: Type.Optional(Type.Array(GateId, { minItems: 1, maxItems: 20, uniqueItems: true })),
    validFrom: Type.Optional(DateTime),
    validTo: Type.Optional(DateTime),
    title: Type.Optional(NoticeTextInput(Title)),
    body: Type.Optional(NoticeTextInput(Body)),
  },
  { additionalProperties: false },
);
export type UpdateNoticeRequest = Static<typeof UpdateNoticeRequest>;

export const PublishNoticeRequest = Type.Object({ version: Version }, { additionalProperties: false });
export const WithdrawNoticeRequest = Type.Object({ version: Version, reason: Reason }, { additionalProperties: false });
export type WithdrawNoticeRequest = Static<typeof WithdrawNoticeRequest>;

export const NoticeText = Type.Object({ vi: Type.String(), en: Nullable(Type.String()), zh: Nullable(Type.String()) });
export type NoticeText = Static<typeof NoticeText>;

export const NoticeGate = Type.Object({
  id: Type.String(),
  nameVi: Type.String(),
  nameEn: Type.String(),
  nameZh: Nullable(Type.String()),
  province: Type.String(),
  timeZone: Type.String(),
  counterpartTimeZone: Type.String(),
});

/** A special day the gate calendar could carry for this notice (the authority adds it in the calendar editor). */
export const CalendarSuggestion = Type.Object({
  gateId: Type.String(),
  date: Type.String({ format: 'date' }),
  kind: Type.String({ description: 'closed, special_hours or fruit_only' }),
  inCalendar: Type.Boolean({ description: 'The gate calendar already has a special day of this kind that date' }),
});

/** What anyone may read of a published notice. */
export const PublicNotice = Type.Object({
  id: Uuid,
  kind: NoticeKind,
  severity: NoticeSeverity,
  status: NoticeStatus,
  gates: Type.Array(NoticeGate),
  validFrom: DateTime,
  validTo: DateTime,
  title: NoticeText,
  body: NoticeText,
  publishedAt: Nullable(DateTime),
});
export type PublicNotice = Static<typeof PublicNotice>;

/** The authority's view: also drafts, versions, what it may do now and its calendar counterpart. */
export const GateNotice = Type.Object({
  ...PublicNotice.properties,
  version: Type.Integer(),
  createdAt: DateTime,
  updatedAt: DateTime,
  endedAt: Nullable(DateTime),
  allowedActions: Type.Array(NoticeAction),
  missingTranslations: Type.Array(Type.String({ description: 'e.g. title.zh' })),
  calendarSuggestions: Type.Array(CalendarSuggestion),
});
export type GateNotice = Static<typeof GateNotice>;

export const NoticeEvent = Type.Object({
  at: DateTime,
  action: Type.String(),
  fromStatus: Nullable(Type.String()),
  toStatus: Type.String(),
  actor: Type.String(),
  reason: Nullable(Type.String()),
});
export type NoticeEvent = Static<typeof NoticeEvent>;

export const NoticeListQuery = Type.Object(
  {
    status: Type.Optional(NoticeStatus),
    gateId: Type.Optional(GateId),
    limit: Type.Optional(Type.Integer({ minimum: 1, maximum: 200, default: 100 })),
  },
  { additionalProperties: false },
);
export type NoticeListQuery = Static<typeof NoticeListQuery>;

export const PublicNoticeQuery = Type.Object(
  {
    gateId: Type.Optional(GateId),
    province: Type.Optional(Type.String({ pattern: '^[A-Z]{2}$', description: 'Province code, e.g. CB, TQ' })),
    from: Type.Optional(Type.String({ format: 'date-time', description: 'Only notices whose period ends after this' })),
    to: Type.Optional(Type.String({ format: 'date-time', description: 'Only notices whose period starts before this' })),
  },
  { additionalProperties: false },
);
export type PublicNoticeQuery = Static<typeof PublicNoticeQuery>;

export const PublicNoticeList = Type.Object({ items: Type.Array(PublicNotice), generatedAt: DateTime });
export type PublicNoticeList = Static<typeof PublicNoticeList>;

/** Notices that touch a trip's gate during its planned window. */
export const TripNotices = Type.Object({
  tripId: Uuid,
  gateId: Nullable(Type.String()),
  window: Nullable(Type.Object({ from: DateTime, to: DateTime })),
  items: Type.Array(PublicNotice),
});
export type TripNotices = Static<typeof TripNotices>;
