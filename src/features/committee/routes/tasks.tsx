import { Hono, type Context } from 'hono';
import { audit } from '../../../http/audit';
import { setFlash } from '../../../http/flash';
import { readForm, type FieldErrors, type FormValues } from '../../../http/form';
import { render } from '../../../http/render';
import type { AppEnv } from '../../../http/types';
import { formatDate, formatDateTime } from '../../../lib/format';
import { Csrf, ErrorSummary, Field, Notice } from '../../../views/components';
import { Layout } from '../../../views/layout';
import { pageOf } from '../../../views/page';
import { Select } from '../../../views/select';
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
import { actionStatuses, activityStatuses } from '../schema';
import { ActionForm, OwnerSelect } from '../views/action-form';
import { TaskTable } from '../views/task-table';
import {
  can,
  committeeBase,
  committeeErrors,
  editors,
  routeTask,
  viewers,
} from './committee-context';

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
  const { t } = page;
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
  return render(
    c,
    <Layout page={page} title={item.title}>
      <p>
        <a href={`${base}/tasks`}>
          {t('committee.tasks.titleOf', { name: c.var.initiative.name })}
        </a>
      </p>
      <h1>{item.title}</h1>
      {item.sample && <Notice>{t('committee.sampleNote')}</Notice>}
      <dl class="facts">
        <dt>{t('committee.action.owner')}</dt>
        <dd>{item.owner ?? t('committee.none')}</dd>
        <dt>{t('committee.action.due')}</dt>
        <dd>
          {item.dueOn
            ? formatDate(new Date(`${item.dueOn}T12:00:00Z`), page.lang)
            : t('committee.none')}
        </dd>
        <dt>{t('committee.action.status')}</dt>
        <dd data-status={item.status}>{t(`committee.action.status.${item.status}`)}</dd>
        {item.meetingId && (
          <>
            <dt>{t('committee.action.from')}</dt>
            <dd>
              <a href={`${base}/meetings/${item.meetingId}`}>{item.meetingTitle}</a>
            </dd>
          </>
        )}
        {item.activityTitle && (
          <>
            <dt>{t('committee.action.activity')}</dt>
            <dd>{item.activityTitle}</dd>
          </>
        )}
      </dl>
      {edit && owners && (
        <form method="post" action={`${base}/tasks/${item.id}`} class="stack" novalidate>
          <Csrf page={page} />
          <ErrorSummary page={page} errors={o.edit?.errors} />
          <Select
            name="status"
            label={t('committee.action.status')}
            options={actionStatuses.map((s) => [s, t(`committee.action.status.${s}`)])}
            values={values}
            errors={o.edit?.errors}
          />
          <OwnerSelect page={page} owners={owners} values={values} errors={o.edit?.errors} />
          <Field
            name="dueOn"
            type="date"
            label={t('committee.action.due')}
            values={values}
            errors={o.edit?.errors}
          />
          <button type="submit">{t('committee.action.save')}</button>
        </form>
      )}
      <h2>{t('committee.action.comments')}</h2>
      {item.comments.length === 0 ? (
        <p>{t('committee.action.noComments')}</p>
      ) : (
        <ul>
          {item.comments.map((cm) => (
            <li>
              <strong>{cm.author ?? t('committee.none')}</strong> ·{' '}
              {formatDateTime(cm.createdAt, page.lang)}: {cm.body}
            </li>
          ))}
        </ul>
      )}
      {edit && (
        <form method="post" action={`${base}/tasks/${item.id}/comments`} class="stack" novalidate>
          <Csrf page={page} />
          <ErrorSummary page={page} errors={o.comment?.errors} />
          <Field
            name="body"
            rows={3}
            label={t('committee.action.comment')}
            required
            values={o.comment?.values}
            errors={o.comment?.errors}
          />
          <button type="submit">{t('committee.action.addComment')}</button>
        </form>
      )}
    </Layout>,
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
  const day = (d: string | null) =>
    d ? formatDate(new Date(`${d}T12:00:00Z`), page.lang) : t('committee.none');
  return render(
    c,
    <Layout page={page} title={title}>
      <p>
        <a href={base}>{t('committee.title', { name: c.var.initiative.name })}</a>
      </p>
      <h1>{title}</h1>
      {rows.length === 0 ? (
        <p>{t('committee.activities.empty')}</p>
      ) : (
        <ul class="stack">
          {rows.map((a) => {
            const mine = tasks.filter((x) => x.activityId === a.id);
            return (
              <li data-activity={a.title}>
                <strong>{a.title}</strong> — {day(a.startsOn)}
                {a.endsOn && a.endsOn !== a.startsOn && <> – {day(a.endsOn)}</>} ·{' '}
                {t(`committee.activity.status.${a.status}`)}
                {a.source && <p class="hint">{t('committee.source', { source: a.source })}</p>}
                {mine.length > 0 && (
                  <ul>
                    {mine.map((x) => (
                      <li>
                        <a href={`${base}/tasks/${x.id}`}>{x.title}</a> ·{' '}
                        {t(`committee.action.status.${x.status}`)}
                      </li>
                    ))}
                  </ul>
                )}
                {edit && (
                  <p>
                    <a href={`${base}/tasks?activity=${a.id}#new-task`}>
                      {t('committee.activity.addTask')}
                      <span class="visually-hidden">: {a.title}</span>
                    </a>
                  </p>
                )}
              </li>
            );
          })}
        </ul>
      )}
      {edit && (
        <>
          <h2>{t('committee.activities.add')}</h2>
          <form method="post" action={`${base}/activities`} class="stack" novalidate>
            <Csrf page={page} />
            <ErrorSummary page={page} errors={o.errors} />
            <Field
              name="title"
              label={t('committee.activity.title')}
              required
              values={o.values}
              errors={o.errors}
            />
            <Field
              name="startsOn"
              type="date"
              label={t('committee.activity.starts')}
              values={o.values}
              errors={o.errors}
            />
            <Field
              name="endsOn"
              type="date"
              label={t('committee.activity.ends')}
              values={o.values}
              errors={o.errors}
            />
            <Select
              name="status"
              label={t('committee.action.status')}
              options={activityStatuses.map((s) => [s, t(`committee.activity.status.${s}`)])}
              values={o.values}
              errors={o.errors}
            />
            <Select
              name="editionId"
              label={t('committee.activity.edition')}
              empty={t('committee.activity.noEdition')}
              options={editions.map((e) => [e.id, e.name])}
              values={o.values}
              errors={o.errors}
            />
            <button type="submit">{t('committee.activities.add')}</button>
          </form>
        </>
      )}
    </Layout>,
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
      const item = await createActionItem(c.var.deps.db, {
        initiativeId: c.var.initiative.id,
        userId: c.var.user?.id ?? null,
        input: form.data,
      });
      await audit(c, 'committee.task_created', {
        targetType: 'action_item',
        targetId: item.id,
        data: form.data,
      });
      setFlash(c, 'committee.saved');
      return c.redirect(`${committeeBase(c)}/tasks/${item.id}`, 303);
    } catch (e) {
      return listPage(c, { values: form.values, errors: committeeErrors(c, e) });
    }
  })
  .get('/i/:slug/committee/tasks/:task', viewers(), (c) => taskPage(c))
  .post('/i/:slug/committee/tasks/:task', editors(), async (c) => {
    const item = await routeTask(c);
    const form = await readForm(c, actionUpdateForm);
    if (!form.ok) return taskPage(c, { edit: form }, item);
    try {
      await updateActionItem(c.var.deps.db, { item, input: form.data });
    } catch (e) {
      return taskPage(c, { edit: { values: form.values, errors: committeeErrors(c, e) } }, item);
    }
    await audit(c, 'committee.task_updated', {
      targetType: 'action_item',
      targetId: item.id,
      data: { before: { status: item.status, dueOn: item.dueOn }, after: form.data },
    });
    setFlash(c, 'committee.saved');
    return c.redirect(`${committeeBase(c)}/tasks/${item.id}`, 303);
  })
  .post('/i/:slug/committee/tasks/:task/comments', editors(), async (c) => {
    const item = await routeTask(c);
    const form = await readForm(c, commentForm);
    if (!form.ok) return taskPage(c, { comment: form }, item);
    const row = await addActionComment(c.var.deps.db, {
      actionItemId: item.id,
      userId: c.var.user?.id ?? null,
      body: form.data.body,
    });
    await audit(c, 'committee.task_commented', {
      targetType: 'action_item',
      targetId: item.id,
      data: { commentId: row.id },
    });
    setFlash(c, 'committee.saved');
    return c.redirect(`${committeeBase(c)}/tasks/${item.id}`, 303);
  })
  .get('/i/:slug/committee/activities', viewers(), (c) => activitiesPage(c))
  .post('/i/:slug/committee/activities', editors(), async (c) => {
    const form = await readForm(c, activityForm);
    if (!form.ok) return activitiesPage(c, form);
    try {
      const row = await addActivity(c.var.deps.db, {
        initiativeId: c.var.initiative.id,
        input: form.data,
      });
      await audit(c, 'committee.activity_added', {
        targetType: 'activity',
        targetId: row.id,
        data: form.data,
      });
    } catch (e) {
      return activitiesPage(c, { values: form.values, errors: committeeErrors(c, e) });
    }
    setFlash(c, 'committee.saved');
    return c.redirect(`${committeeBase(c)}/activities`, 303);
  });
