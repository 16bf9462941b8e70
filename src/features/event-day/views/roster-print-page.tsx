/**
 * The roster to print for the day: each volunteer with their shifts and a column to sign (the
 * print style sheet hides the site's header and the links).
 *
 * @example
 * <RosterPrintPage page={page} event={event} paths={paths} roster={roster} />
 */
import { formatDay } from '../../../lib/format';
import { TableWrap } from '../../../views/components';
import { Layout } from '../../../views/layout';
import { localTitle } from '../../../views/local-title';
import type { Page } from '../../../views/page';
import type { ProgrammeEvent } from '../../programme/schema';
import type { RosterEntry } from '../list-roster';
import type { EventDayPaths } from '../routes/event-day-context';
import { ShiftText } from './shift-text';

export function RosterPrintPage(props: {
  page: Page;
  event: ProgrammeEvent;
  paths: EventDayPaths;
  roster: RosterEntry[];
}) {
  const { page, event, paths, roster } = props;
  const { t } = page;
  const zone = event.timeZone;
  return (
    <Layout page={page} title={`${t('eventDay.volunteers.title')} · ${localTitle(page, event)}`}>
      <link rel="stylesheet" href="/event-day/roster.css" />
      <div class="roster">
        <p class="roster-tools">
          <a href={paths.volunteers}>{t('eventDay.volunteers.title')}</a>
        </p>
        <h1>
          {t('eventDay.volunteers.title')}: {localTitle(page, event)}
        </h1>
        <p>
          {formatDay(event.startsAt, page.lang, zone)} · {t('eventDay.timesIn', { zone })} ·{' '}
          {t('eventDay.volunteers.count', { count: roster.length })}
        </p>
        <TableWrap label={t('eventDay.volunteers.title')}>
          <table>
            <thead>
              <tr>
                <th scope="col">{t('eventDay.volunteer.name')}</th>
                <th scope="col">{t('eventDay.volunteer.institution')}</th>
                <th scope="col">{t('eventDay.shifts')}</th>
                <th scope="col">{t('eventDay.print.signature')}</th>
              </tr>
            </thead>
            <tbody>
              {roster.map((v) => (
                <tr>
                  <td>
                    {v.name}
                    {v.sample && <> ({t('eventDay.sample')})</>}
                  </td>
                  <td>{v.institution ?? ''}</td>
                  <td>
                    <ul>
                      {v.shifts.map((s) => (
                        <li>
                          <ShiftText page={page} zone={zone} shift={s} />
                        </li>
                      ))}
                    </ul>
                  </td>
                  <td></td>
                </tr>
              ))}
            </tbody>
          </table>
        </TableWrap>
      </div>
    </Layout>
  );
}
