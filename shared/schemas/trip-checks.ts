import Type, { type Static } from 'typebox';
import { Nullable } from './common';

// The answer of the trip checks: every failed check at once, each with where it is, a stable code
// and a message the user can act on. Re-exported by ./trips.

/** One failed check: where, a stable code and a message the user can act on. */
export const TripCheckError = Type.Object({
  path: Type.String({ description: 'JSON pointer into the trip, e.g. /cargoLines/0/hsCode' }),
  code: Type.String(),
  message: Type.Object({ vi: Type.String(), en: Type.String() }),
});
export type TripCheckError = Static<typeof TripCheckError>;

/** 422 body of submit and amend: every failed check at once. */
export const TripChecksProblem = Type.Object(
  {
    type: Type.String(),
    title: Type.String(),
    status: Type.Integer(),
    detail: Type.Optional(Type.String()),
    instance: Type.Optional(Type.String()),
    code: Type.String(),
    messages: Type.Object({ vi: Type.String(), en: Type.String() }),
    requestId: Type.Optional(Type.String()),
    errors: Type.Optional(Type.Array(TripCheckError)),
  },
  { additionalProperties: true },
);

/** A dry run of the submission checks on the declaration as saved (for drafts and amendments). */
export const TripChecksResult = Type.Object({
  ok: Type.Boolean({ description: 'True when submitting now would pass every check' }),
  errors: Type.Array(TripCheckError),
  feeTotal: Nullable(Type.Integer({ description: 'VND the trip would pay, when the facts allow a quote' })),
});
export type TripChecksResult = Static<typeof TripChecksResult>;
