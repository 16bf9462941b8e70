import { Hono, type Context } from 'hono';
import { render } from '../../../http/render';
import type { AppEnv } from '../../../http/types';
import { pageOf } from '../../../views/page';
import { localTitle } from '../../../views/local-title';
import { busContext, deskContext } from '../desk-context';
import { busPlace } from '../places';
import { busCounts, deskRoster, deskState, searchRegistrants } from '../queries';
import { BoardingView } from '../views/boarding-view';
import { deskAccess, EVENT } from './desk-access';

async function boardingPage(c: Context<AppEnv>) {
  const page = pageOf(c);
  const { t } = page;
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
  const title = `${t('checkin.bus.title', { name: route.name })} · ${localTitle(page, event)}`;
  return render(
    c,
    <BoardingView
      page={page}
      title={title}
      event={event}
      desk={desk}
      deskName={deskName}
      route={route}
      trip={trip}
      stop={stop}
      place={place}
      q={q}
      state={state}
      rows={rows}
      thisTrip={thisTrip}
    />,
  );
}

/** A bus's boarding list on the phone: its riders, check them on per trip and stop, counts. */
export const boardingRoutes = new Hono<AppEnv>().get(
  `${EVENT}/desk/bus/:route`,
  deskAccess(),
  (c) => boardingPage(c),
);
