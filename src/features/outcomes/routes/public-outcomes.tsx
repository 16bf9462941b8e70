import { Hono } from 'hono';
import { access } from '../../../http/access';
import { AppError } from '../../../http/errors';
import { render } from '../../../http/render';
import type { AppEnv } from '../../../http/types';
import { Layout } from '../../../views/layout';
import { pageOf } from '../../../views/page';
import { findEdition } from '../../programme/index';
import { listOutcomes } from '../queries';
import { OutcomesByTopic } from '../views/outcomes-by-topic';
import { editionTracks } from './outcomes-context';

/** The public page of an edition's published conclusions, recommendations and commitments. */
export const publicOutcomeRoutes = new Hono<AppEnv>().get(
  '/e/:slug/outcomes',
  access.anyone(),
  async (c) => {
    const { db } = c.var.deps;
    const edition = await findEdition(db, c.req.param('slug') ?? '');
    if (!edition) throw new AppError('not_found');
    const [outcomes, tracks] = await Promise.all([
      listOutcomes(db, { editionId: edition.id, publishedOnly: true }),
      editionTracks(c, db, edition.id),
    ]);
    const page = pageOf(c);
    const { t } = page;
    const title = t('outcomes.public.title', { edition: edition.name });
    return render(
      c,
      <Layout page={page} title={title}>
        <p>
          <a href={`/e/${edition.slug}`}>{edition.name}</a>
        </p>
        <h1>{title}</h1>
        <p>{t('outcomes.public.lead')}</p>
        {outcomes.length === 0 ? (
          <p>{t('outcomes.public.empty')}</p>
        ) : (
          <OutcomesByTopic page={page} outcomes={outcomes} tracks={tracks} />
        )}
      </Layout>,
    );
  },
);
