import { Hono } from 'hono';
import { access } from '../../../http/access';
import { AppError } from '../../../http/errors';
import { render } from '../../../http/render';
import type { AppEnv } from '../../../http/types';
import { dayKey } from '../../../lib/format';
import { JsonLd } from '../../../views/json-ld';
import { Layout } from '../../../views/layout';
import { pageOf } from '../../../views/page';
import { publishedProgramme } from '../publishing/published-programme';
import { findEdition } from '../queries';
import { SessionCard } from '../views/session-card';

/**
 * `/e/{slug}/people/{id}`: a speaker's (moderator's, …) page — their name and their sessions in the
 * published public programme, nothing else from the network.
 */
export const publicPersonRoutes = new Hono<AppEnv>().get(
  '/e/:slug/people/:id',
  access.anyone(),
  async (c) => {
    const { db } = c.var.deps;
    const edition = await findEdition(db, c.req.param('slug'));
    if (!edition) throw new AppError('not_found');
    const id = c.req.param('id');
    const { items, zone } = await publishedProgramme(db, edition);
    const theirs = items.filter((s) => s.people.some((p) => p.personId === id));
    const severalDays = new Set(theirs.map((s) => dayKey(s.startsAt, zone))).size > 1;
    const name = theirs[0]?.people.find((p) => p.personId === id)?.name;
    if (!name) throw new AppError('not_found');
    const page = pageOf(c);
    const { t } = page;
    return render(
      c,
      <Layout page={page} title={`${name} · ${edition.name}`}>
        <p>
          <a href={`/e/${edition.slug}/programme`}>{t('programme.back')}</a>
        </p>
        <h1>{name}</h1>
        <p class="hint">{t('programme.timesIn', { zone })}</p>
        {theirs.map((s) => (
          <SessionCard
            page={page}
            item={s}
            timeZone={zone}
            withDate={severalDays}
            href={`/e/${edition.slug}/sessions/${s.id}`}
          />
        ))}
        <JsonLd
          page={page}
          data={{
            '@context': 'https://schema.org',
            '@type': 'Person',
            name,
            performerIn: theirs.map((s) => ({
              '@type': 'Event',
              name: page.lang === 'en' ? (s.titleEn ?? s.titleEs) : s.titleEs,
              startDate: s.startsAt.toISOString(),
              url: `${c.var.deps.env.publicUrl}/e/${edition.slug}/sessions/${s.id}`,
            })),
          }}
        />
      </Layout>,
    );
  },
);
