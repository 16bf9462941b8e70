import { Hono } from 'hono';
import { access } from '../../../http/access';
import { AppError } from '../../../http/errors';
import { render } from '../../../http/render';
import type { AppEnv } from '../../../http/types';
import { Layout } from '../../../views/layout';
import { pageOf } from '../../../views/page';
import { findInstitution } from '../institutions';
import { InstitutionFacts } from '../views/institution-facts';

/** The public page of an institution that agreed to be listed; nothing personal on it. */
export const publicInstitutionRoutes = new Hono<AppEnv>().get(
  '/institutions/:id',
  access.anyone(),
  async (c) => {
    const institution = await findInstitution(c.var.deps.db, c.req.param('id'));
    if (!institution || !institution.publicListing) throw new AppError('not_found');
    const page = pageOf(c);
    return render(
      c,
      <Layout page={page} title={institution.name}>
        <h1>
          {institution.name} {institution.acronym && <small>({institution.acronym})</small>}
        </h1>
        <InstitutionFacts page={page} institution={institution} />
      </Layout>,
    );
  },
);
