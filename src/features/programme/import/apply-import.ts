/**
 * Imports a schedule into an event's draft programme in one transaction: the event's venue (made
 * when it has none), the missing rooms, the sessions, the people missing from the network (made
 * with the network's own `createPeople`, as contacts of the initiative) and who does what on each
 * session. Visitors see the sessions once the event is published.
 *
 * Importing is done once per event: an event that already has sessions is refused
 * (`import_event_not_empty`), so importing the same file twice never duplicates a programme.
 *
 * @example
 * const programme = parseC3vocSchedule(json);
 * const report = await applyImport({ db, eventId, programme });
 * report.counts; // { sessions: 17, roomsNew: 3, peopleNew: 2, … }
 */
import { randomUUID } from 'node:crypto';
import { and, eq, inArray } from 'drizzle-orm';
import type { Db } from '../../../db/client';
import { searchKey } from '../../../lib/search-key';
import { createPeople, type NewPerson } from '../../network/index';
import { participations } from '../../network/schema';
import type { PersonInput } from '../../network/index';
import {
  events,
  programmeSessions,
  rooms,
  sessionPeople,
  venues,
  type SessionRole,
} from '../schema';
import { planImport, sessionFields, type ImportReport } from './preview-import';
import { importError, type ImportedProgramme } from './types';

/** Rows per insert statement (well under PostgreSQL's limit on parameters). */
const CHUNK = 500;

async function insertChunked<T>(rows: T[], insert: (chunk: T[]) => Promise<unknown>) {
  for (let i = 0; i < rows.length; i += CHUNK) await insert(rows.slice(i, i + CHUNK));
}

/**
 * Writes `programme` into the event and returns the report of what was done (`applied: true`,
 * with the ids of what was created or matched). Throws `importError(…)` with
 * `import_event_not_found`, `import_event_not_empty`, or `import_has_errors` (any problem of
 * severity "error" in the preview; `detail` names the first) — and then writes nothing.
 *
 * @example
 * try {
 *   const report = await applyImport({ db, eventId, programme });
 * } catch (e) {
 *   if (importErrorCode(e) === 'import_event_not_empty') … // already imported
 * }
 */
