import crypto from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import cookie from '@fastify/cookie';
import fastifyStatic from '@fastify/static';
import swagger from '@fastify/swagger';
import swaggerUi from '@fastify/swagger-ui';
import type { TypeBoxTypeProvider } from '@fastify/type-provider-typebox';
import Fastify from 'fastify';
import { Problem } from '../../shared/schemas/common';
import { accountsRoutes } from './accounts/accounts.routes';
import { auditRoutes } from './audit/audit.routes';
import { authRoutes } from './auth/auth.routes';
import { capabilities } from './capabilities';
import type { Config } from './config';
import type { DbHandle } from './db/connect';
import { gatesRoutes } from './gates/gates.routes';
import { authHook } from './platform/auth-hook';
import type { AppServices } from './platform/context';
import { healthRoutes } from './platform/health';
import { handleError, handleFrameworkError, sendProblem } from './platform/problem';
import type { App } from './platform/types';
import { validatorCompiler } from './platform/validation';
import { tokensRoutes } from './tokens/tokens.routes';

export interface BuildOptions {
  config: Config;
  database: DbHandle;
  now?: () => Date;
  logger?: boolean;
}

const REQUEST_ID = /^[A-Za-z0-9._-]{8,100}$/;

export async function buildApp(options: BuildOptions): Promise<App> {
  const { config, database } = options;
  const app = Fastify({
    logger:
      options.logger === false
        ? false
        : { level: config.logLevel, redact: ['req.headers.cookie', 'req.headers.authorization', 'res.headers["set-cookie"]'] },
    bodyLimit: config.bodyLimitBytes,
    // Keep a caller's request id so one id follows a request across systems.
    genReqId: (req) => {
      const incoming = req.headers['x-request-id'];
      return typeof incoming === 'string' && REQUEST_ID.test(incoming) ? incoming : crypto.randomUUID();
    },
    routerOptions: { ignoreTrailingSlash: true, maxParamLength: 200 },
    // Refusals raised before a route is found (bad percent-encoding, an overlong path parameter)
    // are problem+json like every other refusal.
    frameworkErrors: handleFrameworkError,
  }).withTypeProvider<TypeBoxTypeProvider>();

  const services: AppServices = { db: database.db, dbKind: database.kind, listen: database.listen, config, log: app.log, now: options.now ?? (() => new Date()) };
  app.decorate('services', services);
  app.decorateRequest('ctx', null as never);

  // JSON only: a form or text body on the API gets 415 instead of being half-understood.
  app.removeContentTypeParser('text/plain');
  app.setErrorHandler(handleError);
  // Unknown fields are an error, not silently dropped; all problems are reported at once.
  app.setValidatorCompiler(validatorCompiler);
  app.addSchema(Problem);

  app.addHook('onSend', async (request, reply, payload) => {
    reply.header('x-request-id', String(request.id));
    reply.header('x-content-type-options', 'nosniff');
    reply.header('referrer-policy', 'same-origin');
    if (!request.url.startsWith('/docs')) reply.header('x-frame-options', 'DENY');
    if (request.url.startsWith('/api/') && request.method !== 'GET') reply.header('cache-control', 'no-store');
    return payload;
  });

  await app.register(cookie);
  await app.register(swagger, {
    openapi: {
      openapi: '3.1.0',
      info: {
        title: 'Cửa khẩu số API',
        version: '1.0.0',
        description:
          'Digital border gate platform (Vietnam–China). Errors are RFC 9457 problem+json with a stable `code` and Vietnamese and English messages.',
      },
      servers: [{ url: '/' }],
      components: {
        securitySchemes: {
          session: { type: 'apiKey', in: 'cookie', name: 'cks_session' },
          bearer: { type: 'http', scheme: 'bearer', description: 'Scoped API token (cks_…)' },
        },
      },
      security: [{ session: [] }, { bearer: [] }, {}],
    },
    refResolver: { buildLocalReference: (json, _baseUri, _fragment, i) => (typeof json.$id === 'string' ? json.$id : `def-${i}`) },
  });
  await app.register(swaggerUi, { routePrefix: '/docs' });
  app.get('/openapi.json', { schema: { hide: true } }, async () => app.swagger());

  app.addHook('onRequest', authHook(services));

  await app.register(healthRoutes);
  await app.register(authRoutes);
  await app.register(gatesRoutes);
  await app.register(accountsRoutes);
  await app.register(tokensRoutes);
  await app.register(auditRoutes);
  for (const capability of capabilities) if (capability.routes) await app.register(capability.routes);

  const indexHtml = path.join(config.webDistDir, 'index.html');
  const hasWeb = fs.existsSync(indexHtml);
  if (hasWeb) {
    await app.register(fastifyStatic, { root: config.webDistDir, prefix: '/', wildcard: false, index: false });
    app.get('/', { schema: { hide: true } }, (_req, reply) => reply.sendFile('index.html'));
  }
  app.setNotFoundHandler((request, reply) => {
    const wantsPage = request.method === 'GET' && !request.url.startsWith('/api/') && request.headers.accept?.includes('text/html');
    if (hasWeb && wantsPage) return reply.type('text/html').sendFile('index.html');
    return sendProblem(reply, 'request.route_not_found');
  });
  return app;
}
