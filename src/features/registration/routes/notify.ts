import type { Context } from 'hono';
import type { AppEnv } from '../../../http/types';
import type { Registration } from '../schema';
import { sendRegistrationMail } from '../send-registration-mail';

/** Writes to everyone a step moved on the waiting list: offered a seat, or whose offer ran out. */
export async function notifyMoves(
  c: Context<AppEnv>,
  moved: { offered: Registration[]; expired: Registration[] },
) {
  for (const r of moved.offered)
    await sendRegistrationMail(c.var.deps, { registrationId: r.id, state: 'offered' });
  for (const r of moved.expired)
    await sendRegistrationMail(c.var.deps, { registrationId: r.id, state: 'expired' });
}
