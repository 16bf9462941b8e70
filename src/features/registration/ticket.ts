/**
 * A registrant's ticket: a QR code holding only the ticket code (never the private link, so a
 * photographed badge opens nothing), and an iCalendar file of the event.
 *
 * @example
 * const png = await ticketQrPng('K7M2P9QRST'); // Buffer
 * const ics = eventIcs({ event, venue, url, lang: 'es' });
 */
import { getVtimezoneComponent } from '@touch4it/ical-timezones';
import ical from 'ical-generator';
import { DateTime } from 'luxon';
import QRCode from 'qrcode';
import type { Lang } from '../../i18n/index';
import { safeIcalName, safeIcalText } from '../../lib/ical-safe';
import type { ProgrammeEvent, Venue } from '../programme/schema';

/** What the QR code says: a prefix the check-in desk recognises, and the code. */
export const ticketPayload = (code: string) => `CONVOCA-TICKET:${code}`;

export function ticketQrPng(code: string): Promise<Buffer> {
  return QRCode.toBuffer(ticketPayload(code), { errorCorrectionLevel: 'M', margin: 2, width: 240 });
}

export function ticketQrSvg(code: string, title: string): Promise<string> {
  return QRCode.toString(ticketPayload(code), {
    type: 'svg',
    errorCorrectionLevel: 'M',
    margin: 2,
  }).then((svg) =>
    svg.replace('<svg ', `<svg role="img" aria-label="${title.replace(/"/g, '&quot;')}" `),
  );
}

export function eventIcs(o: {
  event: ProgrammeEvent;
  venue: Venue | null;
  url: string;
  lang: Lang;
}): string {
  const { event } = o;
  const zone = event.timeZone;
  const calendar = ical({
    name: safeIcalName(o.lang === 'en' ? (event.titleEn ?? event.titleEs) : event.titleEs),
    prodId: { company: 'Convoca', product: 'registration', language: o.lang.toUpperCase() },
  });
  calendar.timezone({ name: zone, generator: getVtimezoneComponent });
  calendar.createEvent({
    id: `${event.id}@${new URL(o.url).host}`,
    start: DateTime.fromJSDate(event.startsAt, { zone }),
    end: DateTime.fromJSDate(event.endsAt, { zone }),
    allDay: !event.timesKnown,
    timezone: zone,
    summary: o.lang === 'en' ? (event.titleEn ?? event.titleEs) : event.titleEs,
    location: o.venue ? [o.venue.name, o.venue.address].filter(Boolean).join(', ') : undefined,
    url: o.url,
  });
  return safeIcalText(calendar.toString());
}
