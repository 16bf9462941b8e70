/**
 * What importing a schedule into an event would do, without writing anything: the rooms it would
 * reuse or create in the event's venue, the sessions, the people it would match in the network
 * (same name without accents or case, i.e. `people.nameKey`) or create, and the problems that
 * would stop it or deserve a look. `applyImport` builds the same plan and then carries it out.
 *
 * @example
 * const report = await previewImport({ db, eventId, programme: parseFrabSchedule(xml) });
 * if (report.counts.errors === 0) await applyImport({ db, eventId, programme });
 */
import { and, asc, eq, inArray, isNull, sql } from 'drizzle-orm';
import type { Db } from '../../../db/client';
import { searchKey } from '../../../lib/search-key';
import { participations, people } from '../../network/schema';
import {
  editions,
  events,
  programmeSessions,
  rooms,
  venues,
  type Edition,
  type ProgrammeEvent,
  type SessionRole,
} from '../schema';
import {
  importError,
  sessionKindOf,
  sessionLanguageOf,
  type ImportedProgramme,
  type ImportedSession,
  type SessionKind,
  type SessionLanguage,
} from './types';

export type ImportProblemCode =
  /** error: the event already has sessions (import once, into an empty event). */
  | 'event_not_empty'
  /** error: a session does not end after it starts. */
  | 'session_ends_before_start'
  /** error: a session lies outside the event's dates (a day's margin either side). */
  | 'session_outside_event'
  /** error: two sessions share a guid. */
  | 'duplicate_guid'
  /** warning: several people in the network have this name; the import uses the first. */
  | 'person_ambiguous'
  /** warning: the session's language is neither Spanish nor English; it is saved as Spanish. */
  | 'language_unsupported'
  /** warning: the file's time zone is not the event's (times are instants either way). */
  | 'zone_differs';

export type ImportProblem = {
  severity: 'error' | 'warning';
  code: ImportProblemCode;
  /** Index into `report.sessions`, when the problem is about one session. */
  session?: number;
  /** An untranslated pointer: a session title, a guid or a person's name. */
  detail?: string;
};

/**
 * The outcome of a preview (`applied: false`: "new" things would be created) or of an import
 * (`applied: true`: they were created, and their ids are filled in).
 */
export type ImportReport = {
  eventId: string;
  applied: boolean;
  venue: { id: string | null; name: string; status: 'existing' | 'new' };
  /** `venue`: the file's room is the event's venue itself; its sessions get no room. */
  rooms: {
    name: string;
    status: 'existing' | 'new' | 'venue';
    roomId: string | null;
    sessions: number;
  }[];
  people: { name: string; status: 'matched' | 'new'; personId: string | null; sessions: number }[];
  sessions: {
    index: number;
    guid: string | null;
    title: string;
    kind: SessionKind;
    language: SessionLanguage;
    room: string | null;
    startsAt: Date;
    endsAt: Date;
    people: { name: string; role: SessionRole; personId: string | null }[];
  }[];
  problems: ImportProblem[];
  /** What the file holds that the import will not keep, by the file's field name. */
  dropped: { kind: string; count: number }[];
  /** The file's zone when it differs from the event's; the import can adopt it. */
  fileTimeZone: string | null;
  counts: {
    roomsExisting: number;
    roomsNew: number;
    sessions: number;
    peopleMatched: number;
    peopleNew: number;
    sessionPeople: number;
    errors: number;
    warnings: number;
  };
};

/** A day's margin either side of the event, as when organisers type a session in. */
const MARGIN_MS = 86_400_000;
/** Names looked up per query (well under PostgreSQL's limit on parameters). */
const KEY_CHUNK = 1000;

/**
 * The columns of a session taken from a file. Convoca's own exports write the Spanish title as
 * `title`, the English one as `subtitle`, and the Spanish and English descriptions as `abstract`
 * and `description`, so those are read back the same way; any other file's subtitle, abstract and
 * description are kept together as the description, and a session the file says is in English
 * gets its title and description as the English ones too (the Spanish ones are required, so they
 * hold the same text). The file's GUID, id, slug, URL and links are kept for the exports.
 *
 * @example
 * sessionFields({ generator: 'pretalx' }, session); // { kind: 'panel', titleEs: session.title, … }
 */
