/**
 * Which of these events take registrations now (opened, not yet closed): the public edition
 * page's "register" links, given to the programme through the module's `provides`.
 *
 * @example
 * const open = await findOpenRegistrations(db, eventIds); // Set { eventId }
 */
import { inArray } from 'drizzle-orm';
import type { Db } from '../../db/client';
import { registrationSettings } from './schema';

export async function findOpenRegistrations(
  db: Db,
  eventIds: string[],
  now = new Date(),
): Promise<Set<string>> {
  if (eventIds.length === 0) return new Set();
  const rows = await db
    .select()
    .from(registrationSettings)
    .where(inArray(registrationSettings.eventId, eventIds));
  return new Set(
    rows
      .filter((s) => (!s.opensAt || s.opensAt <= now) && (!s.closesAt || now < s.closesAt))
      .map((s) => s.eventId),
  );
}
