import Type from 'typebox';
import { errorCatalog } from '../../../shared/errors/index';

export const ProblemRef = Type.Unsafe<Record<string, unknown>>({ $ref: 'Problem#' });

type Status = 400 | 401 | 403 | 404 | 409 | 413 | 415 | 422 | 429 | 503;

const descriptions: Record<Status, string> = {
  400: 'Malformed or invalid request',
  401: 'Not signed in, or the session or token is invalid',
  403: 'Signed in but not allowed',
  404: 'Not found, or outside your scope',
  409: 'Conflict with the current state (stale version, duplicate)',
  413: 'Body too large',
  415: 'Body is not JSON',
  422: 'Understood but breaks a business rule',
  429: 'Too many attempts',
  503: 'Database unavailable; nothing was written',
};

/** Error responses for a route, each described with the codes it may carry. */
export function errors(...statuses: Status[]) {
  const all: Status[] = [400, 503, ...statuses];
  return Object.fromEntries(
    [...new Set(all)].map((status) => {
      const codes = Object.entries(errorCatalog).filter(([, d]) => d.status === status).map(([c]) => c);
      return [status, { ...ProblemRef, description: `${descriptions[status]}. Codes: ${codes.join(', ')}` }];
    }),
  );
}

export const writeErrors = (...statuses: Status[]) => errors(413, 415, ...statuses);

export const IdempotencyHeaders = Type.Object(
  {
    'idempotency-key': Type.Optional(
      Type.String({ minLength: 8, maxLength: 200, description: 'Send the same key when retrying; the write happens once' }),
    ),
  },
  { additionalProperties: true },
);
