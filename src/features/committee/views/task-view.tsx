/**
 * The task pages: one action item with its changes and comments, and the activity plan.
 */
import type { FieldErrors, FormValues } from '../../../http/form';
import { formatDate, formatDateTime } from '../../../lib/format';
import { Csrf, ErrorSummary, Field, Notice } from '../../../views/components';
import { Layout } from '../../../views/layout';
import type { Page } from '../../../views/page';
import { Select } from '../../../views/select';
import type { ActionRow, ActionView, listActivities, ownerChoices } from '../actions/queries';
import { actionStatuses, activityStatuses } from '../schema';
import { OwnerSelect } from './action-form';

export type TaskViewProps = {
  page: Page;
  base: string;
  initiativeName: string;
  item: ActionView;
  edit: boolean;
  owners: Awaited<ReturnType<typeof ownerChoices>> | undefined;
  values: FormValues;
  editErrors?: FieldErrors;
  commentValues?: FormValues;
  commentErrors?: FieldErrors;
};

/**
 * One action item: owner, due date, where it came from, the form changing it and its comments.
 *
 * @example
 * render(c, <TaskView page={page} base={base} initiativeName={initiativeName} item={item} edit={edit} owners={owners} values={values} editErrors={editErrors} commentValues={commentValues} commentErrors={commentErrors} />);
 */
export function TaskView(props: TaskViewProps) {
  const {
    page,
    base,
    initiativeName,
    item,
    edit,
    owners,
    values,
    editErrors,
    commentValues,
    commentErrors,
  } = props;
  const { t } = page;
  return (
    <Layout page={page} title={item.title}>
      <p>
        <a href={`${base}/tasks`}>{t('committee.tasks.titleOf', { name: initiativeName })}</a>
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
          <ErrorSummary page={page} errors={editErrors} />
          <Select
            name="status"
            label={t('committee.action.status')}
            options={actionStatuses.map((s) => [s, t(`committee.action.status.${s}`)])}
            values={values}
            errors={editErrors}
          />
          <OwnerSelect page={page} owners={owners} values={values} errors={editErrors} />
          <Field
            name="dueOn"
            type="date"
            label={t('committee.action.due')}
            values={values}
            errors={editErrors}
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
          <ErrorSummary page={page} errors={commentErrors} />
          <Field
            name="body"
            rows={3}
            label={t('committee.action.comment')}
            required
            values={commentValues}
            errors={commentErrors}
          />
          <button type="submit">{t('committee.action.addComment')}</button>
        </form>
      )}
    </Layout>
  );
}

export type ActivitiesViewProps = {
  page: Page;
  title: string;
  base: string;
  initiativeName: string;
  edit: boolean;
  rows: Awaited<ReturnType<typeof listActivities>>;
  tasks: ActionRow[];
  editions: { id: string; name: string }[];
  values?: FormValues;
  errors?: FieldErrors;
};

/**
 * The activity plan: each activity with its dates, status and tasks, and the form adding one.
 *
 * @example
 * render(c, <ActivitiesView page={page} title={title} base={base} initiativeName={initiativeName} edit={edit} rows={rows} tasks={tasks} editions={editions} values={values} errors={errors} />);
 */
export function ActivitiesView(props: ActivitiesViewProps) {
  const { page, title, base, initiativeName, edit, rows, tasks, editions, values, errors } = props;
  const { t } = page;
  const day = (d: string | null) =>
    d ? formatDate(new Date(`${d}T12:00:00Z`), page.lang) : t('committee.none');
  return (
    <Layout page={page} title={title}>
      <p>
        <a href={base}>{t('committee.title', { name: initiativeName })}</a>
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
            <ErrorSummary page={page} errors={errors} />
            <Field
              name="title"
              label={t('committee.activity.title')}
              required
              values={values}
              errors={errors}
            />
            <Field
              name="startsOn"
              type="date"
              label={t('committee.activity.starts')}
              values={values}
              errors={errors}
            />
            <Field
              name="endsOn"
              type="date"
              label={t('committee.activity.ends')}
              values={values}
              errors={errors}
            />
            <Select
              name="status"
              label={t('committee.action.status')}
              options={activityStatuses.map((s) => [s, t(`committee.activity.status.${s}`)])}
              values={values}
              errors={errors}
            />
            <Select
              name="editionId"
              label={t('committee.activity.edition')}
              empty={t('committee.activity.noEdition')}
              options={editions.map((e) => [e.id, e.name])}
              values={values}
              errors={errors}
            />
            <button type="submit">{t('committee.activities.add')}</button>
          </form>
        </>
      )}
    </Layout>
  );
}