export function sessionFields(programme: Pick<ImportedProgramme, 'generator'>, s: ImportedSession) {
  const ours = programme.generator === 'Convoca';
  const joined = [s.subtitle, s.abstract, s.description]
    .filter((t): t is string => Boolean(t))
    .filter((t, i, all) => all.indexOf(t) === i)
    .join('\n\n');
  const language = sessionLanguageOf(s.language) ?? ('es' as const);
  const english = !ours && language === 'en';
  return {
    kind: sessionKindOf(s.type),
    titleEs: s.title,
    titleEn: ours ? (s.subtitle ?? null) : english ? s.title : null,
    descriptionEs: ours ? (s.abstract ?? null) : joined || null,
    descriptionEn: ours ? (s.description ?? null) : english ? joined || null : null,
    topic: s.track ?? null,
    language,
    doNotRecord: s.doNotRecord ?? false,
    guid: s.guid ?? null,
    sourceId: s.id ?? null,
    slug: s.slug ?? null,
    url: s.url ?? null,
    links: s.links?.length ? s.links : null,
  };
}

export type ImportPlan = {
  report: ImportReport;
  event: ProgrammeEvent;
  edition: Edition;
};

/**
 * Works out an import against the database as it is now (used by both the preview and the
 * import). Throws `import_event_not_found` when the event does not exist.
 */
