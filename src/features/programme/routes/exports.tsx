import { Hono } from 'hono';
import { access } from '../../../http/access';
import { AppError } from '../../../http/errors';
import type { AppEnv } from '../../../http/types';
import { buildC3vocSchedule } from '../exports/c3voc';
import { findEdition } from '../queries';

/** Standard exports of a published programme. */
export const exportRoutes = new Hono<AppEnv>().get(
  '/e/:slug/schedule.json',
  access.anyone(),
  async (c) => {
    const edition = await findEdition(c.var.deps.db, c.req.param('slug'));
    if (!edition) throw new AppError('not_found');
    const schedule = await buildC3vocSchedule(c.var.deps.db, {
      edition,
      baseUrl: c.var.deps.env.publicUrl,
    });
    c.header('Cache-Control', 'public, max-age=300');
    return c.json(schedule);
  },
);
