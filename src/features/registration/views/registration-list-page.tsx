/**
 * The organisers' list of an event's registrations: counts by status, group, gender, country and
 * institution (small groups suppressed), the search and status filter, exports, the paged table
 * with approve and decline for pending ones, and interest per session.
 *
 * @example
 * <RegistrationListPage page={page} event={event} path={path} filter={filter} query="" current={1}
 *   perPage={50} rows={rows} total={total} counts={counts} interest={interest} />
 */
import { countryName, formatNumber } from '../../../lib/format';
import { peopleCount } from '../../../lib/suppress';
import { Csrf, Pagination, TableWrap } from '../../../views/components';
import { Layout } from '../../../views/layout';
import { localTitle } from '../../../views/local-title';
import type { Page } from '../../../views/page';
import type {
  interestBySession,
  listRegistrations,
  registrationCounts,
} from '../list-registrations';
import { registrationStatuses, type RegistrationStatus } from '../schema';

function CountList(props: {
  page: Page;
  title: string;
  rows: { key: string | null; n: number }[];
  label: (key: string) => string;
  suppress?: boolean;
}) {
  const { page } = props;
  return (
    <section class="card">
      <h3>{props.title}</h3>
      <ul>
        {props.rows.map((r) => (
          <li>
            {r.key ? props.label(r.key) : page.t('registration.list.unknown')}:{' '}
            {props.suppress ? peopleCount(r.n, page.lang) : formatNumber(r.n, page.lang)}
          </li>
        ))}
      </ul>
    </section>
  );
}

export function RegistrationListPage(props: {
  page: Page;
  event: { titleEs: string; titleEn: string | null };
  /** The event's organiser path (`…/events/{id}`). */
  path: string;
  filter: { q: string; status?: RegistrationStatus };
  /** The filter as a query string, kept on exports, messages and paging. */
  query: string;
  current: number;
  perPage: number;
  rows: Awaited<ReturnType<typeof listRegistrations>>['rows'];
  total: number;
  counts: Awaited<ReturnType<typeof registrationCounts>>;
  interest: Awaited<ReturnType<typeof interestBySession>>;
}) {
  const { page, event, path, filter, query, current, rows, total, counts, interest } = props;
  const { t, lang } = page;
  return (
    <Layout page={page} title={t('registration.list.title')}>
      <p>
        <a href={path}>{localTitle(page, event)}</a> ·{' '}
        <a href={`${path}/registration`}>{t('registration.manage.title')}</a>
      </p>
      <h1>{t('registration.list.title')}</h1>
      <h2>{t('registration.list.counts')}</h2>
      <div class="cards">
        <CountList
          page={page}
          title={t('registration.list.byStatus')}
          rows={counts.status}
          label={(k) => t(`registration.status.${k as RegistrationStatus}`)}
        />
        <CountList
          page={page}
          title={t('registration.list.byGroup')}
          rows={counts.group}
          label={(k) => t(`network.group.${k as 'academia'}`)}
          suppress
        />
        <CountList
          page={page}
          title={t('registration.list.byGender')}
          rows={counts.gender}
          label={(k) => t(`network.gender.${k as 'woman'}`)}
          suppress
        />
        <CountList
          page={page}
          title={t('registration.list.byCountry')}
          rows={counts.country}
          label={(k) => countryName(k, lang)}
          suppress
        />
        <CountList
          page={page}
          title={t('registration.list.byInstitution')}
          rows={counts.institution}
          label={(k) => k}
          suppress
        />
      </div>
      <form method="get" action={`${path}/registrations`} class="filters">
        <div class="field">
          <label for="f-q">{t('registration.list.search')}</label>
          <input id="f-q" name="q" type="search" value={filter.q} />
        </div>
        <div class="field">
          <label for="f-status">{t('registration.list.status')}</label>
          <select id="f-status" name="status">
            <option value="">{t('registration.list.all')}</option>
            {registrationStatuses.map((s) => (
              <option value={s} selected={s === filter.status}>
                {t(`registration.status.${s}`)}
              </option>
            ))}
          </select>
        </div>
        <button type="submit">{t('programme.filter')}</button>
      </form>
      <ul class="inline-list">
        <li>
          <a href={`${path}/registrations/export/csv?${query}`}>
            {t('registration.list.exportCsv')}
          </a>
        </li>
        <li>
          <a href={`${path}/registrations/message?${query}`}>{t('registration.message.link')}</a>
        </li>
        <li>
          <a href={`${path}/registrations/export/xlsx?${query}`}>
            {t('registration.list.exportXlsx')}
          </a>
        </li>
      </ul>
      <p role="status">{t('network.results', { count: total })}</p>
      {rows.some((r) => r.sample) && <p class="hint">{t('registration.list.sampleNote')}</p>}
      {rows.length === 0 ? (
        <p>{t('registration.list.empty')}</p>
      ) : (
        <TableWrap label={t('registration.list.title')}>
          <table>
            <thead>
              <tr>
                <th scope="col">{t('registration.field.name')}</th>
                <th scope="col">{t('registration.field.institution')}</th>
                <th scope="col">{t('registration.list.status')}</th>
              </tr>
            </thead>
            <tbody>
              {rows.map((r) => (
                <tr>
                  <td>
                    {r.name}
                    {r.sample && <> ({t('registration.list.sample')})</>}
                    <br />
                    <small>{r.email}</small>
                  </td>
                  <td>{r.institution ?? ''}</td>
                  <td>
                    {t(`registration.status.${r.status}`)}
                    {r.status === 'pending' && (
                      <>
                        <form
                          method="post"
                          action={`${path}/registrations/${r.id}/approve`}
                          class="inline"
                        >
                          <Csrf page={page} />
                          <button type="submit" class="link">
                            {t('registration.list.approve')}
                          </button>
                        </form>{' '}
                        <form
                          method="post"
                          action={`${path}/registrations/${r.id}/decline`}
                          class="inline"
                        >
                          <Csrf page={page} />
                          <button type="submit" class="link">
                            {t('registration.list.decline')}
                          </button>
                        </form>
                      </>
                    )}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </TableWrap>
      )}
      <Pagination
        page={page}
        current={current}
        total={total}
        perPage={props.perPage}
        query={Object.fromEntries(new URLSearchParams(query))}
      />
      {interest.length > 0 && (
        <>
          <h2>{t('registration.list.interest')}</h2>
          <TableWrap label={t('registration.list.interest')}>
            <table>
              <thead>
                <tr>
                  <th scope="col">{t('manage.session.titleEs')}</th>
                  <th scope="col">{t('manage.session.room')}</th>
                  <th scope="col">{t('registration.list.interest')}</th>
                  <th scope="col">{t('registration.list.capacity')}</th>
                  <th scope="col">{t('registration.places.col')}</th>
                </tr>
              </thead>
              <tbody>
                {interest.map((s) => (
                  <tr class={s.capacity !== null && s.interested > s.capacity ? 'over' : undefined}>
                    <td>{lang === 'en' ? (s.titleEn ?? s.titleEs) : s.titleEs}</td>
                    <td>{s.room ?? ''}</td>
                    <td>{formatNumber(s.interested, lang)}</td>
                    <td>{s.capacity === null ? '' : formatNumber(s.capacity, lang)}</td>
                    <td>{s.places === null ? '' : formatNumber(s.places, lang)}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </TableWrap>
          <p>
            <a href={`${path}/registration/places`}>{t('registration.places.title')}</a>
          </p>
        </>
      )}
    </Layout>
  );
}
