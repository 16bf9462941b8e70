import { inputErrorsOrThrow } from '../../../http/input-error';
import { provided } from '../../../core/module';
import { Hono, type Context } from 'hono';
import { access } from '../../../http/access';
import { audited } from '../../../http/audit';
import { setFlash } from '../../../http/flash';
import { readForm, type FieldErrors, type FormValues } from '../../../http/form';
import { render } from '../../../http/render';
import type { AppEnv } from '../../../http/types';
import { formatDate } from '../../../lib/format';
import { Csrf, ErrorSummary, Field } from '../../../views/components';
import { Layout } from '../../../views/layout';
import { pageOf } from '../../../views/page';
import { allows, type Permission } from '../../../core/access/policy';
import { createEdition } from '../editing/create-edition';
import { updateEditionSettings } from '../editing/update-edition-settings';
import { editionForm, editionSettingsForm } from '../editing/edition-input';
import { programmePermissions } from '../permissions';
import { latestVersions } from '../publishing/published-programme';
import { listEvents } from '../queries';
import { listInitiativeEditions } from '../reading/list-initiative-editions';
import { localTitle } from '../../../views/local-title';
import { WarningList } from '../views/warning-list';
import { editionWarnings } from '../warnings/edition-warnings';
import { managedEdition, manageBase } from './manage-context';

const editors = () => access.initiative(programmePermissions.editProgramme);

async function editionsPage(c: Context<AppEnv>, o: { values?: FormValues; errors?: FieldErrors }) {
  const page = pageOf(c);
  const { t } = page;
  const initiative = c.var.initiative;
  const rows = await listInitiativeEditions(c.var.deps.db, {
    initiativeId: initiative.id,
    order: 'oldest',
  });
  const values = o.values ?? {
    year: String(new Date().getFullYear()),
    travelBufferMinutes: '15',
    maxSessionsPerSpeaker: '3',
  };
  return render(
    c,
    <Layout page={page} title={t('manage.editions.title')}>
      <h1>{t('manage.editions.title')}</h1>
      <p>{t('manage.editions.lead')}</p>
      {rows.length === 0 ? (
        <p>{t('manage.editions.empty')}</p>
      ) : (
        <ul class="cards">
          {rows.map((e) => (
            <li class="card">
              <a href={`/i/${initiative.slug}/editions/${e.slug}`}>
                <strong>{e.name}</strong>
              </a>{' '}
              ({e.year})
            </li>
          ))}
        </ul>
      )}
      <h2>{t('manage.editions.new')}</h2>
      <form method="post" action={`/i/${initiative.slug}/editions`} class="stack" novalidate>
        <Csrf page={page} />
        <ErrorSummary page={page} errors={o.errors} />
        <Field
          name="name"
          label={t('manage.edition.name')}
          required
          values={values}
          errors={o.errors}
        />
        <Field
          name="slug"
          label={t('manage.edition.slug')}
          hint={t('manage.edition.slugHint')}
          required
          values={values}
          errors={o.errors}
        />
        <Field
          name="year"
          type="number"
          label={t('manage.edition.year')}
          required
          values={values}
          errors={o.errors}
        />
        <EditionRules page={page} values={values} errors={o.errors} />
        <button type="submit">{t('manage.editions.new')}</button>
      </form>
    </Layout>,
    o.errors ? 422 : 200,
  );
}

function EditionRules(props: {
  page: ReturnType<typeof pageOf>;
  values?: FormValues;
  errors?: FieldErrors;
}) {
  const { t } = props.page;
  return (
    <>
      <Field
        name="travelBufferMinutes"
        type="number"
        label={t('manage.edition.buffer')}
        hint={t('manage.edition.bufferHint')}
        required
        values={props.values}
        errors={props.errors}
      />
      <Field
        name="maxSessionsPerSpeaker"
        type="number"
        label={t('manage.edition.maxSessions')}
        required
        values={props.values}
        errors={props.errors}
      />
    </>
  );
}

