import { Hono, type Context } from 'hono';
import { access } from '../../../http/access';
import { audited } from '../../../http/audit';
import { AppError } from '../../../http/errors';
import { setFlash } from '../../../http/flash';
import { render } from '../../../http/render';
import type { AppEnv } from '../../../http/types';
import { pageNumber } from '../../../lib/paging';
import { pageOf } from '../../../views/page';
import { deleteImport, findImport, updateImport } from '../import/queries';
import { reviewRows } from '../import/review-rows';
import { ImportReviewPage, ImportStatusPage, SHOW } from '../views/import-review-page';
import { runImport } from '../import/run-import';
import type { PeopleImport, RowDecision } from '../import/schema';
import { networkPermissions } from '../permissions';
import { MappingForm } from './import-upload';

const manage = () => access.initiative(networkPermissions.managePeople);

async function loadImport(c: Context<AppEnv>): Promise<PeopleImport> {
  const imp = await findImport(c.var.deps.db, {
    id: c.req.param('id') ?? '',
    initiativeId: c.var.initiative.id,
  });
  if (!imp) throw new AppError('not_found');
  return imp;
}

export const importReviewRoutes = new Hono<AppEnv>()
  .get('/i/:slug/imports/:id', manage(), async (c) => {
    const imp = await loadImport(c);
    if (imp.status === 'mapping' || (imp.status === 'review' && c.req.query('remap')))
      return render(c, <MappingForm c={c} imp={imp} />);
    const page = pageOf(c);
    const slug = c.var.initiative.slug;
    if (imp.status !== 'review')
      return render(
        c,
        <ImportStatusPage
          page={page}
          slug={slug}
          initiativeName={c.var.initiative.name}
          imp={imp}
        />,
      );
    const report = await reviewRows(c.var.deps.db, imp);
    const show = SHOW.find((s) => s === c.req.query('show')) ?? 'all';
    const current = pageNumber(c.req.query('page'));
    return render(
      c,
      <ImportReviewPage
        page={page}
        slug={slug}
        imp={imp}
        report={report}
        show={show}
        current={current}
      />,
    );
  })
  .post('/i/:slug/imports/:id/decisions', manage(), async (c) => {
    const imp = await loadImport(c);
    if (imp.status !== 'review') throw new AppError('not_found');
    const body = await c.req.parseBody();
    const decisions = { ...imp.decisions };
    for (const [name, value] of Object.entries(body)) {
      const m = /^d-(\d+)$/.exec(name);
      if (!m || typeof value !== 'string' || Number(m[1]) >= imp.rows.length) continue;
      if (value === 'skip' || value === 'create' || /^link:[0-9a-f-]{36}$/.test(value))
        decisions[m[1]!] = value as RowDecision;
    }
    await updateImport(c.var.deps.db, imp.id, { decisions });
    setFlash(c, 'import.review.decisionsSaved');
    const show = typeof body.show === 'string' ? body.show : 'all';
    const page = typeof body.page === 'string' ? body.page : '1';
    return c.redirect(
      `/i/${c.var.initiative.slug}/imports/${imp.id}?show=${encodeURIComponent(show)}&page=${encodeURIComponent(page)}`,
      303,
    );
  })
  .post('/i/:slug/imports/:id/confirm', manage(), async (c) => {
    const imp = await loadImport(c);
    if (imp.status !== 'review') throw new AppError('not_found');
    await audited(c, (tx) => updateImport(tx, imp.id, { status: 'importing' }), {
      action: 'people.import_confirmed',
      targetType: 'import',
      targetId: imp.id,
      data: { rows: imp.rows.length },
    });
    const { db, log } = c.var.deps;
    void runImport(db, { importId: imp.id }).catch((error: unknown) =>
      log.error('import.failed', { id: imp.id, error: String(error) }),
    );
    return c.redirect(`/i/${c.var.initiative.slug}/imports/${imp.id}`, 303);
  })
  .post('/i/:slug/imports/:id/cancel', manage(), async (c) => {
    const imp = await loadImport(c);
    if (!['mapping', 'review'].includes(imp.status)) throw new AppError('not_found');
    await audited(c, (tx) => deleteImport(tx, imp.id), {
      action: 'people.import_discarded',
      targetType: 'import',
      targetId: imp.id,
    });
    setFlash(c, 'import.review.cancelled');
    return c.redirect(`/i/${c.var.initiative.slug}/people/import`, 303);
  });
