/**
 * Reads a frab/pentabarf `schedule.xml` into an `ImportedProgramme`. The text is size-checked,
 * checked to be well-formed XML without a DOCTYPE (so no entity tricks), turned into plain
 * objects by fast-xml-parser and then validated with zod.
 *
 * @example
 * const programme = parseFrabSchedule(await file.text());
 * programme.rooms; // [{ name: 'Aula Seminario', guid: '…' }, …]
 */
import { XMLParser, XMLValidator } from 'fast-xml-parser';
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

/** Elements that may repeat, always read as lists (by path, since `room` is also a field). */
const lists = new Set([
  'schedule.day',
  'schedule.day.room',
  'schedule.day.room.event',
  'schedule.day.room.event.persons.person',
  'schedule.day.room.event.links.link',
  'schedule.day.room.event.attachments.attachment',
]);

const parser = new XMLParser({
  ignoreAttributes: false,
  attributeNamePrefix: '@',
  textNodeName: '#text',
  parseTagValue: false,
  parseAttributeValue: false,
  trimValues: true,
  // Character references (&#233;) are decoded; with no DOCTYPE allowed there are no custom entities.
  htmlEntities: true,
  isArray: (_name, jPath) => typeof jPath === 'string' && lists.has(jPath),
});

/** An element read as text: `<a>x</a>`, `<a k="v">x</a>` and `<a/>` all give a string. */
const textOf = (max: number) =>
  z.preprocess(
    (v) =>
      typeof v === 'object' && v !== null && !Array.isArray(v)
        ? ((v as Record<string, unknown>)['#text'] ?? '')
        : v,
    z.string().max(max),
  );
/** An element that may be written empty (`<day/>` without attributes reads as ''). */
const element = <T extends z.ZodRawShape>(shape: T) =>
  z.preprocess((v) => (v === '' ? {} : v), z.object(shape));

const person = z.union([
  z.string().max(300),
  z.object({ '#text': z.string().max(300).optional(), '@role': z.string().max(50).optional() }),
]);

/** `<link href="…">title</link>` (or the same as `<attachment>`). */
const reference = z.union([
  z.string().max(2000),
  z.object({ '#text': z.string().max(2000).optional(), '@href': z.string().max(2000).optional() }),
]);
const referenceOf = (r: z.infer<typeof reference>, kind: 'link' | 'attachment') =>
  typeof r === 'string' ? { url: r, title: r, kind } : { url: r['@href'], title: r['#text'], kind };

const event = element({
  '@guid': z.string().max(100).optional(),
  '@id': z.string().max(20).optional(),
  slug: textOf(300).optional(),
  url: textOf(2000).optional(),
  feedback_url: textOf(2000).optional(),
  links: element({ link: z.array(reference).max(500).optional() }).optional(),
  attachments: element({ attachment: z.array(reference).max(500).optional() }).optional(),
  date: textOf(40).optional(),
  start: textOf(10).optional(),
  duration: textOf(12).optional(),
  title: textOf(1000).pipe(z.string().min(1)),
  subtitle: textOf(1000).optional(),
  track: textOf(300).optional(),
  type: textOf(100).optional(),
  language: textOf(50).optional(),
  abstract: textOf(100_000).optional(),
  description: textOf(100_000).optional(),
  persons: element({ person: z.array(person).max(500).optional() }).optional(),
  recording: element({ optout: textOf(10).optional() }).optional(),
});

const room = element({
  '@name': z.string().max(300),
  '@guid': z.string().max(100).optional(),
  event: z.array(event).max(MAX_IMPORT_SESSIONS).optional(),
});

const schedule = z.object({
  generator: element({ '@name': z.string().max(200).optional() }).optional(),
  conference: element({
    title: textOf(500).optional(),
    time_zone_name: textOf(100).optional(),
  }),
  day: z
    .array(element({ '@date': z.string().max(40).optional(), room: z.array(room).optional() }))
    .max(1000)
    .optional(),
});

/**
 * Parses frab schedule XML. Times come from each event's `<date>` (a date-time with offset) or,
 * failing that, its day's date and `<start>` in the conference's `<time_zone_name>`; the end is
 * start plus `<duration>`. Throws `importError(…)` with `import_too_large`, `import_invalid_xml`,
 * `import_not_schedule`, `import_invalid_schedule`, `import_too_many_sessions` or
 * `import_bad_time`.
 *
 * @example
 * const { sessions } = parseFrabSchedule('<schedule>…</schedule>');
 */
