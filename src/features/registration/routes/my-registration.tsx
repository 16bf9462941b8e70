import { Hono, type Context } from 'hono';
import { access } from '../../../http/access';
import { AppError } from '../../../http/errors';
import { setFlash } from '../../../http/flash';
import { InputError, inputErrorsOrThrow } from '../../../http/input-error';
import { readForm, type FieldErrors, type FormValues } from '../../../http/form';
import { rateLimit } from '../../../http/rate-limit/rate-limit';
import { render } from '../../../http/render';
import type { AppEnv } from '../../../http/types';
import { Csrf } from '../../../views/components';
import { Layout } from '../../../views/layout';
import { pageOf } from '../../../views/page';
import { publishedProgrammeOf } from '../../programme/index';
import { localTitle } from '../../../views/local-title';
import { cancelRegistration, claimOffer } from '../change-status';
import { findRegistrationByToken } from '../find-registration';
import { countWaitingAhead, listQuestions, listSessionInterestIds } from '../queries';
import { questionField, registrationForm } from '../registration-input';
import { type Registration } from '../schema';
import { sendRegistrationMail } from '../send-registration-mail';
import { sessionPlaces } from '../session-places';
import { ticketQrSvg } from '../ticket';
import { updateRegistration } from '../update-registration';
import { MyRegistrationPage } from '../views/my-registration-page';
import { notifyMoves } from './notify';
import { listRoutes } from '../transport/list-routes';

const limit = () => rateLimit({ name: 'registration-link', limit: 60, windowSeconds: 600 });

async function load(c: Context<AppEnv>) {
  const found = await findRegistrationByToken(c.var.deps.db, c.req.param('token') ?? '');
  if (!found) throw new AppError('not_found');
  c.header('Cache-Control', 'private, no-store');
  c.header('Referrer-Policy', 'no-referrer');
  return found;
}

async function currentValues(c: Context<AppEnv>, r: Registration): Promise<FormValues> {
  const sessionIds = await listSessionInterestIds(c.var.deps.db, r.id);
  const values: FormValues = {
    name: r.name,
    institution: r.institution ?? '',
    stakeholderGroup: r.stakeholderGroup ?? '',
    country: r.country ?? '',
    gender: r.gender ?? '',
    accessibilityNeeds: r.accessibilityNeeds ?? '',
    consentPhotos: r.consentPhotos ? 'on' : '',
    consentStreaming: r.consentStreaming ? 'on' : '',
    consentContact: r.consentContact ? 'on' : '',
    sessionIds,
    transportRouteId: r.transportRouteId ?? '',
  };
  for (const [id, answer] of Object.entries(r.answers)) values[questionField({ id })] = answer;
  return values;
}

async function minePage(c: Context<AppEnv>, o: { values?: FormValues; errors?: FieldErrors } = {}) {
  const page = pageOf(c);
  const { t } = page;
  const { db } = c.var.deps;
  const { registration: r, event, edition } = await load(c);
  const token = c.req.param('token')!;
  const questions = await listQuestions(db, event.id);
  const sessions = (event.published ? await publishedProgrammeOf(db, [event.id]) : []).filter(
    (s) => s.kind !== 'break' && s.kind !== 'lunch',
  );
  const ahead =
    r.status === 'waiting'
      ? await countWaitingAhead(db, { eventId: event.id, queuedAt: r.queuedAt })
      : 0;
  const qr =
    r.status === 'confirmed'
      ? await ticketQrSvg(r.ticketCode, t('registration.qr', { code: r.ticketCode }))
      : null;
  const active = !['cancelled', 'declined', 'expired'].includes(r.status);
  const form = active
    ? {
        values: o.values ?? (await currentValues(c, r)),
        errors: o.errors,
        routes: await listRoutes(db, event.id),
        places: await sessionPlaces(db, { eventId: event.id }),
      }
    : null;
  return render(
    c,
    <MyRegistrationPage
      page={page}
      registration={r}
      event={event}
      edition={edition}
      token={token}
      questions={questions}
      sessions={sessions}
      ahead={ahead}
      qr={qr}
      form={form}
    />,
    o.errors ? 422 : 200,
  );
}

/** `/r/{token}`: a registrant's private page — status, ticket, changes, claim, cancel. */
export const myRegistrationRoutes = new Hono<AppEnv>()
  .get('/r/:token', access.anyone(), (c) => minePage(c))
  .post('/r/:token', access.anyone(), limit(), async (c) => {
    const { registration: r, event } = await load(c);
    const questions = await listQuestions(c.var.deps.db, event.id);
    const sessions = event.published ? await publishedProgrammeOf(c.var.deps.db, [event.id]) : [];
    const form = await readForm(
      c,
      registrationForm({
        questions,
        sessionIds: sessions.map((s) => s.id),
        lang: c.var.lang,
        email: r.email,
        routeIds: (await listRoutes(c.var.deps.db, event.id)).map((x) => x.id),
      }),
    );
    if (!form.ok) return minePage(c, form);
    const input = form.data;
    try {
      await updateRegistration({ db: c.var.deps.db, registrationId: r.id, input });
    } catch (error) {
      return minePage(c, { values: form.values, errors: inputErrorsOrThrow(c, error) });
    }
    await sendRegistrationMail(c.var.deps, { registrationId: r.id, state: 'changed' });
    setFlash(c, 'registration.mine.saved');
    return c.redirect(`/r/${c.req.param('token')}`, 303);
  })
  .post('/r/:token/claim', access.anyone(), limit(), async (c) => {
    const { registration: r } = await load(c);
    try {
      const result = await claimOffer({ db: c.var.deps.db, registrationId: r.id });
      await sendRegistrationMail(c.var.deps, { registrationId: r.id, state: 'confirmed' });
      await notifyMoves(c, result);
      setFlash(c, 'registration.mine.claimed');
    } catch (error) {
      if (!(error instanceof InputError) || !error.fields._form) throw error;
      setFlash(c, error.fields._form.key);
    }
    return c.redirect(`/r/${c.req.param('token')}`, 303);
  })
  .get('/r/:token/cancel', access.anyone(), async (c) => {
    const page = pageOf(c);
    const { t } = page;
    const { event } = await load(c);
    const token = c.req.param('token');
    return render(
      c,
      <Layout page={page} title={t('registration.mine.cancel')}>
        <h1>{t('registration.mine.cancel')}</h1>
        <p>{t('registration.mine.cancelConfirm', { event: localTitle(page, event) })}</p>
        <form method="post" action={`/r/${token}/cancel`} class="stack">
          <Csrf page={page} />
          <button type="submit" class="danger">
            {t('registration.mine.cancel')}
          </button>
        </form>
        <p>
          <a href={`/r/${token}`}>{t('registration.mine.keep')}</a>
        </p>
      </Layout>,
    );
  })
  .post('/r/:token/cancel', access.anyone(), limit(), async (c) => {
    const { registration: r } = await load(c);
    const result = await cancelRegistration({ db: c.var.deps.db, registrationId: r.id });
    await sendRegistrationMail(c.var.deps, { registrationId: r.id, state: 'cancelled' });
    await notifyMoves(c, result);
    setFlash(c, 'registration.mine.cancelled');
    return c.redirect(`/r/${c.req.param('token')}`, 303);
  });
