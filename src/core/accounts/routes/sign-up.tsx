import { Hono } from 'hono';
import { z } from 'zod';
import { access } from '../../../http/access';
import { audited } from '../../../http/audit';
import { readForm, type FieldErrors, type FormValues } from '../../../http/form';
import { rateLimit } from '../../../http/rate-limit/rate-limit';
import { render } from '../../../http/render';
import type { AppEnv } from '../../../http/types';
import { fields } from '../../../lib/fields';
import { Csrf, ErrorSummary, Field } from '../../../views/components';
import { Layout } from '../../../views/layout';
import { pageOf, type Page } from '../../../views/page';
import { PASSWORD_MIN } from '../password';
import { mailSignUp, signUp } from '../sign-up';

const schema = z.object({
  name: fields.text({ max: 120 }),
  email: fields.email(),
  password: fields.password(PASSWORD_MIN),
});

function SignUpPage(props: { page: Page; values?: FormValues; errors?: FieldErrors }) {
  const { t } = props.page;
  return (
    <Layout page={props.page} title={t('auth.signUp.title')}>
      <h1>{t('auth.signUp.title')}</h1>
      <p>{t('auth.signUp.privacy')}</p>
      <form method="post" action="/sign-up" class="stack" novalidate>
        <Csrf page={props.page} />
        <ErrorSummary page={props.page} errors={props.errors} />
        <Field
          name="name"
          label={t('auth.name')}
          autocomplete="name"
          required
          values={props.values}
          errors={props.errors}
        />
        <Field
          name="email"
          type="email"
          label={t('auth.email')}
          autocomplete="email"
          required
          values={props.values}
          errors={props.errors}
        />
        <Field
          name="password"
          type="password"
          label={t('auth.password')}
          hint={t('auth.passwordHint')}
          autocomplete="new-password"
          required
          errors={props.errors}
        />
        <button type="submit">{t('auth.signUp.submit')}</button>
      </form>
      <p>
        <a href="/sign-in">{t('auth.signUp.haveAccount')}</a>
      </p>
    </Layout>
  );
}

export const signUpRoutes = new Hono<AppEnv>()
  .get('/sign-up', access.anyone(), (c) => render(c, <SignUpPage page={pageOf(c)} />))
  .post(
    '/sign-up',
    access.anyone(),
    rateLimit({ name: 'sign-up', limit: 10, windowSeconds: 3600 }),
    async (c) => {
      const form = await readForm(c, schema);
      if (!form.ok)
        return render(
          c,
          <SignUpPage page={pageOf(c)} values={form.values} errors={form.errors} />,
          422,
        );
      const outcome = await audited(
        c,
        (tx) => signUp(tx, { ...form.data, lang: c.var.lang }),
        ({ created }) =>
          created ? { action: 'account.created', targetType: 'user', targetId: created.id } : null,
      );
      await mailSignUp(c.var.deps, outcome);
      const page = pageOf(c);
      return render(
        c,
        <Layout page={page} title={page.t('auth.signUp.checkEmail.title')}>
          <h1>{page.t('auth.signUp.checkEmail.title')}</h1>
          <p role="status">{page.t('auth.signUp.checkEmail.body', { email: form.data.email })}</p>
        </Layout>,
      );
    },
  );
