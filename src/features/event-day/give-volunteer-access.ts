/**
 * Gives a volunteer on the roster access for the event's day (decision 0014): links the account
 * (the one already linked, the network person's, or the one with the volunteer's e-mail), sets
 * the roster place's access to end at the event's end plus the grace, and makes sure the account
 * holds the initiative's `volunteer` role at least until then (the team page shows it). The role
 * alone opens nothing: `eventDayAccess()` also needs the roster place of the event in the URL.
 *
 * @example
 * const { userId, accessUntil } = await giveVolunteerAccess(db, { volunteerId, initiativeId });
 */
import { InputError } from '../../http/input-error';
import { and, eq, sql } from 'drizzle-orm';
import type { Db } from '../../db/client';
import { users } from '../../core/accounts/schema';
import { memberships } from '../../core/initiatives/schema';
import { people } from '../network/schema';
import { events } from '../programme/schema';
import { VOLUNTEER_GRACE_MS } from './permissions';
import { eventVolunteers } from './schema';

export async function giveVolunteerAccess(
  db: Db,
  o: { volunteerId: string; initiativeId: string },
): Promise<{ userId: string; accessUntil: Date }> {
  return db.transaction(async (tx) => {
    const [row] = await tx
      .select({ volunteer: eventVolunteers, endsAt: events.endsAt, personUser: people.userId })
      .from(eventVolunteers)
      .innerJoin(events, eq(events.id, eventVolunteers.eventId))
      .leftJoin(people, eq(people.id, eventVolunteers.personId))
      .where(eq(eventVolunteers.id, o.volunteerId));
    if (!row) throw new InputError({ volunteer: { key: 'eventDay.volunteer.unknown' } });
    let userId = row.volunteer.userId ?? row.personUser;
    if (!userId && row.volunteer.email) {
      const [user] = await tx
        .select({ id: users.id })
        .from(users)
        .where(sql`lower(${users.email}) = lower(${row.volunteer.email})`);
      userId = user?.id ?? null;
    }
    if (!userId) throw new InputError({ email: { key: 'eventDay.access.noAccount' } });
    const accessUntil = new Date(row.endsAt.getTime() + VOLUNTEER_GRACE_MS);
    await tx
      .update(eventVolunteers)
      .set({ userId, accessUntil })
      .where(eq(eventVolunteers.id, o.volunteerId));
    const [member] = await tx
      .select({ expiresAt: memberships.expiresAt })
      .from(memberships)
      .where(
        and(
          eq(memberships.initiativeId, o.initiativeId),
          eq(memberships.userId, userId),
          eq(memberships.role, 'volunteer'),
        ),
      );
    if (!member) {
      await tx.insert(memberships).values({
        initiativeId: o.initiativeId,
        userId,
        role: 'volunteer',
        expiresAt: accessUntil,
      });
    } else if (member.expiresAt && member.expiresAt < accessUntil) {
      await tx
        .update(memberships)
        .set({ expiresAt: accessUntil })
        .where(
          and(
            eq(memberships.initiativeId, o.initiativeId),
            eq(memberships.userId, userId),
            eq(memberships.role, 'volunteer'),
          ),
        );
    }
    return { userId, accessUntil };
  });
}

/**
 * Ends a volunteer's event-day access now (the roster place stays).
 *
 * @example
 * await endVolunteerAccess(db, { volunteerId });
 */
export async function endVolunteerAccess(db: Db, o: { volunteerId: string }): Promise<void> {
  await db
    .update(eventVolunteers)
    .set({ accessUntil: null })
    .where(eq(eventVolunteers.id, o.volunteerId));
}
