import { Hono, type Context } from 'hono';
import { access } from '../../../http/access';
import { AppError } from '../../../http/errors';
import type { AppEnv } from '../../../http/types';
import { buildC3vocSchedule } from '../exports/c3voc';
import { etagOf, isNotModified } from '../exports/conditional';
import { cachedExport } from '../exports/export-cache';
import { exportVersionOf } from '../exports/export-version';
import { frabXml } from '../exports/frab';
import { buildProgrammeIcs } from '../exports/ical';
import { findEdition } from '../queries';

/** Whether the client takes gzip (named, or `*`, without `q=0`). */
function acceptsGzip(header: string | undefined): boolean {
  return (header ?? '').split(',').some((part) => {
    const [coding, ...params] = part.split(';').map((x) => x.trim().toLowerCase());
    const q = params.find((p) => p.startsWith('q='));
    return (coding === 'gzip' || coding === '*') && !(q && Number(q.slice(2)) === 0);
  });
}

/**
 * Answers with an export of the edition's published programme: `304` when the client holds this
 * version already, otherwise the body built once per version (see `cachedExport`), with `ETag`,
 * `Last-Modified` and a short public cache time.
 */
async function answerExport(
  c: Context<AppEnv>,
  o: {
    variant: string[];
    /** False for small exports chosen by the query string, so they never push out large ones. */
    cache?: boolean;
    headers: Record<string, string>;
    build: (edition: NonNullable<Awaited<ReturnType<typeof findEdition>>>) => Promise<string>;
  },
) {
  const edition = await findEdition(c.var.deps.db, c.req.param('slug')!);
  if (!edition) throw new AppError('not_found');
  const version = await exportVersionOf(c.var.deps.db, edition);
  const etag = etagOf(version.tag, ...o.variant);
  c.header('ETag', etag);
  if (version.lastModified) c.header('Last-Modified', version.lastModified.toUTCString());
  c.header('Cache-Control', 'public, max-age=300');
  const cached = {
    ifNoneMatch: c.req.header('If-None-Match'),
    ifModifiedSince: c.req.header('If-Modified-Since'),
  };
  if (isNotModified({ ...cached, etag, lastModified: version.lastModified }))
    return c.body(null, 304);
  const key = [c.var.deps.env.publicUrl, edition.id, version.tag, ...o.variant].join('|');
  for (const [name, value] of Object.entries(o.headers)) c.header(name, value);
  if (o.cache === false) return c.body(await o.build(edition));
  const body = await cachedExport({ key, build: () => o.build(edition) });
  c.header('Vary', 'Accept-Encoding');
  if (!acceptsGzip(c.req.header('Accept-Encoding'))) return c.body(body.text);
  // Compressed once with the build; the compress middleware leaves an encoded body alone.
  c.header('Content-Encoding', 'gzip');
  return c.body(new Uint8Array(body.gzip));
}

/** Standard exports of a published programme: iCalendar (whole or one session), frab XML and c3voc JSON. */
export const exportRoutes = new Hono<AppEnv>()
  .get('/e/:slug/programme.ics', access.anyone(), async (c) => {
    const session = c.req.query('session');
    const baseUrl = c.var.deps.env.publicUrl;
    const lang = c.var.lang;
    return answerExport(c, {
      variant: ['ics', lang, session ?? 'all'],
      cache: !session,
      headers: {
        'Content-Type': 'text/calendar; charset=utf-8',
        'Content-Disposition': `attachment; filename="${c.req.param('slug')}${session ? '-session' : ''}.ics"`,
      },
      build: async (edition) => {
        const { text, count } = await buildProgrammeIcs(c.var.deps.db, {
          edition,
          baseUrl,
          lang,
          sessionIds: session ? new Set([session]) : undefined,
        });
        if (session && count === 0) throw new AppError('not_found');
        return text;
      },
    });
  })
  .get('/e/:slug/schedule.xml', access.anyone(), (c) =>
    answerExport(c, {
      variant: ['frab'],
      headers: { 'Content-Type': 'application/xml; charset=utf-8' },
      build: async (edition) =>
        frabXml(
          await buildC3vocSchedule(c.var.deps.db, { edition, baseUrl: c.var.deps.env.publicUrl }),
        ),
    }),
  )
  .get('/e/:slug/schedule.json', access.anyone(), (c) =>
    answerExport(c, {
      variant: ['c3voc'],
      headers: { 'Content-Type': 'application/json; charset=utf-8' },
      build: async (edition) =>
        JSON.stringify(
          await buildC3vocSchedule(c.var.deps.db, { edition, baseUrl: c.var.deps.env.publicUrl }),
        ),
    }),
  );
