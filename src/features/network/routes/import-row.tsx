import { Hono, type Context } from 'hono';
import { access } from '../../../http/access';
import { AppError } from '../../../http/errors';
import { setFlash } from '../../../http/flash';
import { translateIssue } from '../../../http/form';
import { render } from '../../../http/render';
import type { AppEnv } from '../../../http/types';
import { Csrf, Field } from '../../../views/components';
import { Layout } from '../../../views/layout';
import { pageOf } from '../../../views/page';
import { findImport, updateImport } from '../import/queries';
import { reviewRows } from '../import/review-rows';
import { importTargets, type ImportTarget, type PeopleImport } from '../import/schema';
import { networkPermissions } from '../permissions';

const manage = () => access.initiative(networkPermissions.managePeople);

async function load(c: Context<AppEnv>): Promise<{ imp: PeopleImport; index: number }> {
  const imp = await findImport(c.var.deps.db, {
    id: c.req.param('id') ?? '',
    initiativeId: c.var.initiative.id,
  });
  const index = Number(c.req.param('row'));
  if (
    !imp ||
    imp.status !== 'review' ||
    !Number.isInteger(index) ||
    index < 0 ||
    index >= imp.rows.length
  )
    throw new AppError('not_found');
  return { imp, index };
}

async function rowPage(c: Context<AppEnv>, imp: PeopleImport, index: number) {
  const page = pageOf(c);
  const { t } = page;
  const [report] = await reviewRows(c.var.deps.db, {
    mapping: imp.mapping,
    rows: [imp.rows[index]!],
  });
  const errors: Record<string, string> = {};
  for (const [target, message] of Object.entries(report?.errors ?? {}))
    errors[target] = translateIssue(t, message);
  const mapped = importTargets.filter((target) => imp.mapping[target] !== undefined);
  const values = Object.fromEntries(
    mapped.map((target) => [target, imp.rows[index]![imp.mapping[target]!] ?? '']),
  );
  const slug = c.var.initiative.slug;
  return render(
    c,
    <Layout page={page} title={t('import.row.title', { row: index + 2 })}>
      <p>
        <a href={`/i/${slug}/imports/${imp.id}`}>{t('import.review.title')}</a>
      </p>
      <h1>{t('import.row.title', { row: index + 2 })}</h1>
      <form
        method="post"
        action={`/i/${slug}/imports/${imp.id}/rows/${index}`}
        class="stack"
        novalidate
      >
        <Csrf page={page} />
        {mapped.map((target) => (
          <Field
            name={target}
            label={t(`import.target.${target}`)}
            values={values}
            errors={errors}
          />
        ))}
        <button type="submit">{t('common.save')}</button>
      </form>
    </Layout>,
  );
}

export const importRowRoutes = new Hono<AppEnv>()
  .get('/i/:slug/imports/:id/rows/:row', manage(), async (c) => {
    const { imp, index } = await load(c);
    return rowPage(c, imp, index);
  })
  .post('/i/:slug/imports/:id/rows/:row', manage(), async (c) => {
    const { imp, index } = await load(c);
    const body = await c.req.parseBody();
    const row = [...imp.rows[index]!];
    for (const [target, column] of Object.entries(imp.mapping) as [ImportTarget, number][]) {
      const value = body[target];
      if (typeof value === 'string') row[column] = value.trim().slice(0, 2000);
    }
    const rows = imp.rows.map((r, i) => (i === index ? row : r));
    await updateImport(c.var.deps.db, imp.id, { rows });
    setFlash(c, 'import.row.saved');
    return c.redirect(`/i/${c.var.initiative.slug}/imports/${imp.id}?show=errors`, 303);
  });
