import { Hono } from 'hono';
import { provided } from '../../../core/module';
import { access } from '../../../http/access';
import { AppError } from '../../../http/errors';
import { render } from '../../../http/render';
import type { AppEnv } from '../../../http/types';
import { formatDay, formatTime } from '../../../lib/format';
import { JsonLd } from '../../../views/json-ld';
import { Layout } from '../../../views/layout';
import { pageOf } from '../../../views/page';
import { findEdition, listEvents } from '../queries';
import { localTitle } from '../../../views/local-title';

/** `/e/{slug}`: the edition's public events, with venue and dates; invitation-only events are not listed. */
export const publicEditionRoutes = new Hono<AppEnv>().get(
  '/e/:slug',
  access.anyone(),
  async (c) => {
    const { db } = c.var.deps;
    const edition = await findEdition(db, c.req.param('slug'));
    if (!edition) throw new AppError('not_found');
    const all = (await listEvents(db, edition.id)).filter((r) => r.event.visibility === 'public');
    const openRegistrations = provided(c.var.modules, 'openRegistrations');
    const registering = openRegistrations
      ? await openRegistrations(
          db,
          all.map((r) => r.event.id),
        )
      : new Set<string>();
    const page = pageOf(c);
    // Blocks other modules add (topics, sponsors…), in the module list's order.
    const sections = await Promise.all(
      c.var.modules.map((m) => m.sections?.publicEdition?.({ db, page, edition }) ?? null),
    );
    const { t, lang } = page;
    const origin = c.var.deps.env.publicUrl;
    return render(
      c,
      <Layout page={page} title={edition.name}>
        <h1>{edition.name}</h1>
        <h2>{t('programme.events')}</h2>
        {all.length === 0 ? (
          <p>{t('programme.empty')}</p>
        ) : (
          all.map(({ event, venue }) => (
            <section class="card">
              <h3>{localTitle(page, event)}</h3>
              <p>{t(`programme.kind.${event.kind}`)}</p>
              <dl class="facts">
                <dt>{t('programme.when')}</dt>
                <dd>
                  {formatDay(event.startsAt, lang, event.timeZone)}
                  {event.timesKnown
                    ? `, ${formatTime(event.startsAt, lang, event.timeZone)}–${formatTime(event.endsAt, lang, event.timeZone)} (${event.timeZone})`
                    : ` (${t('programme.dateOnly')})`}
                </dd>
                {venue && (
                  <>
                    <dt>{t('programme.venue')}</dt>
                    <dd>
                      {venue.name}
                      {venue.address && <>, {venue.address}</>}
                    </dd>
                    {venue.directions && (
                      <>
                        <dt>{t('programme.directions')}</dt>
                        <dd>{venue.directions}</dd>
                      </>
                    )}
                  </>
                )}
              </dl>
              {(event.published || registering.has(event.id)) && (
                <ul class="inline-list">
                  {event.published && (
                    <li>
                      <a href={`/e/${edition.slug}/programme`}>{t('programme.see')}</a>
                    </li>
                  )}
                  {registering.has(event.id) && (
                    <li>
                      <a href={`/e/${edition.slug}/events/${event.id}/register`}>
                        {t('registration.link')}
                      </a>
                    </li>
                  )}
                </ul>
              )}
              <JsonLd
                page={page}
                data={{
                  '@context': 'https://schema.org',
                  '@type': 'Event',
                  name: localTitle(page, event),
                  startDate: event.startsAt.toISOString(),
                  endDate: event.endsAt.toISOString(),
                  eventAttendanceMode: 'https://schema.org/OfflineEventAttendanceMode',
                  url: `${origin}/e/${edition.slug}`,
                  ...(venue
                    ? {
                        location: {
                          '@type': 'Place',
                          name: venue.name,
                          address: venue.address ?? undefined,
                        },
                      }
                    : {}),
                }}
              />
            </section>
          ))
        )}
        {sections}
      </Layout>,
    );
  },
);
