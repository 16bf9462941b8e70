/**
 * The newest published version of an event's programme, or undefined before the first.
 *
 * @example
 * const last = await findLatestVersion(db, { eventId: event.id });
 * const next = (last?.number ?? 0) + 1;
 */
import { desc, eq } from 'drizzle-orm';
import type { Db } from '../../../db/client';
import { programmeVersions } from '../schema';

export async function findLatestVersion(db: Db, o: { eventId: string }) {
  const [last] = await db
    .select()
    .from(programmeVersions)
    .where(eq(programmeVersions.eventId, o.eventId))
    .orderBy(desc(programmeVersions.number))
    .limit(1);
  return last;
}
