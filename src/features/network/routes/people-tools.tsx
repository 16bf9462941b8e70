import { tableDownload } from '../../../http/table-download';
import { Hono } from 'hono';
import { access } from '../../../http/access';
import { audit, audited } from '../../../http/audit';
import { AppError } from '../../../http/errors';
import { setFlash } from '../../../http/flash';
import { render } from '../../../http/render';
import type { AppEnv } from '../../../http/types';
import { countryName } from '../../../lib/format';
import { Csrf } from '../../../views/components';
import { Layout } from '../../../views/layout';
import { pageOf } from '../../../views/page';
import { exportPeople } from '../export-people';
import { mergePeople } from '../merge-people';
import { getPersonRecord, listPeople, personInInitiative } from '../people';
import { networkPermissions } from '../permissions';

const manage = () => access.initiative(networkPermissions.managePeople);

export const peopleToolRoutes = new Hono<AppEnv>()
  .get('/i/:slug/people/export/:format', manage(), async (c) => {
    const format = c.req.param('format');
    if (format !== 'csv' && format !== 'xlsx') throw new AppError('not_found');
    const initiative = c.var.initiative;
    const { body, count } = await exportPeople(c.var.deps.db, {
      initiativeId: initiative.id,
      format,
      lang: c.var.lang,
    });
    await audit(c, 'people.exported', {
      targetType: 'initiative',
      targetId: initiative.id,
      data: { format, count },
    });
    return tableDownload(c, { format, filename: `${initiative.slug}-people.${format}`, body });
  })
  .get('/i/:slug/people/:id/merge', manage(), async (c) => {
    const { db } = c.var.deps;
    const initiative = c.var.initiative;
    const id = c.req.param('id');
    if (!(await personInInitiative(db, id, initiative.id))) throw new AppError('not_found');
    const keep = await getPersonRecord(db, id);
    if (!keep || keep.erasedAt) throw new AppError('not_found');
    const page = pageOf(c);
    const { t, lang } = page;
    const withId = c.req.query('with');
    if (withId) {
      if (withId === id || !(await personInInitiative(db, withId, initiative.id)))
        throw new AppError('not_found');
      const other = await getPersonRecord(db, withId);
      if (!other || other.erasedAt) throw new AppError('not_found');
      return render(
        c,
        <Layout page={page} title={t('merge.title')}>
          <h1>{t('merge.title')}</h1>
          <p>{t('merge.lead', { keep: keep.name, other: other.name })}</p>
          <form method="post" action={`/i/${initiative.slug}/people/${id}/merge`} class="stack">
            <Csrf page={page} />
            <input type="hidden" name="with" value={withId} />
            <button type="submit" class="danger">
              {t('merge.submit')}
            </button>
            <a href={`/i/${initiative.slug}/people/${id}`}>{t('members.cancel')}</a>
          </form>
        </Layout>,
      );
    }
    const q = (c.req.query('q') ?? keep.name).slice(0, 100);
    const { rows } = await listPeople(db, {
      initiativeId: initiative.id,
      q,
      sort: 'name',
      page: 1,
      perPage: 25,
    });
    const candidates = rows.filter((r) => r.id !== id);
    return render(
      c,
      <Layout page={page} title={t('merge.title')}>
        <h1>{t('merge.title')}</h1>
        <p>{keep.name}</p>
        <form
          method="get"
          action={`/i/${initiative.slug}/people/${id}/merge`}
          class="filters"
          role="search"
        >
          <label for="f-q">{t('network.search')}</label>
          <input id="f-q" name="q" type="search" value={q} />
          <button type="submit">{t('network.search')}</button>
        </form>
        {candidates.length === 0 ? (
          <p>{t('network.people.empty')}</p>
        ) : (
          <ul class="cards">
            {candidates.map((p) => (
              <li class="card">
                <strong>{p.name}</strong> · {countryName(p.country, lang)} ·{' '}
                <a href={`/i/${initiative.slug}/people/${id}/merge?with=${p.id}`}>
                  {t('merge.submit')}
                </a>
              </li>
            ))}
          </ul>
        )}
      </Layout>,
    );
  })
  .post('/i/:slug/people/:id/merge', manage(), async (c) => {
    const { db } = c.var.deps;
    const initiative = c.var.initiative;
    const id = c.req.param('id');
    const body = await c.req.parseBody();
    const withId = typeof body.with === 'string' ? body.with : '';
    const bothHere =
      (await personInInitiative(db, id, initiative.id)) &&
      (await personInInitiative(db, withId, initiative.id));
    if (!bothHere) throw new AppError('not_found');
    const merged = await audited(
      c,
      (tx) => mergePeople(tx, { keepId: id, mergeId: withId }),
      (ok) =>
        ok
          ? {
              action: 'person.merged',
              targetType: 'person',
              targetId: id,
              data: { merged: withId },
            }
          : null,
    );
    if (!merged) throw new AppError('not_found');
    setFlash(c, 'merge.done');
    return c.redirect(`/i/${initiative.slug}/people/${id}`, 303);
  });
