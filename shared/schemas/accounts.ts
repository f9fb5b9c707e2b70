import Type, { type Static } from 'typebox';
import { AgencyCode, GateId, Locale, Nullable, Reason, Uuid } from './common';
import { RoleSchema } from './auth';

const Username = Type.String({ pattern: '^[a-z0-9._-]{3,64}$', description: 'Lower-case letters, digits, dot, dash, underscore' });
export const TaxCode = Type.String({ pattern: '^[0-9]{10}(-[0-9]{3})?$', description: 'Vietnamese tax code (MST)' });

export const Account = Type.Object({
  id: Uuid,
  username: Type.String(),
  displayName: Type.String(),
  email: Nullable(Type.String()),
  phone: Nullable(Type.String()),
  role: RoleSchema,
  enterpriseId: Nullable(Uuid),
  agencyCode: Nullable(AgencyCode),
  isOrgAdmin: Type.Boolean(),
  gateIds: Type.Array(GateId),
  locale: Locale,
  active: Type.Boolean(),
  version: Type.Integer(),
  createdAt: Type.String({ format: 'date-time' }),
});
export type Account = Static<typeof Account>;

export const CreateAccountRequest = Type.Object(
  {
    username: Username,
    displayName: Type.String({ minLength: 1, maxLength: 200 }),
    password: Type.String({ minLength: 1, maxLength: 256 }),
    email: Type.Optional(Nullable(Type.String({ format: 'email', maxLength: 200 }))),
    phone: Type.Optional(Nullable(Type.String({ pattern: '^\\+?[0-9 ]{6,20}$' }))),
    role: RoleSchema,
    enterpriseId: Type.Optional(Nullable(Uuid)),
    agencyCode: Type.Optional(Nullable(AgencyCode)),
    isOrgAdmin: Type.Optional(Type.Boolean()),
    gateIds: Type.Optional(Type.Array(GateId, { uniqueItems: true, maxItems: 50 })),
    locale: Type.Optional(Locale),
  },
  { additionalProperties: false },
);
export type CreateAccountRequest = Static<typeof CreateAccountRequest>;

export const UpdateAccountRequest = Type.Object(
  {
    version: Type.Integer({ minimum: 1, description: 'The version you read; a stale one gets 409' }),
    displayName: Type.Optional(Type.String({ minLength: 1, maxLength: 200 })),
    email: Type.Optional(Nullable(Type.String({ format: 'email', maxLength: 200 }))),
    phone: Type.Optional(Nullable(Type.String({ pattern: '^\\+?[0-9 ]{6,20}$' }))),
    role: Type.Optional(RoleSchema),
    agencyCode: Type.Optional(Nullable(AgencyCode)),
    isOrgAdmin: Type.Optional(Type.Boolean()),
    gateIds: Type.Optional(Type.Array(GateId, { uniqueItems: true, maxItems: 50 })),
    locale: Type.Optional(Locale),
    active: Type.Optional(Type.Boolean()),
    newPassword: Type.Optional(Type.String({ minLength: 1, maxLength: 256, description: 'Administrator reset' })),
    reason: Reason,
  },
  { additionalProperties: false },
);
export type UpdateAccountRequest = Static<typeof UpdateAccountRequest>;

export const Enterprise = Type.Object({
  id: Uuid,
  taxCode: TaxCode,
  name: Type.String(),
  nameEn: Nullable(Type.String()),
  address: Nullable(Type.String()),
  phone: Nullable(Type.String()),
  email: Nullable(Type.String()),
  active: Type.Boolean(),
  createdAt: Type.String({ format: 'date-time' }),
});
export type Enterprise = Static<typeof Enterprise>;

export const CreateEnterpriseRequest = Type.Object(
  {
    taxCode: TaxCode,
    name: Type.String({ minLength: 2, maxLength: 300 }),
    nameEn: Type.Optional(Nullable(Type.String({ maxLength: 300 }))),
    address: Type.Optional(Nullable(Type.String({ maxLength: 500 }))),
    phone: Type.Optional(Nullable(Type.String({ pattern: '^\\+?[0-9 ]{6,20}$' }))),
    email: Type.Optional(Nullable(Type.String({ format: 'email', maxLength: 200 }))),
  },
  { additionalProperties: false },
);
export type CreateEnterpriseRequest = Static<typeof CreateEnterpriseRequest>;

export const Agency = Type.Object({
  code: AgencyCode,
  province: Type.String(),
  kind: Type.String(),
  nameVi: Type.String(),
  nameEn: Type.String(),
  nameZh: Nullable(Type.String()),
});
export type Agency = Static<typeof Agency>;

export const AuditRecord = Type.Object({
  id: Type.Integer(),
  at: Type.String({ format: 'date-time' }),
  actorUserId: Nullable(Uuid),
  actorRole: Nullable(Type.String()),
  actorTokenId: Nullable(Uuid),
  actorLabel: Type.String(),
  action: Type.String(),
  entityType: Type.String(),
  entityId: Type.String(),
  before: Type.Unknown(),
  after: Type.Unknown(),
  reason: Nullable(Type.String()),
  requestId: Nullable(Type.String()),
});
export type AuditRecord = Static<typeof AuditRecord>;
