import { isUuid } from '../../../lib/uuid';
import { Hono, type Context } from 'hono';
import { audit } from '../../../http/audit';
import { AppError } from '../../../http/errors';
import { render } from '../../../http/render';
import type { AppEnv } from '../../../http/types';
import { translator, type MessageKey } from '../../../i18n/index';
import { formatNumber } from '../../../lib/format';
import { Field, TableWrap } from '../../../views/components';
import { Layout } from '../../../views/layout';
import { pageOf } from '../../../views/page';
import { Select } from '../../../views/select';
import { stakeholderGroups } from '../../network/schema';
import { localTitle } from '../../../views/local-title';
import { registrationStatuses } from '../../registration/schema';
import { eventDayAccess } from '../access';
import { badgesPdf } from '../badges-pdf';
import { badgeFilters, type BadgeFilters } from '../event-day-input';
import { listBadges } from '../list-badges';
import { eventDayPermissions } from '../permissions';
import { EVENT, eventBase } from './event-day-context';

const printers = () => eventDayAccess(eventDayPermissions.printBadges);

function filtersOf(c: Context<AppEnv>): BadgeFilters {
  return badgeFilters.parse(c.req.query());
}

function query(f: BadgeFilters) {
  const q = new URLSearchParams();
  for (const [k, v] of Object.entries(f)) if (v) q.set(k, v);
  return q.toString();
}

async function sendPdf(c: Context<AppEnv>, o: { filters: BadgeFilters; registrationId?: string }) {
  const { event } = eventBase(c);
  const badges = await listBadges(c.var.deps.db, {
    eventId: event.id,
    filters: o.filters,
    registrationId: o.registrationId,
  });
  if (o.registrationId && badges.length === 0) throw new AppError('not_found');
  const t = translator(c.var.lang);
  const title = c.var.lang === 'en' ? (event.titleEn ?? event.titleEs) : event.titleEs;
  const bytes = await badgesPdf({
    event: title,
    badges,
    groupLabel: (g) => t(`network.group.${g}` as MessageKey),
    title: `${t('eventDay.badges.title')} · ${title}`,
    lang: c.var.lang,
  });
  await audit(c, 'event_day.badges_printed', {
    targetType: 'event',
    targetId: event.id,
    data: { count: badges.length, filters: o.filters, registrationId: o.registrationId ?? null },
  });
  const name = o.registrationId ? `badge-${badges[0]!.ticketCode}.pdf` : 'badges.pdf';
  c.header('Content-Type', 'application/pdf');
  c.header('Content-Disposition', `attachment; filename="${name}"`);
  c.header('Cache-Control', 'no-store');
  return c.body(new Uint8Array(bytes));
}

export const badgeRoutes = new Hono<AppEnv>()
  .get(`${EVENT}/badges`, printers(), async (c) => {
    const page = pageOf(c);
    const { t, lang } = page;
    const { event, paths } = eventBase(c);
    const filters = filtersOf(c);
    const badges = await listBadges(c.var.deps.db, { eventId: event.id, filters });
    const values = { ...filters, status: filters.status ?? 'confirmed' };
    const qs = query(filters);
    const title = `${t('eventDay.badges.title')} · ${localTitle(page, event)}`;
    return render(
      c,
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
          <strong>
            {t('eventDay.badges.count', { count: formatNumber(badges.length, lang) })}
          </strong>
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
      </Layout>,
    );
  })
  .get(`${EVENT}/badges/pdf`, printers(), (c) => sendPdf(c, { filters: filtersOf(c) }))
  .get(`${EVENT}/badges/:registration/pdf`, printers(), (c) => {
    const id = c.req.param('registration');
    if (!isUuid(id)) throw new AppError('not_found');
    return sendPdf(c, { filters: {}, registrationId: id });
  });
