/**
 * What visitors see: the newest published version of each event's programme (never the draft).
 *
 * @example
 * const items = await publishedProgrammeOf(db, events.map((e) => e.id));
 */
import { isUuid } from '../../../lib/uuid';
import { desc, eq, inArray, sql } from 'drizzle-orm';
import type { Db } from '../../../db/client';
import { listEvents, type ProgrammeItem } from '../queries';
import type { Edition } from '../schema';
import { programmeVersions } from '../schema';
import { readSnapshot } from './snapshot';

/** The newest version row of each of `eventIds` that has one. */
export async function latestVersions(db: Db, eventIds: string[]) {
  if (eventIds.length === 0) return [];
  return db
    .selectDistinctOn([programmeVersions.eventId])
    .from(programmeVersions)
    .where(inArray(programmeVersions.eventId, eventIds))
    .orderBy(programmeVersions.eventId, desc(programmeVersions.number));
}

/**
 * Parsed snapshots by version id and row revision (PostgreSQL's `xmin`, which changes when the row
 * is rewritten, e.g. by an erasure — in this process or another): a published version is read
 * from the database once, not on every page view. Items are shared: callers must not mutate them.
 */
const parsed = new Map<string, ProgrammeItem[]>();
const CACHED_VERSIONS = 32;

async function sessionsOfVersions(db: Db, eventIds: string[]): Promise<ProgrammeItem[][]> {
  if (eventIds.length === 0) return [];
  const heads = await db
    .selectDistinctOn([programmeVersions.eventId], {
      id: programmeVersions.id,
      revision: sql<string>`${programmeVersions}.xmin::text`,
    })
    .from(programmeVersions)
    .where(inArray(programmeVersions.eventId, eventIds))
    .orderBy(programmeVersions.eventId, desc(programmeVersions.number));
  const key = (h: { id: string; revision: string }) => `${h.id}:${h.revision}`;
  const missing = heads.filter((h) => !parsed.has(key(h)));
  if (missing.length) {
    const rows = await db
      .select({
        id: programmeVersions.id,
        revision: sql<string>`${programmeVersions}.xmin::text`,
        snapshot: programmeVersions.snapshot,
      })
      .from(programmeVersions)
      .where(
        inArray(
          programmeVersions.id,
          missing.map((h) => h.id),
        ),
      );
    for (const row of rows) {
      if (parsed.size >= CACHED_VERSIONS) parsed.delete(parsed.keys().next().value!);
      parsed.set(key(row), readSnapshot(row.snapshot).sessions);
    }
  }
  return heads.map((h) => parsed.get(key(h)) ?? []);
}

/** Published sessions of `eventIds`, ordered by start, then room, then position. */
export async function publishedProgrammeOf(db: Db, eventIds: string[]): Promise<ProgrammeItem[]> {
  return (await sessionsOfVersions(db, eventIds))
    .flat()
    .sort(
      (a, b) =>
        a.startsAt.getTime() - b.startsAt.getTime() ||
        a.position - b.position ||
        (a.room?.name ?? '').localeCompare(b.room?.name ?? ''),
    );
}

/**
 * The public programme of an edition: published, public events and their newest versions, the
 * zone times are shown in, and each session's room (or its event's venue when it has no room).
 */
export async function publishedProgramme(db: Db, edition: Edition) {
  const published = (await listEvents(db, edition.id)).filter(
    (r) => r.event.published && r.event.visibility === 'public',
  );
  const items = await publishedProgrammeOf(
    db,
    published.map((r) => r.event.id),
  );
  const zone = published[0]?.event.timeZone ?? 'UTC';
  const venueOf = new Map(published.map((r) => [r.event.id, r.venue?.name ?? r.event.titleEs]));
  return {
    published,
    items,
    zone,
    roomName: (s: ProgrammeItem) => s.room?.name ?? venueOf.get(s.eventId)!,
  };
}

/** One published session of an edition (any visibility), with its event; undefined if none. */
export async function findPublishedSession(db: Db, o: { edition: Edition; sessionId: string }) {
  const rows = (await listEvents(db, o.edition.id)).filter((r) => r.event.published);
  const items = await publishedProgrammeOf(
    db,
    rows.map((r) => r.event.id),
  );
  const item = items.find((s) => s.id === o.sessionId);
  if (!item) return undefined;
  return { item, event: rows.find((r) => r.event.id === item.eventId)!.event };
}

/** Every published version of `eventIds`, newest first (the public changelog). */
export function listVersions(db: Db, eventIds: string[]) {
  if (eventIds.length === 0) return Promise.resolve([]);
  return db
    .select({
      eventId: programmeVersions.eventId,
      number: programmeVersions.number,
      changes: programmeVersions.changes,
      publishedAt: programmeVersions.publishedAt,
    })
    .from(programmeVersions)
    .where(inArray(programmeVersions.eventId, eventIds))
    .orderBy(desc(programmeVersions.publishedAt), desc(programmeVersions.number));
}

/** Removes erased people from every published snapshot and changelog, keeping the sessions. */
export async function forgetPeopleInVersions(db: Db, personIds: string[]): Promise<void> {
  const ids = personIds.filter((id) => isUuid(id));
  if (ids.length === 0) return;
  const pattern = ids.join('|');
  const rows = await db
    .select()
    .from(programmeVersions)
    .where(
      sql`${programmeVersions.snapshot}::text ~ ${pattern} or ${programmeVersions.changes}::text ~ ${pattern}`,
    );
  const gone = new Set(ids);
  for (const row of rows) {
    const snap = row.snapshot as { sessions: { people: { personId: string }[] }[] };
    for (const s of snap.sessions) s.people = s.people.filter((p) => !gone.has(p.personId));
    const changes = (row.changes as { personIds: string[] }[]).map((c) => ({
      ...c,
      personIds: c.personIds.filter((id) => !gone.has(id)),
    }));
    await db
      .update(programmeVersions)
      .set({ snapshot: snap, changes })
      .where(eq(programmeVersions.id, row.id));
  }
}
