import { Hono } from 'hono';
import { access } from '../../../http/access';
import { render } from '../../../http/render';
import type { AppEnv } from '../../../http/types';
import { countryName } from '../../../lib/format';
import { pageNumber } from '../../../lib/paging';
import { Pagination } from '../../../views/components';
import { Layout } from '../../../views/layout';
import { pageOf } from '../../../views/page';
import { institutionSorts, searchInstitutions } from '../institutions';
import { DirectoryFilters, readDirectoryQuery } from '../views/directory-filters';

const PER_PAGE = 50;

/** The public list of institutions that agreed to be listed: light, no JavaScript, nothing personal. */
export const publicDirectoryRoutes = new Hono<AppEnv>().get(
  '/institutions',
  access.anyone(),
  async (c) => {
    const page = pageOf(c);
    const { t, lang } = page;
    const query = readDirectoryQuery(c, institutionSorts);
    const current = pageNumber(c.req.query('page'));
    const { rows, total } = await searchInstitutions(c.var.deps.db, {
      ...query,
      publicOnly: true,
      page: current,
      perPage: PER_PAGE,
    });
    return render(
      c,
      <Layout page={page} title={t('directory.title')}>
        <h1>{t('directory.title')}</h1>
        <p>{t('directory.lead')}</p>
        <DirectoryFilters
          page={page}
          action="/institutions"
          query={query}
          sorts={institutionSorts}
        />
        <p role="status">{t('network.results', { count: total })}</p>
        {rows.length === 0 ? (
          <p>{t('network.institutions.empty')}</p>
        ) : (
          <ul>
            {rows.map((i) => (
              <li>
                <a href={`/institutions/${i.id}`}>{i.name}</a> —{' '}
                {t(`network.group.${i.stakeholderGroup}`)}, {countryName(i.country, lang)}
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
);
