/**
 * iCalendar (RFC 5545) for a published programme or one session, with the event's time zone
 * (VTIMEZONE included) and stable UIDs (the session's UUID).
 *
 * @example
 * const text = await buildProgrammeIcs(db, { edition, baseUrl, lang: 'es' });
 */
import { getVtimezoneComponent } from '@touch4it/ical-timezones';
import ical from 'ical-generator';
import { DateTime } from 'luxon';
import type { Db } from '../../../db/client';
import { safeIcalName, safeIcalText } from '../../../lib/ical-safe';
import type { Lang } from '../../../i18n/index';
import type { ProgrammeItem } from '../queries';
import type { Edition } from '../schema';
import { publishedProgramme } from '../publishing/published-programme';

export async function buildProgrammeIcs(
  db: Db,
  o: { edition: Edition; baseUrl: string; lang: Lang; sessionIds?: Set<string>; name?: string },
) {
  const { items, zone, roomName } = await publishedProgramme(db, o.edition);
  const chosen = o.sessionIds ? items.filter((s) => o.sessionIds!.has(s.id)) : items;
  const host = new URL(o.baseUrl).host;
  const calendar = ical({
    name: safeIcalName(o.name ?? o.edition.name),
    prodId: { company: 'Convoca', product: 'programme', language: o.lang.toUpperCase() },
  });
  calendar.timezone({ name: zone, generator: getVtimezoneComponent });
  const title = (s: ProgrammeItem) => (o.lang === 'en' ? (s.titleEn ?? s.titleEs) : s.titleEs);
  for (const s of chosen) {
    const people = s.people.map((p) => p.name).join(', ');
    calendar.createEvent({
      id: `${s.id}@${host}`,
      // Zone-aware values, so the local wall-clock time is written next to TZID.
      start: DateTime.fromJSDate(s.startsAt, { zone }),
      end: DateTime.fromJSDate(s.endsAt, { zone }),
      timezone: zone,
      summary: title(s),
      description:
        [o.lang === 'en' ? (s.descriptionEn ?? s.descriptionEs) : s.descriptionEs, people]
          .filter(Boolean)
          .join('\n\n') || undefined,
      location: roomName(s),
      url: `${o.baseUrl}/e/${o.edition.slug}/sessions/${s.id}`,
    });
  }
  // Line breaks are escaped by the generator; any other control character is dropped.
  return { text: safeIcalText(calendar.toString()), count: chosen.length };
}
