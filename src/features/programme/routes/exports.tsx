import { Hono } from 'hono';
import { access } from '../../../http/access';
import { AppError } from '../../../http/errors';
import type { AppEnv } from '../../../http/types';
import { buildC3vocSchedule } from '../exports/c3voc';
import { frabXml } from '../exports/frab';
import { buildProgrammeIcs } from '../exports/ical';
import { findEdition } from '../queries';

/** Standard exports of a published programme: iCalendar (whole or one session), frab XML and c3voc JSON. */
export const exportRoutes = new Hono<AppEnv>()
  .get('/e/:slug/programme.ics', access.anyone(), async (c) => {
    const edition = await findEdition(c.var.deps.db, c.req.param('slug'));
    if (!edition) throw new AppError('not_found');
    const session = c.req.query('session');
    const { text, count } = await buildProgrammeIcs(c.var.deps.db, {
      edition,
      baseUrl: c.var.deps.env.publicUrl,
      lang: c.var.lang,
      sessionIds: session ? new Set([session]) : undefined,
    });
    if (session && count === 0) throw new AppError('not_found');
    c.header('Content-Type', 'text/calendar; charset=utf-8');
    c.header(
      'Content-Disposition',
      `attachment; filename="${edition.slug}${session ? '-session' : ''}.ics"`,
    );
    return c.body(text);
  })
  .get('/e/:slug/schedule.xml', access.anyone(), async (c) => {
    const edition = await findEdition(c.var.deps.db, c.req.param('slug'));
    if (!edition) throw new AppError('not_found');
    const schedule = await buildC3vocSchedule(c.var.deps.db, {
      edition,
      baseUrl: c.var.deps.env.publicUrl,
    });
    c.header('Content-Type', 'application/xml; charset=utf-8');
    c.header('Cache-Control', 'public, max-age=300');
    return c.body(frabXml(schedule));
  })
  .get('/e/:slug/schedule.json', access.anyone(), async (c) => {
    const edition = await findEdition(c.var.deps.db, c.req.param('slug'));
    if (!edition) throw new AppError('not_found');
    const schedule = await buildC3vocSchedule(c.var.deps.db, {
      edition,
      baseUrl: c.var.deps.env.publicUrl,
    });
    c.header('Cache-Control', 'public, max-age=300');
    return c.json(schedule);
  });
