/**
 * The topics feature's part of a person's data: the topics they proposed while signed in or
 * entered for the committee (`created_by`), with the name they gave and whether it is public, and
 * their votes. Proposals made without an account are linked to no one, so they cannot be found
 * here (an organiser erases such a name with `forgetProposer`). Erasure keeps each topic, its
 * reason and its decision — they belong to the call's history — but removes the proposer's name,
 * its publication and the link to the account; votes go with the account (ON DELETE CASCADE).
 *
 * @example
 * const part = await topicsPersonalData.collect(db, subject);
 * part.topics[0].proposerName; // 'Ana Me', shown publicly when namePublic
 * await topicsPersonalData.erase(tx, subject);
 */
import { eq } from 'drizzle-orm';
import type { PersonalDataPart } from '../../core/module';
import { editions } from '../programme/schema';
import { topics, topicVotes } from './schema';

export const topicsPersonalData: PersonalDataPart = {
  label: 'topics.privacyPart',
  tables: ['topics', 'topic_votes'],
  collect: async (db, subject) => {
    const [proposed, votes] = await Promise.all([
      db
        .select({
          edition: editions.name,
          origin: topics.origin,
          title: topics.title,
          reason: topics.reason,
          stakeholderGroup: topics.stakeholderGroup,
          proposerName: topics.proposerName,
          namePublic: topics.namePublic,
          status: topics.status,
          proposedAt: topics.createdAt,
        })
        .from(topics)
        .innerJoin(editions, eq(editions.id, topics.editionId))
        .where(eq(topics.createdBy, subject.user.id))
        .orderBy(topics.createdAt),
      db
        .select({ edition: editions.name, topic: topics.title, votedAt: topicVotes.createdAt })
        .from(topicVotes)
        .innerJoin(topics, eq(topics.id, topicVotes.topicId))
        .innerJoin(editions, eq(editions.id, topics.editionId))
        .where(eq(topicVotes.userId, subject.user.id)),
    ]);
    return { topics: proposed, votes };
  },
  erase: async (tx, subject) => {
    await tx
      .update(topics)
      .set({ proposerName: null, namePublic: false, createdBy: null })
      .where(eq(topics.createdBy, subject.user.id));
  },
};
