/**
 * Writes to a registrant in their language about their registration: the confirmation carries
 * the QR ticket (inline image) and the event as an .ics file; every message carries the private
 * link to view, change or cancel.
 *
 * @example
 * await sendRegistrationMail(deps, { registrationId, state: 'confirmed' });
 */
import { eq } from 'drizzle-orm';
import type { AppDeps } from '../../http/types';
import type { Lang } from '../../i18n/index';
import { formatDateTime, formatDay } from '../../lib/format';
import { sendMail } from '../../core/mail/send-mail';
import type { MailAttachment } from '../../core/mail/schema';
import type { RegistrationMailState } from '../../core/mail/templates';
import { editions, events, venues } from '../programme/schema';
import { registrationToken } from './register-for-event';
import { registrations, transportRoutes } from './schema';
import { eventIcs, ticketQrPng } from './ticket';
import { translator } from '../../i18n/index';

type Deps = Pick<AppDeps, 'db' | 'mailer' | 'log' | 'env' | 'secret'>;

export async function sendRegistrationMail(
  deps: Deps,
  o: { registrationId: string; state: RegistrationMailState },
) {
  const [row] = await deps.db
    .select({
      r: registrations,
      event: events,
      venue: venues,
      edition: editions,
      route: transportRoutes,
    })
    .from(registrations)
    .innerJoin(events, eq(events.id, registrations.eventId))
    .innerJoin(editions, eq(editions.id, events.editionId))
    .leftJoin(venues, eq(venues.id, events.venueId))
    .leftJoin(transportRoutes, eq(transportRoutes.id, registrations.transportRouteId))
    .where(eq(registrations.id, o.registrationId));
  if (!row || row.r.sample) return;
  const { r, event, venue, edition, route } = row;
  const lang: Lang = r.lang === 'en' ? 'en' : 'es';
  const t = translator(lang);
  const title = lang === 'en' ? (event.titleEn ?? event.titleEs) : event.titleEs;
  const url = `${deps.env.publicUrl}/r/${registrationToken(deps.secret, r.id)}`;
  const when = event.timesKnown
    ? formatDateTime(event.startsAt, lang, event.timeZone)
    : formatDay(event.startsAt, lang, event.timeZone);
  const lines = [
    `${t('registration.mail.when')}: ${when}`,
    ...(venue
      ? [
          `${t('registration.mail.where')}: ${[venue.name, venue.address].filter(Boolean).join(', ')}`,
        ]
      : []),
  ];
  // The chosen bus and where (and when, if known) it first stops.
  const stop = route?.stops[0];
  if (route && !['cancelled', 'declined', 'expired'].includes(o.state))
    lines.push(
      `${t('transport.mail.route')}: ${route.name}${stop ? ` · ${[stop.time, stop.name].filter(Boolean).join(' ')}` : ''}`,
    );
  if (o.state === 'offered' && r.offerExpiresAt)
    lines.push(
      `${t('registration.mail.offerUntil')}: ${formatDateTime(r.offerExpiresAt, lang, event.timeZone)}`,
    );
  const attachments: MailAttachment[] = [];
  const ticket = o.state === 'confirmed' || o.state === 'reminder';
  if (ticket) {
    lines.push(`${t('registration.ticketCode')}: ${r.ticketCode}`);
    attachments.push(
      {
        filename: 'ticket.png',
        contentType: 'image/png',
        content: (await ticketQrPng(r.ticketCode)).toString('base64'),
        cid: 'ticket-qr',
      },
      {
        filename: 'event.ics',
        contentType: 'text/calendar; charset=utf-8; method=PUBLISH',
        content: Buffer.from(
          eventIcs({ event, venue, url: `${deps.env.publicUrl}/e/${edition.slug}`, lang }),
        ).toString('base64'),
      },
    );
  }
  await sendMail(deps, {
    to: r.email,
    lang,
    template: {
      kind: 'registration',
      state: o.state,
      name: r.name,
      event: title,
      url,
      lines,
      qrCid: ticket ? 'ticket-qr' : undefined,
    },
    attachments,
  });
}
