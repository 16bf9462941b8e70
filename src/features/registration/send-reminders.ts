/**
 * Reminds confirmed registrants a day or two before their event, once each: the rows are claimed
 * with one UPDATE (`FOR UPDATE SKIP LOCKED`), so two app processes never remind anyone twice.
 *
 * @example
 * const { sent } = await sendReminders(deps); // run by the timer in server.ts
 */
import { and, eq, gt, inArray, isNull, lte } from 'drizzle-orm';
import type { AppDeps } from '../../http/types';
import { events } from '../programme/schema';
import { registrations } from './schema';
import { sendRegistrationMail } from './send-registration-mail';

/** How long before an event its registrants are reminded. */
export const REMIND_HOURS_BEFORE = 48;

export async function sendReminders(
  deps: Pick<AppDeps, 'db' | 'mailer' | 'log' | 'env' | 'secret'>,
  now = new Date(),
) {
  const until = new Date(now.getTime() + REMIND_HOURS_BEFORE * 3_600_000);
  const due = deps.db
    .select({ id: registrations.id })
    .from(registrations)
    .innerJoin(events, eq(events.id, registrations.eventId))
    .where(
      and(
        eq(registrations.status, 'confirmed'),
        eq(registrations.sample, false),
        isNull(registrations.remindedAt),
        gt(events.startsAt, now),
        lte(events.startsAt, until),
      ),
    )
    .orderBy(registrations.id)
    .limit(500)
    .for('update', { of: registrations, skipLocked: true });
  const ids = await deps.db
    .update(registrations)
    .set({ remindedAt: now })
    .where(inArray(registrations.id, due))
    .returning({ id: registrations.id });
  for (const { id } of ids)
    await sendRegistrationMail(deps, { registrationId: id, state: 'reminder' });
  return { sent: ids.length };
}
