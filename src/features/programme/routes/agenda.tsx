import { Hono, type Context } from 'hono';
import { access } from '../../../http/access';
import { readCookie, writeCookie } from '../../../http/cookies';
import { AppError } from '../../../http/errors';
import { setFlash } from '../../../http/flash';
import { rateLimit } from '../../../http/rate-limit/rate-limit';
import { render } from '../../../http/render';
import type { AppEnv } from '../../../http/types';
import { randomToken } from '../../../lib/crypto';
import { safeNext } from '../../../lib/safe-next';
import { Layout } from '../../../views/layout';
import { pageOf } from '../../../views/page';
import {
  agendaByCalendarToken,
  agendaFor,
  starredIds,
  toggleStar,
  type AgendaOwner,
} from '../agenda';
import { findPublishedSession, publishedProgramme } from '../publishing/published-programme';
import { buildProgrammeIcs } from '../exports/ical';
import { findEdition, sessionExists } from '../queries';
import { SessionCard } from '../views/session-card';

const YEAR = 60 * 60 * 24 * 365;

/** The visitor's agenda owner: their account, or this browser's agenda cookie (made when needed). */
export function agendaOwner(c: Context<AppEnv>, o: { create: boolean }): AgendaOwner | undefined {
  if (c.var.user) return { userId: c.var.user.id };
  let token = readCookie(c, 'agenda');
  if (!token && o.create) {
    token = randomToken();
    writeCookie(c, 'agenda', token, { maxAge: YEAR });
  }
  return token ? { cookieToken: token } : undefined;
}

export const agendaRoutes = new Hono<AppEnv>()
  .post(
    '/e/:slug/sessions/:id/star',
    access.anyone(),
    rateLimit({ name: 'star', limit: 300, windowSeconds: 3600 }),
    async (c) => {
      const { db } = c.var.deps;
      const edition = await findEdition(db, c.req.param('slug'));
      const found = edition
        ? await findPublishedSession(db, { edition, sessionId: c.req.param('id') })
        : undefined;
      // A session withdrawn in the draft stays published until the next version, but cannot be starred.
      if (!edition || !found || !(await sessionExists(db, found.item.id)))
        throw new AppError('not_found');
      const agenda = await agendaFor(db, agendaOwner(c, { create: true })!, { create: true });
      const starred = await toggleStar(db, { agendaId: agenda!.id, sessionId: found.item.id });
      setFlash(c, starred ? 'agenda.added' : 'agenda.removed');
      const body = await c.req.parseBody();
      return c.redirect(safeNext(body.next, `/e/${edition.slug}/programme`), 303);
    },
  )
  .get('/e/:slug/agenda', access.anyone(), async (c) => {
    const { db, env } = c.var.deps;
    const edition = await findEdition(db, c.req.param('slug'));
    if (!edition) throw new AppError('not_found');
    const owner = agendaOwner(c, { create: false });
    const agenda = owner ? await agendaFor(db, owner, { create: false }) : undefined;
    const ids = await starredIds(db, agenda?.id);
    const { items, zone } = await publishedProgramme(db, edition);
    const mine = items.filter((s) => ids.has(s.id));
    const page = pageOf(c);
    const { t } = page;
    const calendarUrl = agenda
      ? `${env.publicUrl}/e/${edition.slug}/agenda/${agenda.calendarToken}.ics`
      : undefined;
    c.header('Cache-Control', 'private, no-store');
    return render(
      c,
      <Layout page={page} title={t('agenda.title')}>
        <p>
          <a href={`/e/${edition.slug}/programme`}>{t('programme.back')}</a>
        </p>
        <h1>{t('agenda.title')}</h1>
        <p>{t('agenda.lead')}</p>
        {mine.length === 0 ? (
          <p>{t('agenda.empty')}</p>
        ) : (
          <>
            {mine.map((s) => (
              <SessionCard
                page={page}
                item={s}
                timeZone={zone}
                href={`/e/${edition.slug}/sessions/${s.id}`}
                star={{
                  starred: true,
                  action: `/e/${edition.slug}/sessions/${s.id}/star`,
                  next: `/e/${edition.slug}/agenda`,
                }}
              />
            ))}
            <h2>{t('agenda.subscribe')}</h2>
            <p>
              <code class="secret">{calendarUrl}</code>
            </p>
            <p class="hint">{t('agenda.subscribeHint')}</p>
            <p>
              <a href={calendarUrl}>{t('agenda.download')}</a>
            </p>
          </>
        )}
      </Layout>,
    );
  })
  .get('/e/:slug/agenda/:file', access.anyone(), async (c) => {
    const { db, env } = c.var.deps;
    const token = /^([A-Za-z0-9_-]{32})\.ics$/.exec(c.req.param('file'))?.[1];
    const edition = await findEdition(db, c.req.param('slug'));
    const agenda = token ? await agendaByCalendarToken(db, token) : undefined;
    if (!edition || !agenda) throw new AppError('not_found');
    const { text } = await buildProgrammeIcs(db, {
      edition,
      baseUrl: env.publicUrl,
      lang: c.var.lang,
      sessionIds: await starredIds(db, agenda.id),
      name: `${edition.name} · ${c.var.t('agenda.title')}`,
    });
    c.header('Content-Type', 'text/calendar; charset=utf-8');
    c.header('Cache-Control', 'private, no-store');
    return c.body(text);
  });