export async function planImport(
  db: Db,
  eventId: string,
  programme: ImportedProgramme,
): Promise<ImportPlan> {
  const [row] = await db
    .select({ event: events, edition: editions, venue: venues })
    .from(events)
    .innerJoin(editions, eq(editions.id, events.editionId))
    .leftJoin(venues, eq(venues.id, events.venueId))
    .where(eq(events.id, eventId));
  if (!row) throw importError('import_event_not_found');
  const { event, edition, venue } = row;
  const problems: ImportProblem[] = [];

  const [existing] = await db
    .select({ n: sql<number>`count(*)::int` })
    .from(programmeSessions)
    .where(eq(programmeSessions.eventId, eventId));
  if (Number(existing?.n ?? 0) > 0)
    problems.push({ severity: 'error', code: 'event_not_empty', detail: String(existing!.n) });

  // Rooms: the venue's rooms by name; the venue's own name stands for "no room".
  const venueRooms = venue
    ? await db.select().from(rooms).where(eq(rooms.venueId, venue.id)).orderBy(asc(rooms.name))
    : [];
  const roomByKey = new Map<string, ImportReport['rooms'][number]>();
  const addRoom = (name: string) => {
    const key = searchKey(name);
    if (roomByKey.has(key)) return roomByKey.get(key)!;
    const found = venueRooms.find((r) => searchKey(r.name) === key);
    const entry: ImportReport['rooms'][number] = found
      ? { name: found.name, status: 'existing', roomId: found.id, sessions: 0 }
      : venue && searchKey(venue.name) === key
        ? { name: venue.name, status: 'venue', roomId: null, sessions: 0 }
        : { name, status: 'new', roomId: null, sessions: 0 };
    roomByKey.set(key, entry);
    return entry;
  };
  for (const r of programme.rooms) addRoom(r.name);

  // People: one network match per distinct name, preferring people of this initiative.
  const keys = [
    ...new Set(programme.sessions.flatMap((s) => s.persons.map((p) => searchKey(p.name)))),
  ];
  // Spelled out: inside a select list drizzle would write the bare "id", i.e. participations'.
  const inInitiative = sql<boolean>`exists (select 1 from ${participations} p where p.person_id = "people"."id" and p.initiative_id = ${edition.initiativeId})`;
  const candidates: { id: string; name: string; nameKey: string; inInitiative: boolean }[] = [];
  for (let i = 0; i < keys.length; i += KEY_CHUNK)
    candidates.push(
      ...(await db
        .select({ id: people.id, name: people.name, nameKey: people.nameKey, inInitiative })
        .from(people)
        .where(and(inArray(people.nameKey, keys.slice(i, i + KEY_CHUNK)), isNull(people.erasedAt)))
        .orderBy(asc(people.createdAt), asc(people.id))),
    );
  // Several people with one name: this initiative's first, then the oldest record.
  candidates.sort((a, b) => Number(b.inInitiative) - Number(a.inInitiative));
  const personByKey = new Map<string, ImportReport['people'][number]>();
  for (const s of programme.sessions)
    for (const p of s.persons) {
      const key = searchKey(p.name);
      if (personByKey.has(key)) continue;
      const found = candidates.filter((c) => c.nameKey === key);
      if (found.length > 1)
        problems.push({ severity: 'warning', code: 'person_ambiguous', detail: p.name });
      personByKey.set(
        key,
        found[0]
          ? { name: found[0].name, status: 'matched', personId: found[0].id, sessions: 0 }
          : { name: p.name, status: 'new', personId: null, sessions: 0 },
      );
    }

  const seenGuids = new Map<string, number>();
  const sessions: ImportReport['sessions'] = programme.sessions.map((s, index) => {
    const fields = sessionFields(programme, s);
    const room = s.room ? addRoom(s.room) : undefined;
    if (room) room.sessions++;
    if (s.end.getTime() <= s.start.getTime())
      problems.push({
        severity: 'error',
        code: 'session_ends_before_start',
        session: index,
        detail: s.title,
      });
    if (
      s.start.getTime() < event.startsAt.getTime() - MARGIN_MS ||
      s.end.getTime() > event.endsAt.getTime() + MARGIN_MS
    )
      problems.push({
        severity: 'error',
        code: 'session_outside_event',
        session: index,
        detail: s.title,
      });
    if (s.guid) {
      const guid = s.guid.toLowerCase();
      if (seenGuids.has(guid))
        problems.push({
          severity: 'error',
          code: 'duplicate_guid',
          session: index,
          detail: s.guid,
        });
      else seenGuids.set(guid, index);
    }
    if (s.language && !sessionLanguageOf(s.language))
      problems.push({
        severity: 'warning',
        code: 'language_unsupported',
        session: index,
        detail: s.language,
      });
    const who = s.persons.map((p) => {
      const person = personByKey.get(searchKey(p.name))!;
      return { name: person.name, role: p.role, personId: person.personId };
    });
    for (const key of new Set(s.persons.map((p) => searchKey(p.name))))
      personByKey.get(key)!.sessions++;
    return {
      index,
      guid: s.guid ?? null,
      title: s.title,
      kind: fields.kind,
      language: fields.language,
      room: room && room.status !== 'venue' ? room.name : null,
      startsAt: s.start,
      endsAt: s.end,
      people: who,
    };
  });

  const fileTimeZone =
    programme.timeZone && programme.timeZone !== event.timeZone ? programme.timeZone : null;
  if (fileTimeZone)
    problems.push({
      severity: 'warning',
      code: 'zone_differs',
      detail: `${fileTimeZone} ≠ ${event.timeZone}`,
    });

  const roomList = [...roomByKey.values()];
  const peopleList = [...personByKey.values()];
  const report: ImportReport = {
    eventId,
    applied: false,
    venue: venue
      ? { id: venue.id, name: venue.name, status: 'existing' }
      : { id: null, name: event.titleEs, status: 'new' },
    rooms: roomList,
    people: peopleList,
    sessions,
    problems,
    dropped: programme.dropped ?? [],
    fileTimeZone,
    counts: {
      roomsExisting: roomList.filter((r) => r.status === 'existing').length,
      roomsNew: roomList.filter((r) => r.status === 'new').length,
      sessions: sessions.length,
      peopleMatched: peopleList.filter((p) => p.status === 'matched').length,
      peopleNew: peopleList.filter((p) => p.status === 'new').length,
      sessionPeople: sessions.reduce((n, s) => n + s.people.length, 0),
      errors: problems.filter((p) => p.severity === 'error').length,
      warnings: problems.filter((p) => p.severity === 'warning').length,
    },
  };
  return { report, event, edition };
}

/**
 * Reports what importing `programme` into the event would do; writes nothing. Throws
 * `importError('import_event_not_found')` for an unknown event; everything else is in
 * `report.problems` (errors stop `applyImport`, warnings do not).
 *
 * @example
 * const report = await previewImport({ db, eventId, programme });
 * report.counts; // { roomsExisting: 2, roomsNew: 1, sessions: 17, peopleMatched: 12, peopleNew: 3, … }
 */
export async function previewImport(o: {
  db: Db;
  eventId: string;
  programme: ImportedProgramme;
}): Promise<ImportReport> {
  return (await planImport(o.db, o.eventId, o.programme)).report;
}
