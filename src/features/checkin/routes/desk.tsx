import { isUuid } from '../../../lib/uuid';
import { randomUUID } from 'node:crypto';
import { Hono, type Context } from 'hono';
import { z } from 'zod';
import { audited } from '../../../http/audit';
import { AppError } from '../../../http/errors';
import { setFlash } from '../../../http/flash';
import { readForm, type FieldErrors, type FormValues } from '../../../http/form';
import { render } from '../../../http/render';
import type { AppEnv } from '../../../http/types';
import { fields } from '../../../lib/fields';
import { pageOf } from '../../../views/page';
import { localTitle } from '../../../views/local-title';
import { inputErrorsOrThrow } from '../../../http/input-error';
import { registerForEvent } from '../../registration/index';
import { notifyMoves } from '../../registration/index';
import { sendRegistrationMail } from '../../registration/index';
import { deskContext, deskNameField } from '../desk-context';
import { deskPlace, parsePlace } from '../places';
import { busCounts, deskState, searchRegistrants } from '../queries';
import { recordCheckins } from '../record-checkins';
import { undoCheckin } from '../undo-checkin';
import { DeskPageView } from '../views/desk-page-view';
import { deskAccess, EVENT } from './desk-access';

async function deskPage(c: Context<AppEnv>, o: { values?: FormValues; errors?: FieldErrors } = {}) {
  const page = pageOf(c);
  const { t } = page;
  const { event, desk, deskName } = await deskContext(c);
  const db = c.var.deps.db;
  const q = (c.req.query('q') ?? '').slice(0, 100);
  const [state, rows, buses] = await Promise.all([
    deskState(db, { eventId: event.id, place: deskPlace }),
    q.trim() ? searchRegistrants(db, { eventId: event.id, q }) : Promise.resolve([]),
    busCounts(db, event.id),
  ]);
  const title = `${t('checkin.title')} · ${localTitle(page, event)}`;
  return render(
    c,
    <DeskPageView
      page={page}
      title={title}
      event={event}
      desk={desk}
      deskName={deskName}
      q={q}
      state={state}
      rows={rows}
      buses={buses}
      values={o.values}
      errors={o.errors}
    />,
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
    const [result] = await audited(
      c,
      (tx) =>
        recordCheckins({
          db: tx,
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
        }),
      ([result]) =>
        !result || result.result === 'rejected'
          ? null
          : {
              action: 'checkin.recorded',
              targetType: 'registration',
              targetId: form.data.registrationId,
              data: {
                checkin: result.id,
                place: form.data.place,
                result: result.result,
                desk: name,
              },
            },
    );
    if (!result || result.result === 'rejected') throw new AppError('not_found');
    setFlash(c, result.result === 'conflict' ? 'checkin.flash.conflict' : 'checkin.flash.done');
    return c.redirect(backTo(desk, form.data.place, { ...form.data, desk: name }), 303);
  })
  .post(`${EVENT}/desk/checkins/:checkin/undo`, deskAccess(), async (c) => {
    const { event, desk } = await deskContext(c);
    const id = c.req.param('checkin');
    if (!isUuid(id)) throw new AppError('not_found');
    const form = await readForm(c, undoForm);
    if (!form.ok) throw new AppError('invalid');
    const done = await audited(
      c,
      (tx) => undoCheckin({ db: tx, eventId: event.id, id, userId: c.var.user?.id ?? null }),
      (done) =>
        done.checkin
          ? {
              action: 'checkin.undone',
              targetType: 'registration',
              targetId: done.checkin.registrationId,
              data: { checkin: id, place: done.checkin.place, result: done.result },
            }
          : null,
    );
    if (!done.checkin) throw new AppError('not_found');
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
      result = await audited(
        c,
        async (tx) => {
          const result = await registerForEvent({
            db: tx,
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
          if (result.registration.status === 'confirmed')
            await recordCheckins({
              db: tx,
              eventId: event.id,
              userId: c.var.user?.id ?? null,
              items: [
                {
                  id: randomUUID(),
                  registrationId: result.registration.id,
                  place: deskPlace,
                  stop: null,
                  deskName: name,
                  at: new Date(),
                },
              ],
            });
          return result;
        },
        ({ registration }) => ({
          action: 'checkin.walk_in',
          targetType: 'registration',
          targetId: registration.id,
          data: { status: registration.status, desk: name },
        }),
      );
    } catch (error) {
      const errors = inputErrorsOrThrow(c, error);
      // The only refusal beside the e-mail is "already registered", said the desk's way.
      if (errors.email) errors.email = c.var.t('checkin.walkIn.already');
      return deskPage(c, { values: form.values, errors });
    }
    const { registration } = result;
    const status = registration.status as 'confirmed' | 'pending' | 'waiting';
    await sendRegistrationMail(c.var.deps, { registrationId: registration.id, state: status });
    await notifyMoves(c, result);
    setFlash(c, `checkin.walkIn.${status}`, { name: registration.name });
    return c.redirect(`${desk}?${new URLSearchParams({ desk: name }).toString()}`, 303);
  });