export function parseFrabSchedule(xml: string): ImportedProgramme {
  checkSize(xml);
  const body = xml.replace(/^\uFEFF/, '');
  if (/<!DOCTYPE/i.test(body)) throw importError('import_invalid_xml', 'DOCTYPE');
  const valid = XMLValidator.validate(body);
  if (valid !== true)
    throw importError('import_invalid_xml', `line ${valid.err.line}: ${valid.err.msg}`);
  let raw: Record<string, unknown>;
  try {
    raw = parser.parse(body) as Record<string, unknown>;
  } catch (error) {
    throw importError('import_invalid_xml', (error as Error).message.slice(0, 200));
  }
  const roots = Object.keys(raw).filter((k) => !k.startsWith('?'));
  const root = raw.schedule;
  if (roots.length !== 1 || typeof root !== 'object' || root === null || !('conference' in root))
    throw importError('import_not_schedule');
  const count = (body.match(/<event[\s>/]/g) ?? []).length;
  if (count > MAX_IMPORT_SESSIONS)
    throw importError('import_too_many_sessions', `${count} > ${MAX_IMPORT_SESSIONS}`);
  const parsed = schedule.safeParse(root);
  if (!parsed.success)
    throw importError('import_invalid_schedule', `schedule.${issuePath(parsed.error)}`);
  const s = parsed.data;
  const days = s.day ?? [];
  const dropped = droppedOfFrab(root as Record<string, unknown>);
  const zoneName = optional(s.conference.time_zone_name);
  const zone = isTimeZone(zoneName) ? zoneName : undefined;

  const rooms = new Map<string, { name: string; guid?: string }>();
  const sessions: ImportedSession[] = [];
  for (const d of days) {
    for (const r of d.room ?? []) {
      const roomName = cleanName(r['@name']);
      if (roomName && !rooms.has(roomName))
        rooms.set(roomName, { name: roomName, guid: optional(r['@guid']) });
      for (const e of r.event ?? []) {
        const title = e.title.trim();
        const { start, end } = sessionTimes({
          date: e.date,
          day: d['@date'],
          start: e.start,
          duration: e.duration,
          zone,
          label: title,
        });
        const optout = optional(e.recording?.optout)?.toLowerCase();
        sessions.push({
          guid: optional(e['@guid']),
          id: integerId(e['@id']),
          slug: optional(e.slug),
          url: webUrl(e.url),
          links: cleanLinks([
            ...(e.links?.link ?? []).map((l) => referenceOf(l, 'link')),
            ...(e.attachments?.attachment ?? []).map((l) => referenceOf(l, 'attachment')),
            { url: e.feedback_url, title: null, kind: 'feedback' as const },
          ]),
          title,
          subtitle: optional(e.subtitle),
          abstract: optional(e.abstract),
          description: optional(e.description),
          track: optional(e.track),
          type: optional(e.type),
          language: optional(e.language),
          room: roomName || undefined,
          start,
          end,
          doNotRecord: optout === undefined ? undefined : optout === 'true' || optout === '1',
          persons: uniquePersons(
            (e.persons?.person ?? []).map((p) =>
              typeof p === 'string'
                ? { name: p, role: 'speaker' as const }
                : { name: p['#text'] ?? '', role: personRoleOf(p['@role']) },
            ),
          ),
        });
      }
    }
  }
  return {
    format: 'frab',
    generator: optional(s.generator?.['@name']),
    title: optional(s.conference.title),
    timeZone: zone,
    rooms: [...rooms.values()],
    sessions,
    dropped,
  };
}

const list = (v: unknown): unknown[] => (Array.isArray(v) ? v : v === undefined ? [] : [v]);
const child = (v: unknown, key: string): unknown =>
  typeof v === 'object' && v !== null ? (v as Record<string, unknown>)[key] : undefined;

/** What the file holds that the import does not keep (see `tallyDropped`). */
function droppedOfFrab(root: Record<string, unknown>) {
  const days = list(root.day);
  const rooms = days.flatMap((d) => list(child(d, 'room')));
  const events = rooms.flatMap((r) => list(child(r, 'event')));
  const persons = events.flatMap((e) => list(child(child(e, 'persons'), 'person')));
  return tallyDropped(
    [
      { where: 'schedule', objects: [root], kept: ['generator', 'version', 'conference', 'day'] },
      {
        where: 'conference',
        objects: [root.conference],
        // Dates, days, slot length and addresses are those of the sessions, written anew on export.
        kept: [
          'acronym',
          'title',
          'start',
          'end',
          'days',
          'timeslot_duration',
          'base_url',
          'url',
          'time_zone_name',
        ],
      },
      { where: 'day', objects: days, kept: ['@index', '@date', '@start', '@end', 'room'] },
      { where: 'room', objects: rooms, kept: ['@name', '@guid', 'event'] },
      {
        where: 'event',
        objects: events,
        kept: [
          '@guid',
          '@id',
          'date',
          'start',
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
          'persons',
          'recording',
          'links',
          'attachments',
          'feedback_url',
        ],
      },
      { where: 'recording', objects: events.map((e) => child(e, 'recording')), kept: ['optout'] },
      { where: 'person', objects: persons, kept: ['#text', '@role', '@id'] },
    ],
    events.map((e) => {
      const type = child(e, 'type');
      return typeof type === 'string' ? type : undefined;
    }),
  );
}
