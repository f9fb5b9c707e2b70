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

// Connection-level failures from node-postgres or the network mean "try again", not "bug".
const UNAVAILABLE = new Set(['ECONNREFUSED', 'ECONNRESET', 'ETIMEDOUT', 'EPIPE', '57P01', '57P02', '57P03', '08000', '08003', '08006']);

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
  if (UNAVAILABLE.has(String(error.code)) || /Connection terminated|connect ECONNREFUSED/.test(error.message)) {
    request.log.warn({ err: error }, 'database unavailable');
    reply.header('retry-after', '5');
    return sendProblem(reply, 'server.database_unavailable');
  }
  request.log.error({ err: error }, 'unhandled error');
  return sendProblem(reply, 'server.internal');
}
