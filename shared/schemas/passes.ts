import Type, { type Static } from 'typebox';
import { DateString, Nullable, TimeOfDay, Uuid } from './common';

// A gate pass: a signed, tamper-evident reference to a paid trip. The token in the QR code is
// "CKS1.<payload>.<signature>" (base64url; Ed25519 over "CKS1.<payload>"); the yard and gate check
// it offline with the public keys from GET /api/v1/passes/keys, or online with POST /verify.

export const PASS_STATUSES = ['valid', 'superseded', 'revoked'] as const;
export const PassStatus = Type.Enum(PASS_STATUSES);

export const PassSummary = Type.Object({
  id: Uuid,
  serial: Type.Integer({ description: '1 for the first pass of a trip; a new one after each amendment' }),
  status: PassStatus,
  issuedAt: Type.String({ format: 'date-time' }),
  validUntil: Type.String({ format: 'date-time' }),
});
export type PassSummary = Static<typeof PassSummary>;

/** What the token carries; short keys keep the QR code small. */
export const PassPayload = Type.Object({
  v: Type.Literal(1),
  kid: Type.String({ description: 'Signing key id' }),
  ref: Type.String({ description: 'Trip reference' }),
  tid: Type.String({ description: 'Trip id' }),
  sn: Type.Integer({ description: 'Pass serial' }),
  gate: Type.String(),
  dir: Type.String({ description: 'Direction' }),
  date: DateString,
  from: TimeOfDay,
  to: TimeOfDay,
  plate: Type.String(),
  trl: Nullable(Type.String({ description: 'Trailer plate' })),
  drv: Type.String({ description: 'Driver document number' }),
  nat: Type.String({ description: 'Driver nationality' }),
  iat: Type.Integer({ description: 'Issued at, Unix seconds' }),
  exp: Type.Integer({ description: 'Valid until, Unix seconds' }),
});
export type PassPayload = Static<typeof PassPayload>;

export const GatePass = Type.Object({
  id: Uuid,
  tripId: Uuid,
  tripReference: Type.String(),
  serial: Type.Integer(),
  status: PassStatus,
  kid: Type.String(),
  token: Type.String({ description: 'The signed token encoded in the QR code' }),
  payload: PassPayload,
  qrSvg: Type.String({ description: 'SVG image of the QR code, for the phone screen' }),
  issuedAt: Type.String({ format: 'date-time' }),
  validUntil: Type.String({ format: 'date-time' }),
});
export type GatePass = Static<typeof GatePass>;

export const PassKey = Type.Object({
  kid: Type.String(),
  alg: Type.Literal('Ed25519'),
  publicKeyPem: Type.String(),
  publicKeyJwk: Type.Object({ kty: Type.Literal('OKP'), crv: Type.Literal('Ed25519'), x: Type.String() }),
  createdAt: Type.String({ format: 'date-time' }),
  retiredAt: Nullable(Type.String({ format: 'date-time', description: 'No new passes are signed with it; old passes still verify' })),
});
export type PassKey = Static<typeof PassKey>;

export const PassKeysResponse = Type.Object({ keys: Type.Array(PassKey) });

export const VerifyPassRequest = Type.Object({ token: Type.String({ minLength: 10, maxLength: 4000 }) }, { additionalProperties: false });
export type VerifyPassRequest = Static<typeof VerifyPassRequest>;

export const PASS_VERDICTS = ['valid', 'malformed', 'unknown_key', 'bad_signature', 'expired', 'superseded', 'revoked', 'trip_not_active', 'settlement_due'] as const;

export const VerifyPassResponse = Type.Object({
  valid: Type.Boolean(),
  verdict: Type.Enum(PASS_VERDICTS),
  message: Type.Object({ vi: Type.String(), en: Type.String() }),
  payload: Nullable(PassPayload),
  trip: Nullable(Type.Object({ id: Uuid, reference: Type.String(), status: Type.String(), gateId: Nullable(Type.String()) })),
  checkedAt: Type.String({ format: 'date-time' }),
});
export type VerifyPassResponse = Static<typeof VerifyPassResponse>;
