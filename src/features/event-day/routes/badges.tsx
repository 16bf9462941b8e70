import { isUuid } from '../../../lib/uuid';
import { Hono, type Context } from 'hono';
import { audit } from '../../../http/audit';
import { AppError } from '../../../http/errors';
import { render } from '../../../http/render';
import type { AppEnv } from '../../../http/types';
import { translator, type MessageKey } from '../../../i18n/index';
import { pageOf } from '../../../views/page';
import { eventDayAccess } from '../access';
import { badgesPdf } from '../badges-pdf';
import { badgeFilters, type BadgeFilters } from '../event-day-input';
import { listBadges } from '../list-badges';
import { BadgesPage } from '../views/badges-page';
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
    const { event, paths } = eventBase(c);
    const filters = filtersOf(c);
    const badges = await listBadges(c.var.deps.db, { eventId: event.id, filters });
    return render(
      c,
      <BadgesPage
        page={pageOf(c)}
        event={event}
        paths={paths}
        filters={filters}
        badges={badges}
        qs={query(filters)}
      />,
    );
  })
  .get(`${EVENT}/badges/pdf`, printers(), (c) => sendPdf(c, { filters: filtersOf(c) }))
  .get(`${EVENT}/badges/:registration/pdf`, printers(), (c) => {
    const id = c.req.param('registration');
    if (!isUuid(id)) throw new AppError('not_found');
    return sendPdf(c, { filters: {}, registrationId: id });
  });
