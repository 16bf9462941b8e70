import { Hono } from 'hono';
import { access } from '../../../http/access';
import { render } from '../../../http/render';
import type { AppEnv } from '../../../http/types';
import { formatDateTime, formatDay } from '../../../lib/format';
import { Layout } from '../../../views/layout';
import { pageOf } from '../../../views/page';
import { localTitle } from '../../../views/local-title';
import { myVolunteering } from '../my-volunteering';
import { ShiftText } from '../views/shift-text';

/** The signed-in volunteer's own page: their events, shifts, and the pages their access opens. */
export const myVolunteeringRoutes = new Hono<AppEnv>().get(
  '/my/volunteering',
  access.signedIn(),
  async (c) => {
    const page = pageOf(c);
    const { t, lang } = page;
    const places = await myVolunteering(c.var.deps.db, { userId: c.var.user!.id });
    return render(
      c,
      <Layout page={page} title={t('eventDay.my.title')}>
        <h1>{t('eventDay.my.title')}</h1>
        {places.length === 0 ? (
          <p>{t('eventDay.my.empty')}</p>
        ) : (
          places.map((p) => {
            const zone = p.event.timeZone;
            const base = `/i/${p.initiative.slug}/editions/${p.edition.slug}/events/${p.event.id}`;
            return (
              <section>
                <h2>{localTitle(page, p.event)}</h2>
                <p>
                  {p.edition.name} · {formatDay(p.event.startsAt, lang, zone)} ·{' '}
                  {t('eventDay.timesIn', { zone })}
                </p>
                {p.shifts.length === 0 ? (
                  <p>{t('eventDay.shifts.none')}</p>
                ) : (
                  <ul class="cards">
                    {p.shifts.map((s) => (
                      <li class="card">
                        <ShiftText page={page} zone={zone} shift={s} />
                      </li>
                    ))}
                  </ul>
                )}
                {p.accessOpen ? (
                  <>
                    <p>
                      {t('eventDay.access.until', {
                        date: formatDateTime(p.volunteer.accessUntil!, lang, zone),
                      })}
                    </p>
                    <ul>
                      <li>
                        <a href={`${base}/room-counts`}>{t('eventDay.counts.title')}</a>
                      </li>
                      <li>
                        <a href={`${base}/desk`}>{t('eventDay.task.desk')}</a>
                      </li>
                      {[
                        ...new Map(
                          p.shifts
                            .filter((s) => s.transportRouteId)
                            .map((s) => [s.transportRouteId, s.route]),
                        ),
                      ].map(([id, name]) => (
                        <li>
                          <a href={`${base}/desk/bus/${id}`}>
                            {t('eventDay.my.boarding', { bus: name ?? '' })}
                          </a>
                        </li>
                      ))}
                    </ul>
                  </>
                ) : (
                  <p>{t('eventDay.my.noAccess')}</p>
                )}
              </section>
            );
          })
        )}
      </Layout>,
    );
  },
);
