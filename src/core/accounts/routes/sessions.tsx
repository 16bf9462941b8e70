import { isUuid } from '../../../lib/uuid';
import { Hono } from 'hono';
import { access } from '../../../http/access';
import { audited } from '../../../http/audit';
import { setFlash } from '../../../http/flash';
import { render } from '../../../http/render';
import type { AppEnv } from '../../../http/types';
import { formatDateTime } from '../../../lib/format';
import { Csrf } from '../../../views/components';
import { Layout } from '../../../views/layout';
import { pageOf } from '../../../views/page';
import { listSessions, revokeOtherSessions, revokeSession } from '../sessions';

export const sessionRoutes = new Hono<AppEnv>()
  .get('/account/sessions', access.signedIn(), async (c) => {
    const page = pageOf(c);
    const { t, lang } = page;
    const list = await listSessions(c.var.deps.db, c.var.user!.id);
    const current = c.var.session!.id;
    return render(
      c,
      <Layout page={page} title={t('account.sessions.title')}>
        <h1>{t('account.sessions.title')}</h1>
        <p>{t('account.sessions.lead')}</p>
        <ul class="cards">
          {list.map((s) => (
            <li class="card">
              <p>
                <strong>{s.userAgent ?? '—'}</strong>
                {s.id === current && (
                  <>
                    {' '}
                    · <em>{t('account.sessions.current')}</em>
                  </>
                )}
              </p>
              <dl>
                <dt>{t('account.sessions.started')}</dt>
                <dd>{formatDateTime(s.createdAt, lang)}</dd>
                <dt>{t('account.sessions.lastSeen')}</dt>
                <dd>{formatDateTime(s.lastSeenAt, lang)}</dd>
                <dt>{t('account.sessions.from')}</dt>
                <dd>{s.ip ?? '—'}</dd>
              </dl>
              {s.id !== current && (
                <form method="post" action={`/account/sessions/${s.id}/revoke`}>
                  <Csrf page={page} />
                  <button type="submit" class="secondary">
                    {t('account.sessions.revoke')}
                  </button>
                </form>
              )}
            </li>
          ))}
        </ul>
        {list.length > 1 && (
          <form method="post" action="/account/sessions/revoke-others">
            <Csrf page={page} />
            <button type="submit">{t('account.sessions.revokeOthers')}</button>
          </form>
        )}
      </Layout>,
    );
  })
  .post('/account/sessions/revoke-others', access.signedIn(), async (c) => {
    await audited(
      c,
      (tx) => revokeOtherSessions(tx, { userId: c.var.user!.id, keepSessionId: c.var.session!.id }),
      (n) => ({ action: 'account.sessions_revoked', data: { count: n } }),
    );
    setFlash(c, 'account.sessions.revokedOthers');
    return c.redirect('/account/sessions', 303);
  })
  .post('/account/sessions/:id/revoke', access.signedIn(), async (c) => {
    const id = c.req.param('id');
    const ok =
      isUuid(id) &&
      (await audited(
        c,
        (tx) => revokeSession(tx, { userId: c.var.user!.id, sessionId: id }),
        (revoked) =>
          revoked
            ? { action: 'account.session_revoked', targetType: 'session', targetId: id }
            : null,
      ));
    if (ok) {
      setFlash(c, 'account.sessions.revoked');
    }
    return c.redirect('/account/sessions', 303);
  });
