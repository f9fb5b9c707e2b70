import Type from 'typebox';
import { ChangePasswordRequest, LoginRequest, Me } from '../../../shared/schemas/auth';
import { errors, writeErrors } from '../platform/openapi';
import type { App } from '../platform/types';
import { changePassword, login, logout, SESSION_COOKIE } from './auth.service';
import { getMe } from './me';

export async function authRoutes(app: App) {
  const cookieOptions = { path: '/', httpOnly: true, sameSite: 'lax' as const, secure: app.services.config.secureCookies };

  app.post('/api/v1/auth/login', {
    schema: {
      tags: ['auth'],
      summary: 'Sign in; sets an httpOnly session cookie',
      body: LoginRequest,
      response: { 200: Me, ...writeErrors(401, 429) },
    },
    handler: async (request, reply) => {
      const result = await login(request.ctx, { ...request.body, userAgent: request.headers['user-agent'] });
      reply.setCookie(SESSION_COOKIE, result.cookieValue, { ...cookieOptions, expires: result.expiresAt });
      return getMe({ ...request.ctx, actor: result.actor });
    },
  });

  app.post('/api/v1/auth/logout', {
    schema: { tags: ['auth'], summary: 'Sign out (ends this session)', response: { 204: Type.Null(), ...errors(401) } },
    handler: async (request, reply) => {
      await logout(request.ctx);
      reply.clearCookie(SESSION_COOKIE, cookieOptions);
      return reply.code(204).send(null);
    },
  });

  app.get('/api/v1/me', {
    schema: { tags: ['auth'], summary: 'Who am I: role, scope and permissions', response: { 200: Me, ...errors(401) } },
    handler: async (request) => getMe(request.ctx),
  });

  app.post('/api/v1/me/password', {
    schema: {
      tags: ['auth'],
      summary: 'Change my password (ends my other sessions)',
      body: ChangePasswordRequest,
      response: { 204: Type.Null(), ...writeErrors(401, 422) },
    },
    handler: async (request, reply) => {
      await changePassword(request.ctx, request.body);
      return reply.code(204).send(null);
    },
  });
}
