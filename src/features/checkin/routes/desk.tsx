import { isUuid } from '../../../lib/uuid';
import { randomUUID } from 'node:crypto';
import { Hono, type Context } from 'hono';
import { z } from 'zod';
import { audit } from '../../../http/audit';
import { AppError } from '../../../http/errors';
import { setFlash } from '../../../http/flash';
import { readForm, type FieldErrors, type FormValues } from '../../../http/form';
import { render } from '../../../http/render';
import type { AppEnv } from '../../../http/types';
import { fields } from '../../../lib/fields';
import { formatNumber } from '../../../lib/format';
import { Layout } from '../../../views/layout';
import { pageOf } from '../../../views/page';
import { localTitle } from '../../../views/local-title';
import { inputErrorsOrThrow } from '../../../http/input-error';
import { registerForEvent } from '../../registration/index';
import { notifyMoves } from '../../registration/index';
import { sendRegistrationMail } from '../../registration/index';
import { deskContext, deskNameField } from '../desk-context';
import { deskStrings } from '../desk-strings';
import { deskPlace, parsePlace } from '../places';
import { busCounts, deskState, searchRegistrants } from '../queries';
import { recordCheckins } from '../record-checkins';
import { undoCheckin } from '../undo-checkin';
import {
  DeskConflicts,
  DeskResults,
  DeskScript,
  DeskSearch,
  DeskStatus,
  WalkInForm,
} from '../views/desk-view';
import { deskAccess, EVENT } from './desk-access';

async function deskPage(c: Context<AppEnv>, o: { values?: FormValues; errors?: FieldErrors } = {}) {
  const page = pageOf(c);
  const { t, lang } = page;
  const { event, desk, deskName } = await deskContext(c);
  const db = c.var.deps.db;
  const q = (c.req.query('q') ?? '').slice(0, 100);
  const [state, rows, buses] = await Promise.all([
    deskState(db, { eventId: event.id, place: deskPlace }),
    q.trim() ? searchRegistrants(db, { eventId: event.id, q }) : Promise.resolve([]),
    busCounts(db, event.id),
  ]);
  const title = `${t('checkin.title')} · ${localTitle(page, event)}`;
  const hidden = { desk: deskName, q, place: deskPlace };
  return render(
    c,
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
    </Layout>,
    o.errors ? 422 : 200,
  );
}

const checkinForm = z.object({
  registrationId: z.uuid('form.invalid'),
  place: z.string().max(80),
  stop: z
    .string()
    .max(200)
    .optional()
    .transform((v) => v || null),
  desk: deskNameField,
  q: z.string().max(100).optional().default(''),
});

const undoForm = checkinForm.pick({ desk: true, q: true }).extend({
  stop: checkinForm.shape.stop,
});

/** Where a no-script form returns: the desk or the bus page, with the search and desk kept. */
function backTo(desk: string, place: string, o: { q: string; desk?: string; stop: string | null }) {
  const parsed = parsePlace(place);
  const query = new URLSearchParams();
  if (parsed?.kind === 'bus') {
    query.set('trip', parsed.trip);
    if (o.stop) query.set('stop', o.stop);
  }
  if (o.desk) query.set('desk', o.desk);
  if (o.q) query.set('q', o.q);
  const path = parsed?.kind === 'bus' ? `${desk}/bus/${parsed.routeId}` : desk;
  return `${path}?${query.toString()}`;
}

const walkInForm = z.object({
  name: fields.text({ max: 200 }),
  email: fields.email(),
  institution: z
    .string()
    .trim()
    .max(200, 'form.tooLong|max=200')
    .optional()
    .transform((v) => v || null),
  desk: deskNameField,
});

