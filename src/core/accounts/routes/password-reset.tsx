import { Hono } from 'hono';
import { z } from 'zod';
import { access } from '../../../http/access';
import { audited } from '../../../http/audit';
import { setFlash } from '../../../http/flash';
import { readForm, type FieldErrors, type FormValues } from '../../../http/form';
import { hitRateLimit } from '../../../http/rate-limit/hit-rate-limit';
import { rateLimit } from '../../../http/rate-limit/rate-limit';
import { render } from '../../../http/render';
import type { AppEnv } from '../../../http/types';
import { fields } from '../../../lib/fields';
import { Csrf, ErrorSummary, Field, Notice } from '../../../views/components';
import { Layout } from '../../../views/layout';
import { pageOf, type Page } from '../../../views/page';
import { consumeEmailToken, issueEmailToken, peekEmailToken } from '../email-tokens';
import { findUserByEmail, findUserById } from '../find-user';
import { PASSWORD_MIN } from '../password';
import { revokeOtherSessions } from '../sessions';
import { setPassword } from '../set-password';
import { sendMail } from '../../mail/send-mail';

const requestSchema = z.object({ email: fields.email() });
const resetSchema = z
  .object({
    token: z.string().min(1),
    password: fields.password(PASSWORD_MIN),
    confirm: z.string(),
  })
  .refine((v) => v.password === v.confirm, { path: ['confirm'], message: 'form.passwordMismatch' });

function ForgotPage(props: {
  page: Page;
  values?: FormValues;
  errors?: FieldErrors;
  sentTo?: string;
}) {
  const { t } = props.page;
  return (
    <Layout page={props.page} title={t('auth.forgot.title')}>
      <h1>{t('auth.forgot.title')}</h1>
      {props.sentTo ? (
        <Notice>{t('auth.forgot.sent', { email: props.sentTo })}</Notice>
      ) : (
        <>
          <p>{t('auth.forgot.lead')}</p>
          <form method="post" action="/forgot-password" class="stack" novalidate>
            <Csrf page={props.page} />
            <ErrorSummary page={props.page} errors={props.errors} />
            <Field
              name="email"
              type="email"
              label={t('auth.email')}
              autocomplete="email"
              required
              values={props.values}
              errors={props.errors}
            />
            <button type="submit">{t('auth.forgot.submit')}</button>
          </form>
        </>
      )}
    </Layout>
  );
}

function ResetPage(props: { page: Page; token: string; errors?: FieldErrors; invalid?: boolean }) {
  const { t } = props.page;
  return (
    <Layout page={props.page} title={t('auth.reset.title')}>
      <h1>{t('auth.reset.title')}</h1>
      {props.invalid ? (
        <>
          <Notice kind="error">{t('auth.reset.invalid')}</Notice>
          <p>
            <a href="/forgot-password">{t('auth.forgot.title')}</a>
          </p>
        </>
      ) : (
        <form method="post" action="/reset-password" class="stack" novalidate>
          <Csrf page={props.page} />
          <input type="hidden" name="token" value={props.token} />
          <ErrorSummary page={props.page} errors={props.errors} />
          <Field
            name="password"
            type="password"
            label={t('account.password.new')}
            hint={t('auth.passwordHint')}
            autocomplete="new-password"
            required
            errors={props.errors}
          />
          <Field
            name="confirm"
            type="password"
            label={t('auth.passwordConfirm')}
            autocomplete="new-password"
            required
            errors={props.errors}
          />
          <button type="submit">{t('auth.reset.submit')}</button>
        </form>
      )}
    </Layout>
  );
}

export const passwordResetRoutes = new Hono<AppEnv>()
  .get('/forgot-password', access.anyone(), (c) => render(c, <ForgotPage page={pageOf(c)} />))
  .post(
    '/forgot-password',
    access.anyone(),
    rateLimit({ name: 'forgot', limit: 10, windowSeconds: 3600 }),
    async (c) => {
      const form = await readForm(c, requestSchema);
      if (!form.ok)
        return render(
          c,
          <ForgotPage page={pageOf(c)} values={form.values} errors={form.errors} />,
          422,
        );
      const { db } = c.var.deps;
      const perAddress = await hitRateLimit(db, {
        key: `forgot-email:${form.data.email}`,
        limit: 3,
        windowSeconds: 3600,
      });
      const user = perAddress.allowed ? await findUserByEmail(db, form.data.email) : undefined;
      if (user) {
        const token = await audited(
          c,
          (tx) =>
            issueEmailToken(tx, { userId: user.id, purpose: 'reset_password', ttlMinutes: 60 }),
          { action: 'auth.password_reset_requested', targetType: 'user', targetId: user.id },
        );
        await sendMail(c.var.deps, {
          to: user.email,
          lang: user.locale === 'en' ? 'en' : 'es',
          template: {
            kind: 'reset',
            name: user.name,
            url: `${c.var.deps.env.publicUrl}/reset-password?token=${token}`,
          },
        });
      }
      return render(c, <ForgotPage page={pageOf(c)} sentTo={form.data.email} />);
    },
  )
  .get('/reset-password', access.anyone(), async (c) => {
    const token = c.req.query('token') ?? '';
    const valid =
      token !== '' && (await peekEmailToken(c.var.deps.db, { token, purpose: 'reset_password' }));
    return render(
      c,
      <ResetPage page={pageOf(c)} token={token} invalid={!valid} />,
      valid ? 200 : 400,
    );
  })
  .post(
    '/reset-password',
    access.anyone(),
    rateLimit({ name: 'reset', limit: 20, windowSeconds: 3600 }),
    async (c) => {
      const form = await readForm(c, resetSchema);
      const token = typeof form.values.token === 'string' ? form.values.token : '';
      if (!form.ok)
        return render(c, <ResetPage page={pageOf(c)} token={token} errors={form.errors} />, 422);
      const user = await audited(
        c,
        async (tx) => {
          const userId = await consumeEmailToken(tx, { token, purpose: 'reset_password' });
          const found = userId ? await findUserById(tx, userId) : undefined;
          if (!found) return undefined;
          await setPassword(tx, { userId: found.id, password: form.data.password });
          await revokeOtherSessions(tx, { userId: found.id });
          return found;
        },
        (u) => u && { action: 'auth.password_reset', targetType: 'user', targetId: u.id },
      );
      if (!user) return render(c, <ResetPage page={pageOf(c)} token="" invalid />, 400);
      await sendMail(c.var.deps, {
        to: user.email,
        lang: user.locale === 'en' ? 'en' : 'es',
        template: {
          kind: 'passwordChanged',
          name: user.name,
          url: `${c.var.deps.env.publicUrl}/forgot-password`,
        },
      });
      setFlash(c, 'auth.reset.done');
      return c.redirect('/sign-in', 303);
    },
  );
