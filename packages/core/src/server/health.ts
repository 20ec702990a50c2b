import { createRoute, z, type OpenAPIHono } from '@hono/zod-openapi';
import { sql } from 'kysely';
import type { HostConfig } from '../contract.js';
import type { Database } from './db.js';
import type { AppEnv } from './http.js';

const healthSchema = z.object({
  status: z.enum(['ok', 'degraded']),
  uptimeSeconds: z.number(),
  database: z.object({ kind: z.enum(['pglite', 'postgres']), status: z.enum(['up', 'down']), latencyMs: z.number().nullable(), error: z.string().optional() }),
  modules: z.array(z.string()),
});

/** GET /api/health: the host and its database, for load balancers and the region's monitoring. */
export function healthRoute(app: OpenAPIHono<AppEnv>, database: Database, config: HostConfig): void {
  const startedAt = Date.now();
  app.openapi(
    createRoute({
      method: 'get',
      path: '/api/health',
      tags: ['host'],
      summary: 'Health of the host and its database',
      responses: {
        200: { description: 'Healthy', content: { 'application/json': { schema: healthSchema } } },
        503: { description: 'Database unreachable', content: { 'application/json': { schema: healthSchema } } },
      },
    }),
    async (c) => {
      const started = performance.now();
      let state: z.infer<typeof healthSchema>['database'];
      try {
        await sql`select 1`.execute(database.db);
        state = { kind: database.kind, status: 'up', latencyMs: Math.round((performance.now() - started) * 10) / 10 };
      } catch (error) {
        state = { kind: database.kind, status: 'down', latencyMs: null, error: (error as Error).message };
      }
      const body = {
        status: state.status === 'up' ? ('ok' as const) : ('degraded' as const),
        uptimeSeconds: Math.round((Date.now() - startedAt) / 1000),
        database: state,
        modules: config.modules.map((item) => item.definition.id),
      };
      return state.status === 'up' ? c.json(body, 200) : c.json(body, 503);
    },
  );
}
