/**
 * A bus's boarding page: the trip and stop choice, the live counts, the riders to check on and
 * the desk script's settings.
 *
 * @example
 * render(c, <BoardingView page={page} title={title} event={event} desk={desk} deskName={deskName}
 *   route={route} trip={trip} stop={stop} place={place} q={q} state={state} rows={rows} thisTrip={thisTrip} />);
 */
import { formatNumber } from '../../../lib/format';
import { Layout } from '../../../views/layout';
import type { Page } from '../../../views/page';
import { deskStrings } from '../desk-strings';
import type { BusCount, DeskState } from '../queries';
import { trips, type Trip } from '../schema';
import { DeskConflicts, DeskResults, DeskScript, DeskStatus, type DeskRow } from './desk-view';

export type BoardingViewProps = {
  page: Page;
  title: string;
  event: { id: string; timeZone: string };
  /** The desk's base path. */
  desk: string;
  deskName: string;
  route: { id: string; name: string; stops: { name: string; time: string | null }[] };
  trip: Trip;
  stop: string | null;
  place: string;
  q: string;
  state: DeskState;
  rows: DeskRow[];
  thisTrip: BusCount['trips'][number] | undefined;
};

export function BoardingView(props: BoardingViewProps) {
  const { page, title, event, desk, deskName, route, trip, stop, place, q, state, rows, thisTrip } =
    props;
  const { t, lang } = page;
  const path = `${desk}/bus/${route.id}`;
  return (
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
    </Layout>
  );
}
