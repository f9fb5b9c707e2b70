import type { FastifyError, FastifyReply, FastifyRequest } from 'fastify';
import { errorCatalog, type ErrorCode } from '../../../shared/errors/index';
import { AppError, type FieldError } from './errors';

export const PROBLEM_CONTENT_TYPE = 'application/problem+json';

export function problemBody(code: ErrorCode, request: FastifyRequest, extensions: Record<string, unknown> = {}, detail?: string) {
  const def = errorCatalog[code];
  return {
    type: `urn:cua-khau-so:problem:${code}`,
    title: def.en,
    status: def.status,
    ...(detail && detail !== def.en ? { detail } : {}),
    instance: request.url.split('?')[0],
    code,
    messages: { vi: def.vi, en: def.en },
    requestId: String(request.id),
    ...extensions,
  };
}

export function sendProblem(reply: FastifyReply, code: ErrorCode, extensions: Record<string, unknown> = {}, detail?: string) {
  const body = problemBody(code, reply.request, extensions, detail);
  if (typeof extensions.retryAfterSeconds === 'number') reply.header('retry-after', String(extensions.retryAfterSeconds));
  return reply.code(body.status).type(PROBLEM_CONTENT_TYPE).send(body);
}

function validationErrors(error: FastifyError): FieldError[] {
  return (error.validation ?? []).map((v) => {
    const params = v.params as Record<string, unknown>;
    const extra = typeof params?.additionalProperty === 'string' ? `/${params.additionalProperty}` : '';
    const missing = typeof params?.missingProperty === 'string' ? `/${params.missingProperty}` : '';
    const where = error.validationContext ?? 'body';
    return { path: `${where}${v.instancePath}${extra}${missing}`, message: v.message ?? 'invalid', code: v.keyword };
  });
}

// Connection-level failures from node-postgres or the network mean "try again", not "bug"; so do
// a deadlock or serialization failure (the transaction rolled back), a cancelled statement and an
// exhausted server (too many connections, out of resources).
const UNAVAILABLE = new Set(['ECONNREFUSED', 'ECONNRESET', 'ETIMEDOUT', 'EPIPE', 'ENOTCONN', '57P01', '57P02', '57P03', '57014', '08000', '08001', '08003', '08004', '08006', '40001', '40P01', '53000', '53100', '53200', '53300']);
const UNAVAILABLE_MESSAGE = /Connection terminated|connect ECONNREFUSED|not queryable|timeout exceeded when trying to connect|Connection ended unexpectedly/;

// PostgreSQL class 22 (data exception): a value the schema let through but the database cannot
// hold, e.g. a NUL character in text, a number beyond bigint, an impossible date. Bad input, not a
// server fault; the statement failed, so nothing was written.
const isDataException = (code: unknown) => typeof code === 'string' && /^22[0-9A-Z]{3}$/.test(code);

/** The one place where any thrown error becomes a problem+json response. */
export function handleError(error: FastifyError, request: FastifyRequest, reply: FastifyReply) {
  if (error instanceof AppError) return sendProblem(reply, error.code, error.extensions, error.message);
  if (error.validation) return sendProblem(reply, 'request.invalid', { errors: validationErrors(error) });
  switch (error.code) {
    case 'FST_ERR_CTP_INVALID_JSON_BODY':
    case 'FST_ERR_CTP_EMPTY_JSON_BODY':
      return sendProblem(reply, 'request.malformed_json', {}, error.message);
    case 'FST_ERR_CTP_BODY_TOO_LARGE':
      return sendProblem(reply, 'request.body_too_large');
    case 'FST_ERR_CTP_INVALID_MEDIA_TYPE':
    case 'FST_ERR_CTP_INVALID_CONTENT_LENGTH':
      return sendProblem(reply, 'request.unsupported_media_type');
  }
  if (error instanceof SyntaxError || error.statusCode === 400) return sendProblem(reply, 'request.malformed_json', {}, error.message);
  if (error.statusCode === 413) return sendProblem(reply, 'request.body_too_large');
  if (error.statusCode === 415) return sendProblem(reply, 'request.unsupported_media_type');
  if (isDataException(error.code)) {
    request.log.warn({ err: error }, 'value refused by the database');
    return sendProblem(reply, 'request.invalid', { errors: [{ path: 'request', message: 'a value is out of range or not representable', code: String(error.code) }] });
  }
  if (UNAVAILABLE.has(String(error.code)) || UNAVAILABLE_MESSAGE.test(error.message)) {
    request.log.warn({ err: error }, 'database unavailable');
    reply.header('retry-after', '5');
    return sendProblem(reply, 'server.database_unavailable');
  }
  request.log.error({ err: error }, 'unhandled error');
  return sendProblem(reply, 'server.internal');
}

/**
 * Errors Fastify raises before a route is found (a malformed percent-encoding, a path parameter
 * longer than the router allows): the same problem+json as every other refusal. Passed to
 * Fastify as its `frameworkErrors` option (app.ts).
 */
export function handleFrameworkError(error: FastifyError, _request: FastifyRequest, reply: FastifyReply) {
  return sendProblem(reply, 'request.invalid', { errors: [{ path: 'url', message: error.message.slice(0, 200), code: error.code }] });
}
