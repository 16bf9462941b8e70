import { Hono } from 'hono';
import { access } from '../../http/access';
import type { AppEnv } from '../../http/types';

/** `GET /healthz`: JSON with the database state; 503 when the database does not answer. */
export const healthRoutes = new Hono<AppEnv>().get('/healthz', access.anyone(), async (c) => {
  const { database } = c.var.deps;
  const db = await database.ping();
  c.header('Cache-Control', 'no-store');
  return c.json(
    {
      status: db.ok ? 'ok' : 'error',
      database: { status: db.ok ? 'up' : 'down', driver: database.driver, latencyMs: db.latencyMs },
    },
    db.ok ? 200 : 503,
  );
});
