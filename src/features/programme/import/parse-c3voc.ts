/**
 * Reads a c3voc `schedule.json` (the JSON that frab, pretalx and Convoca publish) into an
 * `ImportedProgramme`. The text is size-checked, parsed, then validated with zod — never cast.
 *
 * @example
 * const programme = parseC3vocSchedule(await file.text());
 * programme.sessions[0]; // { title, start, end, room, persons: [{ name, role }], … }
 */
import { z } from 'zod';
import { tallyDropped } from './tally-dropped';
import {
  importError,
  MAX_IMPORT_SESSIONS,
  checkSize,
  cleanLinks,
  cleanName,
  integerId,
  isTimeZone,
  issuePath,
  optional,
  personRoleOf,
  sessionTimes,
  uniquePersons,
  webUrl,
  type ImportedProgramme,
  type ImportedSession,
} from './types';

const text = (max: number) => z.string().max(max).nullish();

const person = z.object({
  name: text(300),
  public_name: text(300),
  guid: text(100),
  /** Convoca writes the person's role on the session; other tools leave it out. */
  role: text(50),
});

const reference = z.object({ url: text(2000), title: text(2000) });

const event = z.object({
  guid: text(100),
  id: z.union([z.number(), z.string().max(20)]).nullish(),
  slug: text(300),
  url: text(2000),
  feedback_url: text(2000),
  links: z.array(reference).max(500).nullish(),
  attachments: z.array(reference).max(500).nullish(),
  date: z.string().max(40),
  start: text(10),
  end: text(40),
  duration: text(12),
  room: text(300),
  title: z.string().trim().min(1).max(1000),
  subtitle: text(1000),
  track: text(300),
  type: text(100),
  language: text(50),
  abstract: text(100_000),
  description: text(100_000),
  do_not_record: z.boolean().nullish(),
  persons: z.array(person).max(500).nullish(),
});

const day = z.object({
  date: text(40),
  rooms: z.record(z.string().max(300), z.array(event).max(MAX_IMPORT_SESSIONS)),
});

const file = z.object({
  generator: z.object({ name: text(200) }).nullish(),
  schedule: z.object({
    conference: z.object({
      title: text(500),
      time_zone_name: text(100),
      rooms: z
        .array(z.object({ name: z.string().max(300), guid: text(100) }))
        .max(1000)
        .nullish(),
      days: z.array(day).max(1000),
    }),
  }),
});

/** Just enough to tell a schedule from any other JSON. */
const looksLikeSchedule = z.object({
  schedule: z.object({ conference: z.object({ days: z.array(z.unknown()) }) }),
});

/**
 * Parses c3voc schedule JSON. Throws `importError(…)` with `import_too_large`, `import_invalid_json`,
 * `import_not_schedule`, `import_invalid_schedule`, `import_too_many_sessions` or
 * `import_bad_time`.
 *
 * @example
 * const { rooms, sessions, timeZone } = parseC3vocSchedule(json);
 */
