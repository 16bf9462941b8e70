import { Hono } from 'hono';
import { access } from '../../../http/access';
import { render } from '../../../http/render';
import type { AppEnv } from '../../../http/types';
import { Layout } from '../../../views/layout';
import { pageOf } from '../../../views/page';

export const adminHomeRoutes = new Hono<AppEnv>().get('/admin', access.admin(), (c) => {
  const page = pageOf(c);
  const { t } = page;
  return render(
    c,
    <Layout page={page} title={t('admin.title')}>
      <h1>{t('admin.title')}</h1>
      <ul class="actions">
        <li>
          <a href="/admin/initiatives">{t('admin.initiatives.title')}</a>
        </li>
        {c.var.modules.flatMap((m) =>
          (m.navigation?.admin ?? []).map((l) => (
            <li>
              <a href={l.href}>{t(l.label, l.params)}</a>
            </li>
          )),
        )}
        <li>
          <a href="/admin/audit">{t('admin.audit.title')}</a>
        </li>
        <li>
          <a href="/admin/outbox">{t('admin.outbox.title')}</a>
        </li>
      </ul>
    </Layout>,
  );
});
