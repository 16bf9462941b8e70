/**
 * The registration a private link points to, with its event.
 *
 * @example
 * const found = await findRegistrationByToken(db, token); // undefined for an unknown link
 */
import { eq } from 'drizzle-orm';
import type { Db } from '../../db/client';
import { sha256 } from '../../lib/crypto';
import { editions, events } from '../programme/schema';
import { registrations } from './schema';

export async function findRegistrationByToken(db: Db, token: string) {
  if (!/^[A-Za-z0-9_-]{20,100}$/.test(token)) return undefined;
  const [row] = await db
    .select({ registration: registrations, event: events, edition: editions })
    .from(registrations)
    .innerJoin(events, eq(events.id, registrations.eventId))
    .innerJoin(editions, eq(editions.id, events.editionId))
    .where(eq(registrations.tokenHash, sha256(token)));
  return row;
}
