/**
 * `/account/tasks`: the signed-in user's open tasks in every initiative, each with its status
 * form.
 */
import { formatDate } from '../../../lib/format';
import { Csrf, TableWrap } from '../../../views/components';
import { Layout } from '../../../views/layout';
import type { Page } from '../../../views/page';
import type { listMyTasks } from '../actions/queries';
import { actionStatuses } from '../schema';

export type MyTasksViewProps = {
  page: Page;
  title: string;
  rows: Awaited<ReturnType<typeof listMyTasks>>;
  /** The account is no person of the network yet, so nothing can be assigned to it. */
  noPerson: boolean;
  /** The initiatives whose committee pages the user may open (their tasks are links). */
  viewable: Set<string>;
  /** `YYYY-MM-DD`: tasks due before it are overdue. */
  today: string;
};

/**
 * The user's tasks, with the initiative, due date and a status form for each.
 *
 * @example
 * render(c, <MyTasksView page={page} title={title} rows={rows} noPerson={false} viewable={viewable} today="2018-10-25" />);
 */
export function MyTasksView(props: MyTasksViewProps) {
  const { page, title, rows, noPerson, viewable, today } = props;
  const { t } = page;
  return (
    <Layout page={page} title={title}>
      <p>
        <a href="/account">{t('nav.account')}</a>
      </p>
      <h1>{title}</h1>
      <p>{t('committee.my.intro')}</p>
      {noPerson && <p>{t('committee.my.noPerson')}</p>}
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
    </Layout>
  );
}
