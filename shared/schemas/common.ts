import Type, { type TSchema } from 'typebox';

// Shared by the server (validation, OpenAPI) and the web (types). Objects reject unknown
// fields so a misspelt field is an error, not silently ignored.

export const Problem = Type.Object(
  {
    type: Type.String(),
    title: Type.String(),
    status: Type.Integer(),
    detail: Type.Optional(Type.String()),
    instance: Type.Optional(Type.String()),
    code: Type.String({ description: 'Stable machine-readable error code' }),
    messages: Type.Object({ vi: Type.String(), en: Type.String() }),
    requestId: Type.Optional(Type.String()),
    errors: Type.Optional(
      Type.Array(Type.Object({ path: Type.String(), message: Type.String(), code: Type.Optional(Type.String()) })),
    ),
    allowedActions: Type.Optional(Type.Array(Type.String())),
    retryAfterSeconds: Type.Optional(Type.Integer()),
    currentVersion: Type.Optional(Type.Integer()),
    permission: Type.Optional(Type.String()),
    gateId: Type.Optional(Type.String()),
  },
  { $id: 'Problem', title: 'RFC 9457 problem details', additionalProperties: true },
);

export const Uuid = Type.String({ format: 'uuid' });
export const GateId = Type.String({ pattern: '^[a-z0-9-]{2,64}$', description: 'Gate slug, e.g. tra-linh' });
export const AgencyCode = Type.String({ pattern: '^[a-z0-9-]{2,40}$' });
export const Locale = Type.Union([Type.Literal('vi'), Type.Literal('en'), Type.Literal('zh')]);
export const Reason = Type.String({ minLength: 3, maxLength: 1000, description: 'Why the change is made (kept in the audit log)' });
export const DateString = Type.String({ format: 'date', description: 'Calendar date YYYY-MM-DD' });
export const TimeOfDay = Type.String({ pattern: '^([01][0-9]|2[0-3]):[0-5][0-9]$|^24:00$', description: 'Local time HH:MM' });

export function Nullable<T extends TSchema>(schema: T) {
  return Type.Union([schema, Type.Null()]);
}

export function Page<T extends TSchema>(item: T) {
  return Type.Object({ items: Type.Array(item), total: Type.Integer() });
}
