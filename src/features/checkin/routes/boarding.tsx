import { Hono, type Context } from 'hono';
import { render } from '../../../http/render';
import type { AppEnv } from '../../../http/types';
import { formatNumber } from '../../../lib/format';
import { Layout } from '../../../views/layout';
import { pageOf } from '../../../views/page';
import { localTitle } from '../../../views/local-title';
import { busContext, deskContext } from '../desk-context';
import { deskStrings } from '../desk-strings';
import { busPlace } from '../places';
import { busCounts, deskRoster, deskState, searchRegistrants } from '../queries';
import { trips } from '../schema';
import { DeskConflicts, DeskResults, DeskScript, DeskStatus } from '../views/desk-view';
import { deskAccess, EVENT } from './desk-access';

async function boardingPage(c: Context<AppEnv>) {
  const page = pageOf(c);
  const { t, lang } = page;
  const { event, desk, deskName } = await deskContext(c);
  const { route, trip, stop } = await busContext(c, event.id);
  const db = c.var.deps.db;
  const place = busPlace(route.id, trip);
  const q = (c.req.query('q') ?? '').slice(0, 100);
  const [state, rows, counts] = await Promise.all([
    deskState(db, { eventId: event.id, place, routeId: route.id }),
    q.trim()
      ? searchRegistrants(db, { eventId: event.id, q, routeId: route.id })
      : deskRoster(db, { eventId: event.id, routeId: route.id }),
    busCounts(db, event.id),
  ]);
  const thisTrip = counts.find((b) => b.routeId === route.id)?.trips.find((x) => x.trip === trip);
  const path = `${desk}/bus/${route.id}`;
  const title = `${t('checkin.bus.title', { name: route.name })} · ${localTitle(page, event)}`;
  return render(
    c,
    <Layout page={page} title={title}>
      <p>
        <a href={`${desk}?${new URLSearchParams({ desk: deskName }).toString()}`}>
          {t('checkin.title')}
        </a>
      </p>
      <h1>{title}</h1>
      <p>{route.stops.map((s) => (s.time ? `${s.time} ${s.name}` : s.name)).join(' → ')}</p>
      <div id="desk" class="desk">
        <form method="get" action={path} class="stack" id="bus-trip">
          <input type="hidden" name="desk" value={deskName} />
          <fieldset>
            <legend>{t('checkin.bus.trip')}</legend>
            {trips.map((x) => (
              <label class="choice">
                <input type="radio" name="trip" value={x} checked={x === trip} />{' '}
                {t(`checkin.trip.${x}`)}
              </label>
            ))}
          </fieldset>
          <div class="field">
            <label for="f-stop">{t('checkin.bus.stop')}</label>
            <select id="f-stop" name="stop">
              <option value="">{t('checkin.bus.noStop')}</option>
              {route.stops.map((s) => (
                <option value={s.name} selected={s.name === stop}>
                  {s.name}
                </option>
              ))}
            </select>
          </div>
          <button type="submit" class="secondary">
            {t('checkin.bus.choose')}
          </button>
        </form>
        <DeskStatus page={page} state={state} label={t('checkin.countBus')} />
        {thisTrip && thisTrip.stops.length > 0 && (
          <ul class="inline-list" aria-label={t('checkin.bus.byStop')}>
            {thisTrip.stops.map((s) => (
              <li>
                {t('checkin.bus.stopCount', {
                  stop: s.stop ?? t('checkin.bus.noStop'),
                  boarded: formatNumber(s.boarded, lang),
                })}
              </li>
            ))}
          </ul>
        )}
        <form method="get" action={path} class="stack desk-search" role="search" id="desk-search">
          <input type="hidden" name="desk" value={deskName} />
          <input type="hidden" name="trip" value={trip} />
          {stop && <input type="hidden" name="stop" value={stop} />}
          <div class="field">
            <label for="f-q">{t('checkin.search')}</label>
            <input id="f-q" name="q" type="search" value={q} />
          </div>
          <button type="submit">{t('checkin.searchButton')}</button>
        </form>
        <DeskResults
          page={page}
          heading={t('checkin.bus.list')}
          rows={rows}
          searched
          state={state}
          timeZone={event.timeZone}
          checkinAction={`${desk}/checkins`}
          undoAction={(id) => `${desk}/checkins/${id}/undo`}
          hidden={{ desk: deskName, q, place, ...(stop ? { stop } : {}) }}
        />
        <DeskConflicts page={page} state={state} timeZone={event.timeZone} />
      </div>
      <DeskScript
        page={page}
        config={{
          eventId: event.id,
          mode: 'bus',
          place,
          routeId: route.id,
          stop,
          deskName,
          timeZone: event.timeZone,
          lang,
          csrf: page.csrfToken,
          urls: {
            roster: `${desk}/roster.json?route=${route.id}`,
            state: `${desk}/state.json?place=${encodeURIComponent(place)}`,
            sync: `${desk}/sync`,
            sw: '/checkin-sw.js',
          },
          strings: { ...deskStrings(t), what: t('checkin.countBus') },
        }}
      />
    </Layout>,
  );
}

/** A bus's boarding list on the phone: its riders, check them on per trip and stop, counts. */
export const boardingRoutes = new Hono<AppEnv>().get(
  `${EVENT}/desk/bus/:route`,
  deskAccess(),
  (c) => boardingPage(c),
);
