import { inputErrorsOrThrow } from '../../../http/input-error';
import { Hono, type Context } from 'hono';
import { audited } from '../../../http/audit';
import { setFlash } from '../../../http/flash';
import { readForm, type FieldErrors, type FormValues } from '../../../http/form';
import { render } from '../../../http/render';
import type { AppEnv } from '../../../http/types';
import { Layout } from '../../../views/layout';
import { pageOf } from '../../../views/page';
import { activityForm, actionForm, actionUpdateForm, commentForm } from '../actions/action-input';
import { addActionComment } from '../actions/add-action-comment';
import { addActivity } from '../actions/add-activity';
import { createActionItem } from '../actions/create-action-item';
import {
  listActionItems,
  listActivities,
  listInitiativeEditions,
  ownerChoices,
  type ActionView,
} from '../actions/queries';
import { updateActionItem } from '../actions/update-action-item';
import { ActionForm } from '../views/action-form';
import { TaskTable } from '../views/task-table';
import { ActivitiesView, TaskView } from '../views/task-view';
import { can, committeeBase, editors, routeTask, viewers } from './committee-context';

type Form = { values?: FormValues; errors?: FieldErrors };
const today = () => new Date().toISOString().slice(0, 10);

async function listPage(c: Context<AppEnv>, o: Form = {}) {
  const { db } = c.var.deps;
  const initiativeId = c.var.initiative.id;
  const all = c.req.query('show') === 'all';
  const edit = can(c, 'editMeetings');
  const [rows, owners, activities] = await Promise.all([
    listActionItems(db, { initiativeId, status: all ? undefined : ['open', 'doing'] }),
    edit ? ownerChoices(db, initiativeId) : undefined,
    listActivities(db, initiativeId),
  ]);
  const page = pageOf(c);
  const { t } = page;
  const base = committeeBase(c);
  const title = t('committee.tasks.titleOf', { name: c.var.initiative.name });
  const activity = c.req.query('activity');
  return render(
    c,
    <Layout page={page} title={title}>
      <p>
        <a href={base}>{t('committee.title', { name: c.var.initiative.name })}</a>
      </p>
      <h1>{title}</h1>
      <p>
        {t('committee.tasks.filter')}:{' '}
        {all ? (
          <a href={`${base}/tasks`}>{t('committee.tasks.filter.open')}</a>
        ) : (
          <a href={`${base}/tasks?show=all`}>{t('committee.tasks.filter.all')}</a>
        )}
        {' · '}
        <a href={`${base}/activities`}>{t('committee.activities.title')}</a>
      </p>
      <TaskTable
        page={page}
        rows={rows}
        today={today()}
        href={(r) => `${base}/tasks/${r.id}`}
        caption={title}
      />
      {edit && owners && (
        <>
          <h2 id="new-task">{t('committee.tasks.new')}</h2>
          <ActionForm
            page={page}
            action={`${base}/tasks`}
            owners={owners}
            activities={activities}
            values={o.values ?? (activity ? { activityId: activity } : undefined)}
            errors={o.errors}
          />
        </>
      )}
    </Layout>,
    o.errors ? 422 : 200,
  );
}

async function taskPage(
  c: Context<AppEnv>,
  o: { edit?: Form; comment?: Form } = {},
  it?: ActionView,
) {
  const { db } = c.var.deps;
  const item = it ?? (await routeTask(c));
  const edit = can(c, 'editMeetings');
  const owners = edit ? await ownerChoices(db, c.var.initiative.id) : undefined;
  const page = pageOf(c);
  const base = committeeBase(c);
  const values = o.edit?.values ?? {
    status: item.status,
    owner: item.ownerPersonId
      ? `person:${item.ownerPersonId}`
      : item.ownerInstitutionId
        ? `institution:${item.ownerInstitutionId}`
        : '',
    dueOn: item.dueOn ?? '',
  };
  const initiativeName = c.var.initiative.name;
  return render(
    c,
    <TaskView
      page={page}
      base={base}
      initiativeName={initiativeName}
      item={item}
      edit={edit}
      owners={owners}
      values={values}
      editErrors={o.edit?.errors}
      commentValues={o.comment?.values}
      commentErrors={o.comment?.errors}
    />,
    o.edit?.errors || o.comment?.errors ? 422 : 200,
  );
}

