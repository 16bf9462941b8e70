/**
 * Records after the event who came: yes, no, or blank ("not recorded") per invitation. Only rows
 * of this event are touched; before the event has begun the step is refused.
 *
 * @example
 * await recordAttendance(db, { eventId, attendance: [{ invitationId, attended: true }] });
 */
import { and, eq, inArray } from 'drizzle-orm';
import { z } from 'zod';
import type { Db } from '../../../db/client';
import { events } from '../../programme/schema';
import { invitations } from '../schema';
import { InputError } from '../../../http/input-error';

const input = z.object({
  eventId: z.uuid(),
  attendance: z
    .array(z.object({ invitationId: z.uuid(), attended: z.boolean().nullable() }))
    .max(5000),
});

export async function recordAttendance(
  db: Db,
  o: {
    eventId: string;
    attendance: { invitationId: string; attended: boolean | null }[];
    now?: Date;
  },
): Promise<{ updated: number }> {
  const { eventId, attendance } = input.parse(o);
  const [event] = await db.select().from(events).where(eq(events.id, eventId));
  if (!event) throw new InputError({ _form: 'invitation.error.unknown_event' });
  if ((o.now ?? new Date()) < event.startsAt)
    throw new InputError({ _form: 'invitation.error.event_not_started' });
  let updated = 0;
  await db.transaction(async (tx) => {
    for (const value of [true, false, null]) {
      const ids = attendance.filter((a) => a.attended === value).map((a) => a.invitationId);
      if (!ids.length) continue;
      const rows = await tx
        .update(invitations)
        .set({ attended: value })
        .where(and(eq(invitations.eventId, eventId), inArray(invitations.id, ids)))
        .returning({ id: invitations.id });
      updated += rows.length;
    }
  });
  return { updated };
}