export function parseC3vocSchedule(json: string): ImportedProgramme {
  checkSize(json);
  let raw: unknown;
  try {
    raw = JSON.parse(json);
  } catch (error) {
    throw importError('import_invalid_json', (error as Error).message.slice(0, 200));
  }
  const outline = looksLikeSchedule.safeParse(raw);
  if (!outline.success) throw importError('import_not_schedule');
  const count = outline.data.schedule.conference.days.reduce<number>((n, d) => {
    const roomsOfDay = (d as { rooms?: unknown } | null)?.rooms;
    if (typeof roomsOfDay !== 'object' || roomsOfDay === null) return n;
    return (
      n +
      Object.values(roomsOfDay).reduce<number>((m, l) => m + (Array.isArray(l) ? l.length : 0), 0)
    );
  }, 0);
  if (count > MAX_IMPORT_SESSIONS)
    throw importError('import_too_many_sessions', `${count} > ${MAX_IMPORT_SESSIONS}`);
  const parsed = file.safeParse(raw);
  if (!parsed.success) throw importError('import_invalid_schedule', issuePath(parsed.error));
  const c = parsed.data.schedule.conference;
  const dropped = droppedOfC3voc(raw as Record<string, unknown>);
  const zone = isTimeZone(c.time_zone_name ?? undefined) ? c.time_zone_name! : undefined;

  const rooms = new Map<string, { name: string; guid?: string }>();
  const addRoom = (name: string, guid?: string | null) => {
    const clean = cleanName(name);
    if (clean && !rooms.has(clean)) rooms.set(clean, { name: clean, guid: optional(guid) });
  };
  for (const r of c.rooms ?? []) addRoom(r.name, r.guid);

  const sessions: ImportedSession[] = [];
  for (const d of c.days) {
    for (const [roomName, events] of Object.entries(d.rooms)) {
      addRoom(roomName);
      for (const e of events) {
        const title = e.title.trim();
        const { start, end } = sessionTimes({
          date: e.date,
          day: d.date ?? undefined,
          start: e.start ?? undefined,
          end: e.end,
          duration: e.duration,
          zone,
          label: title,
        });
        sessions.push({
          guid: optional(e.guid),
          id: integerId(e.id),
          slug: optional(e.slug),
          url: webUrl(e.url),
          links: cleanLinks([
            ...(e.links ?? []).map((l) => ({ ...l, kind: 'link' as const })),
            ...(e.attachments ?? []).map((l) => ({ ...l, kind: 'attachment' as const })),
            { url: e.feedback_url, title: null, kind: 'feedback' as const },
          ]),
          title,
          subtitle: optional(e.subtitle),
          abstract: optional(e.abstract),
          description: optional(e.description),
          track: optional(e.track),
          type: optional(e.type),
          language: optional(e.language),
          room: cleanName(roomName) || undefined,
          start,
          end,
          doNotRecord: e.do_not_record ?? undefined,
          persons: uniquePersons(
            (e.persons ?? []).map((p) => ({
              name: p.name ?? p.public_name ?? '',
              role: personRoleOf(p.role ?? undefined),
            })),
          ),
        });
      }
    }
  }
  return {
    format: 'c3voc',
    generator: optional(parsed.data.generator?.name),
    title: optional(c.title),
    timeZone: zone,
    rooms: [...rooms.values()],
    sessions,
    dropped,
  };
}

const list = (v: unknown): unknown[] => (Array.isArray(v) ? v : []);
const child = (v: unknown, key: string): unknown =>
  typeof v === 'object' && v !== null ? (v as Record<string, unknown>)[key] : undefined;

/** What the file holds that the import does not keep (see `tallyDropped`). */
function droppedOfC3voc(root: Record<string, unknown>) {
  const schedule = child(root, 'schedule');
  const conference = child(schedule, 'conference');
  const days = list(child(conference, 'days'));
  const events = days.flatMap((d) => {
    const rooms = child(d, 'rooms');
    return typeof rooms === 'object' && rooms !== null ? Object.values(rooms).flatMap(list) : [];
  });
  const persons = events.flatMap((e) => list(child(e, 'persons')));
  return tallyDropped(
    [
      { where: 'file', objects: [root], kept: ['$schema', 'generator', 'schedule'] },
      { where: 'schedule', objects: [schedule], kept: ['version', 'base_url', 'conference'] },
      {
        where: 'conference',
        objects: [conference],
        // Dates, days, slot length and addresses are those of the sessions, written anew on export.
        kept: [
          'acronym',
          'title',
          'start',
          'end',
          'daysCount',
          'timeslot_duration',
          'time_zone_name',
          'url',
          'rooms',
          'days',
        ],
      },
      { where: 'room', objects: list(child(conference, 'rooms')), kept: ['name', 'guid'] },
      { where: 'day', objects: days, kept: ['index', 'date', 'day_start', 'day_end', 'rooms'] },
      {
        where: 'event',
        objects: events,
        kept: [
          'guid',
          'id',
          'date',
          'start',
          'end',
          'duration',
          'room',
          'slug',
          'url',
          'title',
          'subtitle',
          'track',
          'type',
          'language',
          'abstract',
          'description',
          'do_not_record',
          'persons',
          'links',
          'attachments',
          'feedback_url',
        ],
      },
      { where: 'person', objects: persons, kept: ['name', 'public_name', 'role', 'id', 'code'] },
    ],
    events.map((e) => {
      const type = child(e, 'type');
      return typeof type === 'string' ? type : undefined;
    }),
  );
}
