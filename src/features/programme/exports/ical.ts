/**
 * iCalendar (RFC 5545) for a published programme or one session, with the event's time zone
 * (VTIMEZONE included) and stable UIDs (the session's UUID). Descriptions are plain text: HTML
 * that came in with an import is reduced to its text.
 *
 * The calendar library folds lines one character at a time, which costs about a second for a
 * 900-session programme; the events are therefore written in batches with a pause between them,
 * so the server keeps answering other requests while a large calendar is built.
 *
 * @example
 * const { text } = await buildProgrammeIcs(db, { edition, baseUrl, lang: 'es' });
 */
import { getVtimezoneComponent } from '@touch4it/ical-timezones';
import { safeIcalName, safeIcalText } from '../../../lib/ical-safe';
import ical from 'ical-generator';
import { DateTime } from 'luxon';
import type { Db } from '../../../db/client';
import type { Lang } from '../../../i18n/index';
import type { ProgrammeItem } from '../queries';
import type { Edition } from '../schema';
import { publishedProgramme } from '../publishing/published-programme';
import { plainTextOf } from '../views/description-text';

/** Events written between two pauses. */
const BATCH = 50;
const pause = () => new Promise<void>((resolve) => setImmediate(resolve));

export async function buildProgrammeIcs(
  db: Db,
  o: { edition: Edition; baseUrl: string; lang: Lang; sessionIds?: Set<string>; name?: string },
) {
  const { items, zone, roomName } = await publishedProgramme(db, o.edition);
  const chosen = o.sessionIds ? items.filter((s) => o.sessionIds!.has(s.id)) : items;
  const host = new URL(o.baseUrl).host;
  const calendarOf = () =>
    ical({
      name: safeIcalName(o.name ?? o.edition.name),
      prodId: { company: 'Convoca', product: 'programme', language: o.lang.toUpperCase() },
    });
  const head = calendarOf();
  head.timezone({ name: zone, generator: getVtimezoneComponent });
  const title = (s: ProgrammeItem) => (o.lang === 'en' ? (s.titleEn ?? s.titleEs) : s.titleEs);
  const description = (s: ProgrammeItem) =>
    plainTextOf(o.lang === 'en' ? (s.descriptionEn ?? s.descriptionEs) : s.descriptionEs);
  const parts: string[] = [];
  for (let i = 0; i < chosen.length; i += BATCH) {
    if (i > 0) await pause();
    const batch = calendarOf();
    batch.timezone(zone);
    for (const s of chosen.slice(i, i + BATCH)) {
      const people = s.people.map((p) => p.name).join(', ');
      batch.createEvent({
        id: `${s.id}@${host}`,
        // Zone-aware values, so the local wall-clock time is written next to TZID.
        start: DateTime.fromJSDate(s.startsAt, { zone }),
        end: DateTime.fromJSDate(s.endsAt, { zone }),
        timezone: zone,
        summary: title(s),
        description: [description(s), people].filter(Boolean).join('\n\n') || undefined,
        location: roomName(s),
        url: `${o.baseUrl}/e/${o.edition.slug}/sessions/${s.id}`,
      });
    }
    parts.push(eventsOf(batch.toString()));
  }
  // A function, so `$` in a description is never read as a replacement pattern.
  const text = head
    .toString()
    .replace(/END:VCALENDAR(\r\n)?$/, () => `${parts.join('')}END:VCALENDAR`);
  return { text: safeIcalText(text), count: chosen.length };
}

/** The VEVENT components of a calendar's text, each line ending in CRLF. */
function eventsOf(calendar: string): string {
  const start = calendar.indexOf('BEGIN:VEVENT\r\n');
  const end = calendar.lastIndexOf('END:VEVENT\r\n');
  return start < 0 ? '' : calendar.slice(start, end + 'END:VEVENT\r\n'.length);
}
