import { Hono } from 'hono';
import { access } from '../../../http/access';
import { audit } from '../../../http/audit';
import { AppError } from '../../../http/errors';
import { setFlash } from '../../../http/flash';
import { readForm } from '../../../http/form';
import { render } from '../../../http/render';
import type { AppEnv } from '../../../http/types';
import { formatDate } from '../../../lib/format';
import { Csrf, TableWrap } from '../../../views/components';
import { Layout } from '../../../views/layout';
import { pageOf } from '../../../views/page';
import { activeRoles, allows } from '../../../core/access/policy';
import { statusForm } from '../actions/action-input';
import { listMyTasks, ownersOfUser } from '../actions/queries';
import { setMyTaskStatus } from '../actions/set-my-task-status';
import { committeePermissions } from '../permissions';
import { actionStatuses } from '../schema';

/** `/account/tasks`: the signed-in user's open tasks in every initiative, with their status. */
export const myTaskRoutes = new Hono<AppEnv>()
  .get('/account/tasks', access.signedIn(), async (c) => {
    const { db } = c.var.deps;
    const user = c.var.user!;
    const [rows, owners] = await Promise.all([listMyTasks(db, user), ownersOfUser(db, user)]);
    const viewable = new Set<string>();
    for (const id of new Set(rows.map((r) => r.initiativeId))) {
      const roles = await activeRoles(db, { userId: user.id, initiativeId: id });
      if (allows(committeePermissions.viewCommittee, user, roles)) viewable.add(id);
    }
    const page = pageOf(c);
    const { t } = page;
    const title = t('committee.my.title');
    const today = new Date().toISOString().slice(0, 10);
    return render(
      c,
      <Layout page={page} title={title}>
        <p>
          <a href="/account">{t('nav.account')}</a>
        </p>
        <h1>{title}</h1>
        <p>{t('committee.my.intro')}</p>
        {owners.personIds.length === 0 && <p>{t('committee.my.noPerson')}</p>}
        {rows.length === 0 ? (
          <p>{t('committee.my.empty')}</p>
        ) : (
          <TableWrap label={title}>
            <table>
              <thead>
                <tr>
                  <th scope="col">{t('committee.action.title')}</th>
                  <th scope="col">{t('committee.my.initiative')}</th>
                  <th scope="col">{t('committee.action.due')}</th>
                  <th scope="col">{t('committee.action.status')}</th>
                </tr>
              </thead>
              <tbody>
                {rows.map((r) => (
                  <tr data-task={r.title}>
                    <th scope="row">
                      {viewable.has(r.initiativeId) ? (
                        <a href={`/i/${r.initiativeSlug}/committee/tasks/${r.id}`}>{r.title}</a>
                      ) : (
                        r.title
                      )}
                      {r.meetingTitle && <> · {r.meetingTitle}</>}
                    </th>
                    <td>{r.initiativeName}</td>
                    <td>
                      {r.dueOn
                        ? formatDate(new Date(`${r.dueOn}T12:00:00Z`), page.lang)
                        : t('committee.none')}
                      {r.dueOn && r.dueOn < today && (
                        <>
                          {' '}
                          <strong class="error">{t('committee.action.overdue')}</strong>
                        </>
                      )}
                    </td>
                    <td>
                      <form method="post" action={`/account/tasks/${r.id}/status`} class="inline">
                        <Csrf page={page} />
                        <label class="visually-hidden" for={`status-${r.id}`}>
                          {t('committee.action.status')}: {r.title}
                        </label>
                        <select id={`status-${r.id}`} name="status">
                          {actionStatuses.map((s) => (
                            <option value={s} selected={s === r.status}>
                              {t(`committee.action.status.${s}`)}
                            </option>
                          ))}
                        </select>{' '}
                        <button type="submit" class="secondary">
                          {t('committee.my.update')}
                          <span class="visually-hidden">: {r.title}</span>
                        </button>
                      </form>
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
          </TableWrap>
        )}
      </Layout>,
    );
  })
  .post('/account/tasks/:task/status', access.signedIn(), async (c) => {
    const form = await readForm(c, statusForm);
    if (!form.ok) throw new AppError('invalid');
    const changed = await setMyTaskStatus(c.var.deps.db, {
      user: c.var.user!,
      taskId: c.req.param('task'),
      status: form.data.status,
    });
    if (!changed) throw new AppError('not_found');
    await audit(c, 'committee.task_updated', {
      targetType: 'action_item',
      targetId: changed.after.id,
      data: { before: { status: changed.before.status }, after: form.data, by: 'owner' },
    });
    setFlash(c, 'committee.saved');
    return c.redirect('/account/tasks', 303);
  });
