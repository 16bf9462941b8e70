/**
 * Casts or withdraws a committee member's vote for a shortlisted topic: one vote per member per
 * topic (the primary key refuses a second), so casting twice counts once.
 *
 * @example
 * await setTopicVote(db, { editionId, topicId, userId, vote: true });
 */
import { InputError } from '../../http/input-error';
import { and, eq } from 'drizzle-orm';
import type { Db } from '../../db/client';
import { lockTopic } from './lock-topic';
import { topicVotes } from './schema';

export async function setTopicVote(
  db: Db,
  o: { editionId: string; topicId: string; userId: string; vote: boolean },
) {
  return db.transaction(async (tx) => {
    const topic = await lockTopic(tx, o);
    if (!topic) return undefined;
    if (topic.status !== 'shortlisted')
      throw new InputError({ _form: 'topics.vote.notShortlisted' });
    if (o.vote)
      await tx
        .insert(topicVotes)
        .values({ topicId: topic.id, userId: o.userId })
        .onConflictDoNothing();
    else
      await tx
        .delete(topicVotes)
        .where(and(eq(topicVotes.topicId, topic.id), eq(topicVotes.userId, o.userId)));
    return topic;
  });
}
