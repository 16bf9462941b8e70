import { Hono } from 'hono';
import { access } from '../../../http/access';
import { audited } from '../../../http/audit';
import { AppError } from '../../../http/errors';
import { render } from '../../../http/render';
import type { AppEnv } from '../../../http/types';
import { Csrf } from '../../../views/components';
import { Layout } from '../../../views/layout';
import { pageOf } from '../../../views/page';
import {
  buildCommitteeIcs,
  createCalendarLink,
  findCalendarLink,
  hasCalendarLink,
} from '../meetings/calendar';
import { listMeetings } from '../meetings/queries';
import { committeeTimeZone } from '../queries';
import { committeeBase, viewers } from './committee-context';
import type { Context } from 'hono';

async function calendarPage(c: Context<AppEnv>, token?: string) {
  const page = pageOf(c);
  const { t } = page;
  const base = committeeBase(c);
  const have = await hasCalendarLink(c.var.deps.db, {
    initiativeId: c.var.initiative.id,
    userId: c.var.user!.id,
  });
  const url = token ? `${c.var.deps.env.publicUrl}/cal/${token}/committee.ics` : undefined;
  const title = t('committee.calendar.title');
  return render(
    c,
    <Layout page={page} title={title}>
      <p>
        <a href={`${base}/meetings`}>
          {t('committee.meetings.titleOf', { name: c.var.initiative.name })}
        </a>
      </p>
      <h1>{title}</h1>
      <p>{t('committee.calendar.intro')}</p>
      {url && (
        <p>
          {t('committee.calendar.yours')}
          <br />
          <code class="secret" data-calendar-url>
            {url}
          </code>
        </p>
      )}
      {have && !url && <p>{t('committee.calendar.have')}</p>}
      <form method="post" action={`${base}/calendar`}>
        <Csrf page={page} />
        <button type="submit">
          {t(have ? 'committee.calendar.replace' : 'committee.calendar.create')}
        </button>
      </form>
    </Layout>,
  );
}

/** The member's private calendar link and the feed it opens. */
export const calendarRoutes = new Hono<AppEnv>()
  .get('/i/:slug/committee/calendar', viewers(), (c) => calendarPage(c))
  .post('/i/:slug/committee/calendar', viewers(), async (c) => {
    const { token } = await audited(
      c,
      (tx) => createCalendarLink(tx, { initiativeId: c.var.initiative.id, userId: c.var.user!.id }),
      {
        action: 'committee.calendar_link_created',
        targetType: 'initiative',
        targetId: c.var.initiative.id,
      },
    );
    c.header('Cache-Control', 'no-store');
    return calendarPage(c, token);
  })
  .get('/cal/:token/committee.ics', access.anyone(), async (c) => {
    const { db } = c.var.deps;
    const found = await findCalendarLink(db, c.req.param('token'));
    if (!found) throw new AppError('not_found');
    const initiativeId = found.initiative.id;
    const rows = [
      ...(await listMeetings(db, { initiativeId, when: 'past', limit: 300 })).reverse(),
      ...(await listMeetings(db, { initiativeId, when: 'upcoming' })),
    ].filter((m, i, all) => all.findIndex((x) => x.id === m.id) === i);
    const text = buildCommitteeIcs({
      name: found.initiative.name,
      slug: found.initiative.slug,
      timeZone: await committeeTimeZone(db, found.initiative.id),
      meetings: rows,
      baseUrl: c.var.deps.env.publicUrl,
      lang: found.user.locale === 'en' ? 'en' : 'es',
    });
    c.header('Content-Type', 'text/calendar; charset=utf-8');
    c.header('Cache-Control', 'private, no-store');
    return c.body(text);
  });
