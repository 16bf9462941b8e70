import { Hono } from 'hono';
import { z } from 'zod';
import { access } from '../../../http/access';
import { audit, audited } from '../../../http/audit';
import { setFlash } from '../../../http/flash';
import { readForm, type FieldErrors } from '../../../http/form';
import { rateLimit } from '../../../http/rate-limit/rate-limit';
import { render } from '../../../http/render';
import type { AppEnv } from '../../../http/types';
import { fields } from '../../../lib/fields';
import { formatDate } from '../../../lib/format';
import { Csrf, ErrorSummary, Field } from '../../../views/components';
import { Layout } from '../../../views/layout';
import { pageOf, type Page } from '../../../views/page';
import { allows, type Permission } from '../../access/policy';
import type { NavLink } from '../../module';
import { initiativePermissions } from '../../initiatives/permissions';
import { listMembershipsOfUser } from '../../initiatives/queries';
import { sendMail } from '../../mail/send-mail';
import { PASSWORD_MIN, verifyPassword } from '../password';
import { revokeOtherSessions } from '../sessions';
import { setPassword } from '../set-password';

const isActive = (m: { expiresAt: Date | null }) => !m.expiresAt || m.expiresAt > new Date();

const passwordSchema = z
  .object({
    current: z.string().min(1, 'form.required'),
    password: fields.password(PASSWORD_MIN),
    confirm: z.string(),
  })
  .refine((v) => v.password === v.confirm, { path: ['confirm'], message: 'form.passwordMismatch' });

function PasswordPage(props: { page: Page; errors?: FieldErrors }) {
  const { t } = props.page;
  return (
    <Layout page={props.page} title={t('account.password.title')}>
      <h1>{t('account.password.title')}</h1>
      <form method="post" action="/account/password" class="stack" novalidate>
        <Csrf page={props.page} />
        <ErrorSummary page={props.page} errors={props.errors} />
        <Field
          name="current"
          type="password"
          label={t('account.password.current')}
          autocomplete="current-password"
          required
          errors={props.errors}
        />
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
        <button type="submit">{t('account.password.submit')}</button>
      </form>
    </Layout>
  );
}

export const accountRoutes = new Hono<AppEnv>()
  .get('/account', access.signedIn(), async (c) => {
    const page = pageOf(c);
    const { t } = page;
    const user = c.var.user!;
    const memberships = await listMembershipsOfUser(c.var.deps.db, user.id);
    // A personal link shows when the person is an administrator or any active role grants it.
    const canAnywhere = (p: Permission) =>
      allows(p, user, []) || memberships.some((m) => isActive(m) && allows(p, user, [m.role]));
    const personal = c.var.modules.flatMap(
      (mod) => mod.navigation?.account?.({ user, can: canAnywhere }) ?? [],
    );
    return render(
      c,
      <Layout page={page} title={t('account.title')}>
        <h1>{t('account.title')}</h1>
        <p>
          {t('home.welcomeBack', { name: user.name })}{' '}
          {t('account.signedInAs', { email: user.email })}
        </p>
        <h2>{t('account.memberships.title')}</h2>
        {memberships.length === 0 ? (
          <p>{t('account.memberships.empty')}</p>
        ) : (
          <ul>
            {memberships.map((m) => {
              const can = (p: Permission) => isActive(m) && allows(p, user, [m.role]);
              const links = [
                can(initiativePermissions.viewTeam)
                  ? {
                      href: `/i/${m.slug}/members`,
                      label: 'members.title',
                      params: { name: m.name },
                    }
                  : null,
                ...c.var.modules.map(
                  (mod) =>
                    mod.navigation?.initiative?.({ slug: m.slug, name: m.name, can }) ?? null,
                ),
              ].filter((l): l is NavLink => l !== null);
              return (
                <li>
                  {m.name} — {t(`role.${m.role}`)}
                  {links.map((l) => (
                    <>
                      {' · '}
                      <a href={l.href}>{t(l.label, l.params)}</a>
                    </>
                  ))}
                  {m.expiresAt && (
                    <> ({t('members.until', { date: formatDate(m.expiresAt, page.lang) })})</>
                  )}
                </li>
              );
            })}
          </ul>
        )}
        <ul class="actions">
          {personal.map((l) => (
            <li>
              <a href={l.href}>{t(l.label, l.params)}</a>
            </li>
          ))}
          <li>
            <a href="/account/password">{t('account.password.title')}</a>
          </li>
          <li>
            <a href="/account/sessions">{t('account.sessions.title')}</a>
          </li>
          <li>
            <a href="/account/tokens">{t('account.tokens.link')}</a>
          </li>
          <li>
            <a href="/account/data">{t('privacy.title')}</a>
          </li>
        </ul>
      </Layout>,
    );
  })
  .get('/account/password', access.signedIn(), (c) => render(c, <PasswordPage page={pageOf(c)} />))
  .post(
    '/account/password',
    access.signedIn(),
    rateLimit({ name: 'change-password', limit: 10, windowSeconds: 900 }),
    async (c) => {
      const form = await readForm(c, passwordSchema);
      if (!form.ok) return render(c, <PasswordPage page={pageOf(c)} errors={form.errors} />, 422);
      const user = c.var.user!;
      if (!(await verifyPassword(user.passwordHash, form.data.current))) {
        await audit(c, 'account.password_change_failed', { targetType: 'user', targetId: user.id });
        return render(
          c,
          <PasswordPage page={pageOf(c)} errors={{ current: c.var.t('account.password.wrong') }} />,
          422,
        );
      }
      await audited(
        c,
        async (tx) => {
          await setPassword(tx, { userId: user.id, password: form.data.password });
          await revokeOtherSessions(tx, { userId: user.id, keepSessionId: c.var.session!.id });
        },
        { action: 'account.password_changed', targetType: 'user', targetId: user.id },
      );
      await sendMail(c.var.deps, {
        to: user.email,
        lang: user.locale === 'en' ? 'en' : 'es',
        template: {
          kind: 'passwordChanged',
          name: user.name,
          url: `${c.var.deps.env.publicUrl}/forgot-password`,
        },
      });
      setFlash(c, 'account.password.done');
      return c.redirect('/account', 303);
    },
  );
