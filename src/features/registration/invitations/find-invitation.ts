/**
 * The invitation a private link points to, with its event, edition and venue; undefined for a
 * malformed or unknown link (and for demo rows, whose links were never sent).
 *
 * @example
 * const found = await findInvitationByToken(db, token);
 * found?.invitation.status; // 'pending' | 'accepted' | 'declined'
 */
import { and, eq } from 'drizzle-orm';
import type { Db } from '../../../db/client';
import { sha256 } from '../../../lib/crypto';
import { editions, events, venues } from '../../programme/schema';
import { invitations } from '../schema';

export async function findInvitationByToken(db: Db, token: string) {
  if (!/^[A-Za-z0-9_-]{20,100}$/.test(token)) return undefined;
  const [row] = await db
    .select({ invitation: invitations, event: events, edition: editions, venue: venues })
    .from(invitations)
    .innerJoin(events, eq(events.id, invitations.eventId))
    .innerJoin(editions, eq(editions.id, events.editionId))
    .leftJoin(venues, eq(venues.id, events.venueId))
    .where(and(eq(invitations.tokenHash, sha256(token)), eq(invitations.sample, false)));
  return row;
}
