import 'fastify';
import type { RequestContext } from './context';

declare module 'fastify' {
  interface FastifyRequest {
    ctx: RequestContext;
  }
}

declare module 'fastify' {
  interface FastifyInstance {
    services: import('./context').AppServices;
  }
}
