/**
 * The check-in desk's page: the live counts, the search and its results, conflicts, the walk-in
 * form, the buses' counts and the desk script's settings.
 *
 * @example
 * render(c, <DeskPageView page={page} title={title} event={event} desk={desk} deskName={deskName}
 *   q={q} state={state} rows={rows} buses={buses} />);
 */
import type { FieldErrors, FormValues } from '../../../http/form';
import { formatNumber } from '../../../lib/format';
import { Layout } from '../../../views/layout';
import type { Page } from '../../../views/page';
import { deskStrings } from '../desk-strings';
import { deskPlace } from '../places';
import type { BusCount, DeskState } from '../queries';
import {
  DeskConflicts,
  DeskResults,
  DeskScript,
  DeskSearch,
  DeskStatus,
  WalkInForm,
  type DeskRow,
} from './desk-view';

export type DeskPageViewProps = {
  page: Page;
  title: string;
  event: { id: string; timeZone: string };
  /** The desk's base path. */
  desk: string;
  deskName: string;
  q: string;
  state: DeskState;
  rows: DeskRow[];
  buses: BusCount[];
  values?: FormValues;
  errors?: FieldErrors;
};

export function DeskPageView(props: DeskPageViewProps) {
  const { page, title, event, desk, deskName, q, state, rows, buses } = props;
  const o = { values: props.values, errors: props.errors };
  const { t, lang } = page;
  const hidden = { desk: deskName, q, place: deskPlace };
  return (
    <Layout page={page} title={title}>
      <h1>{title}</h1>
      <div id="desk" class="desk">
        <DeskStatus page={page} state={state} label={t('checkin.countDesk')} />
        <DeskSearch page={page} action={desk} q={q} deskName={deskName} />
        <DeskResults
          page={page}
          heading={t('checkin.results')}
          rows={rows}
          searched={q.trim() !== ''}
          state={state}
          timeZone={event.timeZone}
          checkinAction={`${desk}/checkins`}
          undoAction={(id) => `${desk}/checkins/${id}/undo`}
          hidden={hidden}
        />
        <DeskConflicts page={page} state={state} timeZone={event.timeZone} />
        <WalkInForm
          page={page}
          action={`${desk}/walk-in`}
          deskName={deskName}
          values={o.values}
          errors={o.errors}
        />
        {buses.length > 0 && (
          <section aria-labelledby="buses-h">
            <h2 id="buses-h">{t('checkin.buses')}</h2>
            <ul>
              {buses.map((b) => (
                <li>
                  <a href={`${desk}/bus/${b.routeId}`}>{b.name}</a> ·{' '}
                  {b.trips
                    .map((trip) =>
                      t('checkin.bus.tripCount', {
                        trip: t(`checkin.trip.${trip.trip}`),
                        boarded: formatNumber(trip.boarded, lang),
                        riders: formatNumber(b.riders, lang),
                      }),
                    )
                    .join(' · ')}
                </li>
              ))}
            </ul>
          </section>
        )}
        <p>
          <button type="button" id="desk-forget" class="link" hidden>
            {t('checkin.forget')}
          </button>
        </p>
      </div>
      <DeskScript
        page={page}
        config={{
          eventId: event.id,
          mode: 'desk',
          place: deskPlace,
          routeId: null,
          stop: null,
          deskName,
          timeZone: event.timeZone,
          lang,
          csrf: page.csrfToken,
          urls: {
            roster: `${desk}/roster.json`,
            state: `${desk}/state.json?place=${deskPlace}`,
            sync: `${desk}/sync`,
            sw: '/checkin-sw.js',
          },
          strings: { ...deskStrings(t), what: t('checkin.countDesk') },
        }}
      />
    </Layout>
  );
}
