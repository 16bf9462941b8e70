/**
 * Rejects a proposed or shortlisted topic, with the reason the public topics page shows.
 *
 * @example
 * await rejectTopic(db, { editionId, topicId, reason: 'Fuera del alcance del foro' });
 */
import { InputError } from '../../http/input-error';
import { eq } from 'drizzle-orm';
import type { Db } from '../../db/client';
import { lockTopic } from './lock-topic';
import { topics } from './schema';

export async function rejectTopic(
  db: Db,
  o: { editionId: string; topicId: string; reason: string },
) {
  return db.transaction(async (tx) => {
    const topic = await lockTopic(tx, o);
    if (!topic) return undefined;
    if (topic.status !== 'proposed' && topic.status !== 'shortlisted')
      throw new InputError({ reason: 'topics.error.notOpenForDecision' });
    const [row] = await tx
      .update(topics)
      .set({ status: 'rejected', decisionNote: o.reason, decidedAt: new Date() })
      .where(eq(topics.id, topic.id))
      .returning();
    return row!;
  });
}
