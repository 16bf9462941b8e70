/**
 * Puts a proposed topic on the shortlist the committee votes on.
 *
 * @example
 * await shortlistTopic(db, { editionId, topicId });
 */
import { InputError } from '../../http/input-error';
import { eq } from 'drizzle-orm';
import type { Db } from '../../db/client';
import { lockTopic } from './lock-topic';
import { topics } from './schema';

export async function shortlistTopic(db: Db, o: { editionId: string; topicId: string }) {
  return db.transaction(async (tx) => {
    const topic = await lockTopic(tx, o);
    if (!topic) return undefined;
    if (topic.status !== 'proposed') throw new InputError({ _form: 'topics.error.notProposed' });
    const [row] = await tx
      .update(topics)
      .set({ status: 'shortlisted', decidedAt: new Date() })
      .where(eq(topics.id, topic.id))
      .returning();
    return row!;
  });
}
