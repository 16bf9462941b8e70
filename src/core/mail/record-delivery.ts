/**
 * Records the result of one delivery try of an outbox message: 'sent', or 'failed' with the error
 * and the next try's time from the back-off (none when the tries are exhausted).
 *
 * @example
 * await recordDelivery(db, { id, attempts: 1, error: null });
 */
import { eq } from 'drizzle-orm';
import type { Db } from '../../db/client';
import { retryAt } from './delivery-policy';
import { outbox } from './schema';

export async function recordDelivery(
  db: Db,
  o: { id: string; attempts: number; error: string | null; now?: Date },
): Promise<'sent' | 'failed'> {
  const now = o.now ?? new Date();
  if (o.error === null) {
    await db
      .update(outbox)
      .set({ status: 'sent', sentAt: now, error: null, nextAttemptAt: null })
      .where(eq(outbox.id, o.id));
    return 'sent';
  }
  await db
    .update(outbox)
    .set({
      status: 'failed',
      error: o.error.slice(0, 500),
      nextAttemptAt: retryAt(o.attempts, now),
    })
    .where(eq(outbox.id, o.id));
  return 'failed';
}
