/**
 * Cancels one meeting of a cadence (or a single one), or restores it. The row stays, so the
 * calendar feed tells subscribers it is cancelled instead of silently dropping it.
 *
 * @example
 * await cancelMeeting(db, { meetingId, cancelled: true });
 */
import { eq } from 'drizzle-orm';
import type { Db } from '../../../db/client';
import { meetings } from '../schema';

export async function cancelMeeting(db: Db, o: { meetingId: string; cancelled: boolean }) {
  await db.update(meetings).set({ cancelled: o.cancelled }).where(eq(meetings.id, o.meetingId));
}
