/**
 * Erases the proposer's name from a topic (a proposer asked, or the committee no longer needs
 * it); the topic, its reason and its decision stay. Names are not linked to accounts or to the
 * network, so this is how a proposer's right to erasure is met.
 *
 * @example
 * await forgetProposer(db, { editionId, topicId });
 */
import { eq } from 'drizzle-orm';
import type { Db } from '../../db/client';
import { lockTopic } from './lock-topic';
import { topics } from './schema';

export async function forgetProposer(db: Db, o: { editionId: string; topicId: string }) {
  return db.transaction(async (tx) => {
    const topic = await lockTopic(tx, o);
    if (!topic) return undefined;
    const [row] = await tx
      .update(topics)
      .set({ proposerName: null, namePublic: false })
      .where(eq(topics.id, topic.id))
      .returning();
    return row!;
  });
}