async function activitiesPage(c: Context<AppEnv>, o: Form = {}) {
  const { db } = c.var.deps;
  const initiativeId = c.var.initiative.id;
  const edit = can(c, 'editMeetings');
  const [rows, tasks, editions] = await Promise.all([
    listActivities(db, initiativeId),
    listActionItems(db, { initiativeId }),
    edit ? listInitiativeEditions(db, initiativeId) : [],
  ]);
  const page = pageOf(c);
  const { t } = page;
  const base = committeeBase(c);
  const title = t('committee.activities.title');
  const initiativeName = c.var.initiative.name;
  return render(
    c,
    <ActivitiesView
      page={page}
      title={title}
      base={base}
      initiativeName={initiativeName}
      edit={edit}
      rows={rows}
      tasks={tasks}
      editions={editions}
      values={o.values}
      errors={o.errors}
    />,
    o.errors ? 422 : 200,
  );
}

/** Tasks of the initiative (list, create, change, comment) and the activity plan. */
export const taskRoutes = new Hono<AppEnv>()
  .get('/i/:slug/committee/tasks', viewers(), (c) => listPage(c))
  .post('/i/:slug/committee/tasks', editors(), async (c) => {
    const form = await readForm(c, actionForm);
    if (!form.ok) return listPage(c, form);
    try {
      const item = await audited(
        c,
        (tx) =>
          createActionItem(tx, {
            initiativeId: c.var.initiative.id,
            userId: c.var.user?.id ?? null,
            input: form.data,
          }),
        (item) => ({
          action: 'committee.task_created',
          targetType: 'action_item',
          targetId: item.id,
          data: form.data,
        }),
      );
      setFlash(c, 'committee.saved');
      return c.redirect(`${committeeBase(c)}/tasks/${item.id}`, 303);
    } catch (e) {
      return listPage(c, { values: form.values, errors: inputErrorsOrThrow(c, e) });
    }
  })
  .get('/i/:slug/committee/tasks/:task', viewers(), (c) => taskPage(c))
  .post('/i/:slug/committee/tasks/:task', editors(), async (c) => {
    const item = await routeTask(c);
    const form = await readForm(c, actionUpdateForm);
    if (!form.ok) return taskPage(c, { edit: form }, item);
    try {
      await audited(c, (tx) => updateActionItem(tx, { item, input: form.data }), {
        action: 'committee.task_updated',
        targetType: 'action_item',
        targetId: item.id,
        data: { before: { status: item.status, dueOn: item.dueOn }, after: form.data },
      });
    } catch (e) {
      return taskPage(c, { edit: { values: form.values, errors: inputErrorsOrThrow(c, e) } }, item);
    }
    setFlash(c, 'committee.saved');
    return c.redirect(`${committeeBase(c)}/tasks/${item.id}`, 303);
  })
  .post('/i/:slug/committee/tasks/:task/comments', editors(), async (c) => {
    const item = await routeTask(c);
    const form = await readForm(c, commentForm);
    if (!form.ok) return taskPage(c, { comment: form }, item);
    await audited(
      c,
      (tx) =>
        addActionComment(tx, {
          actionItemId: item.id,
          userId: c.var.user?.id ?? null,
          body: form.data.body,
        }),
      (row) => ({
        action: 'committee.task_commented',
        targetType: 'action_item',
        targetId: item.id,
        data: { commentId: row.id },
      }),
    );
    setFlash(c, 'committee.saved');
    return c.redirect(`${committeeBase(c)}/tasks/${item.id}`, 303);
  })
  .get('/i/:slug/committee/activities', viewers(), (c) => activitiesPage(c))
  .post('/i/:slug/committee/activities', editors(), async (c) => {
    const form = await readForm(c, activityForm);
    if (!form.ok) return activitiesPage(c, form);
    try {
      await audited(
        c,
        (tx) => addActivity(tx, { initiativeId: c.var.initiative.id, input: form.data }),
        (row) => ({
          action: 'committee.activity_added',
          targetType: 'activity',
          targetId: row.id,
          data: form.data,
        }),
      );
    } catch (e) {
      return activitiesPage(c, { values: form.values, errors: inputErrorsOrThrow(c, e) });
    }
    setFlash(c, 'committee.saved');
    return c.redirect(`${committeeBase(c)}/activities`, 303);
  });
