import { sql } from 'kysely';
import Type from 'typebox';
import type { App } from './types';

const Health = Type.Object({
  status: Type.Union([Type.Literal('ok'), Type.Literal('unavailable')]),
  database: Type.Object({
    status: Type.Union([Type.Literal('up'), Type.Literal('down')]),
    kind: Type.String(),
    latencyMs: Type.Optional(Type.Number()),
    schemaVersion: Type.Optional(Type.String()),
    error: Type.Optional(Type.String()),
  }),
  time: Type.String({ format: 'date-time' }),
});

export async function healthRoutes(app: App) {
  app.get('/healthz', {
    schema: { tags: ['platform'], summary: 'Liveness and database status', response: { 200: Health, 503: Health } },
    handler: async (_request, reply) => {
      const { db, dbKind, now } = app.services;
      const started = performance.now();
      try {
        const row = await sql<{ version: string }>`select max(version) as version from schema_migrations`.execute(db);
        return {
          status: 'ok' as const,
          database: { status: 'up' as const, kind: dbKind, latencyMs: Math.round((performance.now() - started) * 10) / 10, schemaVersion: row.rows[0]?.version },
          time: now().toISOString(),
        };
      } catch (error) {
        return reply.code(503).send({
          status: 'unavailable' as const,
          database: { status: 'down' as const, kind: dbKind, error: (error as Error).message.slice(0, 200) },
          time: now().toISOString(),
        });
      }
    },
  });
}