export async function applyImport(o: {
  db: Db;
  eventId: string;
  programme: ImportedProgramme;
  /** Makes the file's time zone the event's, when the preview says they differ. */
  adoptTimeZone?: boolean;
}): Promise<ImportReport> {
  return o.db.transaction(async (tx) => {
    // One import at a time per event: a second one waits, then finds the event not empty.
    const [locked] = await tx
      .select({ id: events.id })
      .from(events)
      .where(eq(events.id, o.eventId))
      .for('update');
    if (!locked) throw importError('import_event_not_found');
    const { report, event, edition } = await planImport(tx, o.eventId, o.programme);
    if (report.problems.some((p) => p.code === 'event_not_empty'))
      throw importError('import_event_not_empty');
    const firstError = report.problems.find((p) => p.severity === 'error');
    if (firstError)
      throw importError('import_has_errors', `${firstError.code}: ${firstError.detail ?? ''}`);

    if (o.adoptTimeZone && report.fileTimeZone) {
      await tx.update(events).set({ timeZone: report.fileTimeZone }).where(eq(events.id, event.id));
      report.problems = report.problems.filter((p) => p.code !== 'zone_differs');
    }

    let venueId = report.venue.id;
    if (!venueId) {
      const [venue] = await tx
        .insert(venues)
        .values({ initiativeId: edition.initiativeId, name: report.venue.name })
        .returning({ id: venues.id });
      venueId = venue!.id;
      await tx.update(events).set({ venueId }).where(eq(events.id, event.id));
      report.venue.id = venueId;
    }

    const newRooms = report.rooms.filter((r) => r.status === 'new');
    const roomGuids = new Map(o.programme.rooms.map((r) => [r.name, r.guid]));
    for (const r of newRooms) r.roomId = randomUUID();
    await insertChunked(newRooms, (chunk) =>
      tx.insert(rooms).values(
        chunk.map((r) => ({
          id: r.roomId!,
          venueId: venueId!,
          name: r.name,
          guid: roomGuids.get(r.name) ?? null,
        })),
      ),
    );

    const newPeople = report.people.filter((p) => p.status === 'new');
    const source = `programme-import:${o.programme.format}`;
    for (let i = 0; i < newPeople.length; i += CHUNK) {
      const chunk = newPeople.slice(i, i + CHUNK);
      const list: NewPerson[] = chunk.map((p) => ({
        input: {
          name: p.name,
          languages: [],
          genderSelfDescribed: undefined,
        } satisfies PersonInput,
        initiativeId: edition.initiativeId,
        year: edition.year,
        label: edition.name,
        source,
      }));
      const created = await createPeople(tx, list);
      created.forEach((person, j) => (chunk[j]!.personId = person.id));
    }
    // People found elsewhere in the network become contacts of this initiative too, so its
    // organisers find them when editing sessions.
    const outsiders = await matchedOutsideInitiative(tx, report, edition.initiativeId);
    await insertChunked(outsiders, (chunk) =>
      tx.insert(participations).values(
        chunk.map((personId) => ({
          personId,
          initiativeId: edition.initiativeId,
          kind: 'contact' as const,
          year: edition.year,
          label: edition.name,
        })),
      ),
    );

    const roomIdByName = new Map(report.rooms.map((r) => [r.name, r.roomId]));
    const personIdByKey = new Map(report.people.map((p) => [searchKey(p.name), p.personId!]));
    const startsSeen = new Map<number, number>();
    const sessionRows = report.sessions.map((s) => {
      const fields = sessionFields(o.programme, o.programme.sessions[s.index]!);
      const at = s.startsAt.getTime();
      const position = startsSeen.get(at) ?? 0;
      startsSeen.set(at, position + 1);
      return {
        id: randomUUID(),
        eventId: event.id,
        roomId: s.room ? (roomIdByName.get(s.room) ?? null) : null,
        ...fields,
        startsAt: s.startsAt,
        endsAt: s.endsAt,
        position,
      };
    });
    await insertChunked(sessionRows, (chunk) => tx.insert(programmeSessions).values(chunk));

    const links: { sessionId: string; personId: string; role: SessionRole; position: number }[] =
      [];
    report.sessions.forEach((s, i) => {
      const seen = new Set<string>();
      for (const p of s.people) {
        p.personId = personIdByKey.get(searchKey(p.name)) ?? p.personId;
        const key = `${p.personId}|${p.role}`;
        if (!p.personId || seen.has(key)) continue;
        seen.add(key);
        links.push({
          sessionId: sessionRows[i]!.id,
          personId: p.personId,
          role: p.role,
          position: seen.size - 1,
        });
      }
    });
    await insertChunked(links, (chunk) => tx.insert(sessionPeople).values(chunk));
    report.counts.sessionPeople = links.length;
    return { ...report, applied: true };
  });
}

/** Matched people of the report who do not yet take part in the initiative. */
async function matchedOutsideInitiative(
  db: Db,
  report: ImportReport,
  initiativeId: string,
): Promise<string[]> {
  const matched = report.people.filter((p) => p.status === 'matched').map((p) => p.personId!);
  if (matched.length === 0) return [];
  const inside = new Set<string>();
  for (let i = 0; i < matched.length; i += CHUNK) {
    const rows = await db
      .selectDistinct({ personId: participations.personId })
      .from(participations)
      .where(
        and(
          eq(participations.initiativeId, initiativeId),
          inArray(participations.personId, matched.slice(i, i + CHUNK)),
        ),
      );
    for (const r of rows) if (r.personId) inside.add(r.personId);
  }
  return matched.filter((id) => !inside.has(id));
}
