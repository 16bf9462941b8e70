/**
 * Takes a track back to the shortlist. Sessions that used its name keep it as free text.
 *
 * @example
 * await unselectTopic(db, { editionId, topicId });
 */
import { InputError } from '../../http/input-error';
import { eq } from 'drizzle-orm';
import type { Db } from '../../db/client';
import { lockTopic } from './lock-topic';
import { topics } from './schema';

export async function unselectTopic(db: Db, o: { editionId: string; topicId: string }) {
  return db.transaction(async (tx) => {
    const topic = await lockTopic(tx, o);
    if (!topic) return undefined;
    if (topic.status !== 'selected') throw new InputError({ _form: 'topics.error.notSelected' });
    const [row] = await tx
      .update(topics)
      .set({ status: 'shortlisted', trackName: null, decidedAt: new Date() })
      .where(eq(topics.id, topic.id))
      .returning();
    return row!;
  });
}
