import { Hono, type Context } from 'hono';
import { access } from '../../../http/access';
import { audit, audited } from '../../../http/audit';
import { AppError } from '../../../http/errors';
import { setFlash } from '../../../http/flash';
import { readForm, type FieldErrors, type FormValues } from '../../../http/form';
import { render } from '../../../http/render';
import type { AppEnv } from '../../../http/types';
import { countryName } from '../../../lib/format';
import { pageNumber } from '../../../lib/paging';
import { Pagination } from '../../../views/components';
import { Layout } from '../../../views/layout';
import { pageOf } from '../../../views/page';
import { listInstitutionChoices } from '../institutions';
import {
  createPerson,
  emailInUse,
  getPersonRecord,
  listPeople,
  peopleStats,
  personInInitiative,
} from '../people';
import { networkPermissions } from '../permissions';
import { personForm } from '../validation';
import { PeopleStats } from '../views/people-stats';
import { DirectoryFilters, readDirectoryQuery } from '../views/directory-filters';
import { PersonDetails } from '../views/person-details';
import { PersonForm } from '../views/person-form';

const PER_PAGE = 25;
const SORTS = ['name', 'country', 'recent'] as const;

async function newPersonPage(c: Context<AppEnv>, values?: FormValues, errors?: FieldErrors) {
  const page = pageOf(c);
  const initiative = c.var.initiative;
  const institutions = await listInstitutionChoices(c.var.deps.db);
  return render(
    c,
    <Layout page={page} title={page.t('network.people.new')}>
      <p>
        <a href={`/i/${initiative.slug}/people`}>
          {page.t('network.people.title', { name: initiative.name })}
        </a>
      </p>
      <h1>{page.t('network.people.new')}</h1>
      <PersonForm
        page={page}
        action={`/i/${initiative.slug}/people/new`}
        institutions={institutions}
        values={values ?? { country: 'GT' }}
        errors={errors}
      />
    </Layout>,
    errors ? 422 : 200,
  );
}

export const peopleRoutes = new Hono<AppEnv>()
  .get('/i/:slug/people', access.initiative(networkPermissions.viewPeople), async (c) => {
    const page = pageOf(c);
    const { t, lang } = page;
    const initiative = c.var.initiative;
    const query = readDirectoryQuery(c, SORTS);
    const current = pageNumber(c.req.query('page'));
    const { rows, total } = await listPeople(c.var.deps.db, {
      ...query,
      initiativeId: initiative.id,
      page: current,
      perPage: PER_PAGE,
    });
    const stats = await peopleStats(c.var.deps.db, initiative.id);
    return render(
      c,
      <Layout page={page} title={t('network.people.title', { name: initiative.name })}>
        <h1>{t('network.people.title', { name: initiative.name })}</h1>
        <p>{t('network.people.lead')}</p>
        <ul class="inline-list">
          <li>
            <a href={`/i/${initiative.slug}/people/new`}>{t('network.people.new')}</a>
          </li>
          <li>
            <a href={`/i/${initiative.slug}/people/import`}>{t('import.title')}</a>
          </li>
          <li>
            <a href={`/i/${initiative.slug}/people/export/csv`}>{t('export.csv')}</a>
          </li>
          <li>
            <a href={`/i/${initiative.slug}/people/export/xlsx`}>{t('export.xlsx')}</a>
          </li>
        </ul>
        <DirectoryFilters
          page={page}
          action={`/i/${initiative.slug}/people`}
          query={query}
          sorts={SORTS}
          withGender
        />
        <p role="status">{t('network.results', { count: total })}</p>
        <PeopleStats page={page} rows={stats} />
        {rows.length === 0 ? (
          <p>{t('network.people.empty')}</p>
        ) : (
          <ul class="cards">
            {rows.map((p) => (
              <li class="card">
                <a href={`/i/${initiative.slug}/people/${p.id}`}>
                  <strong>{p.name}</strong>
                </a>
                <br />
                {p.group ? t(`network.group.${p.group}`) : '—'} · {countryName(p.country, lang)}
              </li>
            ))}
          </ul>
        )}
        <Pagination
          page={page}
          current={current}
          total={total}
          perPage={PER_PAGE}
          query={query.raw}
        />
      </Layout>,
    );
  })
  .get('/i/:slug/people/new', access.initiative(networkPermissions.managePeople), (c) =>
    newPersonPage(c),
  )
  .post('/i/:slug/people/new', access.initiative(networkPermissions.managePeople), async (c) => {
    const form = await readForm(c, personForm);
    if (!form.ok) return newPersonPage(c, form.values, form.errors);
    const { db } = c.var.deps;
    if (form.data.email && (await emailInUse(db, form.data.email))) {
      return newPersonPage(c, form.values, { email: c.var.t('network.emailTaken') });
    }
    const initiative = c.var.initiative;
    const person = await audited(
      c,
      (tx) =>
        createPerson(tx, {
          input: form.data,
          initiativeId: initiative.id,
          year: new Date().getUTCFullYear(),
          label: initiative.name,
        }),
      (p) => ({
        action: 'person.created',
        targetType: 'person',
        targetId: p.id,
        data: { initiative: initiative.slug },
      }),
    );
    setFlash(c, 'network.people.created');
    return c.redirect(`/i/${initiative.slug}/people/${person.id}`, 303);
  })
  .get('/i/:slug/people/:id', access.initiative(networkPermissions.viewPeople), async (c) => {
    const { db } = c.var.deps;
    const initiative = c.var.initiative;
    const id = c.req.param('id');
    if (!(await personInInitiative(db, id, initiative.id))) throw new AppError('not_found');
    const person = await getPersonRecord(db, id);
    if (!person || person.erasedAt) throw new AppError('not_found');
    await audit(c, 'person.viewed', {
      targetType: 'person',
      targetId: id,
      data: { initiative: initiative.slug },
    });
    const page = pageOf(c);
    return render(
      c,
      <Layout page={page} title={person.name}>
        <p>
          <a href={`/i/${initiative.slug}/people`}>
            {page.t('network.people.title', { name: initiative.name })}
          </a>
        </p>
        <h1>{person.name}</h1>
        <PersonDetails page={page} person={person} linkInstitutions />
        <ul class="inline-list">
          <li>
            <a href={`/i/${initiative.slug}/people/${person.id}/edit`}>
              {page.t('network.people.edit')}
            </a>
          </li>
          <li>
            <a href={`/i/${initiative.slug}/people/${person.id}/merge`}>{page.t('merge.link')}</a>
          </li>
        </ul>
      </Layout>,
    );
  });
