import { Hono } from 'hono';
import { access } from '../../../http/access';
import { audited } from '../../../http/audit';
import { setFlash } from '../../../http/flash';
import { render } from '../../../http/render';
import type { AppEnv } from '../../../http/types';
import { Layout } from '../../../views/layout';
import { pageOf } from '../../../views/page';
import { consumeEmailToken } from '../email-tokens';
import { markEmailVerified } from '../mark-email-verified';

export const verifyEmailRoutes = new Hono<AppEnv>().get(
  '/verify-email',
  access.anyone(),
  async (c) => {
    const token = c.req.query('token') ?? '';
    const userId = token
      ? await consumeEmailToken(c.var.deps.db, { token, purpose: 'verify_email' })
      : undefined;
    if (!userId) {
      const page = pageOf(c);
      return render(
        c,
        <Layout page={page} title={page.t('auth.signUp.checkEmail.title')}>
          <h1>{page.t('auth.signUp.checkEmail.title')}</h1>
          <p role="alert">{page.t('auth.verify.invalid')}</p>
          <p>
            <a href="/sign-in">{page.t('nav.signIn')}</a>
          </p>
        </Layout>,
        400,
      );
    }
    await audited(c, (tx) => markEmailVerified(tx, { userId }), {
      action: 'account.email_verified',
      targetType: 'user',
      targetId: userId,
    });
    setFlash(c, 'auth.verify.done');
    return c.redirect('/sign-in', 303);
  },
);
