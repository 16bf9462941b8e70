import { Hono } from 'hono';
import { access } from '../../../http/access';
import { AppError } from '../../../http/errors';
import { render } from '../../../http/render';
import type { AppEnv } from '../../../http/types';
import { countryName } from '../../../lib/format';
import { Layout } from '../../../views/layout';
import { pageOf } from '../../../views/page';
import { findInstitution } from '../institutions';

/** The public page of an institution that agreed to be listed; nothing personal on it. */
export const publicInstitutionRoutes = new Hono<AppEnv>().get(
  '/institutions/:id',
  access.anyone(),
  async (c) => {
    const institution = await findInstitution(c.var.deps.db, c.req.param('id'));
    if (!institution || !institution.publicListing) throw new AppError('not_found');
    const page = pageOf(c);
    const { t, lang } = page;
    return render(
      c,
      <Layout page={page} title={institution.name}>
        <h1>
          {institution.name} {institution.acronym && <small>({institution.acronym})</small>}
        </h1>
        <dl class="facts">
          <dt>{t('network.field.group')}</dt>
          <dd>{t(`network.group.${institution.stakeholderGroup}`)}</dd>
          <dt>{t('network.field.country')}</dt>
          <dd>{countryName(institution.country, lang)}</dd>
          {institution.website && (
            <>
              <dt>{t('network.field.website')}</dt>
              <dd>
                <a href={institution.website} rel="noopener noreferrer">
                  {institution.website}
                </a>
              </dd>
            </>
          )}
        </dl>
      </Layout>,
    );
  },
);
