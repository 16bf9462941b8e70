import { Hono, type Context } from 'hono';
import { access } from '../../../http/access';
import { AppError } from '../../../http/errors';
import { setFlash } from '../../../http/flash';
import { inputErrorsOrThrow } from '../../../http/input-error';
import { readForm, type FieldErrors, type FormValues } from '../../../http/form';
import { rateLimit } from '../../../http/rate-limit/rate-limit';
import { render } from '../../../http/render';
import type { AppEnv } from '../../../http/types';
import { formatDateTime, formatNumber } from '../../../lib/format';
import { Csrf, ErrorSummary } from '../../../views/components';
import { Layout } from '../../../views/layout';
import { pageOf } from '../../../views/page';
import { publishedProgrammeOf } from '../../programme/index';
import { localTitle } from '../../../views/local-title';
import { registerForEvent } from '../register-for-event';
import { registrationForm } from '../registration-input';
import { registrationContext, registrationState } from '../queries';
import { notifyMoves } from './notify';
import { sendRegistrationMail } from '../send-registration-mail';
import { sessionPlaces, type SessionPlaces } from '../session-places';
import { RegistrationFields } from '../views/registration-fields';
import { listRoutes } from '../transport/list-routes';

async function load(c: Context<AppEnv>) {
  const found = await registrationContext(c.var.deps.db, {
    editionSlug: c.req.param('slug') ?? '',
    eventId: c.req.param('event') ?? '',
  });
  if (!found) throw new AppError('not_found');
  const sessions = found.event.published
    ? await publishedProgrammeOf(c.var.deps.db, [found.event.id])
    : [];
  const [routes, places] = await Promise.all([
    listRoutes(c.var.deps.db, found.event.id),
    sessions.length
      ? sessionPlaces(c.var.deps.db, { eventId: found.event.id })
      : new Map<string, SessionPlaces>(),
  ]);
  return {
    ...found,
    routes,
    places,
    sessions: sessions.filter((s) => s.kind !== 'break' && s.kind !== 'lunch'),
  };
}

async function formPage(c: Context<AppEnv>, o: { values?: FormValues; errors?: FieldErrors } = {}) {
  const page = pageOf(c);
  const { t, lang } = page;
  const { event, edition, questions, sessions, settings, routes, places } = await load(c);
  const state = await registrationState(c.var.deps.db, settings);
  const title = `${t('registration.title')} · ${localTitle(page, event)}`;
  return render(
    c,
    <Layout page={page} title={title}>
      <p>
        <a href={`/e/${edition.slug}`}>{edition.name}</a>
      </p>
      <h1>{title}</h1>
      {!state.open ? (
        <p class="notice">
          {state.reason === 'not_open_yet'
            ? t('registration.notOpenYet', {
                date: formatDateTime(state.opensAt!, lang, event.timeZone),
              })
            : t('registration.closed')}
        </p>
      ) : (
        <>
          <p>{t('registration.lead')}</p>
          {state.approval && <p>{t('registration.approval')}</p>}
          {state.seatsLeft !== null && (
            <p class="notice">
              {state.seatsLeft > 0
                ? t('registration.seatsLeft', { count: formatNumber(state.seatsLeft, lang) })
                : t('registration.full')}
            </p>
          )}
          {state.closesAt && (
            <p class="hint">
              {t('registration.closesOn', {
                date: formatDateTime(state.closesAt, lang, event.timeZone),
              })}
            </p>
          )}
          <form
            method="post"
            action={`/e/${edition.slug}/events/${event.id}/register`}
            class="stack"
            novalidate
          >
            <Csrf page={page} />
            <ErrorSummary page={page} errors={o.errors} />
            <div class="hp" aria-hidden="true">
              <label for="f-website">{t('registration.honeypot')}</label>
              <input id="f-website" name="website" type="text" tabindex={-1} autocomplete="off" />
            </div>
            <RegistrationFields
              page={page}
              questions={questions}
              sessions={sessions}
              places={places}
              values={o.values}
              errors={o.errors}
              withEmail
              routes={routes}
              timeZone={event.timeZone}
            />
            <button type="submit">{t('registration.register')}</button>
          </form>
        </>
      )}
    </Layout>,
    o.errors ? 422 : 200,
  );
}

/** `/e/{slug}/events/{id}/register`: the public form, no account and no JavaScript needed. */
export const publicRegisterRoutes = new Hono<AppEnv>()
  .get('/e/:slug/events/:event/register', access.anyone(), (c) => formPage(c))
  .post(
    '/e/:slug/events/:event/register',
    access.anyone(),
    rateLimit({ name: 'register', limit: 20, windowSeconds: 600 }),
    async (c) => {
      const { event, questions, sessions, routes } = await load(c);
      const form = await readForm(
        c,
        registrationForm({
          questions,
          sessionIds: sessions.map((s) => s.id),
          lang: c.var.lang,
          routeIds: routes.map((r) => r.id),
        }),
      );
      if (!form.ok) return formPage(c, form);
      try {
        const result = await registerForEvent({
          db: c.var.deps.db,
          secret: c.var.deps.secret,
          eventId: event.id,
          input: form.data,
        });
        const status = result.registration.status as 'confirmed' | 'pending' | 'waiting';
        await sendRegistrationMail(c.var.deps, {
          registrationId: result.registration.id,
          state: status,
        });
        await notifyMoves(c, result);
        setFlash(c, `registration.done.${status}`);
        return c.redirect(`/r/${result.token}`, 303);
      } catch (error) {
        return formPage(c, { values: form.values, errors: inputErrorsOrThrow(c, error) });
      }
    },
  );
