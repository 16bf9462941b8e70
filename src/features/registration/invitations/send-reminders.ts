/**
 * Reminds, in one step, everyone invited to an event who has not answered yet (and has an
 * e-mail): each gets the reminder in their language with their private link, and `remindedAt`
 * is recorded. Those who accepted or declined are never written to, and someone reminded less
 * than a day ago is not reminded again (a double click, two organisers at once: the rows are
 * claimed with one UPDATE).
 *
 * @example
 * const { sent } = await sendInvitationReminders(deps, { eventId });
 */
import { and, eq, inArray, isNotNull, isNull, lt, or } from 'drizzle-orm';
import { z } from 'zod';
import type { AppDeps } from '../../../http/types';
import { invitations } from '../schema';
import { sendInvitationMail } from './send-invitation-mail';

type Deps = Pick<AppDeps, 'db' | 'mailer' | 'log' | 'env' | 'secret'>;

const input = z.object({ eventId: z.uuid(), now: z.date().optional() });

/** A reminder is not repeated within this many hours. */
export const REMIND_AGAIN_HOURS = 24;

/** Who a reminder would go to now: not answered, with an e-mail, not demo data, not just reminded. */
export const dueForReminder = (eventId: string, now: Date) =>
  and(
    eq(invitations.eventId, eventId),
    eq(invitations.status, 'pending'),
    eq(invitations.sample, false),
    isNotNull(invitations.email),
    or(
      isNull(invitations.remindedAt),
      lt(invitations.remindedAt, new Date(now.getTime() - REMIND_AGAIN_HOURS * 3_600_000)),
    ),
  );

export async function sendInvitationReminders(
  deps: Deps,
  o: { eventId: string; now?: Date },
): Promise<{ sent: number }> {
  const { eventId, now = new Date() } = input.parse(o);
  const due = deps.db
    .select({ id: invitations.id })
    .from(invitations)
    .where(dueForReminder(eventId, now))
    .for('update', { skipLocked: true });
  const claimed = await deps.db
    .update(invitations)
    .set({ remindedAt: now })
    .where(and(inArray(invitations.id, due), dueForReminder(eventId, now)))
    .returning({ id: invitations.id });
  for (const { id } of claimed)
    await sendInvitationMail(deps, { invitationId: id, state: 'reminder' });
  return { sent: claimed.length };
}
