/**
 * The badges page of an event: filters (status, stakeholder group, institution, name), how many
 * badges they give with the link to download them as one PDF, and each person with a link to
 * their own badge.
 *
 * @example
 * <BadgesPage page={page} event={event} paths={paths} filters={filters} badges={badges} />
 */
import type { MessageKey } from '../../../i18n/index';
import { formatNumber } from '../../../lib/format';
import { Field, TableWrap } from '../../../views/components';
import { Layout } from '../../../views/layout';
import { localTitle } from '../../../views/local-title';
import type { Page } from '../../../views/page';
import { Select } from '../../../views/select';
import { stakeholderGroups } from '../../network/schema';
import type { ProgrammeEvent } from '../../programme/schema';
import { registrationStatuses } from '../../registration/schema';
import type { BadgeFilters } from '../event-day-input';
import type { listBadges } from '../list-badges';
import type { EventDayPaths } from '../routes/event-day-context';

export function BadgesPage(props: {
  page: Page;
  event: ProgrammeEvent;
  paths: EventDayPaths;
  filters: BadgeFilters;
  badges: Awaited<ReturnType<typeof listBadges>>;
  /** The filters as a query string, for the PDF link. */
  qs: string;
}) {
  const { page, event, paths, filters, badges, qs } = props;
  const { t, lang } = page;
  const values = { ...filters, status: filters.status ?? 'confirmed' };
  const title = `${t('eventDay.badges.title')} · ${localTitle(page, event)}`;
  return (
    <Layout page={page} title={title}>
      <p>
        <a href={paths.event}>{localTitle(page, event)}</a>
      </p>
      <h1>{title}</h1>
      <p>{t('eventDay.badges.lead')}</p>
      <form method="get" action={paths.badges} class="stack" role="search">
        <Select
          name="status"
          label={t('registration.list.status')}
          options={registrationStatuses.map((s) => [s, t(`registration.status.${s}`)])}
          values={values}
        />
        <Select
          name="group"
          label={t('eventDay.badges.group')}
          empty={t('eventDay.badges.anyGroup')}
          options={stakeholderGroups.map((g) => [g, t(`network.group.${g}`)])}
          values={values}
        />
        <Field
          name="institution"
          label={t('eventDay.volunteer.institution')}
          value={filters.institution ?? ''}
        />
        <Field
          name="q"
          type="search"
          label={t('registration.list.search')}
          value={filters.q ?? ''}
        />
        <button type="submit">{t('eventDay.badges.filter')}</button>
      </form>
      <p>
        <strong>{t('eventDay.badges.count', { count: formatNumber(badges.length, lang) })}</strong>
        {badges.length > 0 && (
          <>
            {' '}
            <a href={`${paths.badges}/pdf${qs ? `?${qs}` : ''}`} download>
              {t('eventDay.badges.download')}
            </a>
          </>
        )}
      </p>
      <p class="hint">{t('eventDay.badges.groupHint')}</p>
      {badges.length > 0 && (
        <TableWrap label={t('eventDay.badges.title')}>
          <table>
            <thead>
              <tr>
                <th scope="col">{t('eventDay.volunteer.name')}</th>
                <th scope="col">{t('eventDay.volunteer.institution')}</th>
                <th scope="col">{t('eventDay.badges.group')}</th>
                <th scope="col">{t('eventDay.badges.one')}</th>
              </tr>
            </thead>
            <tbody>
              {badges.map((b) => (
                <tr>
                  <td>{b.name}</td>
                  <td>{b.institution ?? ''}</td>
                  <td>
                    {b.stakeholderGroup
                      ? t(`network.group.${b.stakeholderGroup}` as MessageKey)
                      : '—'}
                  </td>
                  <td>
                    <a href={`${paths.badges}/${b.id}/pdf`} download>
                      {t('eventDay.badges.oneLink', { name: b.name })}
                    </a>
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
