/**
 * Registrations of an event for organisers: a filtered, paged list, counts by status, stakeholder
 * group, gender, country and institution, interest per session, and the export rows.
 *
 * @example
 * const { rows, total } = await listRegistrations(db, { eventId, q: 'unis', status: 'confirmed', page: 1, perPage: 50 });
 */
import { and, asc, count, desc, eq, ilike, or, sql, type SQL } from 'drizzle-orm';
import type { Db } from '../../db/client';
import { programmeSessions, rooms } from '../programme/schema';
import {
  holdingOrWaiting,
  registrations,
  sessionInterests,
  sessionLimits,
  type RegistrationStatus,
} from './schema';

export type RegistrationFilter = { eventId: string; q?: string; status?: RegistrationStatus };

function where(f: RegistrationFilter): SQL {
  const parts: SQL[] = [eq(registrations.eventId, f.eventId)];
  if (f.status) parts.push(eq(registrations.status, f.status));
  const q = f.q?.trim();
  if (q) {
    const like = `%${q.replace(/[%_\\]/g, (m) => `\\${m}`)}%`;
    parts.push(
      or(
        ilike(registrations.name, like),
        ilike(registrations.email, like),
        ilike(registrations.institution, like),
      )!,
    );
  }
  return and(...parts)!;
}

export async function listRegistrations(
  db: Db,
  f: RegistrationFilter & { page: number; perPage: number },
) {
  const condition = where(f);
  const [rows, [total]] = await Promise.all([
    db
      .select()
      .from(registrations)
      .where(condition)
      .orderBy(asc(registrations.queuedAt), asc(registrations.name))
      .limit(f.perPage)
      .offset((f.page - 1) * f.perPage),
    db.select({ n: count() }).from(registrations).where(condition),
  ]);
  return { rows, total: total?.n ?? 0 };
}

/** Every registration the filter matches, for an export. */
export function allRegistrations(db: Db, f: RegistrationFilter) {
  return db.select().from(registrations).where(where(f)).orderBy(asc(registrations.queuedAt));
}

/** Counts of the event's active registrations (not cancelled, declined or expired). */
export async function registrationCounts(db: Db, eventId: string) {
  const by = (column: SQL | typeof registrations.status) =>
    db
      .select({ key: sql<string | null>`${column}`, n: count() })
      .from(registrations)
      .where(
        and(
          eq(registrations.eventId, eventId),
          sql`${registrations.status} in ('confirmed', 'pending', 'waiting', 'offered')`,
        ),
      )
      .groupBy(sql`1`)
      .orderBy(desc(count()), sql`1`);
  const [status, group, gender, country, institution] = await Promise.all([
    db
      .select({ key: registrations.status, n: count() })
      .from(registrations)
      .where(eq(registrations.eventId, eventId))
      .groupBy(registrations.status),
    by(sql`${registrations.stakeholderGroup}`),
    by(sql`${registrations.gender}`),
    by(sql`${registrations.country}`),
    by(sql`${registrations.institution}`),
  ]);
  return { status, group, gender, country, institution: institution.slice(0, 10) };
}

/** Registered interest per session of the event, beside its room's capacity. */
export async function interestBySession(db: Db, eventId: string) {
  return db
    .select({
      sessionId: programmeSessions.id,
      titleEs: programmeSessions.titleEs,
      titleEn: programmeSessions.titleEn,
      room: rooms.name,
      capacity: rooms.capacity,
      interested: sql<number>`(select count(*)::int from ${sessionInterests} si join ${registrations} r on r.id = si.registration_id where si.session_id = ${programmeSessions.id} and r.status in ${holdingOrWaiting})`,
      places: sessionLimits.places,
    })
    .from(programmeSessions)
    .leftJoin(rooms, eq(rooms.id, programmeSessions.roomId))
    .leftJoin(sessionLimits, eq(sessionLimits.sessionId, programmeSessions.id))
    .where(eq(programmeSessions.eventId, eventId))
    .orderBy(asc(programmeSessions.startsAt), asc(programmeSessions.position));
}
