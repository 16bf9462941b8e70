import { Hono } from 'hono';
import { access } from '../../../http/access';
import { audited } from '../../../http/audit';
import { AppError } from '../../../http/errors';
import { setFlash } from '../../../http/flash';
import { readForm } from '../../../http/form';
import { render } from '../../../http/render';
import type { AppEnv } from '../../../http/types';
import { pageOf } from '../../../views/page';
import { activeRoles, allows } from '../../../core/access/policy';
import { statusForm } from '../actions/action-input';
import { listMyTasks, ownersOfUser } from '../actions/queries';
import { setMyTaskStatus } from '../actions/set-my-task-status';
import { committeePermissions } from '../permissions';
import { MyTasksView } from '../views/my-tasks-view';

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
      <MyTasksView
        page={page}
        title={title}
        rows={rows}
        noPerson={owners.personIds.length === 0}
        viewable={viewable}
        today={today}
      />,
    );
  })
  .post('/account/tasks/:task/status', access.signedIn(), async (c) => {
    const form = await readForm(c, statusForm);
    if (!form.ok) throw new AppError('invalid');
    const changed = await audited(
      c,
      (tx) =>
        setMyTaskStatus(tx, {
          user: c.var.user!,
          taskId: c.req.param('task'),
          status: form.data.status,
        }),
      (changed) =>
        changed
          ? {
              action: 'committee.task_updated',
              targetType: 'action_item',
              targetId: changed.after.id,
              data: { before: { status: changed.before.status }, after: form.data, by: 'owner' },
            }
          : null,
    );
    if (!changed) throw new AppError('not_found');
    setFlash(c, 'committee.saved');
    return c.redirect('/account/tasks', 303);
  });
