import { formatDate } from '../../../lib/format';
import { TableWrap } from '../../../views/components';
import type { Page } from '../../../views/page';
import type { ActionRow } from '../actions/queries';

const asDate = (day: string) => new Date(`${day}T12:00:00Z`);

/** Tasks with owner, due date (overdue marked in words), status and where they come from. */
export function TaskTable(props: {
  page: Page;
  rows: ActionRow[];
  href: (row: ActionRow) => string | null;
  today: string;
  showInitiative?: boolean;
  caption: string;
}) {
  const { page, rows } = props;
  const { t } = page;
  if (rows.length === 0) return <p>{t('committee.tasks.empty')}</p>;
  return (
    <TableWrap label={props.caption}>
      <table>
        <thead>
          <tr>
            <th scope="col">{t('committee.action.title')}</th>
            {props.showInitiative && <th scope="col">{t('committee.my.initiative')}</th>}
            <th scope="col">{t('committee.action.owner')}</th>
            <th scope="col">{t('committee.action.due')}</th>
            <th scope="col">{t('committee.action.status')}</th>
            <th scope="col">{t('committee.action.from')}</th>
          </tr>
        </thead>
        <tbody>
          {rows.map((r) => {
            const href = props.href(r);
            const overdue =
              r.dueOn && r.dueOn < props.today && (r.status === 'open' || r.status === 'doing');
            return (
              <tr data-task={r.title}>
                <th scope="row">
                  {href ? <a href={href}>{r.title}</a> : r.title}
                  {r.sample && <> ({t('committee.sample')})</>}
                </th>
                {props.showInitiative && <td>{r.initiativeName}</td>}
                <td>{r.owner ?? t('committee.none')}</td>
                <td>
                  {r.dueOn ? formatDate(asDate(r.dueOn), page.lang) : t('committee.none')}
                  {overdue && (
                    <>
                      {' '}
                      <strong class="error">{t('committee.action.overdue')}</strong>
                    </>
                  )}
                </td>
                <td data-status={r.status}>{t(`committee.action.status.${r.status}`)}</td>
                <td>{r.meetingTitle ?? r.activityTitle ?? t('committee.none')}</td>
              </tr>
            );
          })}
        </tbody>
      </table>
    </TableWrap>
  );
}
