/**
 * The c3voc/frab schedule JSON of an edition's published public programme, the format
 * conference apps (Giggity, EventFahrplan, ConfClerk) read. Ids are the sessions' stable UUIDs,
 * or, for a session that came from an imported schedule, the GUID, id, slug and URL it had there.
 *
 * @example
 * const json = await buildC3vocSchedule(db, { edition, baseUrl: 'https://forum.example.org' });
 */
import type { Db } from '../../../db/client';
import { dayKey, isoInZone } from '../../../lib/format';
import { searchKey } from '../../../lib/search-key';
import { stripControlsDeep } from '../../../lib/strip-controls';
import { publishedProgramme } from '../publishing/published-programme';
import type { ProgrammeItem } from '../queries';
import type { Edition, SessionLink } from '../schema';

const hhmm = (minutes: number) =>
  `${String(Math.floor(minutes / 60)).padStart(2, '0')}:${String(minutes % 60).padStart(2, '0')}`;

export function slugOf(...parts: (string | number)[]): string {
  return searchKey(parts.join(' '))
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '')
    .slice(0, 80)
    .replace(/-+$/, '');
}

/** Both formats require a UUID for each GUID; an imported GUID that is not one is not written. */
const UUID = /^[0-9a-f]{8}(-[0-9a-f]{4}){3}-[0-9a-f]{12}$/i;

const linksOf = (s: ProgrammeItem, kind: SessionLink['kind']) =>
  (s.links ?? []).filter((l) => l.kind === kind).map((l) => ({ url: l.url, title: l.title }));
const feedback = (s: ProgrammeItem) => s.links?.find((l) => l.kind === 'feedback')?.url;

/**
 * Each session's integer id: the one its imported schedule gave it, else its own number; a
 * number already taken by another session is replaced by the next free one above all of them.
 */
function integerIds(items: ProgrammeItem[]): Map<string, number> {
  const ids = new Map<string, number>();
  const taken = new Set<number>();
  for (const s of items)
    if (s.sourceId != null && !taken.has(s.sourceId)) {
      ids.set(s.id, s.sourceId);
      taken.add(s.sourceId);
    }
  let next = Math.max(0, ...items.map((s) => Math.max(s.number, s.sourceId ?? 0))) + 1;
  for (const s of items) {
    if (ids.has(s.id)) continue;
    const id = taken.has(s.number) ? next++ : s.number;
    ids.set(s.id, id);
    taken.add(id);
  }
  return ids;
}

export type C3vocSchedule = Awaited<ReturnType<typeof buildC3vocSchedule>>;

export async function buildC3vocSchedule(db: Db, o: { edition: Edition; baseUrl: string }) {
  const { edition, baseUrl } = o;
  const { published, items, zone, roomName } = await publishedProgramme(db, edition);
  const days = [...new Set(items.map((s) => dayKey(s.startsAt, zone)))].sort();
  const acronym = edition.slug.replace(/-/g, '_');
  const roomGuids = new Map<string, string>();
  for (const s of items) {
    const guid = s.room?.guid && UUID.test(s.room.guid) ? s.room.guid : undefined;
    roomGuids.set(roomName(s), guid ?? s.room?.id ?? s.eventId);
  }
  const ids = integerIds(items);
  const event = (s: ProgrammeItem) => {
    const minutes = Math.round((s.endsAt.getTime() - s.startsAt.getTime()) / 60_000);
    return {
      guid: s.guid && UUID.test(s.guid) ? s.guid : s.id,
      id: ids.get(s.id)!,
      date: isoInZone(s.startsAt, zone),
      start: isoInZone(s.startsAt, zone).slice(11, 16),
      end: isoInZone(s.endsAt, zone),
      duration: hhmm(minutes),
      room: roomName(s),
      slug: s.slug ?? `${acronym}-${slugOf(s.number, s.titleEs)}`,
      url: s.url ?? `${baseUrl}/e/${edition.slug}/sessions/${s.id}`,
      title: s.titleEs,
      subtitle: s.titleEn,
      track: s.topic,
      type: s.kind,
      language: s.language,
      abstract: s.descriptionEs,
      description: s.descriptionEn,
      do_not_record: s.doNotRecord,
      persons: s.people.map((p) => ({ guid: p.personId, name: p.name, role: p.role })),
      links: linksOf(s, 'link'),
      attachments: linksOf(s, 'attachment'),
      ...(feedback(s) ? { feedback_url: feedback(s) } : {}),
    };
  };
  const first = published[0]?.event;
  const last = published.at(-1)?.event;
  // Whatever was stored, the JSON and the frab XML built from it carry no control characters.
  return stripControlsDeep({
    $schema: 'https://c3voc.de/schedule/schema.json',
    generator: { name: 'Convoca', version: '0.1.0' },
    schedule: {
      version: '1',
      base_url: `${baseUrl}/e/${edition.slug}/`,
      conference: {
        acronym,
        title: edition.name,
        start: first ? dayKey(first.startsAt, zone) : `${edition.year}-01-01`,
        end: last ? dayKey(last.endsAt, zone) : `${edition.year}-01-01`,
        daysCount: days.length,
        timeslot_duration: '00:05',
        time_zone_name: zone,
        url: `${baseUrl}/e/${edition.slug}`,
        rooms: [...roomGuids].map(([name, guid]) => ({ name, guid })),
        days: days.map((day, i) => {
          const today = items.filter((s) => dayKey(s.startsAt, zone) === day);
          const rooms: Record<string, ReturnType<typeof event>[]> = {};
          for (const s of today) (rooms[roomName(s)] ??= []).push(event(s));
          return {
            index: i + 1,
            date: day,
            day_start: isoInZone(today[0]!.startsAt, zone),
            day_end: isoInZone(new Date(Math.max(...today.map((s) => s.endsAt.getTime()))), zone),
            rooms,
          };
        }),
      },
    },
  });
}
