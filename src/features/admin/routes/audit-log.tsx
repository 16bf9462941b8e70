import { Hono } from 'hono';
import { access } from '../../../http/access';
import { render } from '../../../http/render';
import type { AppEnv } from '../../../http/types';
import { formatDateTime } from '../../../lib/format';
import { pageNumber } from '../../../lib/paging';
import { Pagination, TableWrap } from '../../../views/components';
import { Layout } from '../../../views/layout';
import { pageOf } from '../../../views/page';
import { listAudit } from '../../../core/audit/list-audit';

const PER_PAGE = 50;

export const auditLogRoutes = new Hono<AppEnv>().get('/admin/audit', access.admin(), async (c) => {
  const page = pageOf(c);
  const { t, lang } = page;
  const current = pageNumber(c.req.query('page'));
  const action = (c.req.query('action') ?? '').trim().slice(0, 100);
  const { entries, total } = await listAudit(c.var.deps.db, {
    page: current,
    perPage: PER_PAGE,
    action: action || undefined,
  });
  return render(
    c,
    <Layout page={page} title={t('admin.audit.title')}>
      <h1>{t('admin.audit.title')}</h1>
      <p>{t('admin.audit.lead')}</p>
      <form method="get" action="/admin/audit" class="filters">
        <label for="f-action">{t('admin.audit.filter')}</label>
        <input id="f-action" name="action" value={action} />
        <button type="submit">{t('common.save')}</button>
      </form>
      {entries.length === 0 ? (
        <p>{t('admin.audit.empty')}</p>
      ) : (
        <TableWrap label={t('admin.audit.title')}>
          <table>
            <thead>
              <tr>
                <th scope="col">{t('admin.audit.when')}</th>
                <th scope="col">{t('admin.audit.who')}</th>
                <th scope="col">{t('admin.audit.action')}</th>
                <th scope="col">{t('admin.audit.target')}</th>
                <th scope="col">{t('admin.audit.from')}</th>
              </tr>
            </thead>
            <tbody>
              {entries.map((e) => (
                <tr>
                  <td>{formatDateTime(e.at, lang)}</td>
                  <td>{e.actorLabel ?? '—'}</td>
                  <td>
                    <code>{e.action}</code>
                    {Object.keys(e.data).length > 0 && <small> {JSON.stringify(e.data)}</small>}
                  </td>
                  <td>{e.targetType ? `${e.targetType} ${e.targetId ?? ''}` : '—'}</td>
                  <td>{e.ip ?? '—'}</td>
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
        perPage={PER_PAGE}
        query={action ? { action } : {}}
      />
    </Layout>,
  );
});
