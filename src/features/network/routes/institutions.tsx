import { Hono, type Context } from 'hono';
import { access } from '../../../http/access';
import { audited } from '../../../http/audit';
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
import { initiativesWhere } from '../../../core/access/policy';
import {
  createInstitution,
  findInstitution,
  institutionSorts,
  listInstitutionChoices,
  searchInstitutions,
  updateInstitution,
} from '../institutions';
import { byYear, institutionHistory } from '../participation';
import { listAffiliatedPeople } from '../people';
import { networkPermissions } from '../permissions';
import type { Institution } from '../schema';
import { institutionForm } from '../validation';
import { DirectoryFilters, readDirectoryQuery } from '../views/directory-filters';
import { InstitutionFacts } from '../views/institution-facts';
import { InstitutionForm } from '../views/institution-form';
import { HistoryList } from '../views/history';

const PER_PAGE = 25;

function formValues(i: Institution) {
  return {
    name: i.name,
    acronym: i.acronym ?? '',
    stakeholderGroup: i.stakeholderGroup,
    kind: i.kind ?? '',
    country: i.country ?? '',
    website: i.website ?? '',
    parentId: i.parentId ?? '',
    notes: i.notes ?? '',
    publicListing: i.publicListing ? 'on' : '',
  };
}

/** The new-institution or edit form, filled with `values` and showing `errors` (422) if any. */
async function formPage(
  c: Context<AppEnv>,
  o: { editing?: Institution; values: FormValues; errors?: FieldErrors },
) {
  const page = pageOf(c);
  const { t } = page;
  const parents = (await listInstitutionChoices(c.var.deps.db)).filter(
    (p) => p.id !== o.editing?.id,
  );
  const title = o.editing ? t('network.institutions.edit') : t('network.institutions.new');
  return render(
    c,
    <Layout page={page} title={title}>
      <h1>{o.editing ? o.editing.name : title}</h1>
      <InstitutionForm
        page={page}
        action={o.editing ? `/network/institutions/${o.editing.id}/edit` : '/network/institutions'}
        submit={o.editing ? t('common.save') : title}
        parents={parents}
        values={o.values}
        errors={o.errors}
      />
    </Layout>,
    o.errors ? 422 : 200,
  );
}

export const institutionRoutes = new Hono<AppEnv>()
  .get(
    '/network/institutions',
    access.inAnyInitiative(networkPermissions.useDirectory),
    async (c) => {
      const page = pageOf(c);
      const { t, lang } = page;
      const query = readDirectoryQuery(c, institutionSorts);
      const current = pageNumber(c.req.query('page'));
      const { rows, total } = await searchInstitutions(c.var.deps.db, {
        ...query,
        page: current,
        perPage: PER_PAGE,
      });
      return render(
        c,
        <Layout page={page} title={t('network.institutions.title')}>
          <h1>{t('network.institutions.title')}</h1>
          <p>{t('network.institutions.lead')}</p>
          <ul class="inline-list">
            <li>
              <a href="/network/institutions/new">{t('network.institutions.new')}</a>
            </li>
            <li>
              <a href="/network/map">{t('map.title')}</a>
            </li>
          </ul>
          <DirectoryFilters
            page={page}
            action="/network/institutions"
            query={query}
            sorts={institutionSorts}
          />
          <p role="status">{t('network.results', { count: total })}</p>
          {rows.length === 0 ? (
            <p>{t('network.institutions.empty')}</p>
          ) : (
            <ul class="cards">
              {rows.map((i) => (
                <li class="card">
                  <a href={`/network/institutions/${i.id}`}>
                    <strong>{i.name}</strong>
                  </a>
                  {i.acronym && <> ({i.acronym})</>}
                  <br />
                  {t(`network.group.${i.stakeholderGroup}`)} · {countryName(i.country, lang)}
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
    },
  )
  .get('/network/institutions/new', access.inAnyInitiative(networkPermissions.useDirectory), (c) =>
    formPage(c, { values: { country: 'GT' } }),
  )
  .post(
    '/network/institutions',
    access.inAnyInitiative(networkPermissions.useDirectory),
    async (c) => {
      const form = await readForm(c, institutionForm);
      if (!form.ok) return formPage(c, { values: form.values, errors: form.errors });
      const created = await audited(
        c,
        (tx) => createInstitution(tx, form.data),
        (i) => ({ action: 'institution.created', targetType: 'institution', targetId: i.id }),
      );
      setFlash(c, 'network.institutions.created');
      return c.redirect(`/network/institutions/${created.id}`, 303);
    },
  )
  .get(
    '/network/institutions/:id',
    access.inAnyInitiative(networkPermissions.useDirectory),
    async (c) => {
      const { db } = c.var.deps;
      const institution = await findInstitution(db, c.req.param('id'));
      if (!institution) throw new AppError('not_found');
      const visible = await initiativesWhere(db, c.var.user!, networkPermissions.viewPeople);
      const [members, history, parent] = await Promise.all([
        listAffiliatedPeople(db, { institutionId: institution.id, initiativeIds: visible }),
        institutionHistory(db, institution.id),
        institution.parentId ? findInstitution(db, institution.parentId) : undefined,
      ]);
      const page = pageOf(c);
      const { t } = page;
      return render(
        c,
        <Layout page={page} title={institution.name}>
          <h1>
            {institution.name} {institution.acronym && <small>({institution.acronym})</small>}
          </h1>
          <InstitutionFacts page={page} institution={institution} parent={parent} internal />
          <p>
            <a href={`/network/institutions/${institution.id}/edit`}>
              {t('network.institutions.edit')}
            </a>
            {institution.publicListing && (
              <>
                {' '}
                · <a href={`/institutions/${institution.id}`}>{t('network.publicPage')}</a>
              </>
            )}
          </p>
          <h2>{t('network.institutions.people')}</h2>
          {visible !== 'all' && <p class="hint">{t('network.institutions.peopleHidden')}</p>}
          {members.length === 0 ? (
            <p>—</p>
          ) : (
            <ul>
              {members.map((m) => (
                <li>
                  {m.name}
                  {m.title && <> — {m.title}</>}
                </li>
              ))}
            </ul>
          )}
          <h2>{t('network.history')}</h2>
          <HistoryList page={page} groups={byYear(history)} />
        </Layout>,
      );
    },
  )
  .get(
    '/network/institutions/:id/edit',
    access.inAnyInitiative(networkPermissions.useDirectory),
    async (c) => {
      const institution = await findInstitution(c.var.deps.db, c.req.param('id'));
      if (!institution) throw new AppError('not_found');
      return formPage(c, { editing: institution, values: formValues(institution) });
    },
  )
  .post(
    '/network/institutions/:id/edit',
    access.inAnyInitiative(networkPermissions.useDirectory),
    async (c) => {
      const { db } = c.var.deps;
      const institution = await findInstitution(db, c.req.param('id'));
      if (!institution) throw new AppError('not_found');
      const form = await readForm(c, institutionForm);
      if (!form.ok)
        return formPage(c, { editing: institution, values: form.values, errors: form.errors });
      await audited(c, (tx) => updateInstitution(tx, institution.id, form.data), {
        action: 'institution.updated',
        targetType: 'institution',
        targetId: institution.id,
      });
      setFlash(c, 'network.institutions.saved');
      return c.redirect(`/network/institutions/${institution.id}`, 303);
    },
  );