async function editionPage(
  c: Context<AppEnv>,
  o: { values?: FormValues; errors?: FieldErrors } = {},
) {
  const page = pageOf(c);
  const { t, lang } = page;
  const { db } = c.var.deps;
  const edition = await managedEdition(c);
  const base = manageBase(c, edition.slug);
  const eventRows = await listEvents(db, edition.id);
  const versions = new Map(
    (
      await latestVersions(
        db,
        eventRows.map((r) => r.event.id),
      )
    ).map((v) => [v.eventId, v.number]),
  );
  const { warnings, items } = await editionWarnings(db, edition, {
    interest: provided(c.var.modules, 'sessionInterest'),
  });
  const counts = new Map<string, number>();
  for (const s of items) counts.set(s.eventId, (counts.get(s.eventId) ?? 0) + 1);
  const values = o.values ?? {
    travelBufferMinutes: String(edition.travelBufferMinutes),
    maxSessionsPerSpeaker: String(edition.maxSessionsPerSpeaker),
  };
  return render(
    c,
    <Layout page={page} title={edition.name}>
      <p>
        <a href={`/i/${c.var.initiative.slug}/editions`}>{t('manage.editions.title')}</a>
      </p>
      <h1>{edition.name}</h1>
      <ul class="inline-list">
        <li>
          <a href={`/e/${edition.slug}`}>{t('manage.edition.public')}</a>
        </li>
        <li>
          <a href={`${base}/events/new`}>{t('manage.events.new')}</a>
        </li>
        {c.var.modules.flatMap((m) =>
          (
            m.navigation?.edition?.({
              initiativeSlug: c.var.initiative.slug,
              editionSlug: edition.slug,
              editionName: edition.name,
              can: (p: Permission) => allows(p, c.var.user, c.var.roles),
            }) ?? []
          ).map((l) => (
            <li>
              <a href={l.href}>{t(l.label, l.params)}</a>
            </li>
          )),
        )}
      </ul>
      <h2>{t('manage.events.title')}</h2>
      {eventRows.length === 0 ? (
        <p>{t('manage.events.empty')}</p>
      ) : (
        <ul class="cards">
          {eventRows.map(({ event }) => (
            <li class="card">
              <a href={`${base}/events/${event.id}`}>
                <strong>{localTitle(page, event)}</strong>
              </a>
              <br />
              {t(`programme.kind.${event.kind}`)} ·{' '}
              {formatDate(event.startsAt, lang, event.timeZone)} ·{' '}
              {t('manage.events.sessions', { count: counts.get(event.id) ?? 0 })} ·{' '}
              {versions.has(event.id)
                ? t('manage.events.publishedVersion', { number: versions.get(event.id)! })
                : t('manage.events.draft')}
            </li>
          ))}
        </ul>
      )}
      <h2 id="warnings">{t('manage.warnings.title')}</h2>
      <WarningList
        page={page}
        warnings={warnings}
        sessions={new Map(items.map((s) => [s.id, s]))}
        editHref={(s) => `${base}/events/${s.eventId}/sessions/${s.id}/edit`}
      />
      <h2>{t('manage.edition.settings')}</h2>
      <form method="post" action={`${base}/settings`} class="stack" novalidate>
        <Csrf page={page} />
        <ErrorSummary page={page} errors={o.errors} />
        <EditionRules page={page} values={values} errors={o.errors} />
        <button type="submit">{t('common.save')}</button>
      </form>
    </Layout>,
    o.errors ? 422 : 200,
  );
}

/** `/i/{slug}/editions`: the initiative's editions and a form for a new one; one edition's page. */
export const manageEditionRoutes = new Hono<AppEnv>()
  .get('/i/:slug/editions', editors(), (c) => editionsPage(c, {}))
  .post('/i/:slug/editions', editors(), async (c) => {
    const form = await readForm(c, editionForm);
    if (!form.ok) return editionsPage(c, form);
    try {
      const edition = await audited(
        c,
        (tx) => createEdition({ db: tx, initiativeId: c.var.initiative.id, input: form.data }),
        (e) => ({
          action: 'edition.created',
          targetType: 'edition',
          targetId: e.id,
          data: { slug: e.slug },
        }),
      );
      setFlash(c, 'manage.editions.created');
      return c.redirect(`/i/${c.var.initiative.slug}/editions/${edition.slug}`, 303);
    } catch (error) {
      return editionsPage(c, { values: form.values, errors: inputErrorsOrThrow(c, error) });
    }
  })
  .get('/i/:slug/editions/:edition', editors(), (c) => editionPage(c))
  .post('/i/:slug/editions/:edition/settings', editors(), async (c) => {
    const edition = await managedEdition(c);
    const form = await readForm(c, editionSettingsForm);
    if (!form.ok) return editionPage(c, form);
    await audited(
      c,
      (tx) => updateEditionSettings(tx, { editionId: edition.id, settings: form.data }),
      {
        action: 'edition.settings_changed',
        targetType: 'edition',
        targetId: edition.id,
        data: form.data,
      },
    );
    setFlash(c, 'manage.edition.saved');
    return c.redirect(manageBase(c, edition.slug), 303);
  });

/** A domain input error as messages per field in the reader's language. */
