import Type, { type Static } from 'typebox';
import { AgencyCode, GateId, Locale, Nullable, Uuid } from './common';
import { PERMISSIONS, ROLES } from '../roles';

export const RoleSchema = Type.Enum(ROLES);
export const PermissionSchema = Type.Enum(PERMISSIONS);

export const LoginRequest = Type.Object(
  { username: Type.String({ minLength: 1, maxLength: 64 }), password: Type.String({ minLength: 1, maxLength: 256 }) },
  { additionalProperties: false },
);
export type LoginRequest = Static<typeof LoginRequest>;

export const Me = Type.Object({
  id: Uuid,
  username: Type.String(),
  displayName: Type.String(),
  role: RoleSchema,
  locale: Locale,
  enterprise: Nullable(Type.Object({ id: Uuid, taxCode: Type.String(), name: Type.String() })),
  agency: Nullable(Type.Object({ code: AgencyCode, nameVi: Type.String(), nameEn: Type.String() })),
  isOrgAdmin: Type.Boolean(),
  gateIds: Type.Array(GateId),
  permissions: Type.Array(PermissionSchema),
  via: Type.Union([Type.Literal('session'), Type.Literal('token')]),
});
export type Me = Static<typeof Me>;

export const ChangePasswordRequest = Type.Object(
  { currentPassword: Type.String({ minLength: 1, maxLength: 256 }), newPassword: Type.String({ minLength: 1, maxLength: 256 }) },
  { additionalProperties: false },
);

export const CreateTokenRequest = Type.Object(
  {
    name: Type.String({ minLength: 3, maxLength: 100 }),
    scopes: Type.Array(PermissionSchema, { minItems: 1, uniqueItems: true }),
    expiresInDays: Type.Optional(Type.Integer({ minimum: 1, maximum: 730 })),
  },
  { additionalProperties: false },
);
export const ApiToken = Type.Object({
  id: Uuid,
  name: Type.String(),
  scopes: Type.Array(Type.String()),
  createdAt: Type.String({ format: 'date-time' }),
  expiresAt: Nullable(Type.String({ format: 'date-time' })),
  revokedAt: Nullable(Type.String({ format: 'date-time' })),
  lastUsedAt: Nullable(Type.String({ format: 'date-time' })),
});
export const CreatedToken = Type.Object({ token: ApiToken, secret: Type.String({ description: 'Shown once; send as Authorization: Bearer <secret>' }) });
