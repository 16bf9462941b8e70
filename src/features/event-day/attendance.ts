/**
 * Attendance per session from the room counts: the peak of the start, middle and end counts,
 * set against the room's capacity and against registered interest, and the "most attended
 * sessions" the annual report names. The arithmetic is pure; the loaders read the database.
 *
 * @example
 * const rows = await loadAttendance(db, eventId);
 * mostAttendedSessions(rows, { limit: 3, kinds: ['panel'] }); // the three fullest panels
 */
import { and, asc, eq, inArray } from 'drizzle-orm';
import type { Db } from '../../db/client';
import { events, programmeSessions, rooms } from '../programme/schema';
import { interestBySession } from '../registration/index';
import { countMoments, roomCounts, type CountMoment } from './schema';

export type SessionAttendance = {
  sessionId: string;
  eventId: string;
  titleEs: string;
  titleEn: string | null;
  kind: string;
  startsAt: Date;
  room: string | null;
  capacity: number | null;
  interested: number;
  counts: Partial<Record<CountMoment, number>>;
  /** True when any of the counts is demo data. */
  sample: boolean;
};

/** The largest of the counts, or null when nobody counted. */
export function peakCount(counts: Partial<Record<CountMoment, number>>): number | null {
  const values = countMoments.map((m) => counts[m]).filter((v): v is number => v !== undefined);
  return values.length ? Math.max(...values) : null;
}

/** A whole percentage of `part` in `whole`; null when either is unknown or the whole is 0. */
export function percentOf(part: number | null, whole: number | null): number | null {
  if (part === null || whole === null || whole <= 0) return null;
  return Math.round((part / whole) * 100);
}

/**
 * The sessions with the highest peak count, highest first (ties: earlier session first, then
 * title); sessions nobody counted are left out; `kinds` keeps only those kinds (e.g. panels).
 *
 * @example
 * mostAttendedSessions(rows, { limit: 3, kinds: ['panel'] });
 */
export function mostAttendedSessions(
  rows: readonly SessionAttendance[],
  o: { limit?: number; kinds?: readonly string[] } = {},
): (SessionAttendance & { peak: number })[] {
  return rows
    .filter((r) => !o.kinds || o.kinds.includes(r.kind))
    .map((r) => ({ ...r, peak: peakCount(r.counts) }))
    .filter((r): r is SessionAttendance & { peak: number } => r.peak !== null)
    .sort(
      (a, b) =>
        b.peak - a.peak ||
        a.startsAt.getTime() - b.startsAt.getTime() ||
        a.titleEs.localeCompare(b.titleEs, 'es'),
    )
    .slice(0, o.limit ?? 3);
}

async function countsBySession(db: Db, sessionIds: string[]) {
  const map = new Map<string, { counts: Partial<Record<CountMoment, number>>; sample: boolean }>();
  if (sessionIds.length === 0) return map;
  const rows = await db.select().from(roomCounts).where(inArray(roomCounts.sessionId, sessionIds));
  for (const r of rows) {
    const entry = map.get(r.sessionId) ?? { counts: {}, sample: false };
    entry.counts[r.moment] = r.headcount;
    entry.sample ||= r.sample;
    map.set(r.sessionId, entry);
  }
  return map;
}

/** Every session of an event in programme order with its counts, capacity and interest. */
export async function loadAttendance(db: Db, eventId: string): Promise<SessionAttendance[]> {
  const [sessions, interest] = await Promise.all([
    db
      .select({
        sessionId: programmeSessions.id,
        titleEs: programmeSessions.titleEs,
        titleEn: programmeSessions.titleEn,
        kind: programmeSessions.kind,
        startsAt: programmeSessions.startsAt,
        room: rooms.name,
        capacity: rooms.capacity,
      })
      .from(programmeSessions)
      .leftJoin(rooms, eq(rooms.id, programmeSessions.roomId))
      .where(eq(programmeSessions.eventId, eventId))
      .orderBy(asc(programmeSessions.startsAt), asc(programmeSessions.position)),
    interestBySession(db, eventId),
  ]);
  const interested = new Map(interest.map((i) => [i.sessionId, i.interested]));
  const counts = await countsBySession(
    db,
    sessions.map((s) => s.sessionId),
  );
  return sessions.map((s) => ({
    ...s,
    eventId,
    interested: interested.get(s.sessionId) ?? 0,
    counts: counts.get(s.sessionId)?.counts ?? {},
    sample: counts.get(s.sessionId)?.sample ?? false,
  }));
}

/**
 * The most attended sessions of a whole edition (every event), for the annual report.
 *
 * @example
 * await loadMostAttendedSessions(db, { editionId, limit: 3, kinds: ['panel'] });
 */
export async function loadMostAttendedSessions(
  db: Db,
  o: { editionId: string; limit?: number; kinds?: readonly string[] },
) {
  const list = await db
    .select({ id: events.id })
    .from(events)
    .where(and(eq(events.editionId, o.editionId)));
  const rows = (await Promise.all(list.map((e) => loadAttendance(db, e.id)))).flat();
  return mostAttendedSessions(rows, o);
}
