/**
 * `/i/{slug}/editions/{edition}/events/{event}/registration/places`: organisers limit how many
 * registrants may mark a session (a workshop's places); blank means no limit. Each session shows
 * its room's capacity and the marks already held beside its field.
 */
import { Hono, type Context } from 'hono';
import { z } from 'zod';
import { access } from '../../../http/access';
import { audited } from '../../../http/audit';
import { setFlash } from '../../../http/flash';
import { readForm, type FieldErrors, type FormValues } from '../../../http/form';
import { render } from '../../../http/render';
import type { AppEnv } from '../../../http/types';
import { fields } from '../../../lib/fields';
import { formatNumber } from '../../../lib/format';
import { Csrf, ErrorSummary, Field } from '../../../views/components';
import { Layout } from '../../../views/layout';
import { pageOf } from '../../../views/page';
import { managedEvent, manageBase } from '../../programme/index';
import { interestBySession } from '../list-registrations';
import { registrationPermissions } from '../permissions';
import { saveSessionLimits } from '../save-session-limits';

const EVENT = '/i/:slug/editions/:edition/events/:event';
const MAX_PLACES = 100_000;
const fieldOf = (sessionId: string) => `places_${sessionId}`;

async function load(c: Context<AppEnv>) {
  const { edition, event } = await managedEvent(c);
  const path = `${manageBase(c, edition.slug)}/events/${event.id}`;
  const sessions = await interestBySession(c.var.deps.db, event.id);
  return { event, path, sessions };
}

async function placesPage(
  c: Context<AppEnv>,
  o: { values?: FormValues; errors?: FieldErrors } = {},
) {
  const page = pageOf(c);
  const { t, lang } = page;
  const { path, sessions } = await load(c);
  const values =
    o.values ??
    Object.fromEntries(
      sessions.map((s) => [fieldOf(s.sessionId), s.places === null ? '' : String(s.places)]),
    );
  const title = t('registration.places.title');
  return render(
    c,
    <Layout page={page} title={title}>
      <p>
        <a href={`${path}/registrations`}>{t('registration.list.title')}</a>
      </p>
      <h1>{title}</h1>
      <p>{t('registration.places.lead')}</p>
      {sessions.length === 0 ? (
        <p>{t('registration.places.empty')}</p>
      ) : (
        <form method="post" action={`${path}/registration/places`} class="stack" novalidate>
          <Csrf page={page} />
          <ErrorSummary page={page} errors={o.errors} />
          {sessions.map((s) => (
            <Field
              name={fieldOf(s.sessionId)}
              type="number"
              min="1"
              label={`${lang === 'en' ? (s.titleEn ?? s.titleEs) : s.titleEs}`}
              hint={t('registration.places.hint', {
                marked: formatNumber(s.interested, lang),
                capacity: s.capacity === null ? '—' : formatNumber(s.capacity, lang),
              })}
              values={values}
              errors={o.errors}
            />
          ))}
          <button type="submit">{t('common.save')}</button>
        </form>
      )}
    </Layout>,
    o.errors ? 422 : 200,
  );
}

/** Organisers' page of places per session. */
export const manageSessionPlacesRoutes = new Hono<AppEnv>()
  .get(
    `${EVENT}/registration/places`,
    access.initiative(registrationPermissions.manageRegistrations),
    (c) => placesPage(c),
  )
  .post(
    `${EVENT}/registration/places`,
    access.initiative(registrationPermissions.manageRegistrations),
    async (c) => {
      const { event, path, sessions } = await load(c);
      const schema = z.object(
        Object.fromEntries(
          sessions.map((s) => [fieldOf(s.sessionId), fields.optionalCount(1, MAX_PLACES)]),
        ),
      );
      const form = await readForm(c, schema);
      if (!form.ok) return placesPage(c, form);
      const limits = new Map(
        sessions.map((s) => [s.sessionId, form.data[fieldOf(s.sessionId)] ?? null]),
      );
      const result = await audited(
        c,
        (tx) => saveSessionLimits({ db: tx, eventId: event.id, limits }),
        (r) =>
          r.ok
            ? {
                action: 'registration.places_changed',
                targetType: 'event',
                targetId: event.id,
                data: Object.fromEntries(limits),
              }
            : null,
      );
      if (!result.ok)
        return placesPage(c, {
          values: form.values,
          errors: Object.fromEntries(
            [...result.below].map(([id, marked]) => [
              fieldOf(id),
              c.var.t('registration.places.belowMarked', { marked }),
            ]),
          ),
        });
      setFlash(c, 'registration.places.saved');
      return c.redirect(`${path}/registrations`, 303);
    },
  );
