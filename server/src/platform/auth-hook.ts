import type { FastifyReply, FastifyRequest } from 'fastify';
import { resolveSession, resolveToken, SESSION_COOKIE } from '../auth/auth.service';
import { anonymous, type Actor } from './actor';
import type { AppServices } from './context';
import { AppError } from './errors';

const UNSAFE = new Set(['POST', 'PUT', 'PATCH', 'DELETE']);

/** Resolves who is calling: a bearer token, a session cookie, or nobody. */
export function authHook(services: AppServices) {
  return async function resolveActor(request: FastifyRequest, reply: FastifyReply) {
    let actor: Actor = anonymous;
    const authorization = request.headers.authorization;
    if (authorization) {
      const match = /^Bearer\s+(\S+)$/i.exec(authorization);
      if (!match) throw new AppError('auth.token_invalid');
      actor = await resolveToken(services, match[1]);
    } else {
      const cookie = request.cookies[SESSION_COOKIE];
      if (cookie) {
        const fromSession = await resolveSession(services, cookie);
        if (fromSession) {
          // Cookies travel with cross-site requests; a foreign Origin on a write is refused.
          const origin = request.headers.origin;
          if (UNSAFE.has(request.method) && origin && safeHost(origin) !== request.headers.host) {
            throw new AppError('auth.forbidden', {}, 'Cross-origin write refused');
          }
          actor = fromSession;
        } else {
          reply.clearCookie(SESSION_COOKIE, { path: '/' });
        }
      }
    }
    request.ctx = { app: services, actor, requestId: String(request.id), ip: request.ip };
  };
}

function safeHost(origin: string): string | null {
  try {
    return new URL(origin).host;
  } catch {
    return null;
  }
}
