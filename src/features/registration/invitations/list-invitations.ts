/**
 * An event's invitations for the organisers' page and exports, by name, and their counts by
 * answer and attendance (demo rows included and marked `sample`).
 *
 * @example
 * const rows = await listInvitations(db, eventId);
 * const counts = countInvitations(rows); // { total, pending, accepted, declined, attended, absent }
 */
import { asc, eq, sql } from 'drizzle-orm';
import type { Db } from '../../../db/client';
import { invitations, type Invitation } from '../schema';

export function listInvitations(db: Db, eventId: string): Promise<Invitation[]> {
  return db
    .select()
    .from(invitations)
    .where(eq(invitations.eventId, eventId))
    .orderBy(asc(sql`lower(${invitations.name})`), asc(invitations.createdAt));
}

export function countInvitations(rows: Pick<Invitation, 'status' | 'attended'>[]) {
  return {
    total: rows.length,
    pending: rows.filter((r) => r.status === 'pending').length,
    accepted: rows.filter((r) => r.status === 'accepted').length,
    declined: rows.filter((r) => r.status === 'declined').length,
    attended: rows.filter((r) => r.attended === true).length,
    absent: rows.filter((r) => r.attended === false).length,
  };
}
