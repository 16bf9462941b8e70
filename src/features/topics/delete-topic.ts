/**
 * Deletes a proposal that is spam or abuse, so its text never reaches the public page. Only a
 * topic still waiting for review (proposed) may be deleted; anything the committee has already
 * decided stays, with its decision, for the record, and so does a topic others were merged into.
 *
 * @example
 * await deleteTopic(db, { editionId, topicId });
 */
import { InputError } from '../../http/input-error';
import { eq } from 'drizzle-orm';
import type { Db } from '../../db/client';
import { lockTopic } from './lock-topic';
import { topics } from './schema';

export async function deleteTopic(db: Db, o: { editionId: string; topicId: string }) {
  return db.transaction(async (tx) => {
    const topic = await lockTopic(tx, o);
    if (!topic) return undefined;
    if (topic.status !== 'proposed') throw new InputError({ _form: 'topics.delete.decided' });
    const [joined] = await tx
      .select({ id: topics.id })
      .from(topics)
      .where(eq(topics.mergedInto, topic.id))
      .limit(1);
    if (joined) throw new InputError({ _form: 'topics.delete.hasMerged' });
    await tx.delete(topics).where(eq(topics.id, topic.id));
    return topic;
  });
}
