import { Hono } from 'hono';
import { access } from '../../../http/access';
import { AppError } from '../../../http/errors';
import { render } from '../../../http/render';
import type { AppEnv } from '../../../http/types';
import { formatDay } from '../../../lib/format';
import { JsonLd } from '../../../views/json-ld';
import { Layout } from '../../../views/layout';
import { pageOf } from '../../../views/page';
import { findEdition } from '../queries';
import { findPublishedSession } from '../publishing/published-programme';
import { localTitle } from '../../../views/local-title';
import { SessionCard } from '../views/session-card';

/** `/e/{slug}/sessions/{id}`: one session of a published programme. */
export const publicSessionRoutes = new Hono<AppEnv>().get(
  '/e/:slug/sessions/:id',
  access.anyone(),
  async (c) => {
    const { db } = c.var.deps;
    const edition = await findEdition(db, c.req.param('slug'));
    const found = edition
      ? await findPublishedSession(db, { edition, sessionId: c.req.param('id') })
      : undefined;
    if (!edition || !found || found.event.visibility !== 'public') throw new AppError('not_found');
    const page = pageOf(c);
    const { t, lang } = page;
    const { item, event } = found;
    // The session's own stream, else its room's, else the event's.
    const stream = item.streamUrl ?? item.room?.streamUrl ?? event.streamUrl;
    return render(
      c,
      <Layout page={page} title={localTitle(page, item)}>
        <p>
          <a href={`/e/${edition.slug}/programme`}>{t('programme.back')}</a>
        </p>
        <p>
          {formatDay(item.startsAt, lang, event.timeZone)} ·{' '}
          {t('programme.timesIn', { zone: event.timeZone })}
        </p>
        <SessionCard
          page={page}
          item={item}
          timeZone={event.timeZone}
          href=""
          full
          personHref={(id) => `/e/${edition.slug}/people/${id}`}
        />
        {(stream || item.recordingUrl || item.doNotRecord) && (
          <ul class="inline-list">
            {stream && (
              <li>
                <a href={stream}>{t('programme.watch')}</a>
              </li>
            )}
            {item.recordingUrl && (
              <li>
                <a href={item.recordingUrl}>{t('programme.recording')}</a>
              </li>
            )}
            {item.doNotRecord && <li>{t('programme.notRecorded')}</li>}
          </ul>
        )}
        <p>
          <a href={`/e/${edition.slug}/programme.ics?session=${item.id}`}>
            {t('programme.sessionIcs')}
          </a>
        </p>
        <JsonLd
          page={page}
          data={{
            '@context': 'https://schema.org',
            '@type': 'Event',
            name: localTitle(page, item),
            startDate: item.startsAt.toISOString(),
            endDate: item.endsAt.toISOString(),
            superEvent: { '@type': 'Event', name: localTitle(page, event) },
            performer: item.people
              .filter((p) => p.role === 'speaker')
              .map((p) => ({ '@type': 'Person', name: p.name })),
            ...(item.room ? { location: { '@type': 'Place', name: item.room.name } } : {}),
          }}
        />
      </Layout>,
    );
  },
);
