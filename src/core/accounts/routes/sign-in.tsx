import { Hono } from 'hono';
import { z } from 'zod';
import { rememberDevice, trustedDevice } from '../../../http/device-cookie';
import { access } from '../../../http/access';
import { audit, audited } from '../../../http/audit';
import { readCookie } from '../../../http/cookies';
import { AppError } from '../../../http/errors';
import { readForm, type FieldErrors, type FormValues } from '../../../http/form';
import { hitRateLimit } from '../../../http/rate-limit/hit-rate-limit';
import { rateLimit } from '../../../http/rate-limit/rate-limit';
import { render } from '../../../http/render';
import { endSession, startSession } from '../../../http/session';
import { setFlash } from '../../../http/flash';
import type { AppEnv } from '../../../http/types';
import { fields } from '../../../lib/fields';
import { safeNext } from '../../../lib/safe-next';
import { Csrf, ErrorSummary, Field, Notice } from '../../../views/components';
import { Layout } from '../../../views/layout';
import { pageOf, type Page } from '../../../views/page';
import { authenticate } from '../authenticate';
import { deleteSessionByToken } from '../sessions';
import { sendVerification } from '../sign-up';

const schema = z.object({
  email: fields.email(),
  password: z.string().min(1, 'form.required').max(200, 'form.tooLong|max=200'),
  next: z.string().optional(),
});

function SignInPage(props: {
  page: Page;
  values?: FormValues;
  errors?: FieldErrors;
  message?: string;
  next?: string;
}) {
  const { t } = props.page;
  return (
    <Layout page={props.page} title={t('auth.signIn.title')}>
      <h1>{t('auth.signIn.title')}</h1>
      {props.message && <Notice kind="error">{props.message}</Notice>}
      <form method="post" action="/sign-in" class="stack" novalidate>
        <Csrf page={props.page} />
        <input type="hidden" name="next" value={props.next ?? ''} />
        <ErrorSummary page={props.page} errors={props.errors} />
        <Field
          name="email"
          type="email"
          label={t('auth.email')}
          autocomplete="username"
          required
          values={props.values}
          errors={props.errors}
        />
        <Field
          name="password"
          type="password"
          label={t('auth.password')}
          autocomplete="current-password"
          required
          errors={props.errors}
        />
        <button type="submit">{t('auth.signIn.submit')}</button>
      </form>
      <p>
        <a href="/forgot-password">{t('auth.signIn.forgot')}</a>
      </p>
      <p>
        <a href="/sign-up">{t('auth.signIn.noAccount')}</a>
      </p>
    </Layout>
  );
}

export const signInRoutes = new Hono<AppEnv>()
  .get('/sign-in', access.anyone(), (c) =>
    render(c, <SignInPage page={pageOf(c)} next={safeNext(c.req.query('next'), '')} />),
  )
  .post(
    '/sign-in',
    access.anyone(),
    rateLimit({ name: 'sign-in', limit: 30, windowSeconds: 600 }),
    async (c) => {
      const form = await readForm(c, schema);
      if (!form.ok)
        return render(
          c,
          <SignInPage page={pageOf(c)} values={form.values} errors={form.errors} />,
          422,
        );
      const { email, password } = form.data;
      const next = safeNext(form.data.next, '');
      const device = trustedDevice(c, email);
      const result = await authenticate(c.var.deps.db, {
        email,
        password,
        ip: c.var.clientIp,
        device,
      });
      switch (result.outcome) {
        case 'locked':
          await audit(c, 'auth.sign_in_blocked', { data: { email } });
          throw new AppError('rate_limited', { retryAfterSeconds: result.retryAfterSeconds });
        case 'wrong':
          await audit(c, 'auth.sign_in_failed', { data: { email } });
          return render(
            c,
            <SignInPage
              page={pageOf(c)}
              values={form.values}
              next={next}
              message={c.var.t('auth.signIn.failed')}
            />,
            401,
          );
        case 'unverified': {
          const resend = await hitRateLimit(c.var.deps.db, {
            key: `verify-mail:${result.user.id}`,
            limit: 3,
            windowSeconds: 3600,
          });
          if (resend.allowed) await sendVerification(c.var.deps, result.user);
          return render(
            c,
            <SignInPage
              page={pageOf(c)}
              values={form.values}
              next={next}
              message={c.var.t('auth.signIn.unverified')}
            />,
            403,
          );
        }
        case 'ok':
          await audited(c, (tx) => startSession(c, result.user, tx), {
            action: 'auth.sign_in',
            targetType: 'user',
            targetId: result.user.id,
          });
          rememberDevice(c, email);
          return c.redirect(next || '/account', 303);
      }
    },
  )
  .post('/sign-out', access.anyone(), async (c) => {
    const token = readCookie(c, 'session');
    // The session row goes in the audited transaction while the user is still the actor;
    // endSession then clears the cookie (the row is already gone).
    if (c.var.user && token)
      await audited(c, (tx) => deleteSessionByToken(tx, token), {
        action: 'auth.sign_out',
        targetType: 'user',
        targetId: c.var.user.id,
      });
    await endSession(c);
    setFlash(c, 'auth.signedOut');
    return c.redirect('/', 303);
  });
