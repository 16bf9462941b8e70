import { Hono } from 'hono';
import { z } from 'zod';
import { access } from '../../../http/access';
import { audited } from '../../../http/audit';
import { setFlash } from '../../../http/flash';
import { readForm, type FieldErrors, type FormValues } from '../../../http/form';
import { render } from '../../../http/render';
import type { AppEnv } from '../../../http/types';
import { fields } from '../../../lib/fields';
import { Csrf, ErrorSummary, Field } from '../../../views/components';
import { Layout } from '../../../views/layout';
import { pageOf, type Page } from '../../../views/page';
import { createInitiative, listInitiatives } from '../../../core/initiatives/queries';
import type { Initiative } from '../../../core/initiatives/schema';

const schema = z.object({ name: fields.text({ max: 160 }), slug: fields.slug() });

function InitiativesPage(props: {
  page: Page;
  list: Initiative[];
  values?: FormValues;
  errors?: FieldErrors;
}) {
  const { t } = props.page;
  return (
    <Layout page={props.page} title={t('admin.initiatives.title')}>
      <h1>{t('admin.initiatives.title')}</h1>
      {props.list.length === 0 ? (
        <p>{t('admin.initiatives.empty')}</p>
      ) : (
        <ul>
          {props.list.map((i) => (
            <li>
              <a href={`/i/${i.slug}/members`}>{i.name}</a> <code>{i.slug}</code>
            </li>
          ))}
        </ul>
      )}
      <h2>{t('admin.initiatives.create')}</h2>
      <form method="post" action="/admin/initiatives" class="stack" novalidate>
        <Csrf page={props.page} />
        <ErrorSummary page={props.page} errors={props.errors} />
        <Field
          name="name"
          label={t('admin.initiatives.name')}
          required
          values={props.values}
          errors={props.errors}
        />
        <Field
          name="slug"
          label={t('admin.initiatives.slug')}
          hint={t('form.slug')}
          required
          values={props.values}
          errors={props.errors}
        />
        <button type="submit">{t('admin.initiatives.create')}</button>
      </form>
    </Layout>
  );
}

export const adminInitiativeRoutes = new Hono<AppEnv>()
  .get('/admin/initiatives', access.admin(), async (c) =>
    render(c, <InitiativesPage page={pageOf(c)} list={await listInitiatives(c.var.deps.db)} />),
  )
  .post('/admin/initiatives', access.admin(), async (c) => {
    const { db } = c.var.deps;
    const form = await readForm(c, schema);
    if (!form.ok) {
      return render(
        c,
        <InitiativesPage
          page={pageOf(c)}
          list={await listInitiatives(db)}
          values={form.values}
          errors={form.errors}
        />,
        422,
      );
    }
    const created = await audited(
      c,
      (tx) => createInitiative(tx, form.data),
      (i) =>
        i && {
          action: 'initiative.created',
          targetType: 'initiative',
          targetId: i.id,
          data: { slug: i.slug },
        },
    );
    if (!created) {
      const errors = { slug: c.var.t('admin.initiatives.slugTaken') };
      return render(
        c,
        <InitiativesPage
          page={pageOf(c)}
          list={await listInitiatives(db)}
          values={form.values}
          errors={errors}
        />,
        422,
      );
    }
    setFlash(c, 'admin.initiatives.created');
    return c.redirect('/admin/initiatives', 303);
  });