/** The check-in desk of an event without the script: search, check in, undo, walk-ins. */
export const deskRoutes = new Hono<AppEnv>()
  .get(`${EVENT}/desk`, deskAccess(), (c) => deskPage(c))
  .post(`${EVENT}/desk/checkins`, deskAccess(), async (c) => {
    const { event, desk, deskName } = await deskContext(c);
    const form = await readForm(c, checkinForm);
    if (!form.ok) throw new AppError('invalid');
    const name = form.data.desk ?? deskName;
    const [result] = await recordCheckins({
      db: c.var.deps.db,
      eventId: event.id,
      userId: c.var.user?.id ?? null,
      items: [
        {
          id: randomUUID(),
          registrationId: form.data.registrationId,
          place: form.data.place,
          stop: form.data.stop,
          deskName: name,
          at: new Date(),
        },
      ],
    });
    if (!result || result.result === 'rejected') throw new AppError('not_found');
    await audit(c, 'checkin.recorded', {
      targetType: 'registration',
      targetId: form.data.registrationId,
      data: { checkin: result.id, place: form.data.place, result: result.result, desk: name },
    });
    setFlash(c, result.result === 'conflict' ? 'checkin.flash.conflict' : 'checkin.flash.done');
    return c.redirect(backTo(desk, form.data.place, { ...form.data, desk: name }), 303);
  })
  .post(`${EVENT}/desk/checkins/:checkin/undo`, deskAccess(), async (c) => {
    const { event, desk } = await deskContext(c);
    const id = c.req.param('checkin');
    if (!isUuid(id)) throw new AppError('not_found');
    const form = await readForm(c, undoForm);
    if (!form.ok) throw new AppError('invalid');
    const done = await undoCheckin({
      db: c.var.deps.db,
      eventId: event.id,
      id,
      userId: c.var.user?.id ?? null,
    });
    if (!done.checkin) throw new AppError('not_found');
    await audit(c, 'checkin.undone', {
      targetType: 'registration',
      targetId: done.checkin.registrationId,
      data: { checkin: id, place: done.checkin.place, result: done.result },
    });
    setFlash(c, 'checkin.flash.undone');
    return c.redirect(backTo(desk, done.checkin.place, form.data), 303);
  })
  .post(`${EVENT}/desk/walk-in`, deskAccess(), async (c) => {
    const { event, desk, deskName } = await deskContext(c);
    const form = await readForm(c, walkInForm);
    if (!form.ok) return deskPage(c, form);
    const name = form.data.desk ?? deskName;
    let result;
    try {
      result = await registerForEvent({
        db: c.var.deps.db,
        secret: c.var.deps.secret,
        eventId: event.id,
        atDesk: true,
        input: {
          name: form.data.name,
          email: form.data.email,
          institution: form.data.institution,
          stakeholderGroup: null,
          country: null,
          gender: null,
          accessibilityNeeds: null,
          consentPhotos: false,
          consentStreaming: false,
          consentContact: false,
          lang: c.var.lang,
          answers: {},
          sessionIds: [],
        },
      });
    } catch (error) {
      const errors = inputErrorsOrThrow(c, error);
      // The only refusal beside the e-mail is "already registered", said the desk's way.
      if (errors.email) errors.email = c.var.t('checkin.walkIn.already');
      return deskPage(c, { values: form.values, errors });
    }
    const { registration } = result;
    const status = registration.status as 'confirmed' | 'pending' | 'waiting';
    if (status === 'confirmed')
      await recordCheckins({
        db: c.var.deps.db,
        eventId: event.id,
        userId: c.var.user?.id ?? null,
        items: [
          {
            id: randomUUID(),
            registrationId: registration.id,
            place: deskPlace,
            stop: null,
            deskName: name,
            at: new Date(),
          },
        ],
      });
    await sendRegistrationMail(c.var.deps, { registrationId: registration.id, state: status });
    await notifyMoves(c, result);
    await audit(c, 'checkin.walk_in', {
      targetType: 'registration',
      targetId: registration.id,
      data: { status, desk: name },
    });
    setFlash(c, `checkin.walkIn.${status}`, { name: registration.name });
    return c.redirect(`${desk}?${new URLSearchParams({ desk: name }).toString()}`, 303);
  });
