import { isUuid } from '../../../lib/uuid';
import { Hono } from 'hono';
import { access } from '../../../http/access';
import { audit } from '../../../http/audit';
import { AppError } from '../../../http/errors';
import { render } from '../../../http/render';
import type { AppEnv } from '../../../http/types';
import { formatDateTime } from '../../../lib/format';
import { pageNumber } from '../../../lib/paging';
import { Pagination, TableWrap } from '../../../views/components';
import { Layout } from '../../../views/layout';
import { pageOf } from '../../../views/page';
import { getOutboxMessage, listOutbox } from '../../../core/mail/list-outbox';

const PER_PAGE = 50;

export const outboxRoutes = new Hono<AppEnv>()
  .get('/admin/outbox', access.admin(), async (c) => {
    const page = pageOf(c);
    const { t, lang } = page;
    const current = pageNumber(c.req.query('page'));
    const { messages, total } = await listOutbox(c.var.deps.db, {
      page: current,
      perPage: PER_PAGE,
    });
    return render(
      c,
      <Layout page={page} title={t('admin.outbox.title')}>
        <h1>{t('admin.outbox.title')}</h1>
        <p>{t('admin.outbox.lead')}</p>
        {messages.length === 0 ? (
          <p>{t('admin.outbox.empty')}</p>
        ) : (
          <TableWrap label={t('admin.outbox.title')}>
            <table>
              <thead>
                <tr>
                  <th scope="col">{t('admin.audit.when')}</th>
                  <th scope="col">{t('admin.outbox.to')}</th>
                  <th scope="col">{t('admin.outbox.subject')}</th>
                  <th scope="col">{t('admin.outbox.status')}</th>
                </tr>
              </thead>
              <tbody>
                {messages.map((m) => (
                  <tr>
                    <td>{formatDateTime(m.createdAt, lang)}</td>
                    <td>{m.to}</td>
                    <td>
                      <a href={`/admin/outbox/${m.id}`}>{m.subject}</a>
                    </td>
                    <td>{t(`admin.outbox.status.${m.status}`)}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </TableWrap>
        )}
        <Pagination page={page} current={current} total={total} perPage={PER_PAGE} />
      </Layout>,
    );
  })
  .get('/admin/outbox/:id', access.admin(), async (c) => {
    const id = c.req.param('id');
    const message = isUuid(id) ? await getOutboxMessage(c.var.deps.db, id) : undefined;
    if (!message) throw new AppError('not_found');
    await audit(c, 'admin.outbox_message_viewed', { targetType: 'outbox', targetId: id });
    const page = pageOf(c);
    const { t, lang } = page;
    return render(
      c,
      <Layout page={page} title={message.subject}>
        <p>
          <a href="/admin/outbox">{t('admin.outbox.back')}</a>
        </p>
        <h1>{message.subject}</h1>
        <dl>
          <dt>{t('admin.outbox.to')}</dt>
          <dd>{message.to}</dd>
          <dt>{t('admin.audit.when')}</dt>
          <dd>{formatDateTime(message.createdAt, lang)}</dd>
          <dt>{t('admin.outbox.status')}</dt>
          <dd>
            {t(`admin.outbox.status.${message.status}`)}
            {message.error ? ` — ${message.error}` : ''}
          </dd>
        </dl>
        <pre class="mail-text" lang={message.locale}>
          {message.text}
        </pre>
      </Layout>,
    );
  });
