/**
 * Merges a duplicate into another topic of the edition: the duplicate is marked `merged` and
 * points at the topic it joined, its votes move there (a member who voted for both keeps one
 * vote; a proposed topic that receives a shortlisted duplicate joins the shortlist), and topics
 * merged into the duplicate earlier now point at the same topic.
 *
 * @example
 * await mergeTopic(db, { editionId, topicId: duplicate.id, intoId: original.id });
 */
import { InputError } from '../../http/input-error';
import { and, eq, inArray } from 'drizzle-orm';
import type { Db } from '../../db/client';
import { lockTopic } from './lock-topic';
import { topics, topicVotes } from './schema';

const open = ['proposed', 'shortlisted'];

export async function mergeTopic(
  db: Db,
  o: { editionId: string; topicId: string; intoId: string },
) {
  if (o.topicId === o.intoId) throw new InputError({ into: 'topics.merge.self' });
  return db.transaction(async (tx) => {
    // Lock both rows in a fixed order so two opposite merges cannot deadlock.
    const [first, second] = [o.topicId, o.intoId].sort();
    const a = await lockTopic(tx, { editionId: o.editionId, topicId: first! });
    const b = await lockTopic(tx, { editionId: o.editionId, topicId: second! });
    const topic = a?.id === o.topicId ? a : b;
    const into = a?.id === o.intoId ? a : b;
    if (!topic) return undefined;
    if (!into) throw new InputError({ into: 'form.invalid' });
    if (!open.includes(topic.status))
      throw new InputError({ into: 'topics.error.notOpenForDecision' });
    if (!open.includes(into.status) && into.status !== 'selected')
      throw new InputError({ into: 'topics.merge.targetClosed' });
    const votes = await tx
      .select({ userId: topicVotes.userId })
      .from(topicVotes)
      .where(eq(topicVotes.topicId, topic.id));
    if (topic.status === 'shortlisted' && into.status === 'proposed')
      await tx.update(topics).set({ status: 'shortlisted' }).where(eq(topics.id, into.id));
    if (votes.length)
      await tx
        .insert(topicVotes)
        .values(votes.map((v) => ({ topicId: into.id, userId: v.userId })))
        .onConflictDoNothing();
    await tx.delete(topicVotes).where(eq(topicVotes.topicId, topic.id));
    await tx
      .update(topics)
      .set({ mergedInto: into.id })
      .where(and(eq(topics.mergedInto, topic.id), inArray(topics.status, ['merged'])));
    const [row] = await tx
      .update(topics)
      .set({ status: 'merged', mergedInto: into.id, decidedAt: new Date() })
      .where(eq(topics.id, topic.id))
      .returning();
    return row!;
  });
}
