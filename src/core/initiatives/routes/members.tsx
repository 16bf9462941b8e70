import { isUuid } from '../../../lib/uuid';
import { Hono, type Context } from 'hono';
import { z } from 'zod';
import { access } from '../../../http/access';
import { audited } from '../../../http/audit';
import { AppError } from '../../../http/errors';
import { setFlash } from '../../../http/flash';
import { readForm, type FieldErrors, type FormValues } from '../../../http/form';
import { render } from '../../../http/render';
import type { AppEnv } from '../../../http/types';
import { fields } from '../../../lib/fields';
import { formatDate } from '../../../lib/format';
import { Csrf, ErrorSummary, Field } from '../../../views/components';
import { Layout } from '../../../views/layout';
import { pageOf, type Page } from '../../../views/page';
import { allows } from '../../access/policy';
import { findUserByEmail } from '../../accounts/find-user';
import { initiativePermissions } from '../permissions';
import { addMember, listMembers, removeMember } from '../queries';
import { memberRoles, type Initiative } from '../schema';

const addSchema = z.object({
  email: fields.email(),
  role: z.enum(memberRoles, { error: 'form.required' }),
  expires: z
    .string()
    .trim()
    .optional()
    .transform((v) => (v ? v : undefined))
    .pipe(z.iso.date('form.invalid').optional()),
});

type Member = Awaited<ReturnType<typeof listMembers>>[number];

function MembersPage(props: {
  page: Page;
  initiative: Initiative;
  members: Member[];
  canManage: boolean;
  values?: FormValues;
  errors?: FieldErrors;
}) {
  const { t, lang } = props.page;
  const { initiative } = props;
  const role = typeof props.values?.role === 'string' ? props.values.role : 'organiser';
  return (
    <Layout page={props.page} title={t('members.title', { name: initiative.name })}>
      <h1>{t('members.title', { name: initiative.name })}</h1>
      <p>{t('members.lead')}</p>
      {props.members.length === 0 ? (
        <p>{t('members.empty')}</p>
      ) : (
        <ul class="cards">
          {props.members.map((m) => (
            <li class="card">
              <strong>{m.name}</strong> · {t(`role.${m.role}`)}
              {m.expiresAt && <> · {t('members.until', { date: formatDate(m.expiresAt, lang) })}</>}
              {props.canManage && (
                <>
                  {' '}
                  <a href={`/i/${initiative.slug}/members/${m.id}/remove`}>{t('members.remove')}</a>
                </>
              )}
            </li>
          ))}
        </ul>
      )}
      {props.canManage && (
        <form method="post" action={`/i/${initiative.slug}/members`} class="stack" novalidate>
          <h2>{t('members.add')}</h2>
          <Csrf page={props.page} />
          <ErrorSummary page={props.page} errors={props.errors} />
          <Field
            name="email"
            type="email"
            label={t('members.email')}
            hint={t('members.emailHint')}
            required
            values={props.values}
            errors={props.errors}
          />
          <div class="field">
            <label for="f-role">{t('members.role')}</label>
            <select id="f-role" name="role">
              {memberRoles.map((r) => (
                <option value={r} selected={r === role}>
                  {t(`role.${r}`)}
                </option>
              ))}
            </select>
          </div>
          <Field
            name="expires"
            type="date"
            label={t('members.expires')}
            values={props.values}
            errors={props.errors}
          />
          <button type="submit">{t('members.add')}</button>
        </form>
      )}
    </Layout>
  );
}

async function showMembers(c: Context<AppEnv>, values?: FormValues, errors?: FieldErrors) {
  const initiative = c.var.initiative;
  const members = await listMembers(c.var.deps.db, initiative.id);
  const canManage = allows(initiativePermissions.manageTeam, c.var.user, c.var.roles);
  return render(
    c,
    <MembersPage
      page={pageOf(c)}
      initiative={initiative}
      members={members}
      canManage={canManage}
      values={values}
      errors={errors}
    />,
    errors ? 422 : 200,
  );
}

export const memberRoutes = new Hono<AppEnv>()
  .get('/i/:slug/members', access.initiative(initiativePermissions.viewTeam), (c) => showMembers(c))
  .post('/i/:slug/members', access.initiative(initiativePermissions.manageTeam), async (c) => {
    const form = await readForm(c, addSchema);
    if (!form.ok) return showMembers(c, form.values, form.errors);
    const user = await findUserByEmail(c.var.deps.db, form.data.email);
    if (!user) return showMembers(c, form.values, { email: c.var.t('members.noAccount') });
    const expiresAt = form.data.expires ? new Date(`${form.data.expires}T23:59:59Z`) : null;
    await audited(
      c,
      (tx) =>
        addMember(tx, {
          initiativeId: c.var.initiative.id,
          userId: user.id,
          role: form.data.role,
          expiresAt,
        }),
      {
        action: 'initiative.member_added',
        targetType: 'initiative',
        targetId: c.var.initiative.id,
        data: { userId: user.id, role: form.data.role },
      },
    );
    setFlash(c, 'members.added');
    return c.redirect(`/i/${c.var.initiative.slug}/members`, 303);
  })
  .get(
    '/i/:slug/members/:id/remove',
    access.initiative(initiativePermissions.manageTeam),
    async (c) => {
      const members = await listMembers(c.var.deps.db, c.var.initiative.id);
      const member = members.find((m) => m.id === c.req.param('id'));
      if (!member) throw new AppError('not_found');
      const page = pageOf(c);
      const { t } = page;
      const initiative = c.var.initiative;
      return render(
        c,
        <Layout page={page} title={t('members.remove')}>
          <h1>{t('members.removeConfirm', { name: member.name, initiative: initiative.name })}</h1>
          <form
            method="post"
            action={`/i/${initiative.slug}/members/${member.id}/remove`}
            class="stack"
          >
            <Csrf page={page} />
            <p>{t(`role.${member.role}`)}</p>
            <button type="submit" class="danger">
              {t('members.removeConfirmSubmit')}
            </button>
            <a href={`/i/${initiative.slug}/members`}>{t('members.cancel')}</a>
          </form>
        </Layout>,
      );
    },
  )
  .post(
    '/i/:slug/members/:id/remove',
    access.initiative(initiativePermissions.manageTeam),
    async (c) => {
      const id = c.req.param('id');
      const removed = isUuid(id)
        ? await audited(
            c,
            (tx) => removeMember(tx, { initiativeId: c.var.initiative.id, membershipId: id }),
            (r) =>
              r && {
                action: 'initiative.member_removed',
                targetType: 'initiative',
                targetId: c.var.initiative.id,
                data: r,
              },
          )
        : undefined;
      if (!removed) throw new AppError('not_found');
      setFlash(c, 'members.removed');
      return c.redirect(`/i/${c.var.initiative.slug}/members`, 303);
    },
  );
