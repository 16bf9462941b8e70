/**
 * The timer's job: offers that ran out pass to the next person waiting, and both are told;
 * registrants of events starting soon get their reminder.
 *
 * @example
 * setInterval(() => void sweepOffers(deps), 5 * 60_000);
 */
import type { AppDeps } from '../../http/types';
import { passOnExpiredOffers } from './change-status';
import { sendReminders } from './send-reminders';
import { sendRegistrationMail } from './send-registration-mail';

export async function sweepOffers(deps: AppDeps, now = new Date()) {
  const moved = await passOnExpiredOffers({ db: deps.db, now });
  for (const r of moved.offered)
    await sendRegistrationMail(deps, { registrationId: r.id, state: 'offered' });
  for (const r of moved.expired)
    await sendRegistrationMail(deps, { registrationId: r.id, state: 'expired' });
  const reminded = await sendReminders(deps, now);
  return { offered: moved.offered.length, expired: moved.expired.length, reminded: reminded.sent };
}
